import type { z } from 'zod';
import { apiErrorSchema } from '$lib/domain/errors';

/** Why a call to the server did not give us what we asked for. */
export type ApiProblem =
	| { kind: 'offline' }
	/** The server's own words, e.g. "Username or password is not right". */
	| { kind: 'unauthenticated'; message: string }
	| { kind: 'rejected'; status: number; code: string; message: string }
	| { kind: 'bad-response'; message: string };

export class ApiError extends Error {
	constructor(readonly problem: ApiProblem) {
		super(problem.kind === 'offline' ? 'offline' : problem.message);
	}
}

/**
 * Fetch JSON from our own API and check it against the shared contract: a server that speaks
 * another version is caught here rather than deep in the UI.
 */
export async function request<S extends z.ZodType>(
	path: string,
	schema: S,
	init: { method?: string; body?: unknown; signal?: AbortSignal } = {}
): Promise<z.infer<S>> {
	let res: Response;
	try {
		res = await fetch(path, {
			method: init.method ?? 'GET',
			credentials: 'same-origin',
			headers: init.body === undefined ? {} : { 'content-type': 'application/json' },
			body: init.body === undefined ? undefined : JSON.stringify(init.body),
			signal: init.signal
		});
	} catch (e) {
		if (e instanceof DOMException && e.name === 'AbortError') throw e;
		throw new ApiError({ kind: 'offline' });
	}
	const body: unknown = await res.json().catch(() => undefined);
	const err = apiErrorSchema.safeParse(body);
	if (res.status === 401) {
		const message = err.success ? err.data.error.message : 'Sign in to continue';
		throw new ApiError({ kind: 'unauthenticated', message });
	}
	if (!res.ok) {
		throw new ApiError({
			kind: 'rejected',
			status: res.status,
			code: err.success ? err.data.error.code : 'http-' + res.status,
			message: err.success ? err.data.error.message : `The server answered ${res.status}`
		});
	}
	const parsed = schema.safeParse(body);
	if (!parsed.success) {
		throw new ApiError({
			kind: 'bad-response',
			message: 'The server sent something this app does not understand'
		});
	}
	return parsed.data;
}
