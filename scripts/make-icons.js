// Draws the app icons (a tick in a shield-blue square) as PNGs with no image library:
// run once with `node scripts/make-icons.js`; the output is committed under static/icons.
import { deflateSync } from 'node:zlib';
import { writeFileSync, mkdirSync } from 'node:fs';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
	let c = n;
	for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
	return c >>> 0;
});
function crc32(buf) {
	let c = 0xffffffff;
	for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
	return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
	const len = Buffer.alloc(4);
	len.writeUInt32BE(data.length);
	const td = Buffer.concat([Buffer.from(type), data]);
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(td));
	return Buffer.concat([len, td, crc]);
}
function png(size, pixel) {
	const rows = [];
	for (let y = 0; y < size; y++) {
		const row = Buffer.alloc(1 + size * 4);
		for (let x = 0; x < size; x++) row.set(pixel(x / size, y / size), 1 + x * 4);
		rows.push(row);
	}
	const ihdr = Buffer.alloc(13);
	ihdr.writeUInt32BE(size, 0);
	ihdr.writeUInt32BE(size, 4);
	ihdr.set([8, 6, 0, 0, 0], 8);
	return Buffer.concat([
		Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
		chunk('IHDR', ihdr),
		chunk('IDAT', deflateSync(Buffer.concat(rows))),
		chunk('IEND', Buffer.alloc(0))
	]);
}
function distToSegment(px, py, ax, ay, bx, by) {
	const t = Math.max(
		0,
		Math.min(1, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2))
	);
	return Math.hypot(px - (ax + t * (bx - ax)), py - (ay + t * (by - ay)));
}
function icon(scale) {
	return (u, v) => {
		const x = 0.5 + (u - 0.5) / scale;
		const y = 0.5 + (v - 0.5) / scale;
		const d = Math.min(
			distToSegment(x, y, 0.28, 0.52, 0.44, 0.68),
			distToSegment(x, y, 0.44, 0.68, 0.74, 0.34)
		);
		if (d < 0.055) return [124, 196, 255, 255];
		return [15, 23, 42, 255];
	};
}
mkdirSync('static/icons', { recursive: true });
writeFileSync('static/icons/icon-192.png', png(192, icon(1)));
writeFileSync('static/icons/icon-512.png', png(512, icon(1)));
writeFileSync('static/icons/icon-maskable-512.png', png(512, icon(0.7)));
