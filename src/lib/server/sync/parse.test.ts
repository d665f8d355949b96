import { describe, expect, it } from 'vitest';
import { ApiFailure } from '../http';
import { parseMutations } from './parse';
import { makeMutation, makeVisit, uuid } from '$lib/domain/testing';

const good = (seq: number) => makeMutation(seq, uuid(seq, 'b'), makeVisit({ id: uuid(seq) }));

describe('parseMutations', () => {
	it('parses each mutation on its own and keeps the bad one with a field list', () => {
		const bad = { ...good(2), visit: { ...good(2).visit, result: 'arrested', startedAt: 'soon' } };
		const [a, b] = parseMutations([good(1), bad]);
		expect(a?.mutation?.type === 'record-visit' && a.mutation.visit.id).toBe(uuid(1));
		expect(b?.mutation).toBeUndefined();
		expect(b?.seq).toBe(2);
		expect(b?.mutationId).toBe(uuid(2, 'b'));
		expect(b?.problem).toMatch(/visit\.result/);
		expect(b?.problem).toMatch(/visit\.startedAt/);
	});

	it('refuses the whole push when a mutation has no usable seq', () => {
		expect(() => parseMutations([good(1), { ...good(2), seq: 'two' }])).toThrow(ApiFailure);
		expect(() => parseMutations([{ ...good(1), seq: 0 }])).toThrow(ApiFailure);
	});

	it('refuses the whole push when a seq appears twice', () => {
		expect(() => parseMutations([good(1), good(1)])).toThrow(/twice/);
	});

	it('rejects unknown fields rather than storing them', () => {
		const [m] = parseMutations([{ ...good(1), visit: { ...good(1).visit, isAdmin: true } }]);
		expect(m?.problem).toMatch(/isAdmin|Unrecognized/);
	});
});
