import { z } from 'zod';
import { idSchema, instantSchema, shortText } from './common';
import { conditionSchema } from './condition';

export const orderTypes = [
	'DVPN',
	'DVPO',
	'DAPN',
	'DAPO',
	'non-molestation',
	'restraining',
	'stalking-protection',
	'pre-charge-bail',
	'court-bail'
] as const;
export const orderTypeSchema = z.enum(orderTypes);
export type OrderType = z.infer<typeof orderTypeSchema>;

export const orderTypeLabels: Record<OrderType, string> = {
	DVPN: 'Domestic Violence Protection Notice',
	DVPO: 'Domestic Violence Protection Order',
	DAPN: 'Domestic Abuse Protection Notice',
	DAPO: 'Domestic Abuse Protection Order',
	'non-molestation': 'Non-molestation order',
	restraining: 'Restraining order',
	'stalking-protection': 'Stalking protection order',
	'pre-charge-bail': 'Pre-charge bail conditions',
	'court-bail': 'Court bail conditions'
};

export const orderStatuses = ['active', 'varied', 'expired', 'discharged'] as const;
export const orderStatusSchema = z.enum(orderStatuses);
export type OrderStatus = z.infer<typeof orderStatusSchema>;

export const orderSchema = z.strictObject({
	id: idSchema,
	subjectId: idSchema,
	type: orderTypeSchema,
	issuer: shortText(160).min(1),
	reference: shortText(60).min(1),
	startsAt: instantSchema,
	/** Null when the order runs until further order (e.g. many DAPOs). */
	expiresAt: instantSchema.nullable(),
	status: orderStatusSchema,
	/** Bumped on every variation, so a visit can say which wording the officer saw. */
	version: z.number().int().positive(),
	conditions: z.array(conditionSchema).max(50)
});
export type Order = z.infer<typeof orderSchema>;
