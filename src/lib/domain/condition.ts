import { z } from 'zod';
import { idSchema, latLngSchema, localTimeSchema, shortText, weekdaySchema } from './common';
import { protectedPersonRefSchema } from './subject';

/** Every condition keeps the court's own wording next to its typed meaning. */
const base = {
	id: idSchema,
	wording: z.string().trim().min(1).max(2000)
};

export const circleZoneSchema = z.strictObject({
	shape: z.literal('circle'),
	center: latLngSchema,
	radiusM: z.number().positive().max(50_000)
});

/** A ring is closed implicitly (last point joins the first). Rings after the first are holes. */
const ringSchema = z.array(latLngSchema).min(3).max(2000);
export const polygonZoneSchema = z.strictObject({
	shape: z.literal('polygon'),
	rings: z.array(ringSchema).min(1).max(20)
});

/** A named street or premises with no drawable geometry; still shown and checked by hand. */
export const namedZoneSchema = z.strictObject({
	shape: z.literal('named'),
	description: shortText(300).min(1)
});

export const zoneSchema = z.discriminatedUnion('shape', [
	circleZoneSchema,
	polygonZoneSchema,
	namedZoneSchema
]);
export type Zone = z.infer<typeof zoneSchema>;

export const noContactConditionSchema = z.strictObject({
	...base,
	type: z.literal('no-contact'),
	protectedPersonRef: protectedPersonRefSchema,
	direct: z.boolean(),
	indirect: z.boolean()
});

export const exclusionZoneConditionSchema = z.strictObject({
	...base,
	type: z.literal('exclusion-zone'),
	label: shortText(120).min(1),
	zone: zoneSchema,
	/** The zone surrounds premises linked to a protected person: shown only as "protected premises". */
	protectedPremises: z.boolean()
});

export const curfewConditionSchema = z.strictObject({
	...base,
	type: z.literal('curfew'),
	addressId: idSchema,
	/** Local Europe/London times; end <= start means the window runs past midnight. */
	start: localTimeSchema,
	end: localTimeSchema,
	/** Weekdays on which a window *starts*; absent means every day. */
	days: z.array(weekdaySchema).min(1).max(7).nullable()
});

export const residenceConditionSchema = z.strictObject({
	...base,
	type: z.literal('residence'),
	addressId: idSchema
});

export const reportingConditionSchema = z.strictObject({
	...base,
	type: z.literal('reporting'),
	station: shortText(120).min(1),
	days: z.array(weekdaySchema).min(1).max(7),
	/** Reporting window, local time. */
	from: localTimeSchema,
	until: localTimeSchema
});

export const electronicMonitoringConditionSchema = z.strictObject({
	...base,
	type: z.literal('electronic-monitoring'),
	kind: z.enum(['curfew-tag', 'gps-tag', 'alcohol-tag'])
});

export const positiveRequirementConditionSchema = z.strictObject({
	...base,
	type: z.literal('positive-requirement'),
	requirement: shortText(500).min(1)
});

export const otherConditionSchema = z.strictObject({
	...base,
	type: z.literal('other')
});

export const conditionSchema = z.discriminatedUnion('type', [
	noContactConditionSchema,
	exclusionZoneConditionSchema,
	curfewConditionSchema,
	residenceConditionSchema,
	reportingConditionSchema,
	electronicMonitoringConditionSchema,
	positiveRequirementConditionSchema,
	otherConditionSchema
]);
export type Condition = z.infer<typeof conditionSchema>;
export type ConditionType = Condition['type'];
export type CurfewCondition = z.infer<typeof curfewConditionSchema>;
export type ExclusionZoneCondition = z.infer<typeof exclusionZoneConditionSchema>;
