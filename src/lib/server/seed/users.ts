import type { User } from '../../domain/user';
import { staffName, type PersonName } from './names';
import type { Rng } from './prng';

/** A login for the demo: the password is printed at start-up and is never a real secret. */
export type DemoUser = User & { password: string };

/**
 * Everyone in the demo belongs to one team (the administrator too, though administrators see
 * every team).
 *
 * `officers` constables (officer1…N), one sergeant and one administrator. Each user draws from
 * its own stream, and the sergeant's collar number is taken first, so adding officers never
 * changes the existing ones.
 */
export function demoUsers(root: Rng, officers: number, teamId: string): DemoUser[] {
	const taken = new Set<string>();
	const collar = (rng: Rng): string => {
		let n = rng.int(1000, 9999);
		while (taken.has(String(n))) n = n === 9999 ? 1000 : n + 1;
		taken.add(String(n));
		return String(n);
	};
	const full = (n: PersonName) => `${n.givenName} ${n.familyName}`;

	const sergeantRng = root.fork('sergeant');
	const sergeantId = sergeantRng.uuid();
	const sergeantName = staffName(sergeantRng);
	const sergeant: DemoUser = {
		id: sergeantId,
		username: 'sergeant',
		displayName: `PS ${full(sergeantName)}`,
		collarNumber: collar(sergeantRng),
		role: 'supervisor',
		teamId,
		password: 'demo-sergeant'
	};

	const constables: DemoUser[] = [];
	for (let i = 1; i <= officers; i++) {
		const rng = root.fork(`officer/${i}`);
		const id = rng.uuid();
		const name = staffName(rng);
		constables.push({
			id,
			username: `officer${i}`,
			displayName: `PC ${full(name)}`,
			collarNumber: collar(rng),
			role: 'officer',
			teamId,
			password: `demo-officer-${i}`
		});
	}

	const adminRng = root.fork('admin');
	const admin: DemoUser = {
		id: adminRng.uuid(),
		username: 'admin',
		// Police staff, not a warranted officer: no collar number.
		displayName: full(staffName(adminRng)),
		collarNumber: null,
		role: 'administrator',
		teamId,
		password: 'demo-admin'
	};
	return [...constables, sergeant, admin];
}
