// The server for end-to-end tests: the real build on a fresh SQLite file each run, at a known
// path so tests can check what the server really stored.
import { mkdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { E2E_DB_PATH } from './db-path.js';

rmSync(dirname(E2E_DB_PATH), { recursive: true, force: true });
mkdirSync(dirname(E2E_DB_PATH), { recursive: true });
process.env.DATABASE_URL = `sqlite:${E2E_DB_PATH}`;
process.env.FIELDCHECK_SEED_SUBJECTS ??= '60';
// A computed specifier: the build may not exist yet when the project is type-checked.
await import(new URL('../../build/index.js', import.meta.url).href);
