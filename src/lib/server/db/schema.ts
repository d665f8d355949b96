import type { ColumnType, Generated } from 'kysely';

/**
 * Table shapes as Kysely sees them. JSON documents are stored as TEXT here; on PostgreSQL they
 * become jsonb without changing the repositories, which only ever read and write strings.
 */
export interface UsersTable {
	id: string;
	username: string;
	display_name: string;
	collar_number: string | null;
	role: 'officer' | 'supervisor' | 'administrator';
	password_hash: string;
	disabled: number;
	created_at: string;
	team_id: string | null;
	must_change_password: number;
}

export interface TeamsTable {
	id: string;
	name: string;
	created_at: string;
}

export interface SessionsTable {
	token_hash: string;
	user_id: string;
	created_at: string;
	expires_at: string;
	device_id: ColumnType<string | null, string | null | undefined, string | null>;
	last_seen_at: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface SignInThrottleTable {
	key: string;
	window_start: string;
	failures: number;
}

export interface CountersTable {
	name: string;
	value: number;
}

export interface SubjectsTable {
	id: string;
	family_name: string;
	risk: string;
	data: string;
	seq: number;
	team_id: string | null;
	search: string;
}

export interface AddressesTable {
	id: string;
	subject_id: string;
	data: string;
}

export interface OrdersTable {
	id: string;
	subject_id: string;
	status: string;
	version: number;
	data: string;
}

export interface AssignmentsTable {
	id: string;
	subject_id: string;
	officer_id: string;
	date: string;
	operation: string | null;
	priority: number;
	active: number;
	seq: number;
	updated_at: string;
	crew_id: ColumnType<string | null, string | null | undefined, string | null>;
	shift: ColumnType<string | null, string | null | undefined, string | null>;
	delivered_at: ColumnType<string | null, string | null | undefined, string | null>;
	route_order: ColumnType<number | null, number | null | undefined, number | null>;
	planned_arrival: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface CrewsTable {
	id: string;
	date: string;
	shift: string;
	operation: string | null;
	officer_id: string;
	second_officer_id: string | null;
	planned_minutes: number | null;
	created_by: string;
	created_at: string;
}

export interface VisitReviewsTable {
	visit_id: string;
	reviewer_id: string;
	comment: string;
	reviewed_at: string;
}

export interface FollowUpsTable {
	visit_id: string;
	subject_id: string;
	opened_at: string;
	condition_types: string;
	dealt_with_at: string | null;
	dealt_with_by: string | null;
	note: string | null;
}

export interface VisitOutcomesTable {
	visit_id: string;
	subject_id: string;
	officer_id: string;
	second_officer_id: string | null;
	op_date: string;
	started_at: string;
	received_at: string;
	result: string;
	/** Comma-separated condition types found in breach; empty when none. */
	breach_types: string;
	arrest_ref: string | null;
	safeguarding: number;
	lat: number | null;
	lon: number | null;
	accuracy_m: number | null;
	amends: string | null;
}

export interface SubjectLastVisitsTable {
	subject_id: string;
	visit_id: string;
	officer_id: string;
	started_at: string;
	result: string;
	seq: number;
}

export interface AuditTable {
	id: Generated<number>;
	at: string;
	actor_id: string | null;
	device_id: string | null;
	action: string;
	entity_id: string | null;
	outcome: string;
	detail: ColumnType<string | null, string | null | undefined, string | null>;
	device_at: ColumnType<string | null, string | null | undefined, string | null>;
	address: ColumnType<string | null, string | null | undefined, string | null>;
	count: ColumnType<number, number | undefined, number>;
	agg_key: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface DevicesTable {
	id: string;
	user_id: string;
	last_seq: number;
	registered_at: string;
	revoked_at: string | null;
	name: ColumnType<string | null, string | null | undefined, string | null>;
	user_agent: ColumnType<string | null, string | null | undefined, string | null>;
	last_seen_at: ColumnType<string | null, string | null | undefined, string | null>;
	revoke_reason: ColumnType<string | null, string | null | undefined, string | null>;
	revoked_by: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface VisitsTable {
	id: string;
	mutation_id: string;
	device_id: string;
	device_seq: number;
	officer_id: string;
	subject_id: string;
	address_id: string;
	amends: string | null;
	started_at: string;
	result: string;
	seq: number;
	received_at: string;
	data: string;
	hash: ColumnType<string | null, string | null | undefined, string | null>;
	prev_hash: ColumnType<string | null, string | null | undefined, string | null>;
	chain_status: ColumnType<string | null, string | null | undefined, string | null>;
	zone_check: ColumnType<string | null, string | null | undefined, string | null>;
	sealed: ColumnType<number, number | undefined, number>;
}

export interface MutationOutcomesTable {
	device_id: string;
	seq: number;
	mutation_id: string | null;
	visit_id: string | null;
	/** 'applied' only for mutations that leave no visit row (device audit entries). */
	status: 'rejected' | 'duplicate' | 'applied';
	code: string | null;
	message: string | null;
	at: string;
}

export interface PhotoBlobsTable {
	sha256: string;
	bytes: number;
	data: Buffer;
	stored_at: string;
}

export interface PhotosTable {
	id: string;
	sha256: string;
	bytes: number;
	mime_type: string;
	received: ColumnType<number, number | undefined, number>;
	completed_at: string | null;
	seq: number | null;
	created_at: string;
}

export interface VisitPhotosTable {
	visit_id: string;
	photo_id: string;
}

export interface PhotoChunksTable {
	photo_id: string;
	offset: number;
	data: Buffer;
}

export interface ServerKeysTable {
	kid: string;
	purpose: string;
	public_jwk: string;
	private_jwk: string;
	created_at: string;
}

export interface ServerSecretsTable {
	name: string;
	value: string;
	created_at: string;
}

export interface QuarantineTable {
	visit_id: string;
	device_id: string;
	officer_id: string;
	delivered_by: string;
	reason: string;
	payload: string;
	received_at: string;
	status: 'pending' | 'applied' | 'dismissed';
	decided_by: string | null;
	decided_at: string | null;
	decision_code: string | null;
}

export interface RecordRefsTable {
	kind: 'subject' | 'address' | 'order' | 'condition';
	reference: string;
	id: string;
}

export interface OrderVersionsTable {
	order_id: string;
	version: number;
	status: string;
	data: string;
	recorded_at: string;
	recorded_by: string | null;
}

export interface ProtectedPersonsTable {
	reference: string;
	team_id: string | null;
	premises: string | null;
	updated_at: string;
}

export interface RecordChangesTable {
	id: Generated<number>;
	at: string;
	actor_id: string | null;
	entity: string;
	entity_id: string;
	action: string;
	before: string | null;
	after: string | null;
}

export interface Database {
	users: UsersTable;
	sessions: SessionsTable;
	counters: CountersTable;
	subjects: SubjectsTable;
	addresses: AddressesTable;
	orders: OrdersTable;
	assignments: AssignmentsTable;
	audit: AuditTable;
	devices: DevicesTable;
	visits: VisitsTable;
	mutation_outcomes: MutationOutcomesTable;
	photo_blobs: PhotoBlobsTable;
	photos: PhotosTable;
	visit_photos: VisitPhotosTable;
	photo_chunks: PhotoChunksTable;
	teams: TeamsTable;
	record_refs: RecordRefsTable;
	order_versions: OrderVersionsTable;
	protected_persons: ProtectedPersonsTable;
	record_changes: RecordChangesTable;
	crews: CrewsTable;
	visit_reviews: VisitReviewsTable;
	follow_ups: FollowUpsTable;
	visit_outcomes: VisitOutcomesTable;
	subject_last_visits: SubjectLastVisitsTable;
	sign_in_throttle: SignInThrottleTable;
	server_keys: ServerKeysTable;
	server_secrets: ServerSecretsTable;
	quarantine: QuarantineTable;
}
