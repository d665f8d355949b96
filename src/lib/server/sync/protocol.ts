import { PROTOCOL_VERSION } from '$lib/domain/protocol';
import { ApiFailure } from '../http';

/**
 * Checked before anything else in the body, so a device on another protocol version gets a
 * message it can act on instead of a list of fields it cannot change.
 */
export function checkProtocol(body: unknown): void {
	if (typeof body !== 'object' || body === null || !('protocolVersion' in body)) return;
	const version = body.protocolVersion;
	if (typeof version !== 'number' || version === PROTOCOL_VERSION) return;
	const message =
		version < PROTOCOL_VERSION
			? `This app is out of date (sync protocol ${version}; the server speaks ` +
				`${PROTOCOL_VERSION}). Please update the app: reload it while online. Your visits ` +
				'stay saved on this device and are sent after the update.'
			: `The server is older than this app (sync protocol ${PROTOCOL_VERSION}; the app ` +
				`speaks ${version}). Your visits stay saved on this device; tell your supervisor ` +
				'so the server can be updated.';
	throw new ApiFailure(409, 'protocol-mismatch', message);
}
