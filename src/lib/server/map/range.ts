/** One byte range of a file, both ends inclusive as HTTP writes them. */
export interface ByteRange {
	start: number;
	end: number;
}

/**
 * Reads a `Range` header against a file of `size` bytes (RFC 9110 §14.1.2).
 * - null: no usable range header, so answer 200 with the whole file (this includes several
 *   ranges at once, which our client never asks for and a full answer satisfies);
 * - 'unsatisfiable': answer 416;
 * - a range, clamped to the file, to answer 206.
 */
export function parseRange(
	header: string | null,
	size: number
): ByteRange | 'unsatisfiable' | null {
	if (header === null) return null;
	const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
	if (!match) return null;
	const [, from = '', to = ''] = match;
	if (from === '' && to === '') return null;
	if (from === '') {
		// A suffix range: the last N bytes.
		const n = Number(to);
		if (n === 0 || size === 0) return 'unsatisfiable';
		return { start: Math.max(0, size - n), end: size - 1 };
	}
	const start = Number(from);
	const end = to === '' ? size - 1 : Math.min(Number(to), size - 1);
	if (to !== '' && Number(to) < start) return null;
	if (start >= size) return 'unsatisfiable';
	return { start, end };
}

/**
 * Whether an `If-Range` validator still names this file: if not, the client's earlier bytes are
 * from another version and it must get the whole new file (200), never a mixed one.
 */
export function ifRangeMatches(header: string | null, etag: string): boolean {
	return header === null || header.trim() === etag;
}
