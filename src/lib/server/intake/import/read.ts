import Papa from 'papaparse';
import {
	MAX_IMPORT_FILE_BYTES,
	templates,
	type ImportFile,
	type ImportIssue
} from '$lib/domain/import-templates';

/** A data row, with its spreadsheet row number (header = row 1). */
export interface CsvRow {
	row: number;
	/** The row's cells in file order. */
	values: readonly string[];
	/** Column name (trimmed, lower-case) → its index in `values`; shared by every row. */
	columns: ReadonlyMap<string, number>;
}

/** A cell by column name; '' when the file has no such column. */
export const cell = (r: CsvRow, column: string): string => {
	const i = r.columns.get(column);
	return (i === undefined ? undefined : r.values[i]) ?? '';
};

const fileIssue = (
	file: ImportFile,
	problem: string,
	column: string | null = null
): ImportIssue => ({
	file,
	row: 0,
	column,
	problem
});

/**
 * The file's bytes as text, or why not: too large, not UTF-8 (a spreadsheet saved as
 * "CSV (Windows)" or UTF-16). A UTF-8 byte-order mark is allowed and dropped.
 */
export function decode(
	file: ImportFile,
	bytes: Uint8Array
): { text: string } | { issue: ImportIssue } {
	const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
	if (bytes.byteLength > MAX_IMPORT_FILE_BYTES) {
		return {
			issue: fileIssue(
				file,
				`The file is ${mb(bytes.byteLength)}; the limit is ${mb(MAX_IMPORT_FILE_BYTES)} per file. Split it by subject reference and import the parts one after another.`
			)
		};
	}
	if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
		return {
			issue: fileIssue(file, 'The file is UTF-16: save it as "CSV UTF-8" and import it again')
		};
	}
	try {
		const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
		return { text };
	} catch {
		return {
			issue: fileIssue(
				file,
				'The file is not UTF-8 text (perhaps saved as "CSV (Windows)" or Latin-1): save it as "CSV UTF-8" and import it again'
			)
		};
	}
}

/**
 * Rows of one CSV file, streamed through Papa Parse row by row (`step`), so a large file is
 * never held as one big array of arrays. The header must name every required column and use
 * commas.
 */
export function readRows(
	file: ImportFile,
	text: string,
	onRow: (row: CsvRow) => void
): ImportIssue[] {
	const issues: ImportIssue[] = [];
	const firstLine = text.slice(0, text.search(/\r?\n|$/));
	if (!firstLine.includes(',') && /[;\t|]/.test(firstLine)) {
		const found = firstLine.includes(';')
			? 'semicolons'
			: firstLine.includes('\t')
				? 'tabs'
				: 'bars';
		return [fileIssue(file, `The columns are separated by ${found}: use commas`)];
	}
	const header = Papa.parse<string[]>(firstLine, { delimiter: ',' }).data[0] ?? [];
	const names = header.map((h) => h.trim().toLowerCase());
	for (const required of templates[file].required) {
		if (!names.includes(required))
			issues.push(fileIssue(file, `The column "${required}" is missing`, required));
	}
	if (issues.length) return issues;
	// Rows as arrays, not header-keyed objects: Papa's header mode builds a dictionary per row
	// and checks each cell for dynamic typing, which cost more than the rest of reading. The
	// header and the field-count check it would do are done here, with Papa's own words.
	const columns = new Map<string, number>();
	let width = -1;
	let row = 1;
	Papa.parse<string[]>(text, {
		delimiter: ',',
		skipEmptyLines: 'greedy',
		step: (result) => {
			const values = result.data;
			if (width < 0) {
				// The header row. A repeated name keeps its first column, as Papa's header mode
				// does (it renames the later ones).
				width = values.length;
				values.forEach((h, i) => {
					const name = h.trim().toLowerCase();
					if (!columns.has(name)) columns.set(name, i);
				});
				return;
			}
			row += 1;
			const problems = result.errors.map((e) => e.message);
			if (values.length > width)
				problems.push(`Too many fields: expected ${width} fields but parsed ${values.length}`);
			else if (values.length < width)
				problems.push(`Too few fields: expected ${width} fields but parsed ${values.length}`);
			for (const problem of problems) {
				issues.push({ file, row, column: null, problem: `Cannot read this row: ${problem}` });
			}
			if (problems.length === 0) onRow({ row, values, columns });
		}
	});
	return issues;
}
