import type { SubjectBundle } from './caseload';
import { describeCondition } from './describe-condition';
import { addressLabel } from './subject';
import type { ConditionOutcome, VisitActions } from './visit';

/**
 * What a visit found, condition by condition: the review before finalising and the record
 * afterwards both read it from here, so they cannot disagree. Only Compliant and Breach count
 * as checked; "Not checked" and N/A never do.
 */
export interface CheckTally {
	checked: number;
	compliant: number;
	breach: number;
	notChecked: number;
	notApplicable: number;
	/** Left unmarked on a draft (recorded as not checked if finalised). */
	unmarked: number;
}

export function tallyChecks(checks: readonly { outcome: ConditionOutcome | null }[]): CheckTally {
	const t = { checked: 0, compliant: 0, breach: 0, notChecked: 0, notApplicable: 0, unmarked: 0 };
	for (const c of checks) {
		if (c.outcome === 'compliant') t.compliant++;
		else if (c.outcome === 'breach') t.breach++;
		else if (c.outcome === 'not-checked') t.notChecked++;
		else if (c.outcome === 'not-applicable') t.notApplicable++;
		else t.unmarked++;
	}
	t.checked = t.compliant + t.breach;
	return t;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "3 conditions: 1 checked (1 breach) · 2 not checked". */
export function tallyText(t: CheckTally): string {
	const total = t.checked + t.notChecked + t.notApplicable + t.unmarked;
	if (total === 0) return 'No conditions to check';
	const checked = `${t.checked} checked (${plural(t.compliant, 'compliant', 'compliant')}, ${plural(t.breach, 'breach', 'breaches')})`;
	const rest = [
		t.notChecked + t.unmarked > 0 ? `${t.notChecked + t.unmarked} not checked` : '',
		t.notApplicable > 0 ? `${t.notApplicable} N/A` : ''
	].filter(Boolean);
	return [`${plural(total, 'condition', 'conditions')}: ${checked}`, ...rest].join(' · ');
}

export interface NamedCheck {
	conditionId: string;
	text: string;
	notes: string;
}

/** The checks with a given outcome, each named as the officer reads the condition. */
export function checksWith(
	checks: readonly {
		orderId: string;
		conditionId: string;
		outcome: ConditionOutcome | null;
		notes: string;
	}[],
	bundle: Pick<SubjectBundle, 'orders' | 'addresses'> | null,
	outcomes: readonly (ConditionOutcome | null)[]
): NamedCheck[] {
	const ctx = { addressLabel: (id: string) => addressLabel(bundle?.addresses ?? [], id) };
	return checks
		.filter((c) => outcomes.includes(c.outcome))
		.map((c) => {
			const condition = bundle?.orders
				.find((o) => o.id === c.orderId)
				?.conditions.find((x) => x.id === c.conditionId);
			return {
				conditionId: c.conditionId,
				text: condition
					? describeCondition(condition, ctx)
					: 'A condition no longer on this device',
				notes: c.notes.trim()
			};
		});
}

/** Each action taken, as a line of the record; empty when none was. */
export function actionLines(a: VisitActions): string[] {
	const lines: string[] = [];
	if (a.arrest) lines.push(`Arrest made, custody reference ${a.arrest.custodyReference}`);
	if (a.wordsOfAdvice) lines.push('Words of advice given');
	if (a.safeguardingReferral) {
		const consent = a.safeguardingReferral.consent ? 'victim consented' : 'victim did not consent';
		lines.push(`Safeguarding referral for the victim (${consent})`);
	}
	if (a.intelligenceSubmitted) lines.push('Intelligence submitted');
	if (a.bodyWornVideoRef) lines.push(`Body-worn video reference ${a.bodyWornVideoRef}`);
	return lines;
}
