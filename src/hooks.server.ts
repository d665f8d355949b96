import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { SESSION_COOKIE, userForToken } from '$lib/server/auth/session';
import { db } from '$lib/server/context';
import { startUp } from '$lib/server/startup';

export const init: ServerInit = async () => {
	await startUp();
};

export const handle: Handle = async ({ event, resolve }) => {
	const token = event.cookies.get(SESSION_COOKIE) ?? null;
	event.locals.sessionToken = token;
	const signedIn = token ? await userForToken(await db(), token) : null;
	event.locals.user = signedIn?.user ?? null;
	event.locals.mustChangePassword = signedIn?.mustChangePassword ?? false;
	const response = await resolve(event);
	response.headers.set('x-content-type-options', 'nosniff');
	response.headers.set('referrer-policy', 'no-referrer');
	response.headers.set('x-frame-options', 'DENY');
	if (event.url.pathname.startsWith('/api/')) response.headers.set('cache-control', 'no-store');
	return response;
};

/** Logs an id and the route only: request bodies may hold personal data. */
export const handleError: HandleServerError = ({ error, event, status }) => {
	const id = crypto.randomUUID();
	if (status !== 404) {
		const name = error instanceof Error ? error.name : 'unknown';
		console.error(`[${id}] ${status} ${event.route.id ?? 'unknown route'}: ${name}`);
	}
	return {
		message: status === 404 ? 'Not found' : `Something went wrong (ref ${id})`,
		code: 'internal'
	};
};
