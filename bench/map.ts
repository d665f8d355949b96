/**
 * `npm run bench:map`: the map with 10,000 subjects in real Chromium, next to plain Leaflet in the
 * same run. For each run it measures, on the app's /map and on a baseline page of plain Leaflet
 * canvas circle markers (one per subject, no clustering, same data, same size, same tiles):
 * (1) time from the map starting to the first paint of its markers ('fc:map:start' →
 *     'fc:map:markers-painted'), and (2) frames per second while panning (scripted drags, one
 *     move per frame, counted with requestAnimationFrame through inertia and the redraw).
 * The app's first opening after the download (when it builds its compact copy of the caseload)
 * is reported on its own line. Prints one JSON line per measurement, then medians, ratios and
 * the targets of issue 4 (≤ 500 ms, ≥ 55 fps). A benchmark, not a test: it exits non-zero only if it could not measure.
 *
 * Tiles are stubbed (a flat PNG); nothing goes to OpenStreetMap. BENCH_RUNS (default 5) and
 * BENCH_SUBJECTS (default 10000) shrink it for a quick look.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { encodePng } from '../src/lib/server/map/png';
import { OFFICER, contextOptions, launchBrowser, signIn, waitForSubjects } from './lib/browser';
import { ensureBuild, startBuiltServer } from './lib/built-server';
import { NAME_SHIM } from './lib/in-page';
import { waitForSpan } from './lib/spans';

/** From opening the map to its markers painted, as the map component marks them. */
const PAINT = { from: 'fc:map:start', to: 'fc:map:markers-painted' };
import { baselinePage, panFps, type PanResult } from './lib/map-in-page';
import { cleanUpOnExit } from './lib/clean-up';
import { median, round, verdict } from './lib/stats';

const RUNS = Number(process.env.BENCH_RUNS || 5);
const SUBJECTS = Number(process.env.BENCH_SUBJECTS || 10_000);
const TARGETS = { firstPaintMs: 500, fps: 55 };
/** Right, down, left, up: the view ends where it began, over the data. */
const PANS = [
	{ dx: 8, dy: 0 },
	{ dx: 0, dy: 6 },
	{ dx: -8, dy: 0 },
	{ dx: 0, dy: -6 }
];
const MAP = '[data-testid="map"]';
const LEAFLET = join(import.meta.dirname, '../node_modules/leaflet/dist');

const emit = (line: Record<string, unknown>) => console.log(JSON.stringify(line));
const log = (text: string) => console.error(`[bench:map] ${text}`);

type Side = 'app' | 'baseline';
interface Measured {
	side: Side;
	firstPaintMs: number;
	fps: number[];
}

const TILE = encodePng(256, 256, new Uint8Array(256 * 256 * 4).fill(200));

async function stubNetwork(context: BrowserContext, baseUrl: string): Promise<void> {
	await context.route('https://tile.openstreetmap.org/**', (route) =>
		route.fulfill({
			status: 200,
			contentType: 'image/png',
			headers: { 'access-control-allow-origin': '*' },
			body: TILE
		})
	);
	await context.route(`${baseUrl}/bench-map-baseline/leaflet.js`, (route) =>
		route.fulfill({
			contentType: 'text/javascript',
			body: readFileSync(join(LEAFLET, 'leaflet.js'))
		})
	);
	await context.route(`${baseUrl}/bench-map-baseline/leaflet.css`, (route) =>
		route.fulfill({ contentType: 'text/css', body: readFileSync(join(LEAFLET, 'leaflet.css')) })
	);
}

async function signInAndDownload(page: Page): Promise<void> {
	await signIn(page);
	await waitForSubjects(page, SUBJECTS, { readyMs: 300_000, countMs: 120_000 });
}

async function measure(page: Page, side: Side, url: string, run: number): Promise<Measured> {
	await page.goto(url);
	const paint = await waitForSpan(page, PAINT);
	const drawn = await page.$eval(MAP, (el) => ({ ...(el as HTMLElement).dataset }));
	if (Number(drawn.subjects) !== SUBJECTS)
		throw new Error(`${side} drew ${drawn.subjects} subjects`);
	emit({
		metric: 'first-paint',
		side,
		run,
		ms: round(paint.spanMs),
		navigationToPaintMs: round(paint.toMs),
		...(side === 'app'
			? { points: Number(drawn.renderedPoints), clusters: Number(drawn.renderedClusters) }
			: { points: SUBJECTS, clusters: 0 })
	});
	// Let tiles and anything deferred finish before timing frames.
	await page.waitForTimeout(1000);
	const fps: number[] = [];
	for (const [i, pan] of PANS.entries()) {
		const r: PanResult = await page.evaluate(panFps, {
			selector: MAP,
			moves: 60,
			...pan,
			settleMs: 700
		});
		if (!r.moved) throw new Error(`${side}: the synthetic drag did not move the map`);
		emit({ metric: 'pan', side, run, pan: i + 1, ...r, fps: round(r.fps), ms: round(r.ms) });
		fps.push(r.fps);
	}
	return { side, firstPaintMs: paint.spanMs, fps };
}

function summarise(results: Measured[]): void {
	const of = (side: Side) => results.filter((r) => r.side === side);
	const paint = (side: Side) => median(of(side).map((r) => r.firstPaintMs));
	const fps = (side: Side) => median(of(side).flatMap((r) => r.fps));
	const s = {
		appFirstPaintMs: paint('app'),
		baselineFirstPaintMs: paint('baseline'),
		appFps: fps('app'),
		baselineFps: fps('baseline')
	};
	emit({
		metric: 'summary',
		runs: RUNS,
		subjects: SUBJECTS,
		appFirstPaintMs: round(s.appFirstPaintMs),
		baselineFirstPaintMs: round(s.baselineFirstPaintMs),
		firstPaintAppVsBaseline: round(s.appFirstPaintMs / s.baselineFirstPaintMs, 2),
		appPanFps: round(s.appFps),
		baselinePanFps: round(s.baselineFps),
		fpsAppVsBaseline: round(s.appFps / s.baselineFps, 2)
	});
	console.log(
		`\nMedians of ${RUNS} runs, ${SUBJECTS} subjects (pans: ${RUNS * PANS.length} per side):`
	);
	console.log(
		`  ${verdict(s.appFirstPaintMs <= TARGETS.firstPaintMs)}  markers first paint: ${round(s.appFirstPaintMs)} ms` +
			` (target ≤ ${TARGETS.firstPaintMs} ms; plain Leaflet canvas ${round(s.baselineFirstPaintMs)} ms)`
	);
	console.log(
		`  ${verdict(s.appFps >= TARGETS.fps)}  panning: ${round(s.appFps)} fps` +
			` (target ≥ ${TARGETS.fps} fps; plain Leaflet canvas ${round(s.baselineFps)} fps)`
	);
}

let browser: Browser | undefined;
const { cleanUp } = cleanUpOnExit(async () => browser?.close(), log);

try {
	ensureBuild();
	log(`starting the server with ${SUBJECTS} subjects, all assigned to ${OFFICER.username}`);
	const server = await startBuiltServer({
		FIELDCHECK_SEED_SUBJECTS: String(SUBJECTS),
		FIELDCHECK_SEED_OFFICERS: '1',
		// No area pack: both sides draw the same stubbed network tiles.
		FIELDCHECK_AREA_PACK: join(import.meta.dirname, 'no-area-pack.pmtiles')
	});
	browser = await launchBrowser();
	// Service workers blocked so every request (tiles, baseline files) meets the stubs above;
	// the map's code and data come from the same places either way (network, IndexedDB).
	const context = await browser.newContext(contextOptions(server.url, 'block'));
	await context.addInitScript(NAME_SHIM);
	await stubNetwork(context, server.url);
	const page = await context.newPage();
	log('signing in and downloading the caseload');
	await signInAndDownload(page);
	// The first opening after a download builds the map's own copy of the caseload (every bundle
	// read once); later openings read only that copy. Reported apart, not in the medians.
	await page.goto('/map');
	const cold = await waitForSpan(page, PAINT);
	emit({ metric: 'first-paint-after-download', side: 'app', ms: round(cold.spanMs) });
	const box = (await page.locator(MAP).boundingBox())!;
	const html = baselinePage({ left: box.x, top: box.y, width: box.width, height: box.height });
	await context.route(`${server.url}/bench-map-baseline`, (route) =>
		route.fulfill({ contentType: 'text/html', body: html })
	);
	const results: Measured[] = [];
	for (let run = 1; run <= RUNS; run++) {
		log(`run ${run} of ${RUNS}`);
		// Alternate which side goes first, so neither always gets the warmer browser.
		const order: Side[] = run % 2 ? ['app', 'baseline'] : ['baseline', 'app'];
		for (const side of order) {
			const url = side === 'app' ? '/map' : '/bench-map-baseline';
			results.push(await measure(page, side, url, run));
		}
	}
	summarise(results);
} catch (e) {
	log(`could not measure: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
	process.exitCode = 1;
} finally {
	await cleanUp();
}
