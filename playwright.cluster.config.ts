import { defineConfig } from '@playwright/test';
import base from './playwright.config';

const PORT = Number(process.env.E2E_PORT ?? 4173);

/**
 * The two-server end-to-end test: PostgreSQL (FIELDCHECK_TEST_PG, from scripts/with-pg.sh),
 * two app server processes and a round-robin load balancer on E2E_PORT
 * (scripts/two-servers.ts). Run: `bash scripts/with-pg.sh npx playwright test
 * --config playwright.cluster.config.ts`.
 */
export default defineConfig({
	...base,
	testDir: 'tests/e2e-cluster',
	use: { ...base.use, baseURL: `http://127.0.0.1:${PORT}` },
	webServer: {
		command: 'node --import tsx scripts/two-servers.ts',
		url: `http://127.0.0.1:${PORT}/api/health`,
		reuseExistingServer: false,
		timeout: 120_000,
		env: { PORT: String(PORT) }
	}
});
