/**
 * One CSV cell to a typed value, or a problem in words the person fixing the spreadsheet can act
 * on. Pure: unit-tested beside this file.
 */
export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string };
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = (problem: string): Parsed<never> => ({ ok: false, problem });

const DAY_FIRST = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

function validDay(y: number, m: number, d: number): boolean {
	const t = new Date(Date.UTC(y, m - 1, d));
	return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/**
 * A date as records systems export it: UK day-first DD/MM/YYYY, or ISO YYYY-MM-DD. 03/04/2026 is
 * 3 April. A US month-first date such as 12/31/2026 is refused (there is no month 31).
 */
export function parseDate(raw: string): Parsed<string> {
	const s = raw.trim();
	let y: number, m: number, d: number;
	const uk = DAY_FIRST.exec(s);
	const iso = ISO.exec(s);
	if (uk) [d, m, y] = [Number(uk[1]), Number(uk[2]), Number(uk[3])];
	else if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
	else return bad(`"${s}" is not a date: use DD/MM/YYYY (UK, day first) or YYYY-MM-DD`);
	if (!validDay(y, m, d)) {
		return bad(
			uk
				? `"${s}" is read as day/month/year (UK, day first) and there is no such date: ` +
						'month-first (US) dates are not accepted'
				: `"${s}" is not a real date`
		);
	}
	return ok(`${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
}

export function parseTime(raw: string): Parsed<string> {
	const m = /^(\d{1,2}):(\d{2})$/.exec(raw.trim());
	if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) {
		return bad(`"${raw.trim()}" is not a time of day: use HH:MM from 00:00 to 23:59`);
	}
	return ok(`${m[1]!.padStart(2, '0')}:${m[2]}`);
}

export function parseBool(raw: string): Parsed<boolean> {
	const s = raw.trim().toLowerCase();
	if (['yes', 'y', 'true', '1'].includes(s)) return ok(true);
	if (['no', 'n', 'false', '0', ''].includes(s)) return ok(false);
	return bad(`"${raw.trim()}" is not yes or no`);
}

/**
 * Values separated by semicolons: "Jay; JJ". An array of exactly their number: one grown by
 * filter keeps room for 17, and an import holds one or two of these a row.
 */
export function parseList(raw: string): string[] {
	const items: string[] = [];
	for (const part of raw.split(';')) {
		const s = part.trim();
		if (s) items.push(s);
	}
	return items.slice();
}

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** "Mon;Wed;Fri" → [1, 3, 5]; empty → null (every day). */
export function parseDays(raw: string): Parsed<number[] | null> {
	const names = parseList(raw);
	if (names.length === 0) return ok(null);
	const days: number[] = [];
	for (const n of names) {
		const i = WEEKDAYS.indexOf(n.slice(0, 3).toLowerCase());
		if (i < 0) return bad(`"${n}" is not a day: use Mon, Tue, Wed, Thu, Fri, Sat or Sun`);
		days.push(i + 1);
	}
	return ok([...new Set(days)].sort((a, b) => a - b));
}

export function formatDays(days: readonly number[] | null): string {
	return days
		? days.map((d) => WEEKDAYS[d - 1]![0]!.toUpperCase() + WEEKDAYS[d - 1]!.slice(1)).join(';')
		: '';
}

/** Great Britain and Northern Ireland, with their islands, generously. */
const UK = { south: 49.8, north: 60.9, west: -8.7, east: 1.8 };

export function inUk(lat: number, lon: number): boolean {
	return lat >= UK.south && lat <= UK.north && lon >= UK.west && lon <= UK.east;
}

export function parseCoordinate(raw: string, axis: 'lat' | 'lon'): Parsed<number> {
	const n = Number(raw.trim());
	if (raw.trim() === '' || !Number.isFinite(n)) return bad(`"${raw.trim()}" is not a number`);
	const [lo, hi] = axis === 'lat' ? [UK.south, UK.north] : [UK.west, UK.east];
	if (n < lo || n > hi) {
		return bad(
			`${n} is outside the UK (${axis === 'lat' ? 'latitude' : 'longitude'} ${lo} to ${hi})`
		);
	}
	return ok(n);
}

type Ring = { lat: number; lon: number }[];

function closedRing(points: [number, number][], what: string): Parsed<Ring> {
	const [fx, fy] = points[0] ?? [NaN, NaN];
	const [lx, ly] = points[points.length - 1] ?? [NaN, NaN];
	if (points.length < 2 || fx !== lx || fy !== ly) {
		return bad(`${what} does not close: its last point must be the same as its first`);
	}
	if (points.length < 4) return bad(`${what} needs at least 3 corners (and the first again)`);
	const ring: Ring = [];
	for (const [lon, lat] of points.slice(0, -1)) {
		if (!inUk(lat, lon)) return bad(`${what} has a point (${lon} ${lat}) outside the UK`);
		ring.push({ lat, lon });
	}
	return ok(ring);
}

/**
 * A polygon as GeoJSON ({"type":"Polygon","coordinates":[[[lon,lat],…]]}) or WKT
 * (POLYGON((lon lat, …))), longitude first in both, as the standards say. Rings must close.
 */
export function parsePolygon(raw: string): Parsed<Ring[]> {
	const s = raw.trim();
	let rings: [number, number][][];
	if (s.startsWith('{')) {
		try {
			const g = JSON.parse(s) as { type?: string; coordinates?: unknown };
			if (g.type !== 'Polygon' || !Array.isArray(g.coordinates)) {
				return bad('GeoJSON must be a Polygon with coordinates');
			}
			rings = g.coordinates as [number, number][][];
		} catch {
			return bad('The GeoJSON is not valid JSON');
		}
	} else {
		const m = /^POLYGON\s*\(\s*(.*)\s*\)$/i.exec(s);
		if (!m) return bad('Give the polygon as GeoJSON or WKT POLYGON((lon lat, …))');
		const ringTexts = m[1]!.match(/\(([^()]*)\)?/g);
		if (!ringTexts) return bad('The WKT polygon has no rings');
		rings = [];
		for (const text of ringTexts) {
			if (!text.endsWith(')')) return bad('The WKT polygon does not close: a ")" is missing');
			rings.push(
				text
					.slice(1, -1)
					.split(',')
					.map((p) => p.trim().split(/\s+/).map(Number) as [number, number])
			);
		}
	}
	const out: Ring[] = [];
	for (const [i, points] of rings.entries()) {
		if (
			!Array.isArray(points) ||
			points.some((p) => !Array.isArray(p) || p.length < 2 || p.some((n) => !Number.isFinite(n)))
		) {
			return bad(`Ring ${i + 1} has a point that is not two numbers`);
		}
		const ring = closedRing(points, `The polygon${rings.length > 1 ? ` (ring ${i + 1})` : ''}`);
		if (!ring.ok) return ring;
		out.push(ring.value);
	}
	return out.length ? ok(out) : bad('The polygon has no rings');
}

/** Back to WKT, closing each ring, for export. */
export function polygonWkt(rings: readonly Ring[]): string {
	const ring = (r: Ring) => [...r, r[0]!].map((p) => `${p.lon} ${p.lat}`).join(', ');
	return `POLYGON(${rings.map((r) => `(${ring(r)})`).join(', ')})`;
}
