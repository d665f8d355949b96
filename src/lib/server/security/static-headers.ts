import { ServerResponse } from 'node:http';
import { runtimePolicy, securityHeaders } from './headers';

/**
 * adapter-node serves built files (the prerendered app shell, scripts, icons) with sirv before
 * SvelteKit's `handle` ever runs, and offers no option to add headers to them. So that those
 * responses carry the same security headers as the rest, the headers are added as each
 * response's head is written, unless the response already set them (hooks did, for the rest).
 * The app shell also carries SvelteKit's own CSP <meta> (hashes of its inline script).
 */
let installed = false;

export function installStaticSecurityHeaders(): void {
	if (installed) return;
	installed = true;
	const writeHead = ServerResponse.prototype.writeHead;
	ServerResponse.prototype.writeHead = function (
		this: ServerResponse,
		...args: Parameters<typeof writeHead>
	) {
		if (!this.headersSent) {
			for (const [name, value] of securityHeaders()) {
				if (!this.hasHeader(name)) this.setHeader(name, value);
			}
			if (!this.hasHeader('content-security-policy')) {
				this.setHeader('content-security-policy', runtimePolicy());
			}
		}
		return writeHead.apply(this, args);
	} as typeof writeHead;
}
