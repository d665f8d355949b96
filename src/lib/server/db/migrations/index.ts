import type { Migration } from 'kysely';
import * as initial from './001-initial';
import * as visits from './002-visits';
import * as deviceSecurity from './005-device-security';

/**
 * Every migration, in order. Listed statically (not read from disk) so they survive bundling
 * into the adapter-node build. Never edit a migration that has shipped: add the next one.
 */
export const migrations: Record<string, Migration> = {
	'001-initial': initial,
	'002-visits': visits,
	'005-device-security': deviceSecurity
};
