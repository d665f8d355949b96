import type { ImportFile, ImportReport } from '$lib/domain/import-templates';
import { apiErrorSchema } from '$lib/domain/errors';

/**
 * Sends the chosen CSV files for a dry run or an import. XMLHttpRequest rather than fetch:
 * it reports upload progress, which a large file needs.
 */
export function sendImport(
	files: Partial<Record<ImportFile, File>>,
	opts: { teamId: string; mode: 'dry-run' | 'apply'; onProgress: (fraction: number) => void }
): Promise<ImportReport> {
	const form = new FormData();
	for (const [name, file] of Object.entries(files)) if (file) form.append(name, file);
	return new Promise((resolve, reject) => {
		const xhr = new XMLHttpRequest();
		xhr.open('POST', `/api/admin/import?mode=${opts.mode}&teamId=${opts.teamId}`);
		xhr.upload.onprogress = (e) => e.lengthComputable && opts.onProgress(e.loaded / e.total);
		xhr.onerror = () => reject(new Error('No connection to the server'));
		xhr.onload = () => {
			let body: unknown;
			try {
				body = JSON.parse(xhr.responseText);
			} catch {
				return reject(new Error(`The server answered ${xhr.status}`));
			}
			const failure = apiErrorSchema.safeParse(body);
			if (failure.success) return reject(new Error(failure.data.error.message));
			resolve(body as ImportReport);
		};
		xhr.send(form);
	});
}
