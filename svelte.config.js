import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: {
		runes: true
	},
	kit: {
		adapter: adapter({ out: 'build', precompress: true }),
		// The service worker is registered by workbox-window (see $lib/client/pwa) so that an
		// update waits for the officer instead of reloading the page under them.
		serviceWorker: { register: false },
		files: { serviceWorker: 'src/service-worker' },
		// The service worker answers every page with one cached shell, so its asset URLs must
		// be absolute: a relative "./_app/…" would break under /subjects/….
		paths: { relative: false },
		csrf: { trustedOrigins: [] },
		// Scripts and styles only (hashes of SvelteKit's inline boot script, also as a <meta> in
		// the prerendered shell). frame-ancestors, connect-src and the rest come at run time
		// from src/lib/server/security/headers.ts: a <meta> cannot carry frame-ancestors, and
		// the routing service's origin is configuration. Browsers enforce both policies.
		csp: {
			mode: 'hash',
			directives: {
				'script-src': ['self', 'wasm-unsafe-eval'],
				// Svelte and Leaflet set style attributes; no inline <style> elements are used.
				'style-src': ['self', 'unsafe-inline'],
				'object-src': ['none'],
				'base-uri': ['self']
			}
		},
		// Benchmarks and scripts are type-checked with the app (npm run check), not only run.
		typescript: {
			config: (tsconfig) => {
				tsconfig.include.push('../bench/**/*.ts', '../scripts/**/*.ts', '../scripts/**/*.js');
			}
		}
	}
};

export default config;
