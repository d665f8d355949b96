import type { Condition } from '$lib/domain/condition';
import type { ImportFile, ImportIssue } from '$lib/domain/import-templates';
import { orderStatuses, orderTypes, type OrderStatus, type OrderType } from '$lib/domain/order';
import {
	addressKinds,
	riskLevels,
	warningMarkers,
	type AddressKind,
	type RiskLevel,
	type WarningMarker
} from '$lib/domain/subject';
import * as f from './fields';
import { cell, type CsvRow } from './read';

/**
 * One CSV row to a staged record: typed values, references not yet resolved to ids. Every
 * problem in a row is reported (file, row, column), not just the first.
 */

export interface StagedSubject {
	ref: string;
	row: number;
	givenName: string;
	familyName: string;
	aliases: string[];
	dateOfBirth: string;
	risk: RiskLevel;
	warnings: WarningMarker[];
	wanted: { reason: string; reference: string } | null;
}

export interface StagedAddress {
	ref: string;
	row: number;
	subjectRef: string;
	kind: AddressKind;
	lines: string[];
	town: string;
	postcode: string;
	location: { lat: number; lon: number };
	accessNotes: string;
}

export interface StagedOrder {
	ref: string;
	row: number;
	subjectRef: string;
	type: OrderType;
	issuer: string;
	starts: string;
	expires: string | null;
	status: OrderStatus;
}

/** Omit over each member of a union (plain Omit would merge them). */
type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

/** A condition whose address (curfew, residence) is still a records reference. */
export type StagedCondition = {
	ref: string;
	row: number;
	orderRef: string;
	addressRef: string | null;
	condition: WithoutId<Condition>;
};

class RowReader {
	issues: ImportIssue[] = [];
	constructor(
		readonly file: ImportFile,
		readonly r: CsvRow
	) {}
	text(column: string): string {
		return cell(this.r, column).trim();
	}
	required(column: string): string {
		const v = this.text(column);
		if (!v) this.problem(column, 'This column must not be empty');
		return v;
	}
	problem(column: string | null, problem: string): void {
		this.issues.push({ file: this.file, row: this.r.row, column, problem });
	}
	parse<T>(column: string, parsed: f.Parsed<T>, fallback: T): T {
		if (parsed.ok) return parsed.value;
		this.problem(column, parsed.problem);
		return fallback;
	}
	oneOf<T extends string>(column: string, allowed: readonly T[], fallback: T): T {
		const v = this.text(column);
		const known = allowedValue(allowed, v);
		if (known !== undefined) return known;
		this.problem(column, `"${v}" is not one of: ${allowed.join(', ')}`);
		return fallback;
	}
}

/** The allowed value itself, not the cell's copy of it: one string for every row. */
function allowedValue<T extends string>(allowed: readonly T[], v: string): T | undefined {
	const i = (allowed as readonly string[]).indexOf(v);
	return i >= 0 ? allowed[i] : undefined;
}

type Staged<T> = { value: T; issues: ImportIssue[] };

// Arrays made to measure: one grown by push or filter keeps room for 17 items, 150 bytes a row.
const lines = (line1: string, line2: string) =>
	line1 && line2 ? [line1, line2] : line1 || line2 ? [line1 || line2] : [];

export function stageSubject(r: CsvRow): Staged<StagedSubject> {
	const x = new RowReader('subjects', r);
	const warnings = f.parseList(x.text('warnings')).map((w) => {
		const marker = allowedValue(warningMarkers, w);
		if (marker === undefined) {
			x.problem('warnings', `"${w}" is not a warning marker: use ${warningMarkers.join(', ')}`);
		}
		return marker ?? w;
	});
	const wantedReason = x.text('wanted_reason');
	const wantedRef = x.text('wanted_ref');
	if (!!wantedReason !== !!wantedRef) {
		x.problem(
			wantedReason ? 'wanted_ref' : 'wanted_reason',
			'A wanted subject needs both a reason and a reference'
		);
	}
	const value: StagedSubject = {
		ref: x.required('subject_ref'),
		row: r.row,
		givenName: x.required('given_name'),
		familyName: x.required('family_name'),
		aliases: f.parseList(x.text('aliases')),
		dateOfBirth: x.parse('date_of_birth', f.parseDate(x.text('date_of_birth')), ''),
		risk: x.oneOf('risk', riskLevels, 'high'),
		warnings: warnings as WarningMarker[],
		wanted: wantedReason && wantedRef ? { reason: wantedReason, reference: wantedRef } : null
	};
	return { value, issues: x.issues };
}

export function stageAddress(r: CsvRow): Staged<StagedAddress> {
	const x = new RowReader('addresses', r);
	const value: StagedAddress = {
		ref: x.required('address_ref'),
		row: r.row,
		subjectRef: x.required('subject_ref'),
		kind: x.oneOf('kind', addressKinds, 'home'),
		lines: lines(x.required('line1'), x.text('line2')),
		town: x.required('town'),
		postcode: x.required('postcode').toUpperCase(),
		location: {
			lat: x.parse('lat', f.parseCoordinate(x.text('lat'), 'lat'), 0),
			lon: x.parse('lon', f.parseCoordinate(x.text('lon'), 'lon'), 0)
		},
		accessNotes: x.text('access_notes')
	};
	return { value, issues: x.issues };
}

export function stageOrder(r: CsvRow): Staged<StagedOrder> {
	const x = new RowReader('orders', r);
	const expires = x.text('expires');
	const value: StagedOrder = {
		ref: x.required('order_ref'),
		row: r.row,
		subjectRef: x.required('subject_ref'),
		type: x.oneOf('type', orderTypes, 'DAPO'),
		issuer: x.required('issuer'),
		starts: x.parse('starts', f.parseDate(x.text('starts')), ''),
		expires: expires ? x.parse('expires', f.parseDate(expires), null) : null,
		status: x.text('status') ? x.oneOf('status', orderStatuses, 'active') : 'active'
	};
	return { value, issues: x.issues };
}

const conditionTypes = [
	'no-contact',
	'exclusion-zone',
	'curfew',
	'residence',
	'reporting',
	'electronic-monitoring',
	'positive-requirement',
	'other'
] as const;

function stageZone(x: RowReader) {
	const polygon = x.text('zone_polygon');
	if (polygon) {
		return {
			shape: 'polygon' as const,
			rings: x.parse('zone_polygon', f.parsePolygon(polygon), [])
		};
	}
	if (x.text('zone_lat') || x.text('zone_lon') || x.text('zone_radius_m')) {
		const radius = Number(x.text('zone_radius_m'));
		if (!(radius > 0 && radius <= 50_000))
			x.problem('zone_radius_m', 'Give the radius in metres, from 1 to 50000');
		return {
			shape: 'circle' as const,
			center: {
				lat: x.parse('zone_lat', f.parseCoordinate(x.text('zone_lat'), 'lat'), 0),
				lon: x.parse('zone_lon', f.parseCoordinate(x.text('zone_lon'), 'lon'), 0)
			},
			radiusM: radius
		};
	}
	// A named street or area: its description, else the label says it.
	return {
		shape: 'named' as const,
		description: x.text('zone_description') || x.required('zone_label')
	};
}

export function stageCondition(r: CsvRow): Staged<StagedCondition> {
	const x = new RowReader('conditions', r);
	const ref = x.required('condition_ref');
	const orderRef = x.required('order_ref');
	const wording = x.required('wording');
	const rawType = x.text('type');
	let addressRef: string | null = null;
	// Written out, not spread from a shared base: a spread followed by a new property gave
	// every row a hidden class of its own, a quarter of the staged rows' memory.
	const staged = (condition: StagedCondition['condition']): StagedCondition => ({
		ref,
		row: r.row,
		orderRef,
		addressRef,
		condition
	});
	const type = allowedValue(conditionTypes, rawType);
	if (type === undefined) {
		x.problem('type', `"${rawType}" is not a condition type: use ${conditionTypes.join(', ')}`);
		return { value: staged({ type: 'other', wording }), issues: x.issues };
	}
	let condition: StagedCondition['condition'];
	switch (type) {
		case 'no-contact':
			condition = {
				type,
				wording,
				protectedPersonRef: x.required('protected_person_ref'),
				direct: x.parse('direct', f.parseBool(x.text('direct') || 'yes'), true),
				indirect: x.parse('indirect', f.parseBool(x.text('indirect') || 'yes'), true)
			};
			break;
		case 'exclusion-zone':
			condition = {
				type,
				wording,
				label: x.required('zone_label'),
				zone: stageZone(x),
				protectedPremises: x.parse(
					'protected_premises',
					f.parseBool(x.text('protected_premises')),
					false
				)
			};
			break;
		case 'curfew':
			addressRef = x.required('address_ref');
			condition = {
				type,
				wording,
				addressId: '',
				start: x.parse('start', f.parseTime(x.text('start')), '00:00'),
				end: x.parse('end', f.parseTime(x.text('end')), '00:00'),
				days: x.parse('days', f.parseDays(x.text('days')), null)
			};
			break;
		case 'residence':
			addressRef = x.required('address_ref');
			condition = { type, wording, addressId: '' };
			break;
		case 'reporting':
			condition = {
				type,
				wording,
				station: x.required('station'),
				days: x.parse('days', f.parseDays(x.text('days')), null) ?? [1, 2, 3, 4, 5, 6, 7],
				from: x.parse('start', f.parseTime(x.text('start')), '00:00'),
				until: x.parse('end', f.parseTime(x.text('end')), '00:00')
			};
			break;
		case 'electronic-monitoring':
			condition = {
				type,
				wording,
				kind: x.oneOf('tag', ['curfew-tag', 'gps-tag', 'alcohol-tag'], 'curfew-tag')
			};
			break;
		case 'positive-requirement':
			condition = { type, wording, requirement: x.required('requirement') };
			break;
		case 'other':
			condition = { type, wording };
			break;
	}
	return { value: staged(condition), issues: x.issues };
}
