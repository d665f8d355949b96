/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
// The entry only wires events; each concern lives in its own module.
import { installAppShell } from './app-shell';
import { installBackgroundSync } from './background-sync';
import { installKeyHolder } from './key-holder';
import { installTileCache } from './tile-cache';
import { installUpdateControl } from './update-control';

declare const self: ServiceWorkerGlobalScope;

installUpdateControl(self);
installAppShell();
installBackgroundSync(self);
installKeyHolder(self);
installTileCache();
