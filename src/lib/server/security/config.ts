import { env } from '$env/dynamic/private';

/**
 * Deployment facts taken from configuration, never from the request: behind a TLS-terminating
 * proxy the request the app sees is plain http, so "is this https?" must come from here.
 */

/** The app's public origin (ORIGIN, as adapter-node reads it), or null when unset. */
export function appOrigin(): string | null {
	try {
		return env.ORIGIN ? new URL(env.ORIGIN).origin : null;
	} catch {
		return null;
	}
}

/**
 * Whether cookies carry `Secure` and responses HSTS. FIELDCHECK_SECURE_COOKIES=1/0 decides;
 * otherwise an http ORIGIN means no (a test or a trusted LAN), anything else means yes
 * (browsers accept Secure cookies from http://localhost, so the quick start still works).
 */
export function isSecureDeployment(): boolean {
	if (env.FIELDCHECK_SECURE_COOKIES === '1') return true;
	if (env.FIELDCHECK_SECURE_COOKIES === '0') return false;
	const origin = appOrigin();
	return origin === null || origin.startsWith('https:');
}
