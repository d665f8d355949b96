/** Public face of the route optimiser; the search modules behind it are internal. */
export {
	DEFAULT_CIRCUITY,
	DEFAULT_SPEED_KMH,
	haversineMatrix,
	toMatrix,
	travelTimeMatrix,
	tsplibEuc2dMatrix,
	type Matrix,
	type MatrixInput
} from './matrix';
export { optimiseRoute, type OptimiseOptions, type RouteResult } from './optimise';
export {
	DEFAULT_PRIORITY_WEIGHT,
	type PinnedStop,
	type RouteProblem,
	type RouteStop
} from './problem';
export { scheduleRoute, type Schedule } from './schedule';
export { DEFAULT_TOLERANCE_PCT, varyRoute, type VariedRoute, type VaryOptions } from './vary';
export {
	multiCrewProblemSchema,
	planCrews,
	type Crew,
	type CrewRoute,
	type CrewStop,
	type MultiCrewPlan,
	type MultiCrewProblem
} from './multi-crew';
