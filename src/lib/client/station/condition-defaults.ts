import type { Condition, ConditionType } from '$lib/domain/condition';

/** A new condition of a type, with placeholders the form asks the user to complete. */
export function blankCondition(type: ConditionType, firstAddressId: string | null): Condition {
	const base = { id: crypto.randomUUID(), wording: '' };
	const addressId = firstAddressId ?? crypto.randomUUID();
	switch (type) {
		case 'no-contact':
			return { ...base, type, protectedPersonRef: 'PP-', direct: true, indirect: true };
		case 'exclusion-zone':
			return {
				...base,
				type,
				label: '',
				zone: { shape: 'named', description: 'Draw the zone on the map' },
				protectedPremises: false
			};
		case 'curfew':
			return { ...base, type, addressId, start: '19:00', end: '07:00', days: null };
		case 'residence':
			return { ...base, type, addressId };
		case 'reporting':
			return { ...base, type, station: '', days: [1], from: '10:00', until: '12:00' };
		case 'electronic-monitoring':
			return { ...base, type, kind: 'curfew-tag' };
		case 'positive-requirement':
			return { ...base, type, requirement: '' };
		case 'other':
			return { ...base, type };
	}
}

export const conditionTypes: ConditionType[] = [
	'no-contact',
	'exclusion-zone',
	'curfew',
	'residence',
	'reporting',
	'electronic-monitoring',
	'positive-requirement',
	'other'
];
