import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { device, officerTour, type Theme } from './pages/officer-tour';
import { sizes } from './pages/sizes';

/** WCAG 2.0, 2.1 and 2.2, levels A and AA: the bar for every officer screen. */
const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const themes: Theme[] = ['light', 'dark'];

for (const size of sizes) {
	for (const theme of themes) {
		test(`every officer screen passes axe on a ${size.name} in the ${theme} theme`, async ({
			browser
		}) => {
			test.setTimeout(180_000);
			const page = await device(browser, size, theme);
			const failures: string[] = [];
			await officerTour(page, 'officer3', 'demo-officer-3', async (screen) => {
				await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
				const results = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
				for (const v of results.violations) {
					const where = v.nodes.map((n) => n.target.join(' ')).join(' | ');
					failures.push(`${screen}: ${v.id} (${v.impact}) ${v.help} — ${where}`);
				}
			});
			expect(failures).toEqual([]);
			await page.context().close();
		});
	}
}
