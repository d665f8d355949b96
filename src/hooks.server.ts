import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { authenticate, SESSION_COOKIE } from '$lib/server/auth/session';
import { sealKeyPair } from '$lib/server/crypto/seal-keys';
import { serverSecret } from '$lib/server/crypto/secrets';
import { ZONE_OFFSET_SECRET } from '$lib/server/security/zone-cover';
import { db } from '$lib/server/context';
import { ApiFailure, discardUnread, errorResponse } from '$lib/server/http';
import { auditRefusal } from '$lib/server/security/refusal-audit';
import { checkDevice } from '$lib/server/security/request-guard';
import { checkRequestOrigin } from '$lib/server/security/origin';
import { applySecurityHeaders } from '$lib/server/security/headers';
import { installStaticSecurityHeaders } from '$lib/server/security/static-headers';
import { startUp } from '$lib/server/startup';

export const init: ServerInit = async () => {
	installStaticSecurityHeaders();
	await startUp();
	// The sealing key pair and the zone-offset secret exist from the first start, so no
	// caseload pull or sign-in ever has to write them.
	await sealKeyPair(await db());
	await serverSecret(await db(), ZONE_OFFSET_SECRET);
};

export const handle: Handle = async ({ event, resolve }) => {
	const database = await db();
	const token = event.cookies.get(SESSION_COOKIE) ?? null;
	const auth = token ? await authenticate(database, token) : null;
	event.locals.sessionToken = token;
	event.locals.user = auth?.user ?? null;
	event.locals.session = auth?.session ?? null;
	event.locals.mustChangePassword = auth?.mustChangePassword ?? false;
	event.locals.deviceId = null;
	const api = event.url.pathname.startsWith('/api/');
	let response: Response;
	try {
		if (api) {
			checkRequestOrigin(event);
			event.locals.deviceId = await checkDevice(database, event, auth?.deviceRevoked ?? false);
		}
		response = await resolve(event);
	} catch (e) {
		if (!(e instanceof ApiFailure)) throw e;
		response = errorResponse(e);
	}
	if (api) {
		await discardUnread(event.request);
		await auditRefusal(database, event, response);
	}
	applySecurityHeaders(event, response);
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
