// The server for end-to-end tests: the real build on a fresh SQLite file each run, at a known
// path so tests can check what the server really stored.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { E2E_DB_PATH } from './db-path.js';

rmSync(dirname(E2E_DB_PATH), { recursive: true, force: true });
mkdirSync(dirname(E2E_DB_PATH), { recursive: true });
process.env.DATABASE_URL = `sqlite:${E2E_DB_PATH}`;
process.env.FIELDCHECK_SEED_SUBJECTS ??= '60';
process.env.FIELDCHECK_DEMO_SEED = '1';
process.env.BODY_SIZE_LIMIT ??= '5M';
// Plain http on loopback: tell adapter-node, which otherwise assumes https behind a proxy.
process.env.ORIGIN ??= `http://127.0.0.1:${process.env.PORT}`;
// The synthetic area pack the map test downloads, made afresh where the config points.
if (process.env.FIELDCHECK_AREA_PACK) {
	execFileSync(
		process.execPath,
		['--import', 'tsx', 'scripts/make-area-pack.ts', process.env.FIELDCHECK_AREA_PACK],
		{ stdio: ['ignore', 'ignore', 'inherit'] }
	);
}
// A computed specifier: the build may not exist yet when the project is type-checked.
await import(new URL('../../build/index.js', import.meta.url).href);
