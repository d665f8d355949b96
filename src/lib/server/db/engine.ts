import {
	PostgresAdapter,
	sql,
	type ColumnDefinitionBuilderCallback,
	type Kysely,
	type RawBuilder
} from 'kysely';

/**
 * Which database engine a Kysely instance (or a transaction of it) talks to: for the few places
 * where SQL must differ between SQLite and PostgreSQL. Everything else is the same Kysely code.
 */
export type Engine = 'sqlite' | 'postgres';

// Migrations see Kysely<any>; everything else a Db.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function engineOf(db: Kysely<any>): Engine {
	return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/** The larger of two numbers: SQLite's two-argument max() is GREATEST() on PostgreSQL. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function greatest(db: Kysely<any>, a: RawBuilder<unknown>, b: RawBuilder<unknown>) {
	return engineOf(db) === 'postgres'
		? sql<number>`greatest(${a}, ${b})`
		: sql<number>`max(${a}, ${b})`;
}

/**
 * An auto-numbered integer primary key, for `.addColumn('id', ...serialId(db))`: SQLite's
 * INTEGER PRIMARY KEY AUTOINCREMENT is PostgreSQL's serial.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function serialId(db: Kysely<any>): ['serial' | 'integer', ColumnDefinitionBuilderCallback] {
	return engineOf(db) === 'postgres'
		? ['serial', (c) => c.primaryKey()]
		: ['integer', (c) => c.primaryKey().autoIncrement()];
}
