import { describe, expect, it } from 'vitest';
import { utf8 } from '$lib/domain/bytes';
import { sealBytes, sealedEnvelopeSchema, sealedVisitAad, sealJson } from '$lib/domain/sealed';
import { makeMutation, makeVisit, uuid } from '$lib/domain/testing';
import { openDatabase } from '../db/connection';
import { openBytes, publicSealKey, SealOpenError, sealKeyPair } from './seal-keys';

const openTestDb = async () => (await openDatabase('sqlite::memory:')).db;
const aad = sealedVisitAad(uuid(1, 'd'), uuid(2));

describe('sealing to the server key', () => {
	it('generates one key pair, keeps it, and gives out only the public half', async () => {
		const db = await openTestDb();
		const first = await publicSealKey(db);
		expect(await publicSealKey(db)).toEqual(first);
		expect(Object.keys(first.jwk).sort()).toEqual(['crv', 'kty', 'x', 'y']);
		const rows = await db.selectFrom('server_keys').selectAll().execute();
		expect(rows).toHaveLength(1);
		expect(JSON.parse(rows[0]!.private_jwk)).toHaveProperty('d');
	});

	it('opens what was sealed (round trip), with a fresh ephemeral key each time', async () => {
		const db = await openTestDb();
		const pair = await sealKeyPair(db);
		const value = {
			mutation: makeMutation(1, uuid(3, 'c'), makeVisit({ id: uuid(2) })),
			photos: []
		};
		const a = await sealJson(pair.publicKey, aad, value);
		const b = await sealJson(pair.publicKey, aad, value);
		expect(sealedEnvelopeSchema.parse(a)).toEqual(a);
		expect(a.epk.x).not.toBe(b.epk.x);
		const opened = new TextDecoder().decode(await openBytes(pair, aad, a));
		expect(JSON.parse(opened)).toEqual(value);
	});

	it('refuses a changed byte, another AAD, or another key id', async () => {
		const db = await openTestDb();
		const pair = await sealKeyPair(db);
		const env = await sealBytes(pair.publicKey, aad, utf8('evidence'));
		const flipped = { ...env, ct: (env.ct[0] === 'A' ? 'B' : 'A') + env.ct.slice(1) };
		await expect(openBytes(pair, aad, flipped)).rejects.toEqual(
			new SealOpenError('seal-open-failed')
		);
		await expect(
			openBytes(pair, sealedVisitAad(uuid(1, 'd'), uuid(9)), env)
		).rejects.toBeInstanceOf(SealOpenError);
		await expect(openBytes(pair, aad, { ...env, kid: 'other' })).rejects.toEqual(
			new SealOpenError('unknown-seal-key')
		);
	});

	it('cannot be opened with another server key', async () => {
		const [one, two] = await Promise.all([openTestDb(), openTestDb()]);
		const env = await sealBytes(await publicSealKey(one), aad, utf8('evidence'));
		const other = await sealKeyPair(two);
		await expect(
			openBytes({ ...other, publicKey: { ...other.publicKey, kid: env.kid } }, aad, env)
		).rejects.toEqual(new SealOpenError('seal-open-failed'));
	});
});
