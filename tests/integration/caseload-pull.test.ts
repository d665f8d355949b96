import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseloadPageSchema, type CaseloadPage } from '$lib/domain/caseload';
import { DEMO, TestClient } from './client';
import { startServer, type RunningServer } from './server';

let server: RunningServer;
let officer: TestClient;
let sergeant: TestClient;
let officerId: string;

async function pull(cursor?: string, limit = 2000): Promise<CaseloadPage> {
	const q = new URLSearchParams({ limit: String(limit) });
	if (cursor) q.set('cursor', cursor);
	const res = await officer.json(`/api/caseload?${q}`);
	expect(res.status).toBe(200);
	return caseloadPageSchema.parse(res.body);
}

beforeAll(async () => {
	server = await startServer();
	officer = new TestClient(server.url);
	sergeant = new TestClient(server.url);
	await officer.signIn(...DEMO.officer1);
	await sergeant.signIn(...DEMO.sergeant);
	officerId = (await officer.json<{ user: { id: string } }>('/api/me')).body.user.id;
});
afterAll(() => server.dispose());

describe('incremental caseload pull', () => {
	it('is gzipped for a client that accepts it, and never cached', async () => {
		const res = await officer.fetch('/api/caseload?limit=2000', {
			headers: { 'accept-encoding': 'gzip' }
		});
		expect(res.status).toBe(200);
		expect(res.headers.get('content-encoding')).toBe('gzip');
		expect(res.headers.get('cache-control')).toBe('no-store');
		// fetch has decompressed it: the body is the same page as ever.
		expect(caseloadPageSchema.parse(await res.json()).bundles.length).toBeGreaterThan(0);
	});

	it('pages through the whole caseload with counts that add up', async () => {
		const all = await pull();
		const total = all.bundles.length;
		expect(total).toBeGreaterThanOrEqual(15);
		const seen: string[] = [];
		let cursor: string | undefined;
		let first: CaseloadPage | undefined;
		for (;;) {
			const page = await pull(cursor, 7);
			first ??= page;
			seen.push(...page.bundles.map((b) => b.subject.id));
			cursor = page.cursor;
			if (!page.hasMore) break;
		}
		expect(first!.bundles.length + first!.remaining).toBe(total);
		expect(new Set(seen).size).toBe(total);
		expect(seen.length).toBe(total);
	});

	it('returns nothing new when nothing changed', async () => {
		const { cursor } = await pull();
		const again = await pull(cursor);
		expect(again.bundles).toEqual([]);
		expect(again.removed).toEqual({ subjectIds: [], orderIds: [] });
		expect(again.hasMore).toBe(false);
	});

	it('sends an unassigned subject as a removal, then a re-assignment as a bundle', async () => {
		const start = await pull();
		const target = start.bundles[0]!;
		const del = await sergeant.fetch(`/api/assignments/${target.assignment.id}`, {
			method: 'DELETE'
		});
		expect(del.status).toBe(200);
		const afterRemoval = await pull(start.cursor);
		expect(afterRemoval.removed.subjectIds).toEqual([target.subject.id]);
		expect(afterRemoval.bundles).toEqual([]);

		// A fresh device never hears of subjects it never had.
		const fresh = await pull();
		expect(fresh.removed.subjectIds).toEqual([]);
		expect(fresh.bundles.map((b) => b.subject.id)).not.toContain(target.subject.id);

		const again = await sergeant.post('/api/assignments', {
			subjectId: target.subject.id,
			officerId,
			date: target.assignment.date,
			operation: null,
			priority: 1
		});
		expect(again.status).toBe(201);
		const afterReassign = await pull(afterRemoval.cursor);
		expect(afterReassign.bundles.map((b) => b.subject.id)).toEqual([target.subject.id]);
		expect(afterReassign.bundles[0]!.assignment.priority).toBe(1);
	});

	it('drops a discharged order from the bundle and lists it as removed', async () => {
		const start = await pull();
		const withOrder = start.bundles.find((b) => b.orders.length > 0)!;
		const order = withOrder.orders[0]!;
		const res = await sergeant.post(`/api/orders/${order.id}/status`, { status: 'discharged' });
		expect(res.status).toBe(200);
		const next = await pull(start.cursor);
		expect(next.removed.orderIds).toContain(order.id);
		const bundle = next.bundles.find((b) => b.subject.id === withOrder.subject.id)!;
		expect(bundle.orders.map((o) => o.id)).not.toContain(order.id);
	});

	it('a varied order arrives with a higher version', async () => {
		const start = await pull();
		const b = start.bundles.find((x) => x.orders.some((o) => o.status === 'active'))!;
		const order = b.orders.find((o) => o.status === 'active')!;
		await sergeant.post(`/api/orders/${order.id}/status`, { status: 'varied' });
		const next = await pull(start.cursor);
		const varied = next.bundles
			.find((x) => x.subject.id === b.subject.id)!
			.orders.find((o) => o.id === order.id)!;
		expect(varied.status).toBe('varied');
		expect(varied.version).toBe(order.version + 1);
	});

	it('rejects a cursor it did not issue', async () => {
		const res = await officer.json<{ error: { code: string } }>('/api/caseload?cursor=bogus');
		expect(res.status).toBe(400);
		expect(res.body.error.code).toBe('bad-cursor');
	});
});

describe('removals across pages', () => {
	it('a removal is not carried past the cursor by a later change to the same subject', async () => {
		const start = await pull();
		const [gone, changed] = start.bundles.filter((b) =>
			b.orders.some((o) => o.status === 'active')
		);
		// 1. X is unassigned; 2. Y's order is varied; 3. X's order is varied after its removal.
		const del = await sergeant.fetch(`/api/assignments/${gone!.assignment.id}`, {
			method: 'DELETE'
		});
		expect(del.status).toBe(200);
		const yOrder = changed!.orders.find((o) => o.status === 'active')!;
		await sergeant.post(`/api/orders/${yOrder.id}/status`, { status: 'varied' });
		const xOrder = gone!.orders.find((o) => o.status === 'active')!;
		await sergeant.post(`/api/orders/${xOrder.id}/status`, { status: 'varied' });

		// One subject per page: every change must still arrive, removal included.
		const removed: string[] = [];
		const updated: string[] = [];
		let cursor = start.cursor;
		for (let i = 0; i < 10; i++) {
			const page = await pull(cursor, 1);
			removed.push(...page.removed.subjectIds);
			updated.push(...page.bundles.map((b) => b.subject.id));
			cursor = page.cursor;
			if (!page.hasMore) break;
		}
		expect(removed).toEqual([gone!.subject.id]);
		expect(updated).toEqual([changed!.subject.id]);
	});
});
