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
		// Benchmarks and scripts are type-checked with the app (npm run check), not only run.
		typescript: {
			config: (tsconfig) => {
				tsconfig.include.push('../bench/**/*.ts', '../scripts/**/*.ts', '../scripts/**/*.js');
			}
		}
	}
};

export default config;
