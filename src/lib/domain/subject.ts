import { z } from 'zod';
import { idSchema, instantSchema, isoDateSchema, latLngSchema, shortText } from './common';

export const riskLevels = ['high', 'medium', 'standard'] as const;
export const riskLevelSchema = z.enum(riskLevels);
export type RiskLevel = z.infer<typeof riskLevelSchema>;

/** Officer-safety warning markers, as carried on the force's records system. */
export const warningMarkers = [
	'violence',
	'weapons',
	'firearms',
	'drugs',
	'mental-health',
	'self-harm',
	'escape-risk',
	'contagious',
	'dogs',
	'ailment'
] as const;
export const warningMarkerSchema = z.enum(warningMarkers);
export type WarningMarker = z.infer<typeof warningMarkerSchema>;

export const wantedSchema = z.strictObject({
	reason: shortText(300).min(1),
	reference: shortText(60).min(1)
});

export const subjectSchema = z.strictObject({
	id: idSchema,
	givenName: shortText(80).min(1),
	familyName: shortText(80).min(1),
	aliases: z.array(shortText(120).min(1)).max(20),
	dateOfBirth: isoDateSchema,
	photoUrl: z.string().max(500).nullable(),
	risk: riskLevelSchema,
	warnings: z.array(warningMarkerSchema).max(warningMarkers.length),
	wanted: wantedSchema.nullable(),
	updatedAt: instantSchema
});
export type Subject = z.infer<typeof subjectSchema>;

export const addressKinds = ['home', 'curfew', 'bail', 'associated', 'workplace'] as const;
export const addressKindSchema = z.enum(addressKinds);
export type AddressKind = z.infer<typeof addressKindSchema>;

export const addressKindLabels: Record<AddressKind, string> = {
	home: 'Home',
	curfew: 'Curfew address',
	bail: 'Bail address',
	associated: 'Associated address',
	workplace: 'Workplace'
};

export const addressSchema = z.strictObject({
	id: idSchema,
	subjectId: idSchema,
	kind: addressKindSchema,
	lines: z.array(shortText(120).min(1)).min(1).max(5),
	town: shortText(80).min(1),
	postcode: shortText(10).min(2),
	location: latLngSchema,
	accessNotes: shortText(500)
});
export type Address = z.infer<typeof addressSchema>;

/**
 * The victim, held only by a pseudonymous reference: the device never needs a name.
 * Premises the subject must keep away from are described on the condition, never here.
 */
export const protectedPersonRefSchema = z
	.string()
	.regex(/^PP-[A-Z0-9]{4,12}$/, 'Pseudonymous reference, e.g. PP-7K2Q9');
export type ProtectedPersonRef = z.infer<typeof protectedPersonRefSchema>;

export function subjectDisplayName(s: Pick<Subject, 'givenName' | 'familyName'>): string {
	return `${s.familyName.toUpperCase()}, ${s.givenName}`;
}

/** A short label for one of the subject's addresses, as conditions refer to them by id. */
export function addressLabel(addresses: readonly Address[], id: string): string {
	const a = addresses.find((x) => x.id === id);
	return a ? `${a.lines[0]}, ${a.town}` : 'an address not held on this device';
}

/** The whole address on one line: '12 Elm Road, Flat 2, Bedford MK40 1AA'. */
export function addressLine(a: Pick<Address, 'lines' | 'town' | 'postcode'>): string {
	return `${a.lines.join(', ')}, ${a.town} ${a.postcode}`;
}

/** The subject's home address, else the first held; undefined when none is held. */
export function homeAddress<A extends Pick<Address, 'kind'>>(
	addresses: readonly A[]
): A | undefined {
	return addresses.find((a) => a.kind === 'home') ?? addresses[0];
}
