import { addLondonDays, londonWallTimeToInstant } from '$lib/domain/london-time';
import type { AuditQuery, AuditRow } from '$lib/domain/audit';
import type { Db } from '../db/connection';

/** Audit rows for the administrator's screen, newest first, filtered in SQL. */
export async function findAudit(db: Db, q: AuditQuery): Promise<AuditRow[]> {
	let query = db
		.selectFrom('audit')
		.leftJoin('users', 'users.id', 'audit.actor_id')
		.select([
			'audit.id',
			'audit.at',
			'audit.actor_id',
			'users.username',
			'audit.device_id',
			'audit.action',
			'audit.entity_id',
			'audit.outcome',
			'audit.detail',
			'audit.device_at',
			'audit.address',
			'audit.count'
		]);
	if (q.userId) query = query.where('audit.actor_id', '=', q.userId);
	if (q.subjectId) query = query.where('audit.entity_id', '=', q.subjectId);
	if (q.deviceId) query = query.where('audit.device_id', '=', q.deviceId);
	if (q.action) query = query.where('audit.action', '=', q.action);
	// London days, so "27 November" means the day as the station lived it, BST or GMT.
	if (q.from) {
		query = query.where('audit.at', '>=', londonWallTimeToInstant(q.from, '00:00').toISOString());
	}
	if (q.to) {
		const next = londonWallTimeToInstant(addLondonDays(q.to, 1), '00:00').toISOString();
		query = query.where('audit.at', '<', next);
	}
	const rows = await query
		.orderBy('audit.id', 'desc')
		.limit(q.limit ?? 1000)
		.execute();
	return rows.map((r) => ({
		id: Number(r.id),
		at: r.at,
		actorId: r.actor_id,
		actorName: r.username ?? null,
		deviceId: r.device_id,
		action: r.action,
		entityId: r.entity_id,
		outcome: r.outcome,
		detail: r.detail,
		deviceAt: r.device_at,
		address: r.address,
		count: Number(r.count)
	}));
}

const COLUMNS: (keyof AuditRow)[] = [
	'at',
	'actorName',
	'actorId',
	'deviceId',
	'action',
	'entityId',
	'outcome',
	'count',
	'deviceAt',
	'address',
	'detail'
];

/** RFC 4180 CSV; a cell starting = + - @ gets a leading ' so a spreadsheet never runs it. */
export function toCsv(rows: AuditRow[]): string {
	const cell = (v: unknown) => {
		let s = v === null || v === undefined ? '' : String(v);
		if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
		return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
	};
	const lines = rows.map((r) => COLUMNS.map((c) => cell(r[c])).join(','));
	return [COLUMNS.join(','), ...lines].join('\r\n') + '\r\n';
}

const FLAGGED = ['hash-mismatch', 'gap', 'fork', 'restarted'];

/** Visits with their chain verification and zone check, flagged ones only if asked. */
export async function visitIntegrity(db: Db, flaggedOnly: boolean, deviceId?: string) {
	let q = db
		.selectFrom('visits')
		.select([
			'id',
			'device_id',
			'officer_id',
			'subject_id',
			'received_at',
			'hash',
			'prev_hash',
			'chain_status',
			'sealed',
			'zone_check'
		]);
	if (flaggedOnly) q = q.where('chain_status', 'in', FLAGGED);
	if (deviceId) q = q.where('device_id', '=', deviceId);
	const rows = await q.orderBy('seq', 'desc').limit(500).execute();
	return rows.map((r) => ({
		id: r.id,
		deviceId: r.device_id,
		officerId: r.officer_id,
		subjectId: r.subject_id,
		receivedAt: r.received_at,
		hash: r.hash,
		prevHash: r.prev_hash,
		chainStatus: r.chain_status,
		sealed: r.sealed === 1,
		zoneCheck: r.zone_check ? (JSON.parse(r.zone_check) as unknown) : null
	}));
}
