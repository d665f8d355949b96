import Dexie, { type EntityTable } from 'dexie';
import type { SealedEnvelope } from '$lib/domain/sealed';
import type { SubjectBundle, TeamVisit } from '$lib/domain/caseload';
import type { Mutation } from '$lib/domain/sync';
import type { PhotoRef, Visit } from '$lib/domain/visit';
import type { VisitDraft } from '$lib/domain/visit-draft';
import { encryptionMiddleware } from './crypto/middleware';

/**
 * The device's copy of the officer's world. This folder is the only code that touches
 * IndexedDB (lint enforces it); every personal value is encrypted on its way down by the
 * middleware in ./crypto, and no index holds a personal value (see ./crypto/policy.ts).
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
	/** The latest visit by anyone on the team (when, by whom, result), from the caseload feed. */
	teamVisit?: TeamVisit;
}

export interface MetaEntry {
	key: string;
	value: unknown;
}

export type VisitState = 'saved' | 'sending' | 'sent' | 'rejected';

/** A finalised visit and where it stands. Never edited: corrections are new visits. */
export interface StoredVisit {
	id: string;
	subjectId: string;
	/** Shown in the outbox; stays on this device only. */
	subjectName: string;
	visit: Visit;
	state: VisitState;
	savedAt: string;
	receivedAt: string | null;
	rejection: { code: string; message: string } | null;
}

/** A mutation waiting for the server's acknowledgement, keyed by its per-device sequence. */
export interface OutboxEntry {
	seq: number;
	visitId: string;
	mutation: Mutation;
	queuedAt: string;
	attempts: number;
	lastError: string | null;
}

/** A photo kept as a Blob from the moment it is taken, and how much of it the server holds. */
export interface StoredPhoto extends PhotoRef {
	visitId: string;
	blob: Blob;
	takenAt: string;
	uploaded: number;
	complete: 0 | 1;
}

export interface StoredDraft {
	id: string;
	subjectId: string;
	updatedAt: string;
	draft: VisitDraft;
}

/**
 * A stored value that no longer parses (written by an older build, or damaged), kept aside
 * rather than used or thrown away: the officer is told, and a supervisor can recover it.
 */
export interface QuarantinedValue {
	id?: number;
	/** 'draft': a visit draft (key = its id); 'value': a meta value (key = its name). */
	kind: 'draft' | 'value';
	key: string;
	value: unknown;
	keptAt: string;
}

/** One downloaded piece of the offline area pack, in order from byte 0. */
export interface AreaPackChunk {
	index: number;
	offset: number;
	blob: Blob;
}

/** The area pack on this device: which version, and how much of it has arrived. */
export interface StoredAreaPack {
	sha256: string;
	bytes: number;
	updatedAt: string;
	/** The server's validator, sent back with every range so versions are never mixed. */
	etag: string;
	received: number;
	complete: boolean;
}

/**
 * A finalised visit sealed to the server's public key: unreadable on the device, kept through
 * every wipe, delivered after the next sign-in.
 */
export interface SealedItem {
	id: string;
	deviceId: string;
	envelope: SealedEnvelope;
	sealedAt: string;
}

/** Unlock, failed unlock, lock, wipe: recorded while the data key may be absent. */
export interface LockEvent {
	id?: number;
	kind: 'unlock' | 'unlock-failed' | 'lock' | 'wipe';
	at: string;
}

/** What the upgrade to encryption keeps: nothing personal, nothing tied to dropped rows. */
const KEPT_THROUGH_UPGRADE = new Set([
	'deviceId',
	'nextSeq',
	'lastPushAt',
	'areaPack',
	'mapConfig',
	'routeConfig'
]);

export class FieldcheckDatabase extends Dexie {
	subjects!: EntityTable<StoredSubject, 'id'>;
	meta!: EntityTable<MetaEntry, 'key'>;
	drafts!: EntityTable<StoredDraft, 'id'>;
	visits!: EntityTable<StoredVisit, 'id'>;
	outbox!: EntityTable<OutboxEntry, 'seq'>;
	photos!: EntityTable<StoredPhoto, 'id'>;
	areaPackChunks!: EntityTable<AreaPackChunk, 'index'>;
	quarantine!: EntityTable<QuarantinedValue, 'id'>;
	sealed!: EntityTable<SealedItem, 'id'>;
	lockEvents!: EntityTable<LockEvent, 'id'>;

	constructor(name = 'fieldcheck') {
		// Strict durability: "Saved on this device" may only be said once the data is on disk,
		// not merely handed to the OS (Chromium's default is relaxed).
		super(name, { chromeTransactionDurability: 'strict' });
		this.version(1).stores({
			subjects: 'id, sortKey, *tokens',
			meta: 'key'
		});
		this.version(2).stores({
			drafts: 'id, subjectId, updatedAt',
			visits: 'id, subjectId, state, savedAt',
			outbox: 'seq, visitId',
			photos: 'id, visitId, complete'
		});
		this.version(3).stores({
			areaPackChunks: 'index'
		});
		// Adds a table only: every existing table and row is kept as it is (tested).
		this.version(4).stores({
			quarantine: '++id, kind'
		});
		// Encryption at rest: names and postcodes leave the indexes, and whatever an older build
		// stored in the clear is dropped (an update never installs over unsent work).
		this.version(5)
			.stores({ subjects: 'id, leaving', sealed: 'id', lockEvents: '++id' })
			.upgrade(async (tx) => {
				for (const t of ['subjects', 'drafts', 'visits', 'outbox', 'photos', 'quarantine']) {
					await tx.table(t).clear();
				}
				// The caseload comes again from the start; the device keeps its sync identity.
				await tx
					.table('meta')
					.filter((m: MetaEntry) => !KEPT_THROUGH_UPGRADE.has(m.key))
					.delete();
			});
		// The first screen's copy became one row of list entries (lock-values.ts): the five rows
		// of whole subjects it replaces are never read again.
		this.version(6).upgrade(async (tx) => {
			await tx.table('meta').bulkDelete([0, 1, 2, 3, 4].map((i) => `caseloadScreen.${i}`));
		});
		this.use(encryptionMiddleware);
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
