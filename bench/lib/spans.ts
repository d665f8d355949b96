import type { Page } from '@playwright/test';
import { markSpan } from './in-page';

/** Waits (in Node) until the page has set the `to` mark, then measures from `from` to it. */
export async function waitForSpan(
	page: Page,
	span: { from: string; to: string },
	timeout = 60_000
): Promise<ReturnType<typeof markSpan>> {
	await page.waitForFunction((to) => performance.getEntriesByName(to).length > 0, span.to, {
		timeout
	});
	return page.evaluate(markSpan, span);
}
