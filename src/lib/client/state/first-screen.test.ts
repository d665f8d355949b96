import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FirstScreen } from './first-screen';

describe('FirstScreen', () => {
	beforeEach(() => vi.useFakeTimers());
	afterEach(() => vi.useRealTimers());

	/** Whether `settled()` has resolved after the microtasks queued so far. */
	async function isSettled(screen: FirstScreen, capMs?: number): Promise<() => boolean> {
		let done = false;
		void screen.settled(capMs).then(() => (done = true));
		await vi.advanceTimersByTimeAsync(0);
		return () => done;
	}

	it('lets start-up go on at once when no page holds the first screen', async () => {
		const screen = new FirstScreen();
		expect((await isSettled(screen))()).toBe(true);
	});

	it('holds start-up until the page says its first screen is drawn', async () => {
		const screen = new FirstScreen();
		screen.hold();
		const settled = await isSettled(screen);
		await vi.advanceTimersByTimeAsync(500);
		expect(settled()).toBe(false);
		screen.shown();
		await vi.advanceTimersByTimeAsync(0);
		expect(settled()).toBe(true);
	});

	it('never holds start-up longer than the cap, for a page that never draws', async () => {
		const screen = new FirstScreen();
		screen.hold();
		const settled = await isSettled(screen, 1000);
		await vi.advanceTimersByTimeAsync(999);
		expect(settled()).toBe(false);
		await vi.advanceTimersByTimeAsync(1);
		expect(settled()).toBe(true);
	});

	it('is not held again by a page set up after the first screen was shown', async () => {
		const screen = new FirstScreen();
		screen.hold();
		screen.shown();
		screen.hold();
		expect((await isSettled(screen))()).toBe(true);
	});
});
