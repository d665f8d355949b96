import { describe, expect, it } from 'vitest';
import {
	addLondonDays,
	calendarDaysBetween,
	formatCalendarDate,
	formatLondonDate,
	formatLondonDateTime,
	formatLondonTime,
	londonDate,
	londonParts,
	londonWallTimeToInstant,
	weekdayOf
} from './london-time';

const iso = (d: Date) => d.toISOString();

describe('londonParts', () => {
	it('reads GMT in winter as UTC', () => {
		expect(londonParts(new Date('2026-11-27T19:05:09Z'))).toEqual({
			year: 2026,
			month: 11,
			day: 27,
			hour: 19,
			minute: 5,
			second: 9,
			weekday: 5
		});
	});

	it('reads BST in summer as UTC+1, rolling the date over at 23:00 UTC', () => {
		expect(londonParts(new Date('2026-07-01T23:30:00Z'))).toMatchObject({
			month: 7,
			day: 2,
			hour: 0,
			minute: 30,
			weekday: 4
		});
	});

	it('gives midnight as hour 0, never 24', () => {
		expect(londonParts(new Date('2026-12-01T00:00:00Z')).hour).toBe(0);
	});

	it('gives Sunday as 7', () => {
		expect(londonParts(new Date('2026-03-29T12:00:00Z')).weekday).toBe(7);
	});

	it('agrees with Intl at every instant: each 20 minutes of 2026, and 1900–2100 at random', () => {
		// Built differently from the module's own format, so the two cannot share a mistake.
		const reference = new Intl.DateTimeFormat('en-GB', {
			timeZone: 'Europe/London',
			hourCycle: 'h23',
			dateStyle: 'short',
			timeStyle: 'medium'
		});
		const asIntl = (d: Date) => {
			const p = Object.fromEntries(reference.formatToParts(d).map((x) => [x.type, x.value]));
			return [p.year, p.month, p.day, p.hour, p.minute, p.second].map(Number);
		};
		const instants: number[] = [];
		for (let ms = Date.UTC(2026, 0, 1); ms < Date.UTC(2027, 0, 1); ms += 20 * 60_000 + 7_001)
			instants.push(ms);
		let seed = 12345;
		const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
		const [from, to] = [Date.UTC(1900, 0, 1), Date.UTC(2100, 0, 1)];
		for (let i = 0; i < 20_000; i++) instants.push(Math.floor(from + random() * (to - from)));
		const wrong = instants.filter((ms) => {
			const p = londonParts(new Date(ms));
			const mine = [p.year, p.month, p.day, p.hour, p.minute, p.second];
			return mine.join() !== asIntl(new Date(ms)).join();
		});
		expect(wrong.map((ms) => new Date(ms).toISOString())).toEqual([]);
	});

	it('rejects an invalid Date', () => {
		expect(() => londonParts(new Date('nonsense'))).toThrow(RangeError);
	});
});

describe('londonDate', () => {
	it('uses the London date, not the UTC date, late in a BST evening', () => {
		expect(londonDate(new Date('2026-06-30T23:15:00Z'))).toBe('2026-07-01');
	});

	it('matches the UTC date in GMT', () => {
		expect(londonDate(new Date('2026-12-31T23:59:59Z'))).toBe('2026-12-31');
	});
});

describe('londonWallTimeToInstant', () => {
	it('converts winter and summer wall times', () => {
		expect(iso(londonWallTimeToInstant('2026-11-27', '19:05'))).toBe('2026-11-27T19:05:00.000Z');
		expect(iso(londonWallTimeToInstant('2026-07-01', '19:05'))).toBe('2026-07-01T18:05:00.000Z');
		expect(iso(londonWallTimeToInstant('2026-07-02', '00:30'))).toBe('2026-07-01T23:30:00.000Z');
	});

	describe('clocks forward, 29 March 2026', () => {
		it('keeps GMT up to the change', () => {
			expect(iso(londonWallTimeToInstant('2026-03-29', '00:59'))).toBe('2026-03-29T00:59:00.000Z');
		});

		it('resolves 01:00–01:59, which never happens, to the end of the gap (02:00 BST)', () => {
			expect(iso(londonWallTimeToInstant('2026-03-29', '01:00'))).toBe('2026-03-29T01:00:00.000Z');
			expect(iso(londonWallTimeToInstant('2026-03-29', '01:30'))).toBe('2026-03-29T01:00:00.000Z');
			expect(iso(londonWallTimeToInstant('2026-03-29', '01:59'))).toBe('2026-03-29T01:00:00.000Z');
		});

		it('is BST from 02:00', () => {
			expect(iso(londonWallTimeToInstant('2026-03-29', '02:00'))).toBe('2026-03-29T01:00:00.000Z');
			expect(iso(londonWallTimeToInstant('2026-03-29', '02:01'))).toBe('2026-03-29T01:01:00.000Z');
		});
	});

	describe('clocks back, 25 October 2026', () => {
		it('keeps BST before the repeated hour', () => {
			expect(iso(londonWallTimeToInstant('2026-10-25', '00:59'))).toBe('2026-10-24T23:59:00.000Z');
		});

		it('resolves 01:30, which happens twice, to the first occurrence (BST)', () => {
			expect(iso(londonWallTimeToInstant('2026-10-25', '01:00'))).toBe('2026-10-25T00:00:00.000Z');
			expect(iso(londonWallTimeToInstant('2026-10-25', '01:30'))).toBe('2026-10-25T00:30:00.000Z');
		});

		it('is GMT from 02:00', () => {
			expect(iso(londonWallTimeToInstant('2026-10-25', '02:00'))).toBe('2026-10-25T02:00:00.000Z');
		});
	});

	it('round-trips with londonParts on every quarter hour across both change days', () => {
		for (const day of ['2026-03-29', '2026-10-25']) {
			for (let m = 0; m < 24 * 60; m += 15) {
				const hhmm = `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
				if (day === '2026-03-29' && hhmm.startsWith('01:')) continue;
				const p = londonParts(londonWallTimeToInstant(day, hhmm));
				expect(`${londonDate(londonWallTimeToInstant(day, hhmm))} ${p.hour}:${p.minute}`).toBe(
					`${day} ${Math.floor(m / 60)}:${m % 60}`
				);
			}
		}
	});

	it('rejects malformed and impossible input', () => {
		expect(() => londonWallTimeToInstant('2026-02-30', '10:00')).toThrow(RangeError);
		expect(() => londonWallTimeToInstant('27/11/2026', '10:00')).toThrow(RangeError);
		expect(() => londonWallTimeToInstant('2026-11-27', '24:00')).toThrow(RangeError);
		expect(() => londonWallTimeToInstant('2026-11-27', '7:00')).toThrow(RangeError);
	});
});

describe('calendar arithmetic', () => {
	it('adds days across months, years and leap days', () => {
		expect(addLondonDays('2026-11-30', 1)).toBe('2026-12-01');
		expect(addLondonDays('2026-12-31', 1)).toBe('2027-01-01');
		expect(addLondonDays('2028-02-28', 1)).toBe('2028-02-29');
		expect(addLondonDays('2026-03-01', -1)).toBe('2026-02-28');
		expect(addLondonDays('2026-03-28', 2)).toBe('2026-03-30');
	});

	it('counts calendar days either way, unaffected by clock changes', () => {
		expect(calendarDaysBetween('2026-03-28', '2026-03-30')).toBe(2);
		expect(calendarDaysBetween('2026-10-26', '2026-10-24')).toBe(-2);
		expect(calendarDaysBetween('2026-11-27', '2026-11-27')).toBe(0);
	});

	it('gives ISO weekdays', () => {
		expect(weekdayOf('2026-11-23')).toBe(1);
		expect(weekdayOf('2026-11-27')).toBe(5);
		expect(weekdayOf('2026-11-29')).toBe(7);
	});
});

describe('formatting', () => {
	it('formats date and time in en-GB, 24-hour', () => {
		const at = new Date('2026-11-27T19:05:00Z');
		expect(formatLondonDateTime(at)).toBe('27 Nov 2026, 19:05');
		expect(formatLondonDate(at)).toBe('27 Nov 2026');
		expect(formatLondonTime(at)).toBe('19:05');
	});

	it('formats in London time in summer', () => {
		expect(formatLondonDateTime(new Date('2026-08-31T23:45:00Z'))).toBe('1 Sep 2026, 00:45');
	});

	it('formats a calendar date', () => {
		expect(formatCalendarDate('2026-12-01')).toBe('1 Dec 2026');
	});
});
