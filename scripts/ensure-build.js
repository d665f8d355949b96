// Builds the app unless build/ is already newer than every source file, so `npm start`
// works on a fresh clone and restarts quickly afterwards.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const STAMP = 'build/.built-at';
const INPUTS = [
	'src',
	'static',
	'package.json',
	'package-lock.json',
	'svelte.config.js',
	'vite.config.ts'
];

/**
 * Newest modification time under `path`, in ms (0 if it does not exist).
 * @param {string} path
 * @returns {number}
 */
function newest(path) {
	if (!existsSync(path)) return 0;
	const st = statSync(path);
	if (!st.isDirectory()) return st.mtimeMs;
	return readdirSync(path).reduce((m, name) => Math.max(m, newest(join(path, name))), st.mtimeMs);
}

const built = existsSync(STAMP) ? statSync(STAMP).mtimeMs : 0;
if (process.env.FIELDCHECK_FORCE_BUILD || INPUTS.some((p) => newest(p) > built)) {
	console.log('Building Fieldcheck…');
	// Always a production build, whoever calls this: under vitest NODE_ENV is 'test', which
	// would otherwise give Svelte's development build (bigger, slower) to every test and bench.
	execSync('npx vite build', { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
	writeFileSync(STAMP, new Date().toISOString());
}
