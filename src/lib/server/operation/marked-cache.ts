import type { Db } from '../db/connection';

/**
 * What a station read keeps between draws: per database and key (a team, a day), the value with
 * the mark it was read at. A mark is a cheap summary of the rows behind the value (counts and
 * sums of change sequences), so an unchanged mark means the value can be handed out again
 * instead of re-reading thousands of rows; each user says why its mark is sound.
 */
export function markedCache<T>(keep = 8) {
	const held = new WeakMap<Db, Map<string, { mark: string; value: T }>>();
	return async (db: Db, key: string, mark: string, read: () => Promise<T>): Promise<T> => {
		let entries = held.get(db);
		if (!entries) held.set(db, (entries = new Map()));
		const kept = entries.get(key);
		if (kept && kept.mark === mark) return kept.value;
		const value = await read();
		if (!kept && entries.size >= keep) entries.delete(entries.keys().next().value!);
		entries.set(key, { mark, value });
		return value;
	};
}
