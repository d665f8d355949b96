import type { SubjectBundle } from './caseload';
import type { RiskLevel } from './subject';

const riskRank: Record<RiskLevel, number> = { high: 0, medium: 1, standard: 2 };

/**
 * The caseload's default order as one comparable string: assignment priority, then wanted,
 * then risk, then name. Stored and indexed on the device so the first rows come straight off
 * the index without sorting 10,000 records.
 */
export function caseloadSortKey(b: SubjectBundle): string {
	const s = b.subject;
	return [
		b.assignment.priority,
		s.wanted ? 0 : 1,
		riskRank[s.risk],
		`${s.familyName} ${s.givenName}`.toLowerCase(),
		s.id
		// U+0001 sorts before every printable character, so "SMITH, Jo" comes before "SMITH, John".
	].join('\u0001');
}

function words(text: string): string[] {
	// "O'Brien" is found by typing "obrien" as well as "o'brien". One match over the runs of
	// letters and digits, rather than a split and a filter: this runs for every subject of a
	// download (`npm run bench:caseload`).
	return (
		text
			.toLowerCase()
			.replace(/['’]/g, '')
			.match(/[\p{L}\p{N}]+/gu) ?? []
	);
}

/**
 * Words an officer might type: names, aliases, the words of each address (house, street, town)
 * and postcodes (whole and outward code).
 */
export function searchTokens(b: SubjectBundle): string[] {
	const s = b.subject;
	const tokens = new Set<string>([
		...words(s.givenName),
		...words(s.familyName),
		...s.aliases.flatMap(words)
	]);
	for (const a of b.addresses) {
		for (const line of [...a.lines, a.town]) for (const w of words(line)) tokens.add(w);
		const pc = a.postcode.toLowerCase().replace(/\s+/g, '');
		tokens.add(pc);
		const outward = a.postcode.toLowerCase().trim().split(/\s+/)[0];
		if (outward) tokens.add(outward);
	}
	return [...tokens];
}

/**
 * True when every word of the query starts one of the subject's tokens, or when the whole
 * query without spaces starts one (so "MK40 3TQ" finds the postcode token "mk403tq").
 */
export function matchesQuery(tokens: string[], query: string): boolean {
	const compact = query.toLowerCase().replace(/\s+/g, '');
	if (compact === '') return true;
	if (tokens.some((t) => t.startsWith(compact))) return true;
	return words(query).every((q) => tokens.some((t) => t.startsWith(q)));
}
