/**
 * What the map says when it has no background, worked out from the same facts the "Offline
 * map" panel shows (is a pack on the device, is one offered by the server, is there signal),
 * so the two never disagree, and each message says what to do next.
 */
export interface BasemapFacts {
	/** An area pack is stored on this device. */
	packOnDevice: boolean;
	/** The server offers an area pack (null: not known yet, never connected). */
	packOffered: boolean | null;
	online: boolean;
}

const stillWorks = 'Markers, zones and your route are still shown correctly.';

export function basemapNotice(f: BasemapFacts): string {
	if (f.packOnDevice) {
		return `No map background here: this place is outside the area pack on this device. ${stillWorks}`;
	}
	if (f.packOffered === false) {
		return `No map background: the tiles could not be loaded and your force has no area pack on the server. ${stillWorks} Ask your administrator for an area pack.`;
	}
	if (f.online) {
		return 'The map background could not be loaded. Choose "Download area pack for offline maps" below to keep a map on this device.';
	}
	if (f.packOffered === null) {
		return `No map background is available offline on this device. ${stillWorks} Connect at the station to see whether an area pack is available.`;
	}
	return `No map background is available offline on this device. ${stillWorks} At the station, open the map and choose Download area pack.`;
}
