/** The database the two-server end-to-end test's app servers share (recreated on every run). */
export const E2E_CLUSTER_DB = 'fieldcheck_e2e_cluster';

/** Its URL on the PostgreSQL server whose admin URL scripts/with-pg.sh puts in FIELDCHECK_TEST_PG. */
export function clusterDbUrl() {
	const admin = process.env.FIELDCHECK_TEST_PG;
	if (!admin) throw new Error('FIELDCHECK_TEST_PG is not set: run through scripts/with-pg.sh');
	return { admin, url: admin.replace(/\/[^/]*$/, `/${E2E_CLUSTER_DB}`) };
}
