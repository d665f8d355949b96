/**
 * The multi-crew problem in compiled form, and the costing of one crew's route.
 *
 * Nodes: stops 0..n-1, then each crew's start (n + 2k) and end (n + 2k + 1). One travel-minute
 * matrix serves everything, because the sergeant balances time, not distance. A route is a plain
 * array of stop indices; costing it walks it once (routes hold 5-20 stops, so the walk is cheaper
 * than maintaining incremental state).
 *
 * Lateness is starting a visit after its window closes, or getting back after the shift ends. It
 * is penalised, never forbidden, so a stop the sergeant pinned stays with its crew even when it
 * cannot be on time; the search itself never makes a route later than it was (see crew-search).
 */
import { haversineMatrix, travelTimeMatrix } from './matrix';

export interface CrewModel {
	n: number;
	crews: number;
	/** Travel minutes, row-major over n + 2 × crews nodes. */
	time: Float64Array;
	size: number;
	service: Float64Array;
	open: Float64Array;
	close: Float64Array;
	priority: Float64Array;
	/** Crew index each stop is pinned to, or -1. */
	pinned: Int32Array;
	shift: Float64Array;
}

export interface CompileInput {
	points: readonly { lat: number; lon: number }[];
	service: readonly number[];
	open: readonly number[];
	close: readonly number[];
	priority: readonly number[];
	pinned: readonly number[];
	shift: readonly number[];
	speedKmh: number;
	detourFactor: number;
}

/** `points` are the n stops then, per crew, its start and its end. */
export function compileCrewModel(input: CompileInput): CrewModel {
	const n = input.service.length;
	const crews = input.shift.length;
	const time = travelTimeMatrix(haversineMatrix(input.points, input.detourFactor), input.speedKmh);
	return {
		n,
		crews,
		time: time.data,
		size: time.n,
		service: Float64Array.from(input.service),
		open: Float64Array.from(input.open),
		close: Float64Array.from(input.close),
		priority: Float64Array.from(input.priority),
		pinned: Int32Array.from(input.pinned),
		shift: Float64Array.from(input.shift)
	};
}

/** Minutes of lateness worth more than any amount of driving, and more than dropping a stop. */
export const LATE_WEIGHT = 1e6;
/** Cost of leaving a stop unassigned (times 1 + priority): above any route, below lateness. */
export const UNASSIGNED_WEIGHT = 1e5;
/**
 * Minutes of crew time worth one minute earlier for a priority-1 stop: the same trade as the
 * officer's route (100 m per minute, ~0.15 min of driving at 40 km/h).
 */
export const PRIORITY_WEIGHT = 0.15;

export interface RouteStats {
	/** Leaving the start to reaching the end, waiting included; 0 for an empty route. */
	duration: number;
	travel: number;
	/** Travel + visit minutes: the crew's workload, which the plan balances (waiting is not work). */
	work: number;
	/** Minutes late summed over windows, plus minutes back after the shift ends. */
	late: number;
	/** Σ priority × start minute. */
	prio: number;
}

const EMPTY: RouteStats = { duration: 0, travel: 0, work: 0, late: 0, prio: 0 };

/** Cost one crew's route; `into` is reused so the search allocates nothing per candidate. */
export function costRoute(
	m: CrewModel,
	crew: number,
	route: ArrayLike<number>,
	length: number,
	into: RouteStats
): RouteStats {
	if (length === 0) return Object.assign(into, EMPTY);
	const { time, size, open, close, service, priority } = m;
	let prev = m.n + 2 * crew;
	let t = 0;
	let travel = 0;
	let late = 0;
	let prio = 0;
	let visiting = 0;
	for (let i = 0; i < length; i++) {
		const s = route[i]!;
		const tt = time[prev * size + s]!;
		travel += tt;
		t += tt;
		if (t < open[s]!) t = open[s]!;
		if (t > close[s]!) late += t - close[s]!;
		prio += priority[s]! * t;
		t += service[s]!;
		visiting += service[s]!;
		prev = s;
	}
	const back = time[prev * size + m.n + 2 * crew + 1]!;
	travel += back;
	t += back;
	if (t > m.shift[crew]!) late += t - m.shift[crew]!;
	into.duration = t;
	into.travel = travel;
	into.work = travel + visiting;
	into.late = late;
	into.prio = prio;
	return into;
}

/** Start minute of each visit (the crew waits for a window to open). */
export function visitStarts(m: CrewModel, crew: number, route: readonly number[]): number[] {
	let prev = m.n + 2 * crew;
	let t = 0;
	return route.map((s) => {
		t = Math.max(t + m.time[prev * m.size + s]!, m.open[s]!);
		const start = t;
		t += m.service[s]!;
		prev = s;
		return start;
	});
}

/**
 * Balance of workload (travel + visits): the plan pays BALANCE_WEIGHT × w̄ × (Σ (w_k / w̄)⁴ − k)
 * over the crews' work w_k and its mean w̄. It is zero when all crews work the same; near balance
 * it grows with the square of the deviations (a crew 20 % over the mean costs about half an hour
 * in a 4-hour plan), far from it with the fourth power, so a crew idling while others run full
 * gets work even if that means a longer drive. Relative to the mean rather than the shift, so the
 * plan is balanced however full the shifts are; the shift itself is a hard limit (lateness).
 * Waiting for a window is idle time, not work: it costs WAIT_WEIGHT a minute, enough to prefer a
 * route that does not wait.
 */
export const BALANCE_WEIGHT = 1;
export const WAIT_WEIGHT = 0.2;
