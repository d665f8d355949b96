/**
 * Pieces of `npm run bench:map` that run inside the page. Functions passed to page.evaluate must
 * be self-contained: Playwright sends their source, nothing around them exists in the page.
 */

export interface PanResult {
	frames: number;
	ms: number;
	fps: number;
	longestFrameMs: number;
	/** Sanity: the map really moved under the synthetic drag. */
	moved: boolean;
}

/**
 * Drags the map the way a finger would: a press, one move per animation frame, a release, then
 * a settling period that includes Leaflet's inertia and the redraw at `moveend`. Every frame of
 * the whole gesture is counted with requestAnimationFrame.
 */
export function panFps({
	selector,
	moves,
	dx,
	dy,
	settleMs
}: {
	selector: string;
	moves: number;
	dx: number;
	dy: number;
	settleMs: number;
}): Promise<PanResult> {
	const el = document.querySelector(selector);
	const pane = document.querySelector(`${selector} .leaflet-map-pane`);
	if (!el || !pane) throw new Error(`no map at ${selector}`);
	const before = getComputedStyle(pane).transform;
	const r = el.getBoundingClientRect();
	let x = r.left + r.width / 2;
	let y = r.top + r.height / 2;
	const target = document.elementFromPoint(x, y) ?? el;
	const fire = (on: EventTarget, type: string, buttons: number) =>
		on.dispatchEvent(
			new MouseEvent(type, {
				bubbles: true,
				cancelable: true,
				clientX: x,
				clientY: y,
				button: 0,
				buttons,
				view: window
			})
		);
	return new Promise((resolve) => {
		const times: number[] = [];
		let n = 0;
		let released = 0;
		fire(target, 'mousedown', 1);
		const tick = (t: number) => {
			times.push(t);
			if (n < moves) {
				x += dx;
				y += dy;
				fire(document, 'mousemove', 1);
				n += 1;
				if (n === moves) {
					fire(document, 'mouseup', 0);
					released = performance.now();
				}
				requestAnimationFrame(tick);
			} else if (performance.now() - released < settleMs) {
				requestAnimationFrame(tick);
			} else {
				const gaps = times.slice(1).map((at, i) => at - times[i]!);
				const ms = times[times.length - 1]! - times[0]!;
				resolve({
					frames: gaps.length,
					ms,
					fps: (gaps.length * 1000) / ms,
					longestFrameMs: Math.max(...gaps),
					moved: getComputedStyle(pane).transform !== before
				});
			}
		};
		requestAnimationFrame(tick);
	});
}

/**
 * The baseline: plain Leaflet, every subject as a canvas circle marker (no clustering), coloured
 * by risk, over the same stubbed tiles, read from the same IndexedDB the app filled. Placed where
 * the app's map is, at the same size. Marks the same two performance marks as the app.
 */
export function baselinePage(box: { left: number; top: number; width: number; height: number }) {
	const script = `(async () => {
	const req = (r) => new Promise((ok, fail) => { r.onsuccess = () => ok(r.result); r.onerror = () => fail(r.error); });
	const db = await req(indexedDB.open('fieldcheck'));
	const rows = await req(db.transaction('subjects').objectStore('subjects').getAll());
	db.close();
	const colours = { high: '#ff6b6b', medium: '#ffb347', standard: '#8fd694' };
	const points = [];
	for (const r of rows) {
		if (r.leaving) continue;
		const a = r.bundle.addresses.find((x) => x.kind === 'home') || r.bundle.addresses[0];
		if (a) points.push([a.location.lat, a.location.lon, r.bundle.subject.risk]);
	}
	const map = L.map('map', { maxZoom: 19 });
	L.tileLayer('https://tile.openstreetmap.org/{z}/{x}/{y}.png', { crossOrigin: 'anonymous' }).addTo(map);
	map.fitBounds(L.latLngBounds(points.map((p) => [p[0], p[1]])), { padding: [24, 24], maxZoom: 15, animate: false });
	const renderer = L.canvas({ padding: 0.5 });
	for (const [lat, lon, risk] of points) {
		L.circleMarker([lat, lon], { renderer, radius: 7, fillColor: colours[risk], fillOpacity: 0.95, color: '#0f172a', weight: 2 }).addTo(map);
	}
	document.getElementById('map').dataset.subjects = String(points.length);
	requestAnimationFrame(() => setTimeout(() => performance.mark('fc:map:markers-painted'), 0));
})();`;
	return `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>bench:map baseline</title>
<link rel="stylesheet" href="/bench-map-baseline/leaflet.css">
<style>html,body{margin:0;background:#0f172a}#map{position:absolute;left:${box.left}px;top:${box.top}px;width:${box.width}px;height:${box.height}px;background:#273449}</style>
</head><body><div id="map" data-testid="map"></div>
<script>performance.mark('fc:map:start');</script>
<script src="/bench-map-baseline/leaflet.js"></script>
<script>${script}</script></body></html>`;
}
