/**
 * The CSV templates for importing a caseload from the records system (docs/import.md). Rows are
 * keyed by the records system's own references, so importing a file again updates rather than
 * duplicates. Export writes the same columns, so export → import changes nothing.
 */
export const importFiles = ['subjects', 'addresses', 'orders', 'conditions'] as const;
export type ImportFile = (typeof importFiles)[number];

export const templates: Record<ImportFile, { columns: string[]; required: string[] }> = {
	subjects: {
		columns: [
			'subject_ref',
			'given_name',
			'family_name',
			'aliases',
			'date_of_birth',
			'risk',
			'warnings',
			'wanted_reason',
			'wanted_ref'
		],
		required: ['subject_ref', 'given_name', 'family_name', 'date_of_birth', 'risk']
	},
	addresses: {
		columns: [
			'address_ref',
			'subject_ref',
			'kind',
			'line1',
			'line2',
			'town',
			'postcode',
			'lat',
			'lon',
			'access_notes'
		],
		required: ['address_ref', 'subject_ref', 'kind', 'line1', 'town', 'postcode', 'lat', 'lon']
	},
	orders: {
		columns: ['order_ref', 'subject_ref', 'type', 'issuer', 'starts', 'expires', 'status'],
		required: ['order_ref', 'subject_ref', 'type', 'issuer', 'starts']
	},
	conditions: {
		columns: [
			'condition_ref',
			'order_ref',
			'type',
			'wording',
			'protected_person_ref',
			'direct',
			'indirect',
			'zone_label',
			'zone_description',
			'zone_lat',
			'zone_lon',
			'zone_radius_m',
			'zone_polygon',
			'protected_premises',
			'address_ref',
			'start',
			'end',
			'days',
			'station',
			'tag',
			'requirement'
		],
		required: ['condition_ref', 'order_ref', 'type', 'wording']
	}
};

/** Per file, uncompressed. Documented in docs/import.md; a larger file is refused whole. */
export const MAX_IMPORT_FILE_BYTES = 20 * 1024 * 1024;

export interface ImportIssue {
	file: ImportFile;
	/** The spreadsheet row: the header is row 1, the first record row 2. 0: the whole file. */
	row: number;
	column: string | null;
	problem: string;
}

export interface ImportCounts {
	create: number;
	update: number;
	unchanged: number;
}

export interface ImportReport {
	ok: boolean;
	applied: boolean;
	issues: ImportIssue[];
	/** How many issues there were in all (the list is capped). */
	issueCount: number;
	counts: Record<'subjects' | 'addresses' | 'orders' | 'conditions', ImportCounts>;
}

/** The report as CSV, for download: file,row,column,problem. */
export function issuesCsv(issues: readonly ImportIssue[]): string {
	const cell = (v: string | number | null) => {
		const s = v === null ? '' : String(v);
		return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
	};
	const lines = issues.map((i) => [i.file, i.row, i.column, i.problem].map(cell).join(','));
	return ['file,row,column,problem', ...lines].join('\r\n') + '\r\n';
}

/**
 * Records made on screen have no records-system reference; the export names them
 * `FC-<Fieldcheck id>` (docs/import.md), a prefix records systems are asked not to use.
 */
export const GENERATED_REF_PREFIX = 'FC-';
