/**
 * What the map draws for the caseload, as plain data: one point per assigned subject, at the
 * address where they should be found now, and how each point and cluster looks. No Leaflet here,
 * so it is unit-tested.
 */
import type { SubjectBundle } from '$lib/domain/caseload';
import type { LatLng } from '$lib/domain/common';
import type { CurfewCondition } from '$lib/domain/condition';
import { isCurfewInForce } from '$lib/domain/curfew';
import type { Order } from '$lib/domain/order';
import { isOrderActive } from '$lib/domain/order-status';
import { subjectDisplayName, type RiskLevel } from '$lib/domain/subject';

/** Bumped whenever MapSubject changes shape, so a copy kept by an older version is rebuilt. */
export const MAP_SUBJECT_VERSION = 1;

/**
 * What the map needs of a subject, whatever the time: small enough to keep for 10,000 subjects
 * and to store as one record, so the map opens without reading every whole bundle.
 */
export interface MapSubject {
	subjectId: string;
	name: string;
	risk: RiskLevel;
	wanted: boolean;
	/** Home, or the first address held; null with none. */
	home: LatLng | null;
	curfews: (Pick<CurfewCondition, 'start' | 'end' | 'days'> &
		Pick<Order, 'startsAt' | 'expiresAt' | 'status'> & { at: LatLng })[];
}

export interface MapPoint {
	subjectId: string;
	name: string;
	lat: number;
	lon: number;
	risk: RiskLevel;
	wanted: boolean;
	/** Drawn at their curfew address because the curfew is in force now. */
	curfewNow: boolean;
}

export function toMapSubject(bundle: SubjectBundle): MapSubject {
	const home = bundle.addresses.find((a) => a.kind === 'home') ?? bundle.addresses[0];
	const curfews: MapSubject['curfews'] = [];
	for (const order of bundle.orders) {
		if (order.status === 'discharged' || order.status === 'expired') continue;
		for (const c of order.conditions) {
			if (c.type !== 'curfew') continue;
			const address = bundle.addresses.find((a) => a.id === c.addressId);
			if (!address) continue;
			const { startsAt, expiresAt, status } = order;
			const { start, end, days } = c;
			curfews.push({ start, end, days, startsAt, expiresAt, status, at: address.location });
		}
	}
	return {
		subjectId: bundle.subject.id,
		name: subjectDisplayName(bundle.subject),
		risk: bundle.subject.risk,
		wanted: bundle.subject.wanted !== null,
		home: home?.location ?? null,
		curfews
	};
}

/**
 * Where each subject should be found now: at the curfew address while a curfew of an order in
 * force is in force (that is where to check them), otherwise at home. Curfew timings repeat
 * across a caseload, so each distinct one is worked out once per call.
 */
export function placeSubjects(subjects: readonly MapSubject[], now: Date): MapPoint[] {
	const inForce = new Map<string, boolean>();
	const points: MapPoint[] = [];
	for (const s of subjects) {
		const curfew = s.curfews.find((c) => {
			const key = `${c.start}|${c.end}|${c.days?.join(',') ?? '*'}`;
			let on = inForce.get(key);
			if (on === undefined) inForce.set(key, (on = isCurfewInForce(c, now)));
			return on && isOrderActive(c, now);
		});
		const at = curfew?.at ?? s.home;
		if (!at) continue;
		points.push({
			subjectId: s.subjectId,
			name: s.name,
			lat: at.lat,
			lon: at.lon,
			risk: s.risk,
			wanted: s.wanted,
			curfewNow: curfew !== undefined
		});
	}
	return points;
}

export function toMapPoints(bundles: readonly SubjectBundle[], now: Date): MapPoint[] {
	return placeSubjects(bundles.map(toMapSubject), now);
}

/** Colours from the theme (src/app.css), read at draw time so the light theme applies too. */
export interface MapPalette {
	high: string;
	medium: string;
	standard: string;
	/** Outline of ordinary markers, against the basemap. */
	outline: string;
	/** The ring that makes a wanted subject stand out. */
	wanted: string;
	curfew: string;
}

export interface PointStyle {
	radius: number;
	fillColor: string;
	fillOpacity: number;
	color: string;
	weight: number;
}

export function pointStyle(p: MapPoint, palette: MapPalette, selected = false): PointStyle {
	const base = { fillColor: palette[p.risk], fillOpacity: 0.95 };
	if (p.wanted) return { ...base, radius: 11, color: palette.wanted, weight: selected ? 6 : 4 };
	if (p.curfewNow) return { ...base, radius: 9, color: palette.curfew, weight: selected ? 5 : 3 };
	return { ...base, radius: 7, color: selected ? palette.wanted : palette.outline, weight: 2 };
}

/** Counts carried up through supercluster's map/reduce, so a cluster knows what it holds. */
export interface ClusterTally {
	high: number;
	medium: number;
	standard: number;
	wanted: number;
	curfew: number;
}

export function tallyOf(p: MapPoint): ClusterTally {
	return {
		high: p.risk === 'high' ? 1 : 0,
		medium: p.risk === 'medium' ? 1 : 0,
		standard: p.risk === 'standard' ? 1 : 0,
		wanted: p.wanted ? 1 : 0,
		curfew: p.curfewNow ? 1 : 0
	};
}

export function addTally(into: ClusterTally, t: Readonly<ClusterTally>): void {
	into.high += t.high;
	into.medium += t.medium;
	into.standard += t.standard;
	into.wanted += t.wanted;
	into.curfew += t.curfew;
}

/** A cluster wears the colour of the highest risk inside it: a high-risk subject is never hidden. */
export function clusterRisk(t: ClusterTally): RiskLevel {
	return t.high > 0 ? 'high' : t.medium > 0 ? 'medium' : 'standard';
}

/** Big enough to tap with gloves (≥ 44 px), a little bigger as the count grows. */
export function clusterSize(count: number): number {
	return count < 10 ? 44 : count < 100 ? 50 : count < 1000 ? 56 : 62;
}

export function clusterLabel(count: number, t: ClusterTally): string {
	const parts = [`${count} subjects`];
	if (t.high > 0) parts.push(`${t.high} high risk`);
	if (t.wanted > 0) parts.push(`${t.wanted} wanted`);
	if (t.curfew > 0) parts.push(`${t.curfew} on curfew now`);
	return `${parts.join(', ')}. Zoom in`;
}
