import Papa from 'papaparse';
import {
	MAX_IMPORT_FILE_BYTES,
	templates,
	type ImportFile,
	type ImportIssue
} from '$lib/domain/import-templates';

/** A data row by column name, with its spreadsheet row number (header = row 1). */
export interface CsvRow {
	row: number;
	cells: Record<string, string>;
}

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
	let row = 1;
	Papa.parse<Record<string, string>>(text, {
		header: true,
		delimiter: ',',
		skipEmptyLines: 'greedy',
		transformHeader: (h) => h.trim().toLowerCase(),
		step: (result) => {
			row += 1;
			for (const e of result.errors) {
				issues.push({ file, row, column: null, problem: `Cannot read this row: ${e.message}` });
			}
			if (result.errors.length === 0) onRow({ row, cells: result.data });
		}
	});
	return issues;
}
