import type { Locator, Page } from '@playwright/test';

/** Measurements of what an officer would see: sideways scrolling, clipping, scroll bars, targets. */
export class LayoutProbe {
	constructor(readonly page: Page) {}

	/** How far the page scrolls sideways (0 when everything fits the width). */
	sidewaysOverflow(): Promise<number> {
		return this.page.evaluate(
			() => document.documentElement.scrollWidth - document.documentElement.clientWidth
		);
	}

	/** Elements, other than the page itself, that scroll vertically: a second scroll bar each. */
	innerScrollers(): Promise<string[]> {
		return this.page.evaluate(() =>
			[...document.querySelectorAll<HTMLElement>('body *')]
				.filter((el) => {
					const style = getComputedStyle(el);
					return (
						/(auto|scroll)/.test(style.overflowY) &&
						el.scrollHeight > el.clientHeight + 1 &&
						el.clientHeight > 0
					);
				})
				.map((el) => el.dataset.testid ?? el.className ?? el.tagName)
		);
	}

	/**
	 * Items whose content is cut off (an ellipsis, a hidden overflow) or spills out of the item's
	 * own box over its neighbours. Screen-reader-only text is meant to be clipped and is skipped.
	 */
	async clipped(items: Locator): Promise<number> {
		return items.evaluateAll(
			(els) =>
				els.filter((item) => {
					const box = item.getBoundingClientRect();
					const inside = [...item.querySelectorAll<HTMLElement>('*')].filter(
						(e) => !e.closest('.visually-hidden')
					);
					const spills = inside.some((e) => {
						const r = e.getBoundingClientRect();
						return (
							r.width > 0 &&
							(r.bottom > box.bottom + 1 ||
								r.right > box.right + 1 ||
								r.top < box.top - 1 ||
								r.left < box.left - 1)
						);
					});
					const cut = [item, ...inside].some(
						(e) =>
							getComputedStyle(e).overflowX !== 'visible' &&
							(e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1)
					);
					return spills || cut;
				}).length
		);
	}

	/** Visible buttons, links and form controls in `scope` smaller than 44 × 44 CSS px. */
	smallTargets(scope: Locator): Promise<string[]> {
		return scope.evaluate((root) =>
			[...root.querySelectorAll<HTMLElement>('a[href], button, select, input, summary, label')]
				.filter((el) => {
					const r = el.getBoundingClientRect();
					if (r.width === 0 || r.height === 0) return false;
					// A checkbox or radio is tapped through its label, which is measured instead.
					if (el instanceof HTMLInputElement && /checkbox|radio|file/.test(el.type)) return false;
					if (
						el.tagName === 'LABEL' &&
						!el.querySelector('input[type=checkbox], input[type=radio]')
					)
						return false;
					return r.height < 44 || r.width < 44;
				})
				.map((el) => `${el.tagName} "${(el.textContent ?? '').trim().slice(0, 30)}"`)
		);
	}

	/** The height of an element on screen, in CSS pixels. */
	async height(el: Locator): Promise<number> {
		return (await el.boundingBox())?.height ?? 0;
	}
}
