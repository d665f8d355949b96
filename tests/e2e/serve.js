// The server for end-to-end tests: the real build on a fresh SQLite file each run.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'fieldcheck-e2e-'));
process.env.DATABASE_URL = `sqlite:${join(dir, 'fieldcheck.db')}`;
process.env.FIELDCHECK_SEED_SUBJECTS ??= '60';
// A computed specifier: the build may not exist yet when the project is type-checked.
await import(new URL('../../build/index.js', import.meta.url).href);
