import { readFileSync } from 'node:fs';
import type { TestClient } from './client';

const EXAMPLES = new URL('../../static/import-examples/', import.meta.url);

export function example(name: string): Uint8Array {
	return new Uint8Array(readFileSync(new URL(name, EXAMPLES)));
}

export const clean = () => ({
	subjects: example('subjects.csv'),
	addresses: example('addresses.csv'),
	orders: example('orders.csv'),
	conditions: example('conditions.csv')
});

export interface Report {
	ok: boolean;
	applied: boolean;
	issues: { file: string; row: number; column: string | null; problem: string }[];
	counts: Record<string, { create: number; update: number; unchanged: number }>;
}

/** POSTs CSV files to the import route as multipart/form-data. */
export async function importFiles(
	client: TestClient,
	teamId: string,
	files: Record<string, Uint8Array | string>,
	mode: 'dry-run' | 'apply' = 'dry-run'
): Promise<{ status: number; body: Report }> {
	const form = new FormData();
	for (const [name, data] of Object.entries(files)) {
		form.append(name, new Blob([data as BlobPart], { type: 'text/csv' }), `${name}.csv`);
	}
	return client.json<Report>(`/api/admin/import?mode=${mode}&teamId=${teamId}`, {
		method: 'POST',
		// SvelteKit refuses cross-site form posts: a browser sends its Origin, so do we.
		headers: { origin: client.base },
		body: form
	});
}
