import { sha256Hex, utf8 } from './bytes';
import type { Visit } from './visit';

/**
 * Tamper evidence: at finalise the device hashes a canonical form of the visit, its photos'
 * hashes and the previous visit's hash from the same device, so each device's visits form a
 * chain. The server recomputes the hash on arrival and checks the links (server/sync/chain.ts).
 *
 * Canonical form: JSON with object keys sorted at every level, no whitespace, arrays in their
 * order, and the visit's own `hash`/`prevHash` left out (they are what is being computed).
 * Compute it over the visit exactly as it travels (after `visitSchema.parse`, which trims short
 * texts), or the server's hash will not match.
 */

export const HASH_REGEX = /^[0-9a-f]{64}$/;

function canonicalJson(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v ?? null)).join(',')}]`;
	if (value !== null && typeof value === 'object') {
		const entries = Object.entries(value as Record<string, unknown>)
			.filter(([, v]) => v !== undefined)
			.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
		return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
	}
	return JSON.stringify(value);
}

export function canonicalVisit(
	visit: Visit,
	photoHashes: readonly string[],
	prevHash: string | null
): string {
	// eslint-disable-next-line @typescript-eslint/no-unused-vars
	const { hash, prevHash: _prev, ...content } = visit;
	return canonicalJson({ v: 1, visit: content, photoHashes: [...photoHashes], prevHash });
}

/** Hex SHA-256 of the canonical form. */
export function visitHash(
	visit: Visit,
	photoHashes: readonly string[],
	prevHash: string | null
): Promise<string> {
	return sha256Hex(utf8(canonicalVisit(visit, photoHashes, prevHash)));
}
