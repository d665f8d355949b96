/**
 * Resolves once the browser has had a chance to paint and is idle, or after `timeoutMs` at the
 * latest. Start-up work that nothing on the first screen waits for (the stored-values check,
 * the first sync) runs after it, so it does not hold up the first rows an officer looks for.
 */
export function whenIdle(timeoutMs = 1000): Promise<void> {
	return new Promise((done) => {
		if (typeof requestIdleCallback === 'function') {
			requestIdleCallback(() => done(), { timeout: timeoutMs });
		} else {
			setTimeout(done, 50);
		}
	});
}
