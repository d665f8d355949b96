import { z } from 'zod';
import { idSchema } from '$lib/domain/common';
import { importFiles, MAX_IMPORT_FILE_BYTES, type ImportFile } from '$lib/domain/import-templates';
import { requireUser } from '$lib/server/auth/guard';
import * as teams from '$lib/server/db/teams';
import { runImport } from '$lib/server/intake/import/run';
import { db } from '$lib/server/context';
import { ApiFailure, handler, noStore, parseWith } from '$lib/server/http';
import type { RequestHandler } from './$types';

const querySchema = z.strictObject({
	mode: z.enum(['dry-run', 'apply']),
	/** New subjects go to this team; subjects already held keep theirs. */
	teamId: idSchema
});

/**
 * multipart/form-data with up to four CSV files (subjects, addresses, orders, conditions).
 * `mode=dry-run` only reports; `mode=apply` re-checks and writes a clean run in one transaction.
 */
export const POST: RequestHandler = handler(async ({ locals, request, url }) => {
	const actor = requireUser(locals, 'administrator');
	const query = parseWith(querySchema, Object.fromEntries(url.searchParams), 'invalid-query');
	const database = await db();
	if (!(await teams.findById(database, query.teamId))) {
		throw new ApiFailure(422, 'unknown-team', 'No such team');
	}
	let form: FormData;
	try {
		form = await request.formData();
	} catch {
		throw new ApiFailure(400, 'invalid-body', 'Send the CSV files as multipart/form-data');
	}
	const files: Partial<Record<ImportFile, Uint8Array>> = {};
	for (const name of importFiles) {
		const part = form.get(name);
		if (!(part instanceof File)) continue;
		if (part.size > MAX_IMPORT_FILE_BYTES) {
			throw new ApiFailure(
				413,
				'body-too-large',
				`${name}.csv is ${Math.round(part.size / 1024 / 1024)} MB; the limit is ${MAX_IMPORT_FILE_BYTES / 1024 / 1024} MB per file`
			);
		}
		files[name] = new Uint8Array(await part.arrayBuffer());
	}
	if (Object.keys(files).length === 0) {
		throw new ApiFailure(400, 'invalid-body', 'Choose at least one CSV file');
	}
	const report = await runImport(database, files, {
		teamId: query.teamId,
		actorId: actor.id,
		apply: query.mode === 'apply'
	});
	return noStore(report, report.ok ? 200 : 422);
});
