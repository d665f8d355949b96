// Operations command: `npm run admin -- create-user --role administrator --username NAME`.
// Works on the database DATABASE_URL names (migrating it, never seeding demo data). The password
// is prompted twice on a terminal, else read from the first line of standard input; it is never
// taken as an argument, so it cannot leak into shell history or the process list.
import { parseArgs } from 'node:util';
import { AccountError, checkPassword, createAccount } from '../src/lib/server/accounts/accounts';
import { connect, DEFAULT_DATABASE_URL } from '../src/lib/server/db/connection';
import * as teams from '../src/lib/server/db/teams';
import { roleSchema } from '../src/lib/domain/user';
import { readPassword } from './lib/read-password';

const usage = `Usage:
  npm run admin -- create-user --role <officer|supervisor|administrator> --username NAME
                   [--name "Display name"] [--collar NUMBER] [--team "Team name"]

The password is asked for twice on a terminal, or read from the first line of standard input.
Rule: at least 12 characters, not containing the username, not one repeated character, not a
commonly used password.`;

function fail(message: string, code = 1): never {
	console.error(message);
	process.exit(code);
}

async function main(): Promise<void> {
	const [command, ...rest] = process.argv.slice(2);
	if (command !== 'create-user') fail(usage, 2);
	let values;
	try {
		({ values } = parseArgs({
			args: rest,
			options: {
				role: { type: 'string' },
				username: { type: 'string' },
				name: { type: 'string' },
				collar: { type: 'string' },
				team: { type: 'string' }
			},
			strict: true
		}));
	} catch (e) {
		fail(`${e instanceof Error ? e.message : e}\n\n${usage}`, 2);
	}
	const role = roleSchema.safeParse(values.role);
	const username = values.username?.trim() ?? '';
	if (!role.success || !/^[a-z0-9._-]{2,64}$/i.test(username)) fail(usage, 2);

	const password = await readPassword();
	try {
		checkPassword(password, username);
	} catch (e) {
		fail(`Refused: ${(e as Error).message}.`);
	}

	const db = await connect(process.env.DATABASE_URL || DEFAULT_DATABASE_URL, 2);
	try {
		let teamId: string | null = null;
		if (values.team) {
			const team = await teams.findByName(db, values.team.trim());
			if (!team) fail(`No team called "${values.team}". Create it on the users screen first.`);
			teamId = team.id;
		} else if (role.data !== 'administrator') {
			fail('Officers and supervisors belong to a team: give --team "Team name".', 2);
		}
		const user = await createAccount(
			db,
			{
				username,
				displayName: values.name?.trim() || username,
				collarNumber: values.collar?.trim() || null,
				role: role.data,
				teamId,
				password,
				mustChangePassword: false
			},
			null
		);
		console.log(`Created ${user.role} ${user.username} (${user.id}).`);
	} catch (e) {
		if (e instanceof AccountError) fail(`Refused: ${e.message}.`);
		throw e;
	} finally {
		await db.destroy();
	}
}

await main();
