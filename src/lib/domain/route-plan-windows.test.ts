import { describe, expect, it } from 'vitest';
import type { CurfewTimes } from './curfew';
import { curfewCheckWindow, curfewMinuteWindows } from './route-plan-windows';

const nightly: CurfewTimes = { start: '19:00', end: '07:00', days: null };
const at = (iso: string) => new Date(iso);
const SHIFT = 10 * 60;

// 27 November 2026 is a Friday, in GMT; 1 July 2026 is in BST.
describe('a 19:00–07:00 curfew in the route time model', () => {
	it('opens two hours into a shift that starts at 17:00, and closes at 07:00', () => {
		const start = at('2026-11-27T17:00:00Z');
		expect(curfewMinuteWindows(nightly, start, SHIFT)).toEqual([[120, 840]]);
		expect(curfewCheckWindow(nightly, start, SHIFT, 15)).toEqual([120, 840]);
	});

	it('is already open at minute 0 when the shift starts at 23:00', () => {
		const start = at('2026-11-27T23:00:00Z');
		expect(curfewMinuteWindows(nightly, start, SHIFT)).toEqual([[0, 480]]);
		expect(curfewCheckWindow(nightly, start, SHIFT, 15)).toEqual([0, 480]);
	});

	it('counts in London time in summer: 17:00 BST is 16:00 UTC', () => {
		const start = at('2026-07-01T16:00:00Z');
		expect(curfewCheckWindow(nightly, start, SHIFT, 15)).toEqual([120, 840]);
	});

	it('lasts 13 real hours across the 25 Oct 2026 change to GMT (shift from 17:00 BST)', () => {
		const start = at('2026-10-24T16:00:00Z'); // 17:00 BST
		expect(curfewCheckWindow(nightly, start, SHIFT, 15)).toEqual([120, 120 + 13 * 60]);
	});

	it('closes nine real hours after a 23:00 BST start on the night the clocks go back', () => {
		const start = at('2026-10-24T22:00:00Z'); // 23:00 BST; 07:00 GMT is 9 hours later
		expect(curfewCheckWindow(nightly, start, SHIFT, 15)).toEqual([0, 9 * 60]);
	});

	it('lasts 11 real hours across the spring change to BST', () => {
		const start = at('2026-03-28T17:00:00Z'); // 17:00 GMT, Saturday 28 March
		expect(curfewCheckWindow(nightly, start, SHIFT, 15)).toEqual([120, 120 + 11 * 60]);
	});
});

describe('choosing among windows', () => {
	it('lists every window that overlaps a long shift, and plans for the first', () => {
		const start = at('2026-11-27T06:00:00Z');
		expect(curfewMinuteWindows(nightly, start, 24 * 60)).toEqual([
			[0, 60],
			[780, 1500]
		]);
		expect(curfewCheckWindow(nightly, start, 24 * 60, 15)).toEqual([0, 60]);
	});

	it('skips a window too short for a visit and takes the next one in the shift', () => {
		const start = at('2026-11-27T06:50:00Z');
		expect(curfewCheckWindow(nightly, start, 24 * 60, 15)).toEqual([730, 1450]);
	});

	it('gives no window when the curfew is not in force during the shift', () => {
		expect(curfewCheckWindow(nightly, at('2026-11-27T07:30:00Z'), SHIFT, 15)).toBeNull();
		expect(curfewCheckWindow(nightly, at('2026-11-27T06:50:00Z'), SHIFT, 15)).toBeNull();
	});

	it('needs a window that is in force for a visit before the shift ends', () => {
		// The shift ends at 19:10: ten minutes of curfew is not enough for a 15-minute check.
		const start = at('2026-11-27T09:10:00Z');
		expect(curfewCheckWindow(nightly, start, SHIFT, 15)).toBeNull();
		expect(curfewCheckWindow(nightly, start, SHIFT, 5)).toEqual([590, 1310]);
	});

	it('honours curfew days: a Friday and Saturday curfew has no window on a Thursday evening', () => {
		const weekend: CurfewTimes = { start: '21:00', end: '06:00', days: [5, 6] };
		expect(curfewCheckWindow(weekend, at('2026-11-26T17:00:00Z'), SHIFT, 15)).toBeNull();
		expect(curfewCheckWindow(weekend, at('2026-11-27T17:00:00Z'), SHIFT, 15)).toEqual([240, 780]);
	});
});
