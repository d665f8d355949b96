/**
 * "Vary my route": a different order of the same stops that costs at most tolerancePct more than
 * the best, so a patrol is harder to predict from one day to the next.
 *
 * Each attempt re-optimises with every distance multiplied by random noise (the "noising method"):
 * the optimum of a slightly wrong map is a good route on the real one, but a different good route.
 * Candidates are re-costed on the real problem; those within tolerance and no later than the best
 * compete, and the one sharing fewest legs with the best wins. Times are not noised, so windows
 * are judged honestly throughout.
 */
import { compileProblem, type CompiledProblem, type RouteProblem } from './problem';
import { DEFAULT_SEED, optimiseCompiled, type OptimiseOptions, type RouteResult } from './optimise';
import { mulberry32 } from './prng';
import { evaluate } from './schedule';

export interface VaryOptions extends OptimiseOptions {
	/** How much dearer than the best the variant may be, in percent of cost. */
	tolerancePct?: number;
	attempts?: number;
}

export interface VariedRoute extends RouteResult {
	/** False when no different order within tolerance was found: the result is then the best. */
	varied: boolean;
	/** How much dearer than the best, in percent of cost. */
	extraPct: number;
}

export const DEFAULT_TOLERANCE_PCT = 5;

export function varyRoute(
	problem: RouteProblem,
	options: VaryOptions = {},
	best?: RouteResult
): VariedRoute {
	const p = compileProblem(problem);
	const { tolerancePct = DEFAULT_TOLERANCE_PCT, attempts = 6, seed = DEFAULT_SEED } = options;
	const reference = best ?? optimiseCompiled(p, { ...options, seed: DEFAULT_SEED });
	const limit = reference.cost * (1 + tolerancePct / 100) + 1e-9;
	const random = mulberry32(seed);
	const candidates: RouteResult[] = [];
	for (let a = 0; a < attempts; a++) {
		// Noise from two to six times the tolerance: errors on many legs partly cancel, so smaller
		// noise mostly finds the best route again; results beyond tolerance are dropped below.
		const amplitude = (tolerancePct / 100) * (2 + (4 * a) / Math.max(1, attempts - 1));
		const noisy = withNoise(p, amplitude, random);
		const result = optimiseCompiled(noisy, { ...options, seed: (seed + a * 7919) >>> 0 });
		candidates.push({ ...result, ...evaluate(p, result.order) });
	}
	const reversed = [...reference.order].reverse();
	candidates.push({ ...reference, order: reversed, ...evaluate(p, reversed) });

	let chosen: RouteResult | undefined;
	let chosenShared = Infinity;
	for (const c of candidates) {
		if (c.cost > limit || c.latenessMin > reference.latenessMin + 1e-9) continue;
		if (!respectsPins(p, c.order)) continue;
		if (c.order.every((s, k) => s === reference.order[k])) continue;
		const shared = sharedLegs(reference.order, c.order);
		if (shared < chosenShared || (shared === chosenShared && c.cost < chosen!.cost)) {
			chosen = c;
			chosenShared = shared;
		}
	}
	const result = chosen ?? reference;
	const extraPct = reference.cost > 0 ? (result.cost / reference.cost - 1) * 100 : 0;
	return { ...result, varied: chosen !== undefined, extraPct };
}

function withNoise(p: CompiledProblem, amplitude: number, random: () => number): CompiledProblem {
	const { size } = p;
	const dist = p.dist.slice();
	for (let i = 0; i < size; i++) {
		for (let j = i + 1; j < size; j++) {
			// One factor for both directions keeps a symmetric matrix symmetric (and fast).
			const factor = 1 + amplitude * (2 * random() - 1);
			dist[i * size + j] = dist[i * size + j]! * factor;
			dist[j * size + i] = dist[j * size + i]! * factor;
		}
	}
	return { ...p, dist };
}

function respectsPins(p: CompiledProblem, order: readonly number[]): boolean {
	return order.every((stop, k) => p.pinnedAt[k]! < 0 || p.pinnedAt[k] === stop);
}

/**
 * Legs (start → first, stop → stop, last → end) two orders share, either way round: a plain
 * reversal shares them all, so it is chosen only when nothing more different is within tolerance.
 */
function sharedLegs(a: readonly number[], b: readonly number[]): number {
	const key = (x: number, y: number) => (x < y ? `${x}:${y}` : `${y}:${x}`);
	const legs = (o: readonly number[]) => [-1, ...o].map((s, k) => key(s, o[k] ?? -1));
	const inA = new Set(legs(a));
	return legs(b).filter((leg) => inA.has(leg)).length;
}
