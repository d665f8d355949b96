import { env } from '$env/dynamic/private';
import { operationalDay } from '$lib/domain/operation/operational-day';
import { db as database } from './context';
import { underStartupLock } from './db/connection';
import { operationalDayConfig } from './operation/config';
import * as sessions from './db/sessions';
import * as users from './db/users';
import { generateCaseload } from './seed/generate';
import { hashPasswords, writeCaseload } from './seed/store';

/**
 * Runs once when the server starts (after the database is opened and migrated, which happens
 * under a lock of its own): drop expired sessions, and on an empty database seed the synthetic
 * Bedfordshire caseload and print the demo logins (demo only: never real people). Several
 * servers may start together on one empty database: the seed runs under the start-up lock and
 * counts users inside it, so exactly one of them seeds.
 */
export async function startUp(): Promise<void> {
	const db = await database();
	// Expired sessions are refused already; this only stops them piling up across restarts.
	await sessions.purgeExpired(db);
	if ((await users.count(db)) > 0) return;
	// Demo accounts have published passwords: only ever created when asked for (`npm start`
	// asks; running build/index.js directly on a real deployment does not).
	if (env.FIELDCHECK_DEMO_SEED !== '1') {
		console.log('Fieldcheck: the database is empty. Set FIELDCHECK_DEMO_SEED=1 to seed demo data.');
		return;
	}
	const subjects = Number(env.FIELDCHECK_SEED_SUBJECTS || 60);
	const officers = Number(env.FIELDCHECK_SEED_OFFICERS || 3);
	const seed = Number(env.FIELDCHECK_SEED || 20261127);
	const data = generateCaseload({
		seed,
		subjects,
		officers,
		today: operationalDay(new Date(), operationalDayConfig())
	});
	// Hashing is slow, so it happens before the lock; a server that loses the race wasted it.
	const hashes = await hashPasswords(data);
	const seeded = await underStartupLock(db, async (trx) => {
		if ((await users.count(trx)) > 0) return false;
		await writeCaseload(trx, data, hashes);
		return true;
	});
	if (!seeded) return;
	const host = env.HOST || '0.0.0.0';
	const port = env.PORT || '3000';
	const shown = host === '0.0.0.0' ? 'localhost' : host;
	const lines = data.users.map(
		(u) => `  ${u.role.padEnd(14)} ${u.username.padEnd(12)} ${u.password}`
	);
	console.log(
		[
			'',
			`Fieldcheck: seeded a synthetic caseload of ${subjects} subjects (demo data only).`,
			`Open http://${shown}:${port}/`,
			'Demo logins (DEMO ONLY, never use on a real deployment):',
			...lines,
			''
		].join('\n')
	);
}
