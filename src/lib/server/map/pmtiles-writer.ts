/**
 * A minimal PMTiles v3 writer (https://github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md),
 * enough to make the synthetic area pack the tests and the demo use. The `pmtiles` package only
 * reads; real packs are better made with go-pmtiles (`pmtiles convert`), see the README.
 *
 * Layout: 127-byte header, root directory, JSON metadata, leaf directories, tile data. Tiles are
 * stored in Hilbert tile-id order (clustered); identical contents are stored once, and a run of
 * consecutive ids with the same content becomes one entry. Directories are gzipped. When the root
 * directory would not fit in the first 16 KiB (which readers fetch in one request), entries move
 * into leaf directories and the root points at those.
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { zxyToTileId } from 'pmtiles';

export const HEADER_BYTES = 127;
const FIRST_FETCH_BYTES = 16_384;

export const TileType = { png: 2, jpeg: 3, webp: 4 } as const;
const COMPRESSION_NONE = 1;
const COMPRESSION_GZIP = 2;

export interface TileInput {
	z: number;
	x: number;
	y: number;
	data: Uint8Array;
}

export interface PmtilesOptions {
	tileType: (typeof TileType)[keyof typeof TileType];
	bounds: { minLon: number; minLat: number; maxLon: number; maxLat: number };
	center: { lon: number; lat: number; zoom: number };
	metadata?: Record<string, unknown>;
}

export interface Entry {
	tileId: number;
	offset: number;
	length: number;
	/** 0 marks a pointer to a leaf directory. */
	runLength: number;
}

function writeVarint(out: number[], value: number): void {
	// Division, not bit operations: offsets may pass 2^32.
	let v = value;
	while (v >= 0x80) {
		out.push((v % 0x80) | 0x80);
		v = Math.floor(v / 0x80);
	}
	out.push(v);
}

/** One directory, varint-encoded column by column as the spec lays it out, then gzipped. */
export function serialiseDirectory(entries: readonly Entry[]): Uint8Array {
	const out: number[] = [];
	writeVarint(out, entries.length);
	let lastId = 0;
	for (const e of entries) {
		writeVarint(out, e.tileId - lastId);
		lastId = e.tileId;
	}
	for (const e of entries) writeVarint(out, e.runLength);
	for (const e of entries) writeVarint(out, e.length);
	entries.forEach((e, i) => {
		const prev = entries[i - 1];
		// 0 means "straight after the previous entry", which keeps clustered archives small.
		writeVarint(out, prev && e.offset === prev.offset + prev.length ? 0 : e.offset + 1);
	});
	return gzipSync(Uint8Array.from(out));
}

/** Root and leaves: leaves grow until the root fits in the first fetch alongside the header. */
function buildDirectories(entries: Entry[]): { root: Uint8Array; leaves: Uint8Array } {
	const whole = serialiseDirectory(entries);
	if (whole.length <= FIRST_FETCH_BYTES - HEADER_BYTES)
		return { root: whole, leaves: new Uint8Array() };
	for (let leafSize = 4096; ; leafSize *= 2) {
		const rootEntries: Entry[] = [];
		const leafParts: Uint8Array[] = [];
		let offset = 0;
		for (let i = 0; i < entries.length; i += leafSize) {
			const leaf = serialiseDirectory(entries.slice(i, i + leafSize));
			rootEntries.push({ tileId: entries[i]!.tileId, offset, length: leaf.length, runLength: 0 });
			leafParts.push(leaf);
			offset += leaf.length;
		}
		const root = serialiseDirectory(rootEntries);
		if (root.length <= FIRST_FETCH_BYTES - HEADER_BYTES) {
			return { root, leaves: Buffer.concat(leafParts) };
		}
	}
}

function header(fields: {
	rootOffset: number;
	rootLength: number;
	metadataOffset: number;
	metadataLength: number;
	leavesOffset: number;
	leavesLength: number;
	dataOffset: number;
	dataLength: number;
	addressed: number;
	entries: number;
	contents: number;
	minZoom: number;
	maxZoom: number;
	options: PmtilesOptions;
}): Uint8Array {
	const buf = Buffer.alloc(HEADER_BYTES);
	buf.write('PMTiles', 0, 'ascii');
	buf.writeUInt8(3, 7);
	const u64 = [
		fields.rootOffset,
		fields.rootLength,
		fields.metadataOffset,
		fields.metadataLength,
		fields.leavesOffset,
		fields.leavesLength,
		fields.dataOffset,
		fields.dataLength,
		fields.addressed,
		fields.entries,
		fields.contents
	];
	u64.forEach((v, i) => buf.writeBigUInt64LE(BigInt(v), 8 + i * 8));
	buf.writeUInt8(1, 96); // clustered
	buf.writeUInt8(COMPRESSION_GZIP, 97);
	// Raster images are compressed already.
	buf.writeUInt8(COMPRESSION_NONE, 98);
	buf.writeUInt8(fields.options.tileType, 99);
	buf.writeUInt8(fields.minZoom, 100);
	buf.writeUInt8(fields.maxZoom, 101);
	const e7 = (deg: number) => Math.round(deg * 1e7);
	const { bounds, center } = fields.options;
	buf.writeInt32LE(e7(bounds.minLon), 102);
	buf.writeInt32LE(e7(bounds.minLat), 106);
	buf.writeInt32LE(e7(bounds.maxLon), 110);
	buf.writeInt32LE(e7(bounds.maxLat), 114);
	buf.writeUInt8(center.zoom, 118);
	buf.writeInt32LE(e7(center.lon), 119);
	buf.writeInt32LE(e7(center.lat), 123);
	return buf;
}

export function writePmtiles(tiles: readonly TileInput[], options: PmtilesOptions): Uint8Array {
	if (tiles.length === 0) throw new Error('an archive needs at least one tile');
	const sorted = tiles
		.map((t) => ({ ...t, tileId: zxyToTileId(t.z, t.x, t.y) }))
		.sort((a, b) => a.tileId - b.tileId);
	const entries: Entry[] = [];
	const stored = new Map<string, { offset: number; length: number }>();
	const data: Uint8Array[] = [];
	let dataLength = 0;
	let lastHash = '';
	for (const [i, tile] of sorted.entries()) {
		if (i > 0 && tile.tileId === sorted[i - 1]!.tileId) {
			throw new Error(`tile ${tile.z}/${tile.x}/${tile.y} given twice`);
		}
		const hash = createHash('sha256').update(tile.data).digest('hex');
		const last = entries[entries.length - 1];
		if (last && hash === lastHash && last.tileId + last.runLength === tile.tileId) {
			last.runLength += 1;
			continue;
		}
		let place = stored.get(hash);
		if (!place) {
			place = { offset: dataLength, length: tile.data.length };
			stored.set(hash, place);
			data.push(tile.data);
			dataLength += tile.data.length;
		}
		entries.push({ tileId: tile.tileId, ...place, runLength: 1 });
		lastHash = hash;
	}
	const { root, leaves } = buildDirectories(entries);
	const metadata = gzipSync(Buffer.from(JSON.stringify(options.metadata ?? {})));
	const rootOffset = HEADER_BYTES;
	const metadataOffset = rootOffset + root.length;
	const leavesOffset = metadataOffset + metadata.length;
	const dataOffset = leavesOffset + leaves.length;
	// A loop rather than Math.min(...): a large archive would overflow the argument list.
	let minZoom = Infinity;
	let maxZoom = -Infinity;
	for (const t of sorted) {
		minZoom = Math.min(minZoom, t.z);
		maxZoom = Math.max(maxZoom, t.z);
	}
	const head = header({
		rootOffset,
		rootLength: root.length,
		metadataOffset,
		metadataLength: metadata.length,
		leavesOffset,
		leavesLength: leaves.length,
		dataOffset,
		dataLength,
		addressed: sorted.length,
		entries: entries.length,
		contents: stored.size,
		minZoom,
		maxZoom,
		options
	});
	// A plain Uint8Array, not a (possibly pooled) Buffer: callers may slice it as standard arrays.
	return new Uint8Array(Buffer.concat([head, root, metadata, leaves, ...data]));
}
