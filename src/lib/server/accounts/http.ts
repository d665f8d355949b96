import { ApiFailure } from '../http';
import { AccountError } from './accounts';

const status = { 'weak-password': 422, conflict: 409, 'unknown-team': 422, 'not-found': 404 };

/** Runs an account change, turning its refusals into API failures with the same codes. */
export async function asApi<T>(run: () => Promise<T>): Promise<T> {
	try {
		return await run();
	} catch (e) {
		if (e instanceof AccountError) throw new ApiFailure(status[e.code], e.code, e.message);
		throw e;
	}
}
