import { describe, expect, it } from 'vitest';
import { basemapNotice } from './basemap-notice';

describe('basemapNotice', () => {
	it('never offers a download the server does not have', () => {
		for (const online of [true, false]) {
			const text = basemapNotice({ packOnDevice: false, packOffered: false, online });
			expect(text).not.toMatch(/Download/);
			expect(text).toMatch(/no area pack on the server/);
		}
	});

	it('points to the download button when a pack is offered and there is signal', () => {
		const text = basemapNotice({ packOnDevice: false, packOffered: true, online: true });
		expect(text).toContain('"Download area pack for offline maps"');
	});

	it('sends the officer to the station when offline and a pack is offered', () => {
		const text = basemapNotice({ packOnDevice: false, packOffered: true, online: false });
		expect(text).toContain('At the station, open the map and choose Download area pack');
	});

	it('says the place is outside the pack when one is stored', () => {
		const text = basemapNotice({ packOnDevice: true, packOffered: true, online: false });
		expect(text).toMatch(/outside the area pack/);
	});

	it('does not promise a pack before the server has been asked', () => {
		const text = basemapNotice({ packOnDevice: false, packOffered: null, online: false });
		expect(text).toMatch(/whether an area pack is available/);
	});
});
