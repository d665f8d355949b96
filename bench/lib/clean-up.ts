import { constants } from 'node:os';
import { killAllServersNow, stopAllServers } from './built-server';

/**
 * Stops the browser and every server a benchmark started, on a normal exit, an error, or a
 * signal. Handlers are kept (not `once`): Ctrl-C reaches npm, tsx and us, and the wrappers pass
 * it on again, so a second delivery must not fall through and kill us mid-clean-up.
 *
 * Returns `cleanUp`, to await in the benchmark's own `finally`, and `isStopping`, true once a
 * signal has arrived (the closed browser then fails whatever step was running).
 */
export function cleanUpOnExit(
	closeBrowser: () => Promise<void>,
	log: (text: string) => void
): { cleanUp: () => Promise<void>; isStopping: () => boolean } {
	const cleanUp = async () => {
		await closeBrowser().catch(() => undefined);
		await stopAllServers();
	};
	let stopping = false;
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
		process.on(signal, () => {
			if (stopping) return;
			stopping = true;
			log(`${signal}: stopping the browser and the server`);
			void cleanUp().finally(() => process.exit(128 + constants.signals[signal]));
		});
	}
	process.once('exit', killAllServersNow);
	return { cleanUp, isStopping: () => stopping };
}
