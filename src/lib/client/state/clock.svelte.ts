/** A clock that ticks each minute, so "curfew in force now" and "expires in" stay true. */
class Clock {
	now = $state(new Date());

	constructor() {
		if (typeof window === 'undefined') return;
		setInterval(() => (this.now = new Date()), 30_000);
	}
}

export const clock = new Clock();
