/**
 * Bookkeeping writes that an answer does not depend on: the audit row of a caseload download,
 * when an assignment reached a device. A pull is otherwise a pure read. On SQLite every writer
 * queues for the database's one write lock, so writing these before answering would make a
 * pull wait behind any long write, or fail after busy_timeout, for the sake of its own
 * bookkeeping (and a push queued behind it would time out too). They are written just after
 * the answer instead, retried a few times on failure; only an error code is ever logged.
 *
 * What is pending lives in this process only: a crash in the moment after an answer can lose a
 * delivery time or one audit row, never anything a device sent.
 */
const RETRY_MS = [250, 1_000, 3_000, 10_000];

export function afterAnswer(what: string, write: () => Promise<void>): void {
	const attempt = (n: number) => {
		write().catch((e: unknown) => {
			if (n < RETRY_MS.length) {
				setTimeout(() => attempt(n + 1), RETRY_MS[n]).unref();
				return;
			}
			const code = (e as { code?: unknown })?.code;
			console.error(`side write '${what}' failed: ${typeof code === 'string' ? code : 'error'}`);
		});
	};
	// A macrotask later, so the answer is on its way before any wait for the write lock.
	setTimeout(() => attempt(0), 0).unref();
}
