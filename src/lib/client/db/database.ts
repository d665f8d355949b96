import Dexie, { type EntityTable } from 'dexie';
import type { SubjectBundle } from '$lib/domain/caseload';

/**
 * The device's copy of the officer's world. This folder is the only code that touches
 * IndexedDB (lint enforces it), so encryption at rest can later wrap it in one place.
 */
export interface StoredSubject {
	id: string;
	bundle: SubjectBundle;
	/** Priority first, then wanted, then risk, then name: the caseload's default order. */
	sortKey: string;
	/** Lower-cased words of names, aliases and postcodes, for prefix search. */
	tokens: string[];
	/** Unassigned on the server, kept until its pending visits are acknowledged. */
	leaving: 0 | 1;
}

export interface MetaEntry {
	key: string;
	value: unknown;
}

export class FieldcheckDatabase extends Dexie {
	subjects!: EntityTable<StoredSubject, 'id'>;
	meta!: EntityTable<MetaEntry, 'key'>;

	constructor(name = 'fieldcheck') {
		super(name);
		this.version(1).stores({
			subjects: 'id, sortKey, *tokens',
			meta: 'key'
		});
	}
}

let instance: FieldcheckDatabase | undefined;

/** The shared connection; tests pass their own name to get an isolated database. */
export function database(): FieldcheckDatabase {
	instance ??= new FieldcheckDatabase();
	return instance;
}

export function useDatabase(db: FieldcheckDatabase): void {
	instance = db;
}
