/**
 * The database scripts/two-servers.ts's app servers share (recreated on every run), on the
 * PostgreSQL server whose admin URL scripts/with-pg.sh puts in FIELDCHECK_TEST_PG.
 * FIELDCHECK_CLUSTER_DB names it (default: the two-server end-to-end test's).
 */
export function clusterDbUrl() {
	const admin = process.env.FIELDCHECK_TEST_PG;
	if (!admin) throw new Error('FIELDCHECK_TEST_PG is not set: run through scripts/with-pg.sh');
	const name = process.env.FIELDCHECK_CLUSTER_DB ?? 'fieldcheck_e2e_cluster';
	if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error('FIELDCHECK_CLUSTER_DB: a plain name');
	return { admin, name, url: admin.replace(/\/[^/]*$/, `/${name}`) };
}
