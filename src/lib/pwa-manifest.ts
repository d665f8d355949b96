/** The web app manifest, kept in TypeScript so vite.config.ts and tests read the same values. */
export const manifest = {
	name: 'Fieldcheck',
	short_name: 'Fieldcheck',
	description: 'Offline-first checks of court orders and bail conditions for domestic-abuse teams',
	start_url: '/',
	scope: '/',
	display: 'standalone' as const,
	orientation: 'any' as const,
	background_color: '#0f172a',
	theme_color: '#0f172a',
	lang: 'en-GB',
	icons: [
		{ src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
		{ src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
		{ src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' }
	]
};
