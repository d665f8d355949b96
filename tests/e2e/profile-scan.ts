import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every regular file under `dir`: IndexedDB's LevelDB and blob files, Cache Storage, all. */
export function profileFiles(dir: string): string[] {
	const out: string[] = [];
	for (const name of readdirSync(dir)) {
		const path = join(dir, name);
		const st = statSync(path, { throwIfNoEntry: false });
		if (!st) continue;
		if (st.isDirectory()) out.push(...profileFiles(path));
		else if (st.isFile()) out.push(path);
	}
	return out;
}

/**
 * The files of the profile holding any of the needles, as raw bytes: each text needle in
 * UTF-8 (V8 writes one-byte strings as Latin-1, the same bytes for ASCII) and UTF-16LE.
 */
export function findOnDisk(dir: string, needles: Record<string, Uint8Array>): string[] {
	const hits: string[] = [];
	for (const file of profileFiles(dir)) {
		const bytes = readFileSync(file);
		for (const [label, needle] of Object.entries(needles)) {
			if (bytes.indexOf(needle) !== -1) hits.push(`${label} in ${file.slice(dir.length)}`);
		}
	}
	return hits;
}

export function textNeedles(texts: Record<string, string>): Record<string, Uint8Array> {
	const out: Record<string, Uint8Array> = {};
	for (const [label, text] of Object.entries(texts)) {
		out[`${label} (utf-8)`] = Buffer.from(text, 'utf8');
		out[`${label} (utf-16)`] = Buffer.from(text, 'utf16le');
	}
	return out;
}
