import type { RequestEvent } from '@sveltejs/kit';
import { ApiFailure } from '../http';
import { appOrigin } from './config';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
const FORM = /^(application\/x-www-form-urlencoded|multipart\/form-data|text\/plain)/i;

/**
 * Cross-site request forgery beyond SvelteKit's own check (which covers form content types):
 * a `no-cors` POST of a Blob carries no content type at all and would otherwise reach e.g.
 * sign-out with the officer's cookie. A state-changing request whose body is not JSON must
 * come from the app's own origin. Browsers always send Origin on such requests, so a request
 * without it is not a browser's cross-site one (a script or a test: it holds no victim cookie).
 */
export function checkRequestOrigin(event: RequestEvent): void {
	const { request } = event;
	if (SAFE.has(request.method)) return;
	const type = request.headers.get('content-type') ?? '';
	if (/^application\/json/i.test(type)) return;
	const origin = request.headers.get('origin');
	const fetchSite = request.headers.get('sec-fetch-site');
	const own = appOrigin() ?? event.url.origin;
	const crossOrigin =
		(origin !== null && origin !== own) ||
		(fetchSite !== null && fetchSite !== 'same-origin' && fetchSite !== 'none');
	if (crossOrigin || (FORM.test(type) && origin === null && fetchSite !== null)) {
		throw new ApiFailure(
			403,
			'cross-origin',
			'This request must come from the app itself. Reload the app and try again.'
		);
	}
}
