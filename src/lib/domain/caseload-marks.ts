import type { SubjectBundle } from './caseload';
import { isCurfewInForce } from './curfew';
import { activeConditions } from './order-status';
import type { WarningMarker } from './subject';

/** Officer-safety warnings as a list reads them aloud: a touchscreen cannot show a tooltip. */
export const warningLabels: Record<WarningMarker, string> = {
	violence: 'Violence',
	weapons: 'Weapons',
	firearms: 'Firearms',
	drugs: 'Drugs',
	'mental-health': 'Mental health',
	'self-harm': 'Self-harm',
	'escape-risk': 'Escape risk',
	contagious: 'Contagious',
	dogs: 'Dogs',
	ailment: 'Ailment'
};

/** True while a curfew of an order in force is in force: the subject should be at that address now. */
export function curfewInForceNow(bundle: Pick<SubjectBundle, 'orders'>, now: Date): boolean {
	return activeConditions(bundle.orders, now).some(
		({ condition }) => condition.type === 'curfew' && isCurfewInForce(condition, now)
	);
}
