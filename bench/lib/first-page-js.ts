import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContextOptions, Page, Response } from '@playwright/test';
import { NAME_SHIM } from './in-page';

export interface FirstPageJs {
	files: number;
	rawBytes: number;
	gzipBytes: number;
	/** Of gzipBytes: what the sign-in page loaded, and what signing in to the caseload added. */
	signInGzipBytes: number;
	caseloadGzipBytes: number;
	largest: { path: string; gzipBytes: number }[];
}

type Phase = 'sign-in' | 'caseload';

const isJs = (res: Response) =>
	(res.headers()['content-type'] ?? '').includes('javascript') ||
	/\.m?js$/.test(new URL(res.url()).pathname);

/**
 * Every JavaScript file a fresh device loads to open the sign-in page and then the caseload,
 * each gzipped at level 9 as a fair wire size. Service workers are blocked so nothing is served
 * from (or fetched for) the precache: we count what the pages themselves need.
 */
export async function measureFirstPageJs(
	browser: Browser,
	options: BrowserContextOptions,
	signIn: (page: Page) => Promise<unknown>,
	caseloadShown: (page: Page) => Promise<void>
): Promise<FirstPageJs> {
	const context = await browser.newContext({ ...options, serviceWorkers: 'block' });
	await context.addInitScript(NAME_SHIM);
	try {
		const page = await context.newPage();
		let phase: Phase = 'sign-in';
		const seen = new Map<string, { phase: Phase; body: Promise<Buffer | null> }>();
		page.on('response', (res) => {
			if (!isJs(res) || seen.has(res.url())) return;
			seen.set(res.url(), { phase, body: res.body().catch(() => null) });
		});

		await page.goto('/login', { waitUntil: 'networkidle' });
		phase = 'caseload';
		await signIn(page);
		await caseloadShown(page);
		await page.waitForLoadState('networkidle');

		const files = await Promise.all(
			[...seen].map(async ([url, { phase, body }]) => {
				const bytes = await body;
				if (!bytes) throw new Error(`could not read the body of ${url}`);
				const gzip = gzipSync(bytes, { level: 9 }).length;
				return { path: new URL(url).pathname, phase, raw: bytes.length, gzip };
			})
		);
		const sum = (xs: { gzip: number }[]) => xs.reduce((n, f) => n + f.gzip, 0);
		return {
			files: files.length,
			rawBytes: files.reduce((n, f) => n + f.raw, 0),
			gzipBytes: sum(files),
			signInGzipBytes: sum(files.filter((f) => f.phase === 'sign-in')),
			caseloadGzipBytes: sum(files.filter((f) => f.phase === 'caseload')),
			largest: files
				.sort((a, b) => b.gzip - a.gzip)
				.slice(0, 5)
				.map((f) => ({ path: f.path, gzipBytes: f.gzip }))
		};
	} finally {
		await context.close();
	}
}
