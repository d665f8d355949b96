/**
 * What the route worker does with one message, as a plain function so it is unit-tested
 * without a Worker. Runs the optimiser synchronously: inside a worker that blocks nobody.
 */
import { optimiseRoute, varyRoute, type RouteResult } from '$lib/domain/route';
import { routeRequestSchema, type RouteRequest, type RouteResponse } from './protocol';

/** Fresh seeds to try when a variant comes out the same as the order on screen. */
const VARY_TRIES = 4;

export function handleRouteMessage(data: unknown, now = () => performance.now()): RouteResponse {
	const parsed = routeRequestSchema.safeParse(data);
	if (!parsed.success) return { id: idOf(data), ok: false, error: 'bad-request' };
	const request = parsed.data;
	const started = now();
	try {
		const { result, varied, extraPct } = run(request);
		return {
			id: request.id,
			ok: true,
			order: result.order,
			lengthM: result.lengthM,
			durationMin: result.durationMin,
			latenessMin: result.latenessMin,
			feasible: result.feasible,
			varied,
			extraPct,
			ms: Math.max(0, now() - started)
		};
	} catch (e) {
		// The optimiser throws RangeError for a problem it cannot accept; say which.
		const error = e instanceof RangeError ? e.message : 'the optimiser failed';
		return { id: request.id, ok: false, error: error.slice(0, 500) };
	}
}

function run(request: RouteRequest): { result: RouteResult; varied: boolean; extraPct: number } {
	const { problem, seed } = request;
	if (request.kind === 'optimise') {
		return { result: optimiseRoute(problem, { seed }), varied: false, extraPct: 0 };
	}
	const best = optimiseRoute(problem);
	const avoid = request.avoid?.join() ?? null;
	let variant = varyRoute(problem, { seed }, best);
	for (let k = 1; k < VARY_TRIES && variant.varied && variant.order.join() === avoid; k++) {
		variant = varyRoute(problem, { seed: (seed + k * 104_729) >>> 0 }, best);
	}
	return { result: variant, varied: variant.varied, extraPct: variant.extraPct };
}

function idOf(data: unknown): number {
	const id = (data as { id?: unknown } | null)?.id;
	return typeof id === 'number' && Number.isInteger(id) && id > 0 ? id : 0;
}
