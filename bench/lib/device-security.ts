import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { encodePng } from '../../src/lib/server/map/png';
import { LockPage } from '../../tests/e2e/pages/login-page';
import { VisitPage } from '../../tests/e2e/pages/visit-page';
import { rawBlobPut } from './in-page';
import { waitForSpan } from './spans';

/**
 * A photo of random noise, so the device's JPEG of it stays about 2 MB (noise does not
 * compress). Written once per bench run.
 */
export function noisePhoto(width = 1500, height = 1100): string {
	const rgba = new Uint8Array(width * height * 4);
	for (let i = 0; i < rgba.length; i += 4) {
		rgba[i] = (Math.random() * 256) | 0;
		rgba[i + 1] = (Math.random() * 256) | 0;
		rgba[i + 2] = (Math.random() * 256) | 0;
		rgba[i + 3] = 255;
	}
	const path = join(tmpdir(), `fc-bench-noise-${process.pid}.png`);
	writeFileSync(path, encodePng(width, height, rgba));
	return path;
}

/** Lock now, then the passphrase: from pressing Unlock, and from having the key, to the rows. */
export async function measureUnlock(page: Page) {
	await page.getByRole('button', { name: 'Lock now' }).click();
	const lock = new LockPage(page);
	await lock.screen().waitFor();
	await lock.unlock();
	const fromSubmit = await waitForSpan(page, {
		from: 'fc:unlock:start',
		to: 'fc:caseload:first-rows'
	});
	const fromKey = await waitForSpan(page, { from: 'fc:unlock:key', to: 'fc:caseload:first-rows' });
	const argon = await waitForSpan(page, { from: 'fc:unlock:start', to: 'fc:unlock:key' });
	return { unlockToRowsMs: fromSubmit.spanMs, keyToRowsMs: fromKey.spanMs, kdfMs: argon.spanMs };
}

/** Records a visit to the first subject with the photo and times finalising it (sealed). */
export async function measureFinalise(page: Page, photo: string) {
	await page.getByTestId('caseload-row').first().click();
	await page.getByRole('button', { name: 'Start visit here' }).first().click();
	const visit = new VisitPage(page);
	await visit.result('Seen');
	// A seen subject's visit has every condition marked before it can be finalised.
	await visit.markAllConditions('Compliant');
	await visit.addPhoto(photo);
	await visit.finalise();
	const span = await waitForSpan(page, { from: 'fc:finalise:start', to: 'fc:finalise:end' });
	const rawMs = await page.evaluate(rawBlobPut, { rawDb: 'fc-bench-raw-photo', bytes: 2_000_000 });
	return { finaliseMs: span.spanMs, rawBlobPutMs: rawMs };
}
