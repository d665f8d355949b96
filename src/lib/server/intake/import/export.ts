import Papa from 'papaparse';
import type { Condition } from '$lib/domain/condition';
import { GENERATED_REF_PREFIX, templates, type ImportFile } from '$lib/domain/import-templates';
import { londonDate } from '$lib/domain/london-time';
import type { TeamScope } from '../../auth/scope';
import { nextSeq, type Db } from '../../db/connection';
import type { RecordRefsTable } from '../../db/schema';
import { existingBundles } from './existing';
import { formatDays, polygonWkt } from './fields';

/** What a record made on screen is exported as: stable, because it is our own id. */
const generatedRef = (id: string) => `${GENERATED_REF_PREFIX}${id}`;

/**
 * The caseload in the import templates, so export → import changes nothing. A record made on
 * screen has no records-system reference; the export gives it `FC-<our id>` and keeps that in
 * record_refs (written once: later exports find it), so importing the export finds the same
 * record rather than creating a second one.
 */
export async function exportCsv(db: Db, scope: TeamScope): Promise<Record<ImportFile, string>> {
	const ids = await db
		.selectFrom('subjects')
		.select('id')
		.$if(!scope.all, (q) => q.where('team_id', '=', scope.all ? '' : (scope.teamId ?? '')))
		.orderBy('family_name')
		.execute();
	const bundles = await existingBundles(
		db,
		ids.map((r) => r.id)
	);
	const refRows = await db.selectFrom('record_refs').select(['kind', 'reference', 'id']).execute();
	const ref = new Map(refRows.map((r) => [`${r.kind}|${r.id}`, r.reference]));
	const generated: RecordRefsTable[] = [];
	const of = (kind: RecordRefsTable['kind'], id: string): string => {
		const held = ref.get(`${kind}|${id}`);
		if (held) return held;
		const reference = generatedRef(id);
		ref.set(`${kind}|${id}`, reference);
		generated.push({ kind, reference, id });
		return reference;
	};
	const rows: Record<ImportFile, Record<string, string | number>[]> = {
		subjects: [],
		addresses: [],
		orders: [],
		conditions: []
	};
	const day = (instant: string | null) => (instant ? londonDate(new Date(instant)) : '');
	for (const { id } of ids) {
		const b = bundles.get(id)!;
		const subjectRef = of('subject', id);
		const s = b.subject;
		rows.subjects.push({
			subject_ref: subjectRef,
			given_name: s.givenName,
			family_name: s.familyName,
			aliases: s.aliases.join(';'),
			date_of_birth: s.dateOfBirth,
			risk: s.risk,
			warnings: s.warnings.join(';'),
			wanted_reason: s.wanted?.reason ?? '',
			wanted_ref: s.wanted?.reference ?? ''
		});
		for (const a of b.addresses) {
			const address_ref = of('address', a.id);
			rows.addresses.push({
				address_ref,
				subject_ref: subjectRef,
				kind: a.kind,
				line1: a.lines[0] ?? '',
				line2: a.lines[1] ?? '',
				town: a.town,
				postcode: a.postcode,
				lat: a.location.lat,
				lon: a.location.lon,
				access_notes: a.accessNotes
			});
		}
		for (const o of b.orders) {
			const order_ref = of('order', o.id);
			rows.orders.push({
				order_ref,
				subject_ref: subjectRef,
				type: o.type,
				issuer: o.issuer,
				starts: day(o.startsAt),
				expires: day(o.expiresAt),
				status: o.status
			});
			for (const c of o.conditions) {
				rows.conditions.push({
					condition_ref: of('condition', c.id),
					order_ref,
					...conditionCells(c, (id) => of('address', id))
				});
			}
		}
	}
	// One transaction; a concurrent export that generated the same (deterministic) rows wins.
	if (generated.length > 0) {
		await db.transaction().execute(async (trx) => {
			// A new reference can change what an import of the same files would do: taking a
			// counter value tells a plan kept from a dry run that it is out of date (reviewed.ts).
			await nextSeq(trx);
			for (let i = 0; i < generated.length; i += 500) {
				await trx
					.insertInto('record_refs')
					.values(generated.slice(i, i + 500))
					.onConflict((oc) => oc.doNothing())
					.execute();
			}
		});
	}
	const out = {} as Record<ImportFile, string>;
	for (const [file, list] of Object.entries(rows) as [ImportFile, typeof rows.subjects][]) {
		out[file] =
			Papa.unparse({
				fields: templates[file].columns,
				data: list.map((r) => templates[file].columns.map((c) => r[c] ?? ''))
			}) + '\r\n';
	}
	return out;
}

function conditionCells(
	c: Condition,
	addressRef: (id: string) => string
): Record<string, string | number> {
	const base = { type: c.type, wording: c.wording };
	switch (c.type) {
		case 'no-contact':
			return {
				...base,
				protected_person_ref: c.protectedPersonRef,
				direct: c.direct ? 'yes' : 'no',
				indirect: c.indirect ? 'yes' : 'no'
			};
		case 'exclusion-zone': {
			const z = c.zone;
			return {
				...base,
				zone_label: c.label,
				zone_description: z.shape === 'named' ? z.description : '',
				zone_lat: z.shape === 'circle' ? z.center.lat : '',
				zone_lon: z.shape === 'circle' ? z.center.lon : '',
				zone_radius_m: z.shape === 'circle' ? z.radiusM : '',
				zone_polygon: z.shape === 'polygon' ? polygonWkt(z.rings) : '',
				protected_premises: c.protectedPremises ? 'yes' : 'no'
			};
		}
		case 'curfew':
			return {
				...base,
				address_ref: addressRef(c.addressId),
				start: c.start,
				end: c.end,
				days: formatDays(c.days)
			};
		case 'residence':
			return { ...base, address_ref: addressRef(c.addressId) };
		case 'reporting':
			return { ...base, station: c.station, start: c.from, end: c.until, days: formatDays(c.days) };
		case 'electronic-monitoring':
			return { ...base, tag: c.kind };
		case 'positive-requirement':
			return { ...base, requirement: c.requirement };
		case 'other':
			return base;
	}
}
