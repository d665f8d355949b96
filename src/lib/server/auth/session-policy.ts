import { env } from '$env/dynamic/private';

/**
 * Session lifetimes (ASVS 5.0 V7.3, argued in docs/security.md):
 * - absolute: at most 16 h from sign-in, a long shift; configurable lower, never higher;
 * - idle: 4 h without any request by default. The device's own lock (≤ 30 min idle) is what
 *   guards an unattended tablet; the server's idle limit ends sessions of devices that have
 *   gone quiet, without forcing an officer back to the station after a long spell without signal.
 */
export const MAX_SESSION_HOURS = 16;
const DEFAULT_IDLE_MINUTES = 240;

function number(raw: string | undefined, fallback: number): number {
	const n = Number(raw);
	return raw && Number.isFinite(n) && n > 0 ? n : fallback;
}

export function sessionLifetimeMs(): number {
	return (
		Math.min(number(env.FIELDCHECK_SESSION_MAX_HOURS, MAX_SESSION_HOURS), MAX_SESSION_HOURS) *
		3_600_000
	);
}

export function sessionIdleMs(): number {
	const idle = number(env.FIELDCHECK_SESSION_IDLE_MINUTES, DEFAULT_IDLE_MINUTES) * 60_000;
	return Math.min(idle, sessionLifetimeMs());
}

/** last_seen_at is rewritten at most this often: a busy device is not a write per request. */
export const TOUCH_EVERY_MS = 60_000;
