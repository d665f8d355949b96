/**
 * `npm run bench:import`: 10,000 subjects × 2 addresses × 1 order × 4 conditions as the four
 * import CSVs, imported into a fresh SQLite file: the dry run, then the import. Next to it, in
 * the same run, a raw bulk insert of the same rows (Papa Parse, then better-sqlite3 prepared
 * INSERTs in one transaction, no validation): what any importer must at least do. Prints JSON
 * lines, then the figures against the targets (dry run + import ≤ 15 s and ≤ 2× raw), and the
 * peak RSS. Wall time and this process's CPU time are both given: on a shared machine the wall
 * time of a phase grows with other work's load, its CPU time much less. A benchmark, not a
 * test: exits 0 when a target is missed.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { connect, openSqlite } from '$lib/server/db/connection';
import * as teams from '$lib/server/db/teams';
import { runImport } from '$lib/server/intake/import/run';

const SUBJECTS = Number(process.env.BENCH_SUBJECTS || 10_000);
const TARGETS = { totalMs: 15_000, vsRaw: 2 };
const emit = (line: Record<string, unknown>) => console.log(JSON.stringify(line));

function csvFiles(n: number) {
	const s = [
		'subject_ref,given_name,family_name,aliases,date_of_birth,risk,warnings,wanted_reason,wanted_ref'
	];
	const a = ['address_ref,subject_ref,kind,line1,line2,town,postcode,lat,lon,access_notes'];
	const o = ['order_ref,subject_ref,type,issuer,starts,expires,status'];
	const c = [
		'condition_ref,order_ref,type,wording,protected_person_ref,direct,indirect,zone_label,zone_lat,zone_lon,zone_radius_m,zone_polygon,protected_premises,address_ref,start,end,days,station,tag,requirement'
	];
	for (let i = 0; i < n; i++) {
		const ref = `S${i}`;
		const lat = (52 + (i % 100) / 1000).toFixed(4);
		const lon = (-0.5 + (i % 97) / 1000).toFixed(4);
		s.push(
			`${ref},Given${i},Family${i},Alias${i},${String((i % 28) + 1).padStart(2, '0')}/0${(i % 9) + 1}/1985,high,violence;drugs,,`
		);
		a.push(`A${i}H,${ref},home,${i} Example Road,,Bedford,MK40 1AA,${lat},${lon},`);
		a.push(
			`A${i}C,${ref},curfew,Flat ${i},1 Sample Street,Kempston,MK42 8ZZ,${lat},${lon},Side door`
		);
		o.push(`O${i},${ref},DAPO,Bedford Family Court,01/10/2026,,active`);
		c.push(
			`C${i}-1,O${i},no-contact,Must not contact the protected person.,PP-7K2Q9,yes,yes,,,,,,,,,,,,,`
		);
		c.push(
			`C${i}-2,O${i},exclusion-zone,Must not enter the zone.,,,,Zone ${i},${lat},${lon},200,,no,,,,,,,`
		);
		c.push(
			`C${i}-3,O${i},curfew,Must remain at the curfew address.,,,,,,,,,,A${i}C,19:00,07:00,,,,`
		);
		c.push(`C${i}-4,O${i},other,Must not drive.,,,,,,,,,,,,,,,,`);
	}
	const bytes = (lines: string[]) => new TextEncoder().encode(lines.join('\r\n') + '\r\n');
	return { subjects: bytes(s), addresses: bytes(a), orders: bytes(o), conditions: bytes(c) };
}

/** The baseline: parse and insert the same rows with no checks at all. */
function rawInsert(path: string, files: ReturnType<typeof csvFiles>): void {
	const raw = openSqlite(path);
	raw.exec(`CREATE TABLE subjects (id TEXT PRIMARY KEY, data TEXT); CREATE TABLE addresses (id TEXT PRIMARY KEY, subject_id TEXT, data TEXT);
		CREATE TABLE orders (id TEXT PRIMARY KEY, subject_id TEXT, data TEXT); CREATE TABLE refs (kind TEXT, reference TEXT, id TEXT, PRIMARY KEY (kind, reference));`);
	const text = (b: Uint8Array) => new TextDecoder().decode(b);
	const rows = (b: Uint8Array) =>
		Papa.parse<Record<string, string>>(text(b), { header: true, skipEmptyLines: true }).data;
	const ids = new Map<string, string>();
	const ref = raw.prepare('INSERT INTO refs VALUES (?, ?, ?)');
	const idOf = (kind: string, r: string) => {
		let id = ids.get(`${kind}|${r}`);
		if (!id) {
			id = randomUUID();
			ids.set(`${kind}|${r}`, id);
			ref.run(kind, r, id);
		}
		return id;
	};
	raw.transaction(() => {
		const s = raw.prepare('INSERT INTO subjects VALUES (?, ?)');
		for (const r of rows(files.subjects)) s.run(idOf('subject', r.subject_ref!), JSON.stringify(r));
		const a = raw.prepare('INSERT INTO addresses VALUES (?, ?, ?)');
		for (const r of rows(files.addresses))
			a.run(idOf('address', r.address_ref!), idOf('subject', r.subject_ref!), JSON.stringify(r));
		const conditions = new Map<string, Record<string, string>[]>();
		for (const r of rows(files.conditions)) {
			idOf('condition', r.condition_ref!);
			const list = conditions.get(r.order_ref!) ?? [];
			list.push(r);
			conditions.set(r.order_ref!, list);
		}
		const o = raw.prepare('INSERT INTO orders VALUES (?, ?, ?)');
		for (const r of rows(files.orders))
			o.run(
				idOf('order', r.order_ref!),
				idOf('subject', r.subject_ref!),
				JSON.stringify({ ...r, conditions: conditions.get(r.order_ref!) })
			);
	})();
	raw.close();
}

const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS || 3));
/** CPU time of this process so far (main thread and the GC's helpers), in ms. */
const cpuMs = () => {
	const { user, system } = process.cpuUsage();
	return (user + system) / 1000;
};
const median = (xs: number[]) => {
	const s = [...xs].sort((a, b) => a - b);
	return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

const dir = mkdtempSync(join(tmpdir(), 'fieldcheck-bench-import-'));
try {
	const files = csvFiles(SUBJECTS);
	const mb = Object.values(files).reduce((n, b) => n + b.byteLength, 0) / 1024 / 1024;
	emit({
		metric: 'input',
		subjects: SUBJECTS,
		megabytes: Math.round(mb * 10) / 10,
		rounds: ROUNDS
	});
	const raws: number[] = [];
	const dries: number[] = [];
	const imports: number[] = [];
	const cpu = { raw: [] as number[], dry: [] as number[], import: [] as number[] };
	let heapAfterImportMb = 0;
	// Rounds alternate baseline and import on fresh files, so machine load hits both alike.
	for (let round = 1; round <= ROUNDS; round++) {
		(globalThis as { gc?: () => void }).gc?.();
		let t = performance.now();
		let c = cpuMs();
		rawInsert(join(dir, `raw-${round}.db`), files);
		raws.push(performance.now() - t);
		cpu.raw.push(cpuMs() - c);
		emit({
			metric: 'raw-bulk-insert',
			round,
			ms: Math.round(raws.at(-1)!),
			cpuMs: Math.round(cpu.raw.at(-1)!)
		});

		(globalThis as { gc?: () => void }).gc?.();
		const db = await connect(`sqlite:${join(dir, `import-${round}.db`)}`);
		const teamId = randomUUID();
		await teams.insert(db, { id: teamId, name: 'Bench team' });
		const actorId = randomUUID();
		t = performance.now();
		c = cpuMs();
		const dry = await runImport(db, files, { teamId, actorId, apply: false });
		dries.push(performance.now() - t);
		cpu.dry.push(cpuMs() - c);
		emit({
			metric: 'dry-run',
			round,
			ms: Math.round(dries.at(-1)!),
			cpuMs: Math.round(cpu.dry.at(-1)!),
			ok: dry.ok
		});
		t = performance.now();
		c = cpuMs();
		const applied = await runImport(db, files, { teamId, actorId, apply: true });
		imports.push(performance.now() - t);
		cpu.import.push(cpuMs() - c);
		emit({
			metric: 'import',
			round,
			ms: Math.round(imports.at(-1)!),
			cpuMs: Math.round(cpu.import.at(-1)!),
			applied: applied.applied,
			counts: applied.counts.subjects
		});
		(globalThis as { gc?: () => void }).gc?.();
		heapAfterImportMb = Math.round(process.memoryUsage().heapUsed / 1024 / 1024);
		await db.destroy();
	}

	const rawMs = median(raws);
	const dryMs = median(dries);
	const importMs = median(imports);
	const totalMs = median(dries.map((d, i) => d + imports[i]!));
	const ratio = median(dries.map((d, i) => (d + imports[i]!) / raws[i]!));
	const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
	const cpuTotal = median(cpu.dry.map((d, i) => d + cpu.import[i]!));
	const cpuRatio = median(cpu.dry.map((d, i) => (d + cpu.import[i]!) / cpu.raw[i]!));
	const check = (ok: boolean) => (ok ? 'met' : 'MISSED');
	console.log(
		[
			`bench:import  ${SUBJECTS} subjects (${mb.toFixed(1)} MB of CSV), medians of ${ROUNDS} rounds, load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores`,
			`  dry run ${Math.round(dryMs)} ms + import ${Math.round(importMs)} ms; together ${Math.round(totalMs)} ms (target ≤ ${TARGETS.totalMs} ms: ${check(totalMs <= TARGETS.totalMs)})`,
			`  raw bulk insert of the same rows ${Math.round(rawMs)} ms; ratio ${ratio.toFixed(2)}× (target ≤ ${TARGETS.vsRaw}×: ${check(ratio <= TARGETS.vsRaw)})`,
			`  CPU time: dry run ${Math.round(median(cpu.dry))} ms + import ${Math.round(median(cpu.import))} ms = ${Math.round(cpuTotal)} ms; raw ${Math.round(median(cpu.raw))} ms; ratio ${cpuRatio.toFixed(2)}×`,
			`  peak RSS ${peakRssMb} MB (whole process: input files, baseline and import, all rounds); JS heap in use after the last import ${heapAfterImportMb} MB`
		].join('\n')
	);
} finally {
	rmSync(dir, { recursive: true, force: true });
}
