import type { Address, Subject } from './subject';

/**
 * What staff search subjects by: names, aliases, date of birth (ISO and UK day-first),
 * records references and postcodes, lower-cased into one string so a plain LIKE finds them
 * on SQLite and PostgreSQL alike. Postcodes also appear without their space.
 */
export function subjectSearchText(
	subject: Pick<Subject, 'givenName' | 'familyName' | 'aliases' | 'dateOfBirth'>,
	addresses: readonly Pick<Address, 'postcode'>[],
	references: readonly string[] = []
): string {
	const [y, m, d] = subject.dateOfBirth.split('-');
	const parts = [
		`${subject.givenName} ${subject.familyName}`,
		`${subject.familyName} ${subject.givenName}`,
		...subject.aliases,
		subject.dateOfBirth,
		`${d}/${m}/${y}`,
		...references,
		...addresses.flatMap((a) => [a.postcode, a.postcode.replace(/\s+/g, '')])
	];
	return `|${parts.join('|').toLowerCase()}|`;
}

/** A typed search as the same normal form: trimmed, lower-case, inner spaces collapsed. */
export function normaliseSearch(query: string): string {
	return query.trim().toLowerCase().replace(/\s+/g, ' ');
}
