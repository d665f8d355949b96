/**
 * One plain-English sentence per condition, for an officer reading it on a doorstep. The court's
 * wording is shown alongside elsewhere; this is the quick read.
 *
 * Premises linked to a protected person are only ever called "protected premises": their label
 * and description may name the victim or their address, so they are never shown here.
 */
import type { Condition, ConditionType, ExclusionZoneCondition, Zone } from './condition';

export const PROTECTED_PREMISES = 'Protected premises';

/** A zone's name for the officer: never the court's label for protected premises. */
export function zoneLabel(c: ExclusionZoneCondition): string {
	return c.protectedPremises ? PROTECTED_PREMISES : c.label;
}

export type DescribeContext = {
	/** A short address for the officer, e.g. '12 Elm Road, Bedford'. */
	addressLabel(addressId: string): string;
};

export const conditionTypeLabels: Record<ConditionType, string> = {
	'no-contact': 'No contact',
	'exclusion-zone': 'Exclusion zone',
	curfew: 'Curfew',
	residence: 'Residence',
	reporting: 'Reporting',
	'electronic-monitoring': 'Electronic monitoring',
	'positive-requirement': 'Positive requirement',
	other: 'Other condition'
};

export function conditionTypeLabel(type: ConditionType): string {
	return conditionTypeLabels[type];
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

const tagPhrases = {
	'curfew-tag': 'a curfew tag',
	'gps-tag': 'a GPS tag',
	'alcohol-tag': 'an alcohol tag'
} as const;

/** 'every night', 'on Fri, Sat', 'on Mon–Fri' (runs of three or more days become a range). */
function daysPhrase(days: readonly number[] | null, every: 'day' | 'night'): string {
	const sorted = [...new Set(days ?? [])].sort((a, b) => a - b);
	if (days === null || sorted.length === 7) return `every ${every}`;
	const name = (d: number) => WEEKDAYS[d - 1] ?? String(d);
	const parts: string[] = [];
	for (let i = 0; i < sorted.length;) {
		let j = i;
		while (sorted[j + 1] === (sorted[j] ?? 0) + 1) j++;
		const first = sorted[i] ?? 0;
		const last = sorted[j] ?? 0;
		if (j - i >= 2) parts.push(`${name(first)}–${name(last)}`);
		else for (let k = i; k <= j; k++) parts.push(name(sorted[k] ?? 0));
		i = j + 1;
	}
	return `on ${parts.join(', ')}`;
}

/** A distance as an officer reads it: "240 m", "1.3 km". */
export function formatDistance(metres: number): string {
	return metres < 1000 ? `${Math.round(metres)} m` : `${Number((metres / 1000).toFixed(1))} km`;
}

function zoneExtent(zone: Zone): string {
	switch (zone.shape) {
		case 'circle':
			return `${formatDistance(zone.radiusM)} around a point`;
		case 'polygon':
			return 'area marked on the map';
		case 'named':
			return zone.description;
	}
}

export function describeCondition(condition: Condition, ctx: DescribeContext): string {
	switch (condition.type) {
		case 'curfew': {
			const { start, end, days } = condition;
			const at = ctx.addressLabel(condition.addressId);
			if (start === end) {
				const span = start === '00:00' ? 'all day' : `24 hours from ${start}`;
				return `Curfew ${span} ${daysPhrase(days, 'day')} at ${at}`;
			}
			const every = end < start ? 'night' : 'day';
			return `Curfew ${start}–${end} ${daysPhrase(days, every)} at ${at}`;
		}
		case 'no-contact': {
			const ref = condition.protectedPersonRef;
			if (condition.direct && condition.indirect) {
				return `Must not contact ${ref}, directly or indirectly`;
			}
			if (condition.direct) return `Must not contact ${ref} directly`;
			if (condition.indirect) return `Must not contact ${ref} indirectly`;
			return `Contact with ${ref} is restricted: see the court's wording`;
		}
		case 'exclusion-zone': {
			const { zone } = condition;
			if (condition.protectedPremises) {
				// A named zone's description could be the victim's address: never show it.
				return zone.shape === 'named'
					? 'Must not enter protected premises'
					: `Must not enter protected premises zone (${zoneExtent(zone)})`;
			}
			const extent = zoneExtent(zone);
			return extent === condition.label
				? `Must not enter ${condition.label}`
				: `Must not enter ${condition.label} (${extent})`;
		}
		case 'residence':
			return `Must live and sleep at ${ctx.addressLabel(condition.addressId)}`;
		case 'reporting':
			return `Must report to ${condition.station} ${daysPhrase(condition.days, 'day')} between ${condition.from} and ${condition.until}`;
		case 'electronic-monitoring':
			return `Must wear ${tagPhrases[condition.kind]} (electronic monitoring)`;
		case 'positive-requirement':
			return `Positive requirement: ${condition.requirement}`;
		case 'other':
			return condition.wording;
	}
}
