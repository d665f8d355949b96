import { DEFAULT_PRIORITY_WEIGHT } from './route';

/**
 * The route priority weight as choices an officer can read. The weight is metres of driving
 * worth one minute earlier for a wanted subject (see RouteProblem); at 40 km/h a minute is
 * ~670 m, so "first" (400) moves a wanted subject an hour earlier for up to 24 km extra,
 * "balanced" (the optimiser's default, 100) for up to 6 km, and "shortest" ignores priority.
 */
export const priorityChoices = [
	{
		id: 'urgent-first',
		label: 'Wanted and high-risk first',
		hint: 'Visit them early, even if it means more driving.',
		weight: 400
	},
	{
		id: 'balanced',
		label: 'Balanced',
		hint: 'Earlier for wanted and high-risk subjects when the detour is short.',
		weight: DEFAULT_PRIORITY_WEIGHT
	},
	{
		id: 'shortest',
		label: 'Shortest route',
		hint: 'Least driving; priority does not change the order.',
		weight: 0
	}
] as const;

export type PriorityChoice = (typeof priorityChoices)[number];

/** The choice a stored weight stands for: the nearest, so a weight set before still shows one. */
export function priorityChoiceOf(weight: number): PriorityChoice {
	let best: PriorityChoice = priorityChoices[1];
	for (const c of priorityChoices) {
		if (Math.abs(c.weight - weight) < Math.abs(best.weight - weight)) best = c;
	}
	return best;
}
