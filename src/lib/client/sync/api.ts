import type { z } from 'zod';
import { DEVICE_HEADER } from '$lib/domain/device-security';
import { apiErrorSchema } from '$lib/domain/errors';
import { deviceIdValue } from '../db/sync-values';
import { wipeReadable } from '../db/unlock-store';
import * as handoff from '../lock/key-handoff';

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

const revokedListeners = new Set<() => void>();

/** Called after the device has wiped itself on a `device-revoked` answer. */
export function onDeviceRevoked(listener: () => void): () => void {
	revokedListeners.add(listener);
	return () => revokedListeners.delete(listener);
}

async function deviceRevoked(): Promise<void> {
	await wipeReadable();
	// The worker may still hold the key for the idle time: it goes too.
	await handoff.forget();
	for (const l of revokedListeners) l();
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
	const headers = await deviceHeaders();
	if (init.body !== undefined) headers['content-type'] = 'application/json';
	try {
		res = await fetch(path, {
			method: init.method ?? 'GET',
			credentials: 'same-origin',
			headers,
			body: init.body === undefined ? undefined : JSON.stringify(init.body),
			signal: init.signal
		});
	} catch (e) {
		if (e instanceof DOMException && e.name === 'AbortError') throw e;
		throw new ApiError({ kind: 'offline' });
	}
	const body: unknown = await res.json().catch(() => undefined);
	return settle(res.status, body, (b) => schema.safeParse(b));
}

/**
 * The headers every call carries: the server knows a revoked device by its id even once its
 * sessions are gone.
 */
export async function deviceHeaders(): Promise<Record<string, string>> {
	const deviceId = await deviceIdValue.get();
	return deviceId ? { [DEVICE_HEADER]: deviceId } : {};
}

/**
 * What an answer means: its data once `check` accepts the body, or the ApiError it is (signed
 * out, refused, this device revoked — which wipes it —, or a body this app does not understand).
 * Shared by `request` and by the caseload feed, whose pages are checked off the main thread.
 */
export async function settle<T>(
	status: number,
	body: unknown,
	check: (body: unknown) => { success: true; data: T } | { success: false }
): Promise<T> {
	const err = apiErrorSchema.safeParse(body);
	if (status === 401) {
		const message = err.success ? err.data.error.message : 'Sign in to continue';
		throw new ApiError({ kind: 'unauthenticated', message });
	}
	if (status < 200 || status > 299) {
		if (status === 403 && err.success && err.data.error.code === 'device-revoked') {
			await deviceRevoked();
		}
		throw new ApiError({
			kind: 'rejected',
			status,
			code: err.success ? err.data.error.code : 'http-' + status,
			message: err.success ? err.data.error.message : `The server answered ${status}`
		});
	}
	const parsed = check(body);
	if (!parsed.success) {
		throw new ApiError({
			kind: 'bad-response',
			message: 'The server sent something this app does not understand'
		});
	}
	return parsed.data;
}
