import type { Rng } from './prng';

/**
 * Name parts for synthetic people only. Common given and family names drawn from the
 * communities of Bedfordshire, combined at random: any likeness to a real person is chance.
 */

// prettier-ignore
export const maleGivenNames = [
	'James', 'Daniel', 'Thomas', 'Ryan', 'Liam', 'Connor', 'Jamie', 'Lee', 'Craig', 'Darren',
	'Wayne', 'Dean', 'Scott', 'Jason', 'Mark', 'Paul', 'Stuart', 'Gary', 'Kevin', 'Anthony',
	'Michael', 'David', 'Christopher', 'Matthew', 'Adam', 'Luke', 'Jordan', 'Callum', 'Kyle',
	'Aaron', 'Nathan', 'Shane', 'Mohammed', 'Imran', 'Tariq', 'Asif', 'Kamran', 'Bilal', 'Hamza',
	'Arjun', 'Sunil', 'Rajesh', 'Harpreet', 'Kofi', 'Emmanuel', 'Tunde', 'Chinedu', 'Marlon',
	'Delroy', 'Leon', 'Tyrone', 'Jerome', 'Tomasz', 'Piotr', 'Marek', 'Łukasz', 'Andrei', 'Florin',
	'Marco', 'Giuseppe', 'Antonio', 'João', 'Ricardo', 'Sean', 'Patrick', 'Declan', 'Kieran',
	'Rhys', 'Owen', 'Gareth'
] as const;

// prettier-ignore
export const femaleGivenNames = [
	'Sarah', 'Emma', 'Kelly', 'Gemma', 'Lisa', 'Donna', 'Stacey', 'Natalie', 'Amy', 'Chloe',
	'Jade', 'Leanne', 'Nadia', 'Aisha', 'Samina', 'Priya', 'Simran', 'Grace', 'Abena', 'Joanna',
	'Agnieszka', 'Ioana', 'Maria', 'Chiara', 'Siobhan'
] as const;

// prettier-ignore
export const familyNames = [
	'Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Robinson',
	'Wright', 'Thompson', 'Evans', 'Walker', 'White', 'Roberts', 'Green', 'Hall', 'Wood',
	'Jackson', 'Clarke', 'Harris', 'Lewis', 'Turner', 'Hill', 'Moore', 'Cooper', 'Ward', 'Morris',
	'King', 'Baker', 'Harrison', 'Morgan', 'Mitchell', 'Parker', 'Price', 'Bennett', 'Griffiths',
	'Hughes', 'Edwards', 'Collins', 'Stevens', 'Marshall', 'Shaw', 'Lloyd', 'Ellis', 'Chapman',
	'Webb', 'Holmes', 'Mason', 'Fletcher', 'Hussain', 'Khan', 'Ali', 'Ahmed', 'Akhtar', 'Iqbal',
	'Rahman', 'Mahmood', 'Patel', 'Shah', 'Sharma', 'Singh', 'Gill', 'Sandhu', 'Okafor',
	'Mensah', 'Adeyemi', 'Boateng', 'Okoro', 'Asante', 'Campbell', 'Francis', 'Grant', 'Thomas',
	'Joseph', 'Richards', 'Murphy', 'Kelly', 'Walsh', 'Byrne', "O'Brien", 'Doyle', 'Brennan',
	'Nowak', 'Kowalski', 'Wiśniewski', 'Zieliński', 'Popescu', 'Ionescu', 'Rossi', 'Esposito',
	'Russo', 'Romano', 'Silva', 'Santos', 'Pereira', 'Costa'
] as const;

/** Street names and nicknames as they turn up on the records system's alias field. */
// prettier-ignore
export const nicknames = [
	'Smudge', 'Tiny', 'Spider', 'Bugsy', 'Taz', 'Ginge', 'Chalky', 'Dex', 'Jonno', 'Mac',
	'Sparky', 'Bear', 'Rocky', 'Skinny', 'Digger', 'Stretch', 'Mouse', 'Zed'
] as const;

/** Short forms people give when stopped, so an officer recognises "Danny" as Daniel. */
// prettier-ignore
const shortForms: Readonly<Record<string, string>> = {
	James: 'Jimmy', Daniel: 'Danny', Thomas: 'Tommy', Anthony: 'Tony', Michael: 'Mick',
	David: 'Dave', Christopher: 'Chris', Matthew: 'Matt', Nathan: 'Nate', Mohammed: 'Mo',
	Patrick: 'Paddy', Stuart: 'Stu', Giuseppe: 'Joe', Antonio: 'Tony',
	Tomasz: 'Tom', Piotr: 'Peter', Łukasz: 'Luke', Emmanuel: 'Manny', Kieran: 'Kez',
	Natalie: 'Nat', Joanna: 'Jo', Agnieszka: 'Aga', Stacey: 'Stace', Samina: 'Sam'
};

export interface PersonName {
	givenName: string;
	familyName: string;
}

/** Perpetrators on these caseloads are mostly, not only, men. */
export function personName(rng: Rng, femaleShare = 0.12): PersonName {
	const given = rng.chance(femaleShare) ? femaleGivenNames : maleGivenNames;
	return { givenName: rng.pick(given), familyName: rng.pick(familyNames) };
}

/** Officer and staff names: an even mix, so given names are drawn from both lists. */
export function staffName(rng: Rng): PersonName {
	return personName(rng, 0.5);
}

/** One to three aliases: a short form, a previous surname, a nickname. */
export function aliases(rng: Rng, name: PersonName): string[] {
	const out = new Set<string>();
	const count = rng.weighted([
		[1, 70],
		[2, 25],
		[3, 5]
	] as const);
	for (let i = 0; i < count * 2 && out.size < count; i++) {
		const kind = rng.int(0, 2);
		const short = shortForms[name.givenName];
		if (kind === 0 && short) out.add(`${short} ${name.familyName}`);
		else if (kind === 1) {
			const previous = rng.pick(familyNames);
			if (previous !== name.familyName) out.add(`${name.givenName} ${previous}`);
		} else out.add(rng.pick(nicknames));
	}
	return [...out];
}
