/**
 * `npm run bench:typing`: an officer types into a visit's notes in real Chromium, and this
 * counts the durable (strict) IndexedDB transactions that write the draft while they type:
 * writes per second next to keystrokes per second, measured in the same run. Before issue 12
 * every keystroke was its own strict transaction (a disk flush each); now typing is saved
 * coalesced, at most every ~300 ms.
 *
 * BENCH_BASELINE_BUILD=<dir> also measures another build (e.g. a copy of main's build/) in
 * the same run, for a before/after. BENCH_RUNS (default 5), BENCH_KEY_DELAY_MS (default 60).
 */
import type { Browser, Page } from '@playwright/test';
import { resolve } from 'node:path';
import { contextOptions, launchBrowser, signIn, waitForSubjects } from './lib/browser';
import { ensureBuild, startBuiltServer } from './lib/built-server';
import { cleanUpOnExit } from './lib/clean-up';
import { median, round } from './lib/stats';

const RUNS = Number(process.env.BENCH_RUNS || 5);
const KEY_DELAY_MS = Number(process.env.BENCH_KEY_DELAY_MS || 60);
const SUBJECTS = 30;
const NOTE =
	'Spoke to the subject at the front door. Compliant with curfew; no sign of the victim at ' +
	'the address. Words of advice given about the exclusion zone.';

const emit = (line: Record<string, unknown>) => console.log(JSON.stringify(line));
const log = (text: string) => console.error(`[bench:typing] ${text}`);

/** In the page before the app: note every committed read-write transaction on `drafts`. */
const COUNT_DRAFT_WRITES = () => {
	const w = window as unknown as { draftWrites: { at: number; strict: boolean }[] };
	w.draftWrites = [];
	const open = IDBDatabase.prototype.transaction;
	IDBDatabase.prototype.transaction = function (
		this: IDBDatabase,
		...args: Parameters<typeof open>
	) {
		const tx = open.apply(this, args);
		const [stores, mode] = args;
		const names = typeof stores === 'string' ? [stores] : [...stores];
		if (mode === 'readwrite' && names.includes('drafts')) {
			tx.addEventListener('complete', () =>
				w.draftWrites.push({ at: performance.now(), strict: tx.durability === 'strict' })
			);
		}
		return tx;
	} as typeof open;
};

interface Run {
	keysPerSecond: number;
	writesPerSecond: number;
	strictWrites: number;
	/** After typing stops: how long until the last keystroke is on disk. */
	lastWriteAfterMs: number;
}

async function startVisit(page: Page): Promise<void> {
	await page.getByTestId('caseload-row').first().click();
	await page.getByRole('button', { name: 'Start visit here' }).first().click();
	await page.getByLabel('Notes', { exact: true }).click();
}

async function measureRun(browser: Browser, url: string): Promise<Run> {
	const context = await browser.newContext(contextOptions(url, 'allow'));
	await context.addInitScript(COUNT_DRAFT_WRITES);
	try {
		const page = await context.newPage();
		await signIn(page);
		await waitForSubjects(page, SUBJECTS, { readyMs: 60_000, countMs: 30_000 });
		await startVisit(page);
		const before = await page.evaluate(() => performance.now());
		await page.keyboard.type(NOTE, { delay: KEY_DELAY_MS });
		const after = await page.evaluate(() => performance.now());
		// Long enough for any coalesced save to land (the app's interval is ~300 ms).
		await page.waitForTimeout(1500);
		const writes = await page.evaluate(
			(from) =>
				(
					window as unknown as { draftWrites: { at: number; strict: boolean }[] }
				).draftWrites.filter((w) => w.at >= from),
			before
		);
		const during = writes.filter((w) => w.at <= after);
		const seconds = (after - before) / 1000;
		return {
			keysPerSecond: NOTE.length / seconds,
			writesPerSecond: during.length / seconds,
			strictWrites: writes.filter((w) => w.strict).length,
			lastWriteAfterMs: Math.max(0, (writes.at(-1)?.at ?? after) - after)
		};
	} finally {
		await context.close();
	}
}

async function measureBuild(browser: Browser, label: string, build?: string): Promise<Run[]> {
	log(`${label}: starting the server`);
	const server = await startBuiltServer(
		{ FIELDCHECK_SEED_SUBJECTS: String(SUBJECTS), FIELDCHECK_SEED_OFFICERS: '1' },
		{ build }
	);
	try {
		const runs: Run[] = [];
		for (let run = 1; run <= RUNS; run++) {
			const r = await measureRun(browser, server.url);
			emit({ metric: 'typing', build: label, run, ...roundAll(r) });
			runs.push(r);
		}
		return runs;
	} finally {
		await server.dispose();
	}
}

const roundAll = (r: Run) =>
	Object.fromEntries(Object.entries(r).map(([k, v]) => [k, round(v, 2)])) as Record<string, number>;

function summary(label: string, runs: Run[]): Run {
	const m = (pick: (r: Run) => number) => median(runs.map(pick));
	const s = {
		keysPerSecond: m((r) => r.keysPerSecond),
		writesPerSecond: m((r) => r.writesPerSecond),
		strictWrites: m((r) => r.strictWrites),
		lastWriteAfterMs: m((r) => r.lastWriteAfterMs)
	};
	emit({ metric: 'summary', build: label, runs: runs.length, ...roundAll(s) });
	return s;
}

let browser: Browser | undefined;
const { cleanUp, isStopping } = cleanUpOnExit(async () => browser?.close(), log);

try {
	ensureBuild();
	browser = await launchBrowser();
	const baseline = process.env.BENCH_BASELINE_BUILD;
	const results: [string, Run][] = [];
	if (baseline) {
		results.push([
			'baseline',
			summary('baseline', await measureBuild(browser, 'baseline', resolve(baseline)))
		]);
	}
	results.push(['this build', summary('this build', await measureBuild(browser, 'this build'))]);
	console.log(`\nMedians of ${RUNS} runs, ${NOTE.length} keystrokes ${KEY_DELAY_MS} ms apart:`);
	for (const [label, s] of results) {
		console.log(
			`  ${label}: ${round(s.writesPerSecond, 1)} durable draft writes/s while typing ` +
				`${round(s.keysPerSecond, 1)} keys/s; last keystroke on disk ${round(s.lastWriteAfterMs)} ms after typing stopped`
		);
	}
} catch (e) {
	if (!isStopping())
		log(`could not measure: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
	process.exitCode = 1;
} finally {
	await cleanUp();
}
