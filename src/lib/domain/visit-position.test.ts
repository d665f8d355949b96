import { describe, expect, it } from 'vitest';
import { FAR_FROM_ADDRESS_M, fixDistance } from './visit-position';

const address = { lat: 52.1357, lon: -0.4665 };
/** A point `metres` due north of the address (1° of latitude ≈ 111,195 m on the mean sphere). */
const north = (metres: number, accuracyM: number) => ({
	lat: address.lat + metres / 111_195,
	lon: address.lon,
	accuracyM
});

describe('fixDistance', () => {
	it('does not warn at the door', () => {
		const d = fixDistance(north(15, 10), address);
		expect(d.far).toBe(false);
		expect(d.text).toBe('15 m from the address');
	});

	it('warns 25 km away and says so in kilometres', () => {
		const d = fixDistance(north(25_000, 12), address);
		expect(d.far).toBe(true);
		expect(d.text).toBe('25 km from the address');
	});

	it('allows for the accuracy of the fix before warning', () => {
		expect(fixDistance(north(FAR_FROM_ADDRESS_M + 100, 150), address).far).toBe(false);
		expect(fixDistance(north(FAR_FROM_ADDRESS_M + 100, 50), address).far).toBe(true);
	});

	it('warns only beyond the threshold, not at it', () => {
		expect(fixDistance(north(FAR_FROM_ADDRESS_M - 1, 0), address).far).toBe(false);
		expect(fixDistance(north(FAR_FROM_ADDRESS_M + 1, 0), address).far).toBe(true);
	});
});
