/// <reference lib="webworker" />
import {
	cleanupOutdatedCaches,
	createHandlerBoundToURL,
	precacheAndRoute
} from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';

declare const self: ServiceWorkerGlobalScope;

/**
 * Precaches the built app and answers every page navigation with the app shell, so any page
 * opens with no signal. The shell renders the route on the device from IndexedDB.
 * `/api/` is never answered from here: an API call offline must fail, not get a page.
 */
export function installAppShell(): void {
	// Must be spelled `self.__WB_MANIFEST`: the build replaces exactly that text with the list.
	precacheAndRoute(self.__WB_MANIFEST);
	cleanupOutdatedCaches();
	registerRoute(
		new NavigationRoute(createHandlerBoundToURL('/'), {
			denylist: [/^\/api\//, /^\/service-worker\.js$/, /^\/manifest\.webmanifest$/]
		})
	);
}
