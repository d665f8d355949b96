import Sqlite from 'better-sqlite3';
import { expect, request, type APIRequestContext, type Page } from '@playwright/test';
import { E2E_DB_PATH } from './db-path.js';

/** Waits until the service worker controls the page, so the app shell is cached. */
export async function waitForServiceWorker(page: Page): Promise<void> {
	await page.waitForFunction(async () => {
		const reg = await navigator.serviceWorker.ready;
		return reg.active !== null && navigator.serviceWorker.controller !== null;
	});
}

/** An API client signed in as the demo supervisor, for arranging server-side changes. */
export async function supervisorApi(baseURL: string): Promise<APIRequestContext> {
	const api = await request.newContext({ baseURL });
	const res = await api.post('/api/auth/login', {
		data: { username: 'sergeant', password: 'demo-sergeant' }
	});
	expect(res.status()).toBe(200);
	return api;
}

/** Reads the end-to-end server's own SQLite file: the ground truth for "exactly once". */
export function serverDb<T>(read: (db: Sqlite.Database) => T): T {
	const db = new Sqlite(E2E_DB_PATH, { readonly: true, fileMustExist: true });
	try {
		return read(db);
	} finally {
		db.close();
	}
}
