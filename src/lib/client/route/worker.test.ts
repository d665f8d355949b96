import { describe, expect, it } from 'vitest';
import { greatCircle } from './travel';
import type { RouteJob, WireProblem } from './protocol';
import { handleRouteMessage } from './worker-handler';
import { RouteWorkerClient, RouteWorkerError, type WorkerLike } from './worker-client';

function problem(m: number, pinned: WireProblem['pinned'] = []): WireProblem {
	// A loose ring of places around Bedford: several near-optimal orders exist.
	const points = Array.from({ length: m + 1 }, (_, i) => ({
		lat: 52.13 + 0.05 * Math.sin(i * 2.4) + 0.004 * (i % 3),
		lon: -0.46 + 0.08 * Math.cos(i * 2.4)
	}));
	const travel = greatCircle(points, null);
	return {
		distanceM: travel.distanceM,
		travelMin: travel.travelMin,
		stops: points.slice(1).map((_, i) => ({ id: `s${i}`, serviceMin: 15, priority: 0 })),
		end: 0,
		pinned,
		priorityWeight: 100
	};
}

const job = (over: Partial<RouteJob> = {}): RouteJob => ({
	kind: 'optimise',
	problem: problem(10),
	seed: 1,
	avoid: null,
	...over
});

describe('handleRouteMessage', () => {
	it('optimises and reports the order with its totals', () => {
		const res = handleRouteMessage({ ...job(), id: 7 });
		expect(res).toMatchObject({ id: 7, ok: true, feasible: true, varied: false });
		if (!res.ok) throw new Error(res.error);
		expect([...res.order].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
		expect(res.lengthM).toBeGreaterThan(0);
	});

	it('keeps pinned stops where they are pinned', () => {
		const pinned = [
			{ id: 's4', position: 0 },
			{ id: 's1', position: 9 }
		];
		const res = handleRouteMessage({ ...job({ problem: problem(10, pinned) }), id: 1 });
		if (!res.ok) throw new Error(res.error);
		expect(res.order[0]).toBe(4);
		expect(res.order[9]).toBe(1);
	});

	it('varies to an order other than the one on screen', () => {
		const best = handleRouteMessage({ ...job(), id: 1 });
		if (!best.ok) throw new Error(best.error);
		const res = handleRouteMessage({ ...job({ kind: 'vary', avoid: best.order }), id: 2 });
		if (!res.ok) throw new Error(res.error);
		expect(res.varied).toBe(true);
		expect(res.order).not.toEqual(best.order);
		expect(res.extraPct).toBeLessThanOrEqual(5 + 1e-9);
	});

	it('answers a malformed request with an error, keeping its id when it has one', () => {
		expect(handleRouteMessage({ id: 3, kind: 'optimise' })).toEqual({
			id: 3,
			ok: false,
			error: 'bad-request'
		});
		expect(handleRouteMessage('hello')).toMatchObject({ id: 0, ok: false });
	});

	it('passes on why the optimiser refused a problem', () => {
		const bad = problem(3, [{ id: 'nobody', position: 0 }]);
		const res = handleRouteMessage({ ...job({ problem: bad }), id: 4 });
		expect(res).toMatchObject({ id: 4, ok: false, error: 'pinned stop nobody is not a stop' });
	});
});

/** A worker that answers in-process, or with whatever `reply` makes of the request. */
function fakeWorker(reply: (data: unknown) => unknown = (d) => handleRouteMessage(d)) {
	const listeners: Record<string, ((e: MessageEvent) => void)[]> = { message: [], error: [] };
	const state = { terminated: 0, created: 0 };
	const create = (): WorkerLike => {
		state.created += 1;
		return {
			postMessage(data) {
				const answer = reply(data);
				if (answer === undefined) return;
				setTimeout(() => listeners.message!.forEach((l) => l({ data: answer } as MessageEvent)));
			},
			addEventListener(type, listener) {
				listeners[type]!.push(listener);
			},
			terminate() {
				state.terminated += 1;
			}
		};
	};
	return { create, state };
}

describe('RouteWorkerClient', () => {
	it('resolves each request with its own answer', async () => {
		const client = new RouteWorkerClient(fakeWorker().create);
		const [a, b] = await Promise.all([client.run(job()), client.run(job({ kind: 'vary' }))]);
		expect(a.varied).toBe(false);
		expect(b.varied).toBe(true);
	});

	it('rejects an answer that does not match the protocol', async () => {
		const client = new RouteWorkerClient(fakeWorker(() => ({ id: 1, ok: true })).create);
		await expect(client.run(job())).rejects.toMatchObject({ code: 'bad-response' });
	});

	it('passes on the worker’s refusal', async () => {
		const client = new RouteWorkerClient(fakeWorker().create);
		const bad = job({ problem: problem(3, [{ id: 'nobody', position: 0 }]) });
		await expect(client.run(bad)).rejects.toMatchObject({ code: 'rejected' });
	});

	it('times out, replaces the stuck worker, and works again afterwards', async () => {
		let silent = true;
		const fake = fakeWorker((d) => (silent ? undefined : handleRouteMessage(d)));
		const client = new RouteWorkerClient(fake.create);
		const error = await client.run(job(), 20).catch((e) => e);
		expect(error).toBeInstanceOf(RouteWorkerError);
		expect(error.code).toBe('timeout');
		expect(fake.state.terminated).toBe(1);
		silent = false;
		await expect(client.run(job())).resolves.toMatchObject({ ok: true });
		expect(fake.state.created).toBe(2);
	});

	it('refuses to send a job that breaks the protocol', () => {
		const client = new RouteWorkerClient(fakeWorker().create);
		expect(() => client.run({ ...job(), seed: -1 })).toThrow();
	});
});
