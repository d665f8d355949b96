import { z } from 'zod';
import { idSchema } from '$lib/domain/common';
import { mutationSchema, type Mutation } from '$lib/domain/sync';
import { ApiFailure, issuesOf } from '../http';

/** One mutation as it arrived: parsed, or with the reason it cannot be. */
export type Incoming =
	| { seq: number; mutationId: string | null; mutation: Mutation; problem?: undefined }
	| { seq: number; mutationId: string | null; mutation?: undefined; problem: string };

/** Just enough of a mutation to place it in the device's sequence. */
const envelopeSchema = z.looseObject({
	seq: z
		.number()
		.int()
		.positive()
		.max(2 ** 52)
});

/**
 * Re-parses every mutation on its own, so one bad mutation is rejected by itself. A mutation
 * without a usable `seq` cannot be placed in the sequence at all, so the whole push is refused.
 */
export function parseMutations(raw: unknown[]): Incoming[] {
	const seen = new Set<number>();
	return raw.map((value, index) => {
		const parsed = mutationSchema.safeParse(value);
		const incoming: Incoming = parsed.success
			? { seq: parsed.data.seq, mutationId: parsed.data.id, mutation: parsed.data }
			: placeInvalid(value, index, parsed.error);
		if (seen.has(incoming.seq)) {
			throw new ApiFailure(400, 'invalid-body', `seq ${incoming.seq} appears twice in this push`);
		}
		seen.add(incoming.seq);
		return incoming;
	});
}

/** A mutation that does not parse still consumes its sequence number, if it has a usable one. */
function placeInvalid(value: unknown, index: number, error: z.ZodError): Incoming {
	const envelope = envelopeSchema.safeParse(value);
	if (!envelope.success) {
		throw new ApiFailure(
			400,
			'invalid-body',
			'Every mutation needs a whole-number seq of 1 or more',
			issuesOf(envelope.error).map((i) => ({ ...i, path: `mutations.${index}.${i.path}` }))
		);
	}
	const id = idSchema.safeParse(envelope.data.id);
	return {
		seq: envelope.data.seq,
		mutationId: id.success ? id.data : null,
		problem: describeIssues(error)
	};
}

function describeIssues(error: z.ZodError): string {
	const fields = issuesOf(error)
		.slice(0, 8)
		.map((i) => `${i.path}: ${i.message}`)
		.join('; ');
	return (
		`The server cannot accept this change as sent (${fields}). Update the app; if this ` +
		'keeps happening, export the visit and give it to your supervisor.'
	);
}
