import { fileURLToPath } from 'node:url';

/** Where the end-to-end server keeps its SQLite file (recreated on every run). */
export const E2E_DB_PATH = fileURLToPath(new URL('../../.e2e/fieldcheck.db', import.meta.url));
