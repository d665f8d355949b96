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

/**
 * Fetch JSON from our own API and check it against the shared contract: a server that speaks
 * another version is caught here rather than deep in the UI.
 */
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

export async function request<S extends z.ZodType>(
	path: string,
	schema: S,
	init: { method?: string; body?: unknown; signal?: AbortSignal } = {}
): Promise<z.infer<S>> {
	let res: Response;
	const headers: Record<string, string> = {};
	if (init.body !== undefined) headers['content-type'] = 'application/json';
	// The server knows a revoked device by this id even once its sessions are gone.
	const deviceId = await deviceIdValue.get();
	if (deviceId) headers[DEVICE_HEADER] = deviceId;
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
	const err = apiErrorSchema.safeParse(body);
	if (res.status === 401) {
		const message = err.success ? err.data.error.message : 'Sign in to continue';
		throw new ApiError({ kind: 'unauthenticated', message });
	}
	if (!res.ok) {
		if (res.status === 403 && err.success && err.data.error.code === 'device-revoked') {
			await deviceRevoked();
		}
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
