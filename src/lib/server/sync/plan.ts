/**
 * Where each mutation of a push stands against the device's last applied sequence `L`:
 * at or below `L` it was dealt with before (a replay); `L+1, L+2…` without a hole are looked at
 * now; from the first hole on nothing is looked at, because applying out of order could let an
 * amendment overtake its original or hide a lost mutation for ever.
 */
export interface BatchPlan<T extends { seq: number }> {
	replays: T[];
	/** Consecutive from `lastSeq + 1`: each is applied or rejected, and consumes its sequence. */
	next: T[];
	deferred: T[];
	/** The sequence the device must send next once `next` has been dealt with. */
	expectedSeq: number;
}

export function planBatch<T extends { seq: number }>(items: T[], lastSeq: number): BatchPlan<T> {
	const sorted = [...items].sort((a, b) => a.seq - b.seq);
	const plan: BatchPlan<T> = { replays: [], next: [], deferred: [], expectedSeq: lastSeq + 1 };
	for (const item of sorted) {
		if (item.seq <= lastSeq) plan.replays.push(item);
		else if (plan.deferred.length === 0 && item.seq === plan.expectedSeq) {
			plan.next.push(item);
			plan.expectedSeq += 1;
		} else plan.deferred.push(item);
	}
	return plan;
}
