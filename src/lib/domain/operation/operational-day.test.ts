import { describe, expect, it } from 'vitest';
import {
	defaultOperationalDay,
	operationalDay,
	operationalDayOf,
	operationalDayWindow,
	parseOperationalDayConfig,
	shiftAt,
	shiftMinutes,
	shiftWindow,
	todayWindow
} from './operational-day';

const at = (iso: string) => new Date(iso);

describe('operational day', () => {
	it('keeps a night shift that crosses midnight on one day', () => {
		// 1 Dec 2026 is GMT: London = UTC.
		expect(operationalDay(at('2026-12-01T22:30:00Z'))).toBe('2026-12-01');
		expect(operationalDay(at('2026-12-02T02:10:00Z'))).toBe('2026-12-01');
		expect(operationalDay(at('2026-12-02T06:59:00Z'))).toBe('2026-12-01');
		expect(operationalDay(at('2026-12-02T07:00:00Z'))).toBe('2026-12-02');
	});

	it('uses London wall-clock time in summer (BST)', () => {
		// 06:30 UTC is 07:30 BST: already the new day.
		expect(operationalDay(at('2026-07-02T06:30:00Z'))).toBe('2026-07-02');
		expect(operationalDay(at('2026-07-02T05:30:00Z'))).toBe('2026-07-01');
	});

	it('is configurable', () => {
		const config = { ...defaultOperationalDay, dayStart: '05:00' };
		expect(operationalDay(at('2026-12-02T06:00:00Z'), config)).toBe('2026-12-02');
		expect(operationalDay(at('2026-12-02T04:59:00Z'), config)).toBe('2026-12-01');
	});

	it('gives a 25-hour day across the autumn change', () => {
		const w = operationalDayWindow('2026-10-24');
		expect((w.end.getTime() - w.start.getTime()) / 3_600_000).toBe(25);
	});
});

describe('shifts', () => {
	it('places the night shift across midnight', () => {
		const w = shiftWindow('2026-12-01', 'night');
		expect(w.start.toISOString()).toBe('2026-12-01T22:00:00.000Z');
		expect(w.end.toISOString()).toBe('2026-12-02T07:00:00.000Z');
		expect(shiftMinutes('2026-12-01', 'night')).toBe(540);
	});

	it('puts a shift starting before dayStart on the next calendar date', () => {
		const config = {
			...defaultOperationalDay,
			shifts: { ...defaultOperationalDay.shifts, night: { start: '00:30', end: '07:00' } }
		};
		const w = shiftWindow('2026-12-01', 'night', config);
		expect(w.start.toISOString()).toBe('2026-12-02T00:30:00.000Z');
	});

	it('names the shift on at an instant, the later one where they overlap', () => {
		expect(shiftAt(at('2026-12-01T10:00:00Z'))).toEqual({ date: '2026-12-01', shift: 'day' });
		expect(shiftAt(at('2026-12-01T22:30:00Z'))).toEqual({ date: '2026-12-01', shift: 'night' });
		expect(shiftAt(at('2026-12-02T03:00:00Z'))).toEqual({ date: '2026-12-01', shift: 'night' });
	});

	it('falls back to the default on a bad configuration', () => {
		expect(parseOperationalDayConfig('{"dayStart":"7am"}')).toEqual(defaultOperationalDay);
		expect(parseOperationalDayConfig('not json')).toEqual(defaultOperationalDay);
		expect(parseOperationalDayConfig(undefined)).toEqual(defaultOperationalDay);
	});
});

describe('operationalDayOf', () => {
	it('gives the same day as operationalDay, across clock changes and midnights', () => {
		for (const dayStart of ['07:00', '00:00', '00:30', '23:30']) {
			const config = { ...defaultOperationalDay, dayStart };
			const of = operationalDayOf(config);
			const from = Date.parse('2026-03-20T00:00:00Z');
			for (let t = from; t < from + 240 * 86_400_000; t += 37 * 60_000 + 13_000) {
				const at = new Date(t);
				expect(of(at)).toBe(operationalDay(at, config));
			}
		}
	});
});

describe('todayWindow: "today" on the device', () => {
	const iso = (w: { start: Date; end: Date }) => [w.start.toISOString(), w.end.toISOString()];

	it('runs from one day start to the next, the night shift inside it', () => {
		const day = ['2026-12-01T07:00:00.000Z', '2026-12-02T07:00:00.000Z'];
		expect(iso(todayWindow(at('2026-12-01T07:00:00Z')))).toEqual(day);
		expect(iso(todayWindow(at('2026-12-01T23:59:59Z')))).toEqual(day);
		// Past midnight on the night shift: still the same day.
		expect(iso(todayWindow(at('2026-12-02T00:00:00Z')))).toEqual(day);
		expect(iso(todayWindow(at('2026-12-02T06:59:59Z')))).toEqual(day);
	});

	it('turns over at the day start, not at midnight', () => {
		expect(todayWindow(at('2026-12-01T06:59:59Z')).start.toISOString()).toBe(
			'2026-11-30T07:00:00.000Z'
		);
		expect(todayWindow(at('2026-12-02T07:00:00Z')).start.toISOString()).toBe(
			'2026-12-02T07:00:00.000Z'
		);
	});

	it('follows a configured day start, in London time', () => {
		const config = { ...defaultOperationalDay, dayStart: '05:00' };
		// July is BST: 05:00 London is 04:00 UTC.
		expect(iso(todayWindow(at('2026-07-02T03:59:00Z'), config))).toEqual([
			'2026-07-01T04:00:00.000Z',
			'2026-07-02T04:00:00.000Z'
		]);
		expect(todayWindow(at('2026-07-02T04:00:00Z'), config).start.toISOString()).toBe(
			'2026-07-02T04:00:00.000Z'
		);
	});

	it('is 23 or 25 hours across a clock change, and one day either side of it', () => {
		// 29 Mar 2026: clocks go forward at 01:00 UTC. 07:00 GMT, then 07:00 BST (06:00 UTC).
		const spring = todayWindow(at('2026-03-29T05:00:00Z'));
		expect(iso(spring)).toEqual(['2026-03-28T07:00:00.000Z', '2026-03-29T06:00:00.000Z']);
		expect(todayWindow(at('2026-03-29T06:00:00Z')).start.toISOString()).toBe(
			'2026-03-29T06:00:00.000Z'
		);
		// 25 Oct 2026: clocks go back; the night shift of the 24th is 25 hours long.
		const autumn = todayWindow(at('2026-10-25T03:00:00Z'));
		expect(iso(autumn)).toEqual(['2026-10-24T06:00:00.000Z', '2026-10-25T07:00:00.000Z']);
	});
});
