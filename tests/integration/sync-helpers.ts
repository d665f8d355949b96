import { createHash, randomUUID } from 'node:crypto';
import { caseloadPageSchema, type CaseloadPage } from '$lib/domain/caseload';
import { PROTOCOL_VERSION } from '$lib/domain/protocol';
import type { PushResponse, VisitMutation } from '$lib/domain/sync';
import { makeVisit } from '$lib/domain/testing';
import type { PhotoRef, Visit } from '$lib/domain/visit';
import { DEMO, TestClient } from './client';
import type { TestDb } from './test-db';

/**
 * adapter-node reads request bodies up to BODY_SIZE_LIMIT (512K by default); the push endpoint
 * accepts up to MAX_PUSH_BYTES (4 MiB), so a deployment must raise it. These tests start the
 * server the way it has to be deployed.
 */
export const SYNC_SERVER_ENV = { BODY_SIZE_LIMIT: '5M' };

export interface Officer {
	client: TestClient;
	id: string;
	page: CaseloadPage;
}

export async function officerOf(client: TestClient): Promise<Officer> {
	const id = (await client.json<{ user: { id: string } }>('/api/me')).body.user.id;
	const res = await client.json('/api/caseload?limit=2000');
	return { client, id, page: caseloadPageSchema.parse(res.body) };
}

/** A synthetic finalised visit to the officer's n-th assigned subject. */
export function visitFor(o: Officer, n = 0, over: Partial<Visit> = {}): Visit {
	const bundle = o.page.bundles[n % o.page.bundles.length]!;
	return makeVisit({
		id: randomUUID(),
		subjectId: bundle.subject.id,
		addressId: bundle.addresses[0]!.id,
		officerId: o.id,
		startedAt: new Date(Date.now() - 15 * 60_000).toISOString(),
		finishedAt: new Date(Date.now() - 5 * 60_000).toISOString(),
		position: { lat: 52.136, lon: -0.467, accuracyM: 8, at: new Date().toISOString() },
		actions: {
			arrest: null,
			wordsOfAdvice: true,
			safeguardingReferral: null,
			intelligenceSubmitted: false,
			bodyWornVideoRef: null
		},
		notes: 'Seen at the door; no concerns.',
		...over
	});
}

export function mutations(visits: Visit[], firstSeq = 1): VisitMutation[] {
	return visits.map((visit, i) => ({
		type: 'record-visit',
		seq: firstSeq + i,
		id: randomUUID(),
		visit
	}));
}

export function pushBody(deviceId: string, ms: unknown[]) {
	return { protocolVersion: PROTOCOL_VERSION, deviceId, mutations: ms };
}

export async function pushAs(
	client: TestClient,
	deviceId: string,
	ms: unknown[]
): Promise<{ status: number; body: PushResponse & { error?: { code: string; message: string } } }> {
	return client.post('/api/sync/push', pushBody(deviceId, ms)) as never;
}

export function photoRef(content: Buffer, over: Partial<PhotoRef> = {}): PhotoRef {
	return {
		id: randomUUID(),
		sha256: sha256(content),
		bytes: content.byteLength,
		mimeType: 'image/jpeg',
		width: 1024,
		height: 768,
		...over
	};
}

function sha256(content: Buffer): string {
	return createHash('sha256').update(content).digest('hex');
}

/** Reads the server's database directly, as an auditor would. */
export function query<T>(server: { db: TestDb }, sql: string, ...params: unknown[]): Promise<T[]> {
	return server.db.query<T>(sql, ...params);
}

export async function count(
	server: { db: TestDb },
	table: string,
	where = '1 = 1',
	...params: unknown[]
): Promise<number> {
	const rows = await query<{ n: number }>(
		server,
		`SELECT count(*) AS n FROM ${table} WHERE ${where}`,
		...params
	);
	return Number(rows[0]!.n);
}

/** Officers 1 and 2, each signed in with their own session. */
export async function twoOfficers(url: string): Promise<[Officer, Officer]> {
	const a = new TestClient(url);
	const b = new TestClient(url);
	await a.signIn(...DEMO.officer1);
	await b.signIn(...DEMO.officer2);
	return Promise.all([officerOf(a), officerOf(b)]);
}
