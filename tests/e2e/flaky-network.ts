import type { BrowserContext, Route } from '@playwright/test';
import { mulberry32 } from '../../src/lib/domain/route/prng';

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
	const random = mulberry32(opts.seed);
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
