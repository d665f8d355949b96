import { execSync } from 'node:child_process';

/** Integration tests run against the real built server: build it if it is stale. */
export default function setup(): void {
	execSync('node scripts/ensure-build.js', { stdio: 'inherit' });
}
