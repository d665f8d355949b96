import type { BrowserContext, Route } from '@playwright/test';

/**
 * A hostile network for sync requests: some are cut before they reach the server, and some
 * reach it, are processed, and then lose their response on the way back — the case that
 * exactly-once delivery has to survive. Seeded, so a failure can be replayed.
 */
export async function flakySync(
	context: BrowserContext,
	opts: { seed: number; abortBefore: number; dropAfter: number }
): Promise<{
	stats: { aborted: number; dropped: number; passed: number };
	stop: () => Promise<void>;
}> {
	let state = opts.seed >>> 0;
	const random = () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const stats = { aborted: 0, dropped: 0, passed: 0 };
	const handler = async (route: Route) => {
		if (random() < opts.abortBefore) {
			stats.aborted += 1;
			return route.abort('connectionreset');
		}
		let response;
		try {
			response = await route.fetch();
		} catch {
			return route.abort('failed');
		}
		if (random() < opts.dropAfter) {
			stats.dropped += 1;
			return route.abort('connectionreset');
		}
		stats.passed += 1;
		return route.fulfill({ response });
	};
	const pattern = /\/api\/(sync|photos|caseload)/;
	await context.route(pattern, handler);
	return { stats, stop: () => context.unroute(pattern, handler) };
}
