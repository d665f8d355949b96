import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, TestClient } from './client';
import { startServer, type RunningServer } from './server';
import { count } from './sync-helpers';

let server: RunningServer;
let sergeant: TestClient;
let officerId: string;
let subjectId: string;

const assignmentCount = () => count(server, 'assignments');

beforeAll(async () => {
	server = await startServer();
	sergeant = new TestClient(server.url);
	await sergeant.signIn(...DEMO.sergeant);
	const officers = await sergeant.json<{ officers: { id: string }[] }>('/api/officers');
	officerId = officers.body.officers[0]!.id;
	const list = await sergeant.json<{ assignments: { subjectId: string }[] }>('/api/assignments');
	subjectId = list.body.assignments[0]!.subjectId;
});
afterAll(() => server.dispose());

describe('bad input is refused with a clear 4xx and nothing written', () => {
	const valid = () => ({ subjectId, officerId, date: '2026-11-28', operation: null, priority: 2 });

	it.each([
		['malformed JSON', '{"subjectId": ', 400, 'bad-json'],
		['a JSON array', '[]', 400, 'invalid-body'],
		[
			'wrong types',
			JSON.stringify({ subjectId: 42, officerId: true, date: 'soon', priority: 'high' }),
			400,
			'invalid-body'
		],
		[
			'an unknown field',
			JSON.stringify({ ...{ subjectId: 'x' }, isAdmin: true }),
			400,
			'invalid-body'
		],
		['an out-of-range priority', null, 400, 'invalid-body']
	])('%s', async (_name, raw, status, code) => {
		const before = await assignmentCount();
		const body = raw ?? JSON.stringify({ ...valid(), priority: 99 });
		const res = await sergeant.post('/api/assignments', body);
		expect(res.status).toBe(status);
		expect((res.body as { error: { code: string; message: string } }).error.code).toBe(code);
		expect((res.body as { error: { message: string } }).error.message.length).toBeGreaterThan(5);
		expect(await assignmentCount()).toBe(before);
	});

	it('names the offending fields', async () => {
		const res = await sergeant.post('/api/assignments', {
			...valid(),
			date: '28/11/2026',
			extra: 1
		});
		const issues = (res.body as { error: { issues: { path: string }[] } }).error.issues.map(
			(i) => i.path
		);
		expect(issues).toContain('date');
	});

	it('refuses an oversized body with 413', async () => {
		const before = await assignmentCount();
		const res = await sergeant.post('/api/assignments', {
			...valid(),
			operation: 'x'.repeat(100_000)
		});
		expect(res.status).toBe(413);
		expect((res.body as { error: { code: string } }).error.code).toBe('body-too-large');
		expect(await assignmentCount()).toBe(before);
	});

	it('refuses a body that is not JSON', async () => {
		const res = await sergeant.json('/api/assignments', {
			method: 'POST',
			// Same-origin, so the framework's CSRF guard lets it through to our own check.
			headers: { 'content-type': 'text/plain', origin: server.url },
			body: 'subjectId=1'
		});
		expect(res.status).toBe(415);
	});

	it('refuses to assign to someone who is not an officer, or a subject that does not exist', async () => {
		const before = await assignmentCount();
		const me = (await sergeant.json<{ user: { id: string } }>('/api/me')).body.user.id;
		expect((await sergeant.post('/api/assignments', { ...valid(), officerId: me })).status).toBe(
			422
		);
		const ghost = '00000000-0000-4000-8000-000000000000';
		// 404 like another team's subject: the answer does not say which ids exist.
		expect((await sergeant.post('/api/assignments', { ...valid(), subjectId: ghost })).status).toBe(
			404
		);
		expect(await assignmentCount()).toBe(before);
	});

	it('answers unknown API paths and bad ids with JSON 404s', async () => {
		const a = await sergeant.json<{ error: { code: string } }>('/api/nothing-here');
		expect(a.status).toBe(404);
		expect(a.body.error.code).toBe('not-found');
		expect((await sergeant.json('/api/subjects/not-a-uuid')).status).toBe(404);
	});

	it('rejects bad query parameters', async () => {
		const officer = new TestClient(server.url);
		await officer.signIn(...DEMO.officer1);
		const res = await officer.json<{ error: { code: string } }>('/api/caseload?limit=-5');
		expect(res.status).toBe(400);
		expect(res.body.error.code).toBe('invalid-query');
	});
});

describe('a refused body does not hold up the connection it came on', () => {
	/** Two requests on one keep-alive connection: the second must be answered, not stall. */
	async function twoOnOneConnection(first: { path: string; type: string; bytes: number }) {
		const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
		const send = (method: string, path: string, headers: http.OutgoingHttpHeaders, body = '') =>
			new Promise<{ status: number; socket: unknown }>((resolve, reject) => {
				const req = http.request(server.url + path, { method, agent, headers }, (res) => {
					res.resume();
					res.on('end', () => resolve({ status: res.statusCode ?? 0, socket: req.socket }));
				});
				req.setTimeout(4_000, () => req.destroy(new Error(`${method} ${path} stalled`)));
				req.on('error', reject);
				req.end(body);
			});
		try {
			const body = 'x'.repeat(first.bytes);
			const refused = await send(
				'POST',
				first.path,
				{
					'content-type': first.type,
					'content-length': body.length,
					origin: server.url
				},
				body
			);
			const next = await send('GET', '/api/health', {});
			return {
				refused: refused.status,
				next: next.status,
				sameSocket: refused.socket === next.socket
			};
		} finally {
			agent.destroy();
		}
	}

	it.each([
		['too large by its declared length', '/api/assignments', 'application/json', 200_000],
		['of the wrong type', '/api/assignments', 'text/plain', 200_000],
		['sent with no session', '/api/sync/push', 'application/json', 50_000]
	])('a body %s', async (_, path, type, bytes) => {
		const result = await twoOnOneConnection({ path, type, bytes });
		expect(result.refused).toBeGreaterThanOrEqual(400);
		expect(result.next).toBe(200);
		expect(result.sameSocket).toBe(true);
	});
});
