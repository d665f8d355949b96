import { errorResponse, ApiFailure } from '$lib/server/http';
import type { RequestHandler } from './$types';

/** Unknown API paths answer in the API's own JSON error shape, never with an HTML page. */
export const fallback: RequestHandler = async () =>
	errorResponse(new ApiFailure(404, 'not-found', 'No such endpoint'));
