import { describe, expect, it } from 'vitest';
import { tileSource } from './headers';

describe('tileSource', () => {
	it('allows the tile server the basemap is configured with, sub-domains as a wildcard', () => {
		expect(tileSource('https://tile.openstreetmap.org/{z}/{x}/{y}.png')).toBe(
			'https://tile.openstreetmap.org'
		);
		expect(tileSource('https://{s}.tiles.example.police.uk/{z}/{x}/{y}.png')).toBe(
			'https://*.tiles.example.police.uk'
		);
		expect(tileSource('https://maps.example.org:8443/t/{z}/{x}/{y}.png')).toBe(
			'https://maps.example.org:8443'
		);
	});

	it('adds nothing when tiles are off or the template could smuggle in another directive', () => {
		expect(tileSource('none')).toBeNull();
		expect(tileSource('http://tile.example.org/{z}/{x}/{y}.png')).toBeNull();
		expect(
			tileSource("https://a.example.org;script-src 'unsafe-inline'/{z}/{x}/{y}.png")
		).toBeNull();
	});
});
