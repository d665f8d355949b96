/**
 * Turns one IndexedDB row into `{ ...clear fields, $e: iv ‖ AES-256-GCM(ciphertext) }` and back.
 * The whole value is encrypted (clear fields too, so the decrypted row is exactly what was put);
 * only the fields named as clear — ids, states, times that IndexedDB must index — stay readable.
 * The additional data binds a ciphertext to its table and primary key, so rows cannot be swapped.
 * Top-level Blob fields (photos) are carried as raw bytes after the JSON, inside the ciphertext.
 */
export const ENCRYPTED_FIELD = '$e';

interface BlobPart {
	field: string;
	type: string;
	size: number;
}

interface Header {
	value: Record<string, unknown>;
	blobs: BlobPart[];
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function isEncrypted(
	row: unknown
): row is Record<string, unknown> & { $e: Uint8Array<ArrayBuffer> } {
	return typeof row === 'object' && row !== null && ENCRYPTED_FIELD in row;
}

function aad(table: string, primaryKey: unknown): Uint8Array<ArrayBuffer> {
	return encoder.encode(`fc-row-v1|${table}|${JSON.stringify(primaryKey)}`);
}

async function pack(value: Record<string, unknown>): Promise<Uint8Array<ArrayBuffer>> {
	const plain: Record<string, unknown> = {};
	const blobs: BlobPart[] = [];
	const bytes: Uint8Array[] = [];
	for (const [field, v] of Object.entries(value)) {
		if (typeof Blob !== 'undefined' && v instanceof Blob) {
			blobs.push({ field, type: v.type, size: v.size });
			bytes.push(new Uint8Array(await v.arrayBuffer()));
		} else plain[field] = v;
	}
	const header = encoder.encode(JSON.stringify({ value: plain, blobs } satisfies Header));
	const total = 4 + header.length + bytes.reduce((n, b) => n + b.length, 0);
	const out = new Uint8Array(total);
	new DataView(out.buffer).setUint32(0, header.length);
	out.set(header, 4);
	let at = 4 + header.length;
	for (const b of bytes) {
		out.set(b, at);
		at += b.length;
	}
	return out;
}

function unpack(buffer: ArrayBuffer): Record<string, unknown> {
	const all = new Uint8Array(buffer);
	const length = new DataView(buffer).getUint32(0);
	const header = JSON.parse(decoder.decode(all.subarray(4, 4 + length))) as Header;
	let at = 4 + length;
	for (const b of header.blobs) {
		header.value[b.field] = new Blob([all.slice(at, at + b.size)], { type: b.type });
		at += b.size;
	}
	return header.value;
}

export async function encryptRow(
	key: CryptoKey,
	table: string,
	primaryKey: unknown,
	value: Record<string, unknown>,
	clearFields: readonly string[]
): Promise<Record<string, unknown>> {
	const iv = crypto.getRandomValues(new Uint8Array(12));
	const plain = await pack(value);
	const ct = await crypto.subtle.encrypt(
		{ name: 'AES-GCM', iv, additionalData: aad(table, primaryKey) },
		key,
		plain
	);
	const sealed = new Uint8Array(12 + ct.byteLength);
	sealed.set(iv, 0);
	sealed.set(new Uint8Array(ct), 12);
	const row: Record<string, unknown> = { [ENCRYPTED_FIELD]: sealed };
	for (const f of clearFields) if (f in value) row[f] = value[f];
	return row;
}

export async function decryptRow(
	key: CryptoKey,
	table: string,
	primaryKey: unknown,
	row: Record<string, unknown> & { $e: Uint8Array<ArrayBuffer> }
): Promise<Record<string, unknown>> {
	const sealed = row[ENCRYPTED_FIELD];
	const plain = await crypto.subtle.decrypt(
		{ name: 'AES-GCM', iv: sealed.subarray(0, 12), additionalData: aad(table, primaryKey) },
		key,
		sealed.subarray(12)
	);
	return unpack(plain);
}
