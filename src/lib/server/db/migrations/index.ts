import type { Migration } from 'kysely';
import * as initial from './001-initial';
import * as visits from './002-visits';
import * as teamsIntake from './003-teams-intake';
import * as operations from './004-operations';
import * as deviceSecurity from './005-device-security';
import * as sharedState from './006-shared-state';
import * as h10StationIndexes from './009-h10-station-indexes';

/**
 * Every migration, in order. Listed statically (not read from disk) so they survive bundling
 * into the adapter-node build. Never edit a migration that has shipped: add the next one.
 */
export const migrations: Record<string, Migration> = {
	'001-initial': initial,
	'002-visits': visits,
	'003-teams-intake': teamsIntake,
	'004-operations': operations,
	'005-device-security': deviceSecurity,
	'006-shared-state': sharedState,
	'009-h10-station-indexes': h10StationIndexes
};
