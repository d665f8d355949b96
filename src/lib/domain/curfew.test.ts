import { describe, expect, it } from 'vitest';
import { curfewConditionSchema, type CurfewCondition } from './condition';
import {
	currentOrNextCurfewWindow,
	curfewWindowOn,
	curfewWindowsBetween,
	isCurfewInForce,
	type CurfewWindow
} from './curfew';

function curfew(start: string, end: string, days: number[] | null = null): CurfewCondition {
	return curfewConditionSchema.parse({
		id: '6f1c2a4e-8b1d-4c3e-9a7f-0d2b5e6c7a81',
		wording: 'To remain at the address between the stated hours',
		type: 'curfew',
		addressId: '3b9e7d2c-1a4f-4e6b-8c5d-9f0a1b2c3d4e',
		start,
		end,
		days
	});
}

const at = (isoInstant: string) => new Date(isoInstant);
const span = (w: CurfewWindow | null) =>
	w === null ? null : `${w.start.toISOString()} → ${w.end.toISOString()}`;
const hours = (w: CurfewWindow) => (w.end.getTime() - w.start.getTime()) / 3_600_000;

// 27 November 2026 is a Friday, in GMT.
describe('an overnight curfew, 19:00–07:00 every night', () => {
	const nightly = curfew('19:00', '07:00');

	it('is in force from 19:00, through midnight, until just before 07:00', () => {
		expect(isCurfewInForce(nightly, at('2026-11-27T19:00:00Z'))).toBe(true);
		expect(isCurfewInForce(nightly, at('2026-11-27T23:59:00Z'))).toBe(true);
		expect(isCurfewInForce(nightly, at('2026-11-28T00:00:00Z'))).toBe(true);
		expect(isCurfewInForce(nightly, at('2026-11-28T06:59:59Z'))).toBe(true);
	});

	it('is not in force at 07:00 exactly, during the day or just before 19:00', () => {
		expect(isCurfewInForce(nightly, at('2026-11-28T07:00:00Z'))).toBe(false);
		expect(isCurfewInForce(nightly, at('2026-11-28T12:00:00Z'))).toBe(false);
		expect(isCurfewInForce(nightly, at('2026-11-28T18:59:59Z'))).toBe(false);
	});

	it('uses London time in summer (19:00 BST is 18:00 UTC)', () => {
		expect(isCurfewInForce(nightly, at('2026-07-01T18:00:00Z'))).toBe(true);
		expect(isCurfewInForce(nightly, at('2026-07-01T17:59:00Z'))).toBe(false);
		expect(isCurfewInForce(nightly, at('2026-07-02T05:59:00Z'))).toBe(true);
		expect(isCurfewInForce(nightly, at('2026-07-02T06:00:00Z'))).toBe(false);
	});
});

describe('a daytime curfew, 09:00–17:00', () => {
	it('stays within one day', () => {
		const daytime = curfew('09:00', '17:00');
		expect(span(curfewWindowOn(daytime, '2026-11-27'))).toBe(
			'2026-11-27T09:00:00.000Z → 2026-11-27T17:00:00.000Z'
		);
		expect(isCurfewInForce(daytime, at('2026-11-27T08:59:00Z'))).toBe(false);
		expect(isCurfewInForce(daytime, at('2026-11-27T16:59:00Z'))).toBe(true);
		expect(isCurfewInForce(daytime, at('2026-11-28T03:00:00Z'))).toBe(false);
	});
});

describe('day-of-week curfews: days are when a window starts', () => {
	const fridays = curfew('19:00', '07:00', [5]);

	it('keeps a Friday night window in force early on Saturday', () => {
		expect(isCurfewInForce(fridays, at('2026-11-28T03:00:00Z'))).toBe(true);
	});

	it('has no window early on Friday, because none started on Thursday', () => {
		expect(isCurfewInForce(fridays, at('2026-11-27T03:00:00Z'))).toBe(false);
		expect(isCurfewInForce(fridays, at('2026-11-27T19:30:00Z'))).toBe(true);
	});

	it('has no window on Saturday evening', () => {
		expect(isCurfewInForce(fridays, at('2026-11-28T20:00:00Z'))).toBe(false);
		expect(curfewWindowOn(fridays, '2026-11-28')).toBeNull();
	});

	it('excludes Thursday night but covers early Thursday from a Wednesday start', () => {
		const notThursday = curfew('20:00', '06:00', [1, 2, 3, 5, 6, 7]);
		expect(isCurfewInForce(notThursday, at('2026-11-26T03:00:00Z'))).toBe(true);
		expect(isCurfewInForce(notThursday, at('2026-11-26T22:00:00Z'))).toBe(false);
		expect(isCurfewInForce(notThursday, at('2026-11-27T03:00:00Z'))).toBe(false);
	});
});

describe('start === end is a whole-day curfew', () => {
	it('runs 24 hours from the start time', () => {
		const w = curfewWindowOn(curfew('19:00', '19:00'), '2026-11-27');
		expect(span(w)).toBe('2026-11-27T19:00:00.000Z → 2026-11-28T19:00:00.000Z');
	});

	it('covers a whole Saturday when 00:00–00:00 on Saturdays', () => {
		const saturdays = curfew('00:00', '00:00', [6]);
		expect(isCurfewInForce(saturdays, at('2026-11-28T00:00:00Z'))).toBe(true);
		expect(isCurfewInForce(saturdays, at('2026-11-28T23:59:59Z'))).toBe(true);
		expect(isCurfewInForce(saturdays, at('2026-11-29T00:00:00Z'))).toBe(false);
		expect(isCurfewInForce(saturdays, at('2026-11-27T23:59:59Z'))).toBe(false);
	});

	it('gives touching windows on consecutive days', () => {
		const always = curfew('00:00', '00:00');
		const windows = curfewWindowsBetween(
			always,
			at('2026-11-27T12:00:00Z'),
			at('2026-11-28T12:00:00Z')
		);
		expect(windows.map(span)).toEqual([
			'2026-11-27T00:00:00.000Z → 2026-11-28T00:00:00.000Z',
			'2026-11-28T00:00:00.000Z → 2026-11-29T00:00:00.000Z'
		]);
	});
});

describe('clocks forward, 29 March 2026 (01:00 GMT becomes 02:00 BST)', () => {
	const nightly = curfew('19:00', '07:00');

	it('makes the night of Saturday 28 March 11 real hours long', () => {
		const w = curfewWindowOn(nightly, '2026-03-28');
		expect(span(w)).toBe('2026-03-28T19:00:00.000Z → 2026-03-29T06:00:00.000Z');
		expect(w && hours(w)).toBe(11);
	});

	it('ends at 07:00 BST, which is 06:00 UTC', () => {
		expect(isCurfewInForce(nightly, at('2026-03-29T05:59:00Z'))).toBe(true);
		expect(isCurfewInForce(nightly, at('2026-03-29T06:00:00Z'))).toBe(false);
	});

	it('starts a window given at 01:30, a time that never happens, at 02:00 BST', () => {
		const w = curfewWindowOn(curfew('01:30', '06:00'), '2026-03-29');
		expect(span(w)).toBe('2026-03-29T01:00:00.000Z → 2026-03-29T05:00:00.000Z');
		expect(w && hours(w)).toBe(4);
	});

	it('drops a window that lies wholly inside the gap', () => {
		const inGap = curfew('01:10', '01:50');
		expect(curfewWindowOn(inGap, '2026-03-29')).toBeNull();
		expect(span(curfewWindowOn(inGap, '2026-03-30'))).toBe(
			'2026-03-30T00:10:00.000Z → 2026-03-30T00:50:00.000Z'
		);
	});
});

describe('clocks back, 25 October 2026 (02:00 BST becomes 01:00 GMT)', () => {
	const nightly = curfew('19:00', '07:00');

	it('makes the night of Saturday 24 October 13 real hours long', () => {
		const w = curfewWindowOn(nightly, '2026-10-24');
		expect(span(w)).toBe('2026-10-24T18:00:00.000Z → 2026-10-25T07:00:00.000Z');
		expect(w && hours(w)).toBe(13);
	});

	it('is in force at both occurrences of 01:30', () => {
		expect(isCurfewInForce(nightly, at('2026-10-25T00:30:00Z'))).toBe(true);
		expect(isCurfewInForce(nightly, at('2026-10-25T01:30:00Z'))).toBe(true);
	});

	it('ends a window given as 01:30 at the first 01:30 (BST)', () => {
		const late = curfew('22:00', '01:30');
		const w = curfewWindowOn(late, '2026-10-24');
		expect(span(w)).toBe('2026-10-24T21:00:00.000Z → 2026-10-25T00:30:00.000Z');
		expect(isCurfewInForce(late, at('2026-10-25T01:00:00Z'))).toBe(false);
	});

	it('gives the week its windows in order, with one long night', () => {
		const windows = curfewWindowsBetween(
			nightly,
			at('2026-10-23T12:00:00Z'),
			at('2026-10-26T12:00:00Z')
		);
		expect(windows.map((w) => w.start.toISOString())).toEqual([
			'2026-10-23T18:00:00.000Z',
			'2026-10-24T18:00:00.000Z',
			'2026-10-25T19:00:00.000Z'
		]);
		expect(windows.map(hours)).toEqual([12, 13, 12]);
	});
});

describe('curfewWindowsBetween', () => {
	const nightly = curfew('19:00', '07:00');

	it('lists only the windows overlapping the interval', () => {
		const windows = curfewWindowsBetween(
			nightly,
			at('2026-11-27T12:00:00Z'),
			at('2026-11-29T12:00:00Z')
		);
		expect(windows.map(span)).toEqual([
			'2026-11-27T19:00:00.000Z → 2026-11-28T07:00:00.000Z',
			'2026-11-28T19:00:00.000Z → 2026-11-29T07:00:00.000Z'
		]);
	});

	it('includes a window that started before the interval', () => {
		const windows = curfewWindowsBetween(
			nightly,
			at('2026-11-28T03:00:00Z'),
			at('2026-11-28T04:00:00Z')
		);
		expect(windows.map(span)).toEqual(['2026-11-27T19:00:00.000Z → 2026-11-28T07:00:00.000Z']);
	});

	it('treats the edges as half-open', () => {
		expect(
			curfewWindowsBetween(nightly, at('2026-11-28T07:00:00Z'), at('2026-11-28T19:00:00Z'))
		).toEqual([]);
	});

	it('is empty for an empty or reversed interval', () => {
		const t = at('2026-11-28T03:00:00Z');
		expect(curfewWindowsBetween(nightly, t, t)).toEqual([]);
		expect(curfewWindowsBetween(nightly, t, at('2026-11-28T02:00:00Z'))).toEqual([]);
	});
});

describe('currentOrNextCurfewWindow', () => {
	const fridays = curfew('19:00', '07:00', [5]);

	it('gives the window in force', () => {
		expect(span(currentOrNextCurfewWindow(fridays, at('2026-11-28T03:00:00Z')))).toBe(
			'2026-11-27T19:00:00.000Z → 2026-11-28T07:00:00.000Z'
		);
	});

	it('gives the next window, a week ahead if need be', () => {
		expect(span(currentOrNextCurfewWindow(fridays, at('2026-11-28T07:00:00Z')))).toBe(
			'2026-12-04T19:00:00.000Z → 2026-12-05T07:00:00.000Z'
		);
	});

	it('gives null when no day is listed', () => {
		expect(
			currentOrNextCurfewWindow({ start: '19:00', end: '07:00', days: [] }, new Date())
		).toBeNull();
	});
});
