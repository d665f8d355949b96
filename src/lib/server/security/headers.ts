import type { RequestEvent } from '@sveltejs/kit';
import { env } from '$env/dynamic/private';
import { DEFAULT_TILE_URL } from '../../domain/map-config';
import { isSecureDeployment } from './config';

/**
 * Security headers for every response. Scripts and styles are governed by the CSP SvelteKit
 * builds from `kit.csp` (svelte.config.js: hashes of its inline boot script, also as a <meta>
 * in the prerendered shell); this runtime policy adds what a <meta> cannot carry
 * (frame-ancestors) and what depends on configuration (the OSRM origin). Browsers enforce
 * every policy they receive, so the result is the stricter of the two.
 */

function osrmOrigin(): string | null {
	try {
		return env.FIELDCHECK_OSRM_URL ? new URL(env.FIELDCHECK_OSRM_URL).origin : null;
	} catch {
		return null;
	}
}

/**
 * The basemap's tile server as a CSP source: tiles are drawn as images, and fetched by the
 * service worker to keep the ones an officer has looked at. `{s}` (sub-domains) becomes `*`.
 */
export function tileSource(
	template = env.FIELDCHECK_TILE_URL?.trim() || DEFAULT_TILE_URL
): string | null {
	if (template === 'none') return null;
	const m = /^https:\/\/([^/]+)\//.exec(template);
	if (!m) return null;
	const host = m[1]!.replace(/\{s\}/g, '*');
	return /^[A-Za-z0-9.*:-]+$/.test(host) ? `https://${host}` : null;
}

export function runtimePolicy(): string {
	const tiles = tileSource();
	const connect = ["'self'", osrmOrigin(), tiles].filter(Boolean).join(' ');
	const img = ["'self' data: blob:", tiles].filter(Boolean).join(' ');
	return [
		`connect-src ${connect}`,
		`img-src ${img}`,
		"media-src 'self' blob:",
		"font-src 'self'",
		"manifest-src 'self'",
		"worker-src 'self'",
		"frame-src 'none'",
		"object-src 'none'",
		"base-uri 'self'",
		"form-action 'self'",
		"frame-ancestors 'none'"
	].join('; ');
}

/** Only camera and geolocation, for this origin; WebAuthn keeps its default ('self'). */
export const PERMISSIONS_POLICY = [
	'camera=(self)',
	'geolocation=(self)',
	'microphone=()',
	'display-capture=()',
	'payment=()',
	'usb=()',
	'serial=()',
	'hid=()',
	'bluetooth=()',
	'midi=()',
	'accelerometer=()',
	'gyroscope=()',
	'magnetometer=()',
	'browsing-topics=()'
].join(', ');

export const HSTS = 'max-age=63072000; includeSubDomains';

/** Header name → value for any response (static files included, see static-headers.ts). */
export function securityHeaders(): [string, string][] {
	const headers: [string, string][] = [
		['x-content-type-options', 'nosniff'],
		['referrer-policy', 'no-referrer'],
		['x-frame-options', 'DENY'],
		['permissions-policy', PERMISSIONS_POLICY],
		['cross-origin-opener-policy', 'same-origin']
	];
	if (isSecureDeployment()) headers.push(['strict-transport-security', HSTS]);
	return headers;
}

export function applySecurityHeaders(event: RequestEvent, response: Response): void {
	for (const [name, value] of securityHeaders()) response.headers.set(name, value);
	// Appended, not set: a page already carries SvelteKit's script policy, which must stay.
	response.headers.append('content-security-policy', runtimePolicy());
	if (event.url.pathname.startsWith('/api/')) response.headers.set('cache-control', 'no-store');
}
