/**
 * Cursors are opaque to clients. Today one holds the last change sequence seen; the prefix
 * lets a later format coexist with devices that still hold this one.
 */
const PREFIX = 'c1.';

export function encodeCursor(seq: number): string {
	return PREFIX + seq.toString(36);
}

/** The sequence in a cursor, 0 for none, or undefined when it is not one of ours. */
export function decodeCursor(cursor: string | undefined): number | undefined {
	if (cursor === undefined) return 0;
	if (!cursor.startsWith(PREFIX)) return undefined;
	const body = cursor.slice(PREFIX.length);
	if (!/^[0-9a-z]{1,12}$/.test(body)) return undefined;
	const seq = parseInt(body, 36);
	return Number.isSafeInteger(seq) ? seq : undefined;
}
