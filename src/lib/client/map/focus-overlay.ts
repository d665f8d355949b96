/**
 * What the map draws for the one subject in view: their addresses, the exclusion zones of their
 * in-force orders and the curfew addresses whose curfew is in force now. Premises linked to a
 * protected person are only ever labelled "Protected premises": the court's label may name the
 * victim or their address, so it is never shown on the map.
 */
import type { SubjectBundle } from '$lib/domain/caseload';
import type { LatLng } from '$lib/domain/common';
import { currentOrNextCurfewWindow, isCurfewInForce } from '$lib/domain/curfew';
import { PROTECTED_PREMISES, zoneLabel } from '$lib/domain/describe-condition';
import type { DrawableZone } from '$lib/domain/geo';
import { formatLondonTime } from '$lib/domain/london-time';
import { activeConditions } from '$lib/domain/order-status';
import { subjectDisplayName, type AddressKind, type RiskLevel } from '$lib/domain/subject';

export { PROTECTED_PREMISES } from '$lib/domain/describe-condition';

export type FocusZone = { id: string; label: string } & DrawableZone;

export interface FocusAddress {
	id: string;
	kind: AddressKind;
	location: LatLng;
	/** First line and town: enough to recognise it on the map. */
	label: string;
}

export interface FocusCurfew {
	addressId: string;
	location: LatLng;
	/** 'Curfew until 07:00' */
	label: string;
}

export interface FocusOverlay {
	subjectId: string;
	name: string;
	risk: RiskLevel;
	wanted: boolean;
	addresses: FocusAddress[];
	zones: FocusZone[];
	/** Streets or premises with no geometry: listed for the officer, not drawn. */
	namedZones: string[];
	curfews: FocusCurfew[];
}

export function focusOverlay(bundle: SubjectBundle, now: Date): FocusOverlay {
	const active = activeConditions(bundle.orders, now).map((a) => a.condition);
	const zones: FocusZone[] = [];
	const namedZones: string[] = [];
	const curfews: FocusCurfew[] = [];
	for (const c of active) {
		if (c.type === 'exclusion-zone') {
			if (c.zone.shape === 'named') {
				namedZones.push(c.protectedPremises ? PROTECTED_PREMISES : c.zone.description);
			} else {
				zones.push({ id: c.id, label: zoneLabel(c), ...c.zone });
			}
		}
		if (c.type === 'curfew' && isCurfewInForce(c, now)) {
			const address = bundle.addresses.find((a) => a.id === c.addressId);
			const window = currentOrNextCurfewWindow(c, now);
			if (!address || !window) continue;
			curfews.push({
				addressId: address.id,
				location: address.location,
				label: `Curfew until ${formatLondonTime(window.end)}`
			});
		}
	}
	return {
		subjectId: bundle.subject.id,
		name: subjectDisplayName(bundle.subject),
		risk: bundle.subject.risk,
		wanted: bundle.subject.wanted !== null,
		addresses: bundle.addresses.map((a) => ({
			id: a.id,
			kind: a.kind,
			location: a.location,
			label: `${a.lines[0]}, ${a.town}`
		})),
		zones,
		namedZones,
		curfews
	};
}

/** Every point the overlay covers, for fitting the view to it. */
export function overlayExtent(o: FocusOverlay): LatLng[] {
	const points = o.addresses.map((a) => a.location);
	for (const z of o.zones) {
		if (z.shape === 'polygon') points.push(...z.rings.flat());
		else {
			// A circle's north-south extent; east-west follows from the fitted view's padding.
			const dLat = z.radiusM / 111_320;
			points.push({ lat: z.center.lat + dLat, lon: z.center.lon });
			points.push({ lat: z.center.lat - dLat, lon: z.center.lon });
		}
	}
	return points;
}
