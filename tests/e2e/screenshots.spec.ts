import { mkdirSync } from 'node:fs';
import { test } from '@playwright/test';
import { device, officerTour, type Theme } from './pages/officer-tour';
import { sizes } from './pages/sizes';

/**
 * Screenshots of the main officer screens at both sizes, written to docs/screenshots/ so the
 * README always shows the app as it is. Part of the end-to-end suite.
 * SCREENSHOT_THEMES=light,dark adds the dark theme; SCREENSHOT_DIR writes elsewhere (reviewing).
 */
const OUT = process.env.SCREENSHOT_DIR ?? 'docs/screenshots';
const themes = (process.env.SCREENSHOT_THEMES ?? 'light').split(',') as Theme[];

for (const size of sizes) {
	for (const theme of themes) {
		test(`screenshots of the officer screens on a ${size.name} (${theme})`, async ({ browser }) => {
			test.setTimeout(120_000);
			mkdirSync(OUT, { recursive: true });
			const page = await device(browser, size, theme);
			const suffix = theme === 'light' ? '' : `-${theme}`;
			await officerTour(page, 'officer2', 'demo-officer-2', async (screen) => {
				// Fonts and the map's tiles settle before the picture is taken.
				await page.evaluate(() => document.fonts.ready);
				await page.screenshot({ path: `${OUT}/${size.name}-${screen}${suffix}.png` });
			});
			await page.context().close();
		});
	}
}
