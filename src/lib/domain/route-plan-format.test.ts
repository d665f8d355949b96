import { describe, expect, it } from 'vitest';
import {
	formatArrival,
	formatDistance,
	formatDuration,
	isLate,
	travelModelLabel
} from './route-plan-format';

describe('formatArrival', () => {
	it('gives the London 24-hour clock time minutes into the shift', () => {
		const start = new Date('2026-11-27T17:00:00Z');
		expect(formatArrival(start, 0)).toBe('17:00');
		expect(formatArrival(start, 125)).toBe('19:05');
		expect(formatArrival(start, 7 * 60 + 15)).toBe('00:15');
	});

	it('reads BST in summer', () => {
		expect(formatArrival(new Date('2026-07-01T16:00:00Z'), 30)).toBe('17:30');
	});

	it('rounds to the nearest minute', () => {
		const start = new Date('2026-11-27T17:00:00Z');
		expect(formatArrival(start, 12.4)).toBe('17:12');
		expect(formatArrival(start, 12.6)).toBe('17:13');
	});

	it('counts real minutes across the 25 Oct 2026 change: 01:30 comes round twice', () => {
		const start = new Date('2026-10-24T23:30:00Z'); // 00:30 BST
		expect(formatArrival(start, 60)).toBe('01:30');
		expect(formatArrival(start, 120)).toBe('01:30');
		expect(formatArrival(start, 180)).toBe('02:30');
	});

	it('skips the missing hour of the spring change', () => {
		const start = new Date('2026-03-29T00:30:00Z'); // 00:30 GMT
		expect(formatArrival(start, 30)).toBe('02:00');
	});
});

describe('formatDistance and formatDuration', () => {
	it('writes metres below a kilometre, then kilometres', () => {
		expect(formatDistance(0)).toBe('0 m');
		expect(formatDistance(847)).toBe('850 m');
		expect(formatDistance(12_430)).toBe('12.4 km');
		expect(formatDistance(132_400)).toBe('132 km');
	});

	it('writes minutes, then hours and minutes', () => {
		expect(formatDuration(8.4)).toBe('8 min');
		expect(formatDuration(125)).toBe('2 h 05 min');
		expect(formatDuration(-3)).toBe('0 min');
	});
});

describe('isLate', () => {
	it('counts a check late from a whole minute after the curfew ends', () => {
		expect(isLate(0)).toBe(false);
		expect(isLate(0.9)).toBe(false);
		expect(isLate(1)).toBe(true);
	});
});

describe('travelModelLabel', () => {
	it('names the model and why the fallback was used', () => {
		expect(travelModelLabel({ model: 'road', note: null })).toBe(
			'Road travel times (routing service)'
		);
		expect(travelModelLabel({ model: 'great-circle', note: 'offline' })).toBe(
			'Straight-line distance × 1.3 at 40 km/h: offline'
		);
	});
});
