import { describe, expect, it } from 'vitest';
import { defaultMapConfig, mapConfigSchema, tileUrlSchema } from './map-config';

describe('tileUrlSchema', () => {
	it('accepts https templates with z, x and y (and a subdomain)', () => {
		expect(tileUrlSchema.safeParse('https://tile.openstreetmap.org/{z}/{x}/{y}.png').success).toBe(
			true
		);
		expect(tileUrlSchema.safeParse('https://{s}.tiles.example/{z}/{x}/{y}{r}.png').success).toBe(
			true
		);
		expect(tileUrlSchema.safeParse('http://localhost:8080/{z}/{x}/{y}.png').success).toBe(true);
	});

	it('refuses plain http to another machine and templates missing a coordinate', () => {
		expect(tileUrlSchema.safeParse('http://tiles.example/{z}/{x}/{y}.png').success).toBe(false);
		expect(tileUrlSchema.safeParse('https://tiles.example/{z}/{x}.png').success).toBe(false);
		expect(tileUrlSchema.safeParse('not a url {z}{x}{y}').success).toBe(false);
	});
});

describe('mapConfigSchema', () => {
	it('accepts the default, a turned-off tile URL and an area pack', () => {
		expect(mapConfigSchema.parse(defaultMapConfig)).toEqual(defaultMapConfig);
		const withPack = {
			tileUrl: null,
			attribution: '',
			areaPack: { bytes: 40_000, sha256: 'a'.repeat(64), updatedAt: '2026-11-27T08:00:00.000Z' }
		};
		expect(mapConfigSchema.parse(withPack)).toEqual(withPack);
	});

	it('refuses unknown fields and a malformed pack', () => {
		expect(mapConfigSchema.safeParse({ ...defaultMapConfig, extra: 1 }).success).toBe(false);
		const bad = { ...defaultMapConfig, areaPack: { bytes: 0, sha256: 'x', updatedAt: 'now' } };
		expect(mapConfigSchema.safeParse(bad).success).toBe(false);
	});
});
