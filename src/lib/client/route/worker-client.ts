/**
 * The page's side of the route worker: one lazily started worker, requests matched to answers
 * by id, a timeout after which the worker is replaced (a search that runs away must not leave
 * the officer waiting), and every answer checked against the protocol.
 */
import type { RouteProblem } from '$lib/domain/route';
import { routeJobSchema, routeResponseSchema, type RouteJob, type RouteSuccess } from './protocol';

/** A job as callers build it; run() checks it is fit for the wire (plain nested arrays). */
export type RouteJobInput = Omit<RouteJob, 'problem'> & { problem: RouteProblem };

/** The optimiser stops itself after 2 s a run; varying runs it several times. */
export const ROUTE_TIMEOUT_MS = 30_000;

export type RouteWorkerFailure = 'timeout' | 'bad-response' | 'worker-failed' | 'rejected';

export class RouteWorkerError extends Error {
	constructor(
		readonly code: RouteWorkerFailure,
		message: string
	) {
		super(message);
	}
}

/** What we need of a Worker; tests pass a fake. */
export interface WorkerLike {
	postMessage(message: unknown): void;
	addEventListener(type: 'message' | 'error', listener: (event: MessageEvent) => void): void;
	terminate(): void;
}

interface Pending {
	resolve: (result: RouteSuccess) => void;
	reject: (error: RouteWorkerError) => void;
	timer: ReturnType<typeof setTimeout>;
}

function startWorker(): WorkerLike {
	// Spelled out in full so Vite finds it and bundles the worker (and precaches it).
	return new Worker(new URL('./route.worker.ts', import.meta.url), { type: 'module' });
}

export class RouteWorkerClient {
	readonly #create: () => WorkerLike;
	#worker: WorkerLike | null = null;
	#pending = new Map<number, Pending>();
	#nextId = 1;

	constructor(create: () => WorkerLike = startWorker) {
		this.#create = create;
	}

	run(job: RouteJobInput, timeoutMs = ROUTE_TIMEOUT_MS): Promise<RouteSuccess> {
		const request = { ...routeJobSchema.parse(job), id: this.#nextId++ };
		let worker: WorkerLike;
		try {
			worker = this.#ensureWorker();
		} catch {
			return Promise.reject(new RouteWorkerError('worker-failed', 'Route planner unavailable'));
		}
		return new Promise((resolve, reject) => {
			const timer = setTimeout(() => {
				this.#failAll(new RouteWorkerError('timeout', 'Route planning took too long'));
			}, timeoutMs);
			this.#pending.set(request.id, { resolve, reject, timer });
			worker.postMessage(request);
		});
	}

	dispose(): void {
		this.#failAll(new RouteWorkerError('worker-failed', 'Route planner stopped'));
	}

	#ensureWorker(): WorkerLike {
		if (this.#worker) return this.#worker;
		const worker = this.#create();
		worker.addEventListener('message', (e) => this.#onMessage(e.data));
		worker.addEventListener('error', () => {
			this.#failAll(new RouteWorkerError('worker-failed', 'Route planner failed'));
		});
		this.#worker = worker;
		return worker;
	}

	#onMessage(data: unknown): void {
		const parsed = routeResponseSchema.safeParse(data);
		if (!parsed.success) {
			// No trustworthy id to match: fail everything rather than leave a request hanging.
			this.#failAll(new RouteWorkerError('bad-response', 'Route planner answered strangely'));
			return;
		}
		const response = parsed.data;
		const pending = this.#pending.get(response.id);
		if (!pending) return;
		this.#pending.delete(response.id);
		clearTimeout(pending.timer);
		if (response.ok) pending.resolve(response);
		else pending.reject(new RouteWorkerError('rejected', response.error));
	}

	/** Rejects every request in flight and drops the worker, which may be stuck. */
	#failAll(error: RouteWorkerError): void {
		for (const pending of this.#pending.values()) {
			clearTimeout(pending.timer);
			pending.reject(error);
		}
		this.#pending.clear();
		this.#worker?.terminate();
		this.#worker = null;
	}
}
