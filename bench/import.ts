/**
 * `npm run bench:import`: 10,000 subjects × 2 addresses × 1 order × 4 conditions as the four
 * import CSVs, imported into a fresh SQLite file: the dry run, then the import. Next to it, in
 * the same run, a raw bulk insert of the same rows (Papa Parse, then better-sqlite3 prepared
 * INSERTs in one transaction, no validation): what any importer must at least do. Prints JSON
 * lines, then the figures against the targets (dry run + import ≤ 15 s and ≤ 2× raw), and the
 * peak RSS of each (baseline and import run in processes of their own) and how far each grew
 * above its resident memory before it started. Wall time and this process's CPU time are both
 * given: on a shared machine the wall time of a phase grows with other work's load, its CPU
 * time much less. A benchmark, not a test: exits 0 when a target is missed.
 */
import { randomUUID } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
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
const gc = () => (globalThis as { gc?: () => void }).gc?.();
/** CPU time of this process so far (main thread and the GC's helpers), in ms. */
const cpuMs = () => {
	const { user, system } = process.cpuUsage();
	return (user + system) / 1000;
};
const mbOf = (bytes: number) => Math.round(bytes / 1024 / 1024);
const median = (xs: number[]) => {
	const s = [...xs].sort((a, b) => a - b);
	return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

interface Timed {
	ms: number;
	cpuMs: number;
}
interface PhaseResult {
	phase: 'raw' | 'import';
	round: number;
	/** raw: the bulk insert; import: the dry run and the import. */
	steps: Timed[];
	/** This process's resident memory once the input files are made, and its high-water mark. */
	rssBeforeMb: number;
	peakRssMb: number;
}

async function timed<T>(fn: () => Promise<T> | T): Promise<Timed & { value: T }> {
	const t = performance.now();
	const c = cpuMs();
	const value = await fn();
	return { ms: performance.now() - t, cpuMs: cpuMs() - c, value };
}

/**
 * One phase in a process of its own, so each has its own peak RSS: the import's memory is not
 * hidden behind (or blamed on) the baseline's. The dry run and the import share one process,
 * as they share the server.
 */
async function runPhase(phase: 'raw' | 'import', round: number, dir: string): Promise<PhaseResult> {
	const files = csvFiles(SUBJECTS);
	gc();
	const rssBeforeMb = mbOf(process.memoryUsage().rss);
	const steps: Timed[] = [];
	if (phase === 'raw') {
		const { ms, cpuMs } = await timed(() => rawInsert(join(dir, `raw-${round}.db`), files));
		steps.push({ ms, cpuMs });
	} else {
		const db = await connect(`sqlite:${join(dir, `import-${round}.db`)}`);
		const teamId = randomUUID();
		await teams.insert(db, { id: teamId, name: 'Bench team' });
		const actorId = randomUUID();
		const dry = await timed(() => runImport(db, files, { teamId, actorId, apply: false }));
		const applied = await timed(() => runImport(db, files, { teamId, actorId, apply: true }));
		if (
			!dry.value.ok ||
			!applied.value.applied ||
			applied.value.counts.subjects.create !== SUBJECTS
		)
			throw new Error(`The import did not write all ${SUBJECTS} subjects`);
		steps.push(dry, applied);
		await db.destroy();
	}
	const peakRssMb = mbOf(process.resourceUsage().maxRSS * 1024);
	return {
		phase,
		round,
		steps: steps.map(({ ms, cpuMs }) => ({ ms, cpuMs })),
		rssBeforeMb,
		peakRssMb
	};
}

function child(phase: 'raw' | 'import', round: number, dir: string): PhaseResult {
	const out = spawnSync(
		process.execPath,
		[...process.execArgv, fileURLToPath(import.meta.url), phase, String(round), dir],
		{ stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' }
	);
	if (out.status !== 0) throw new Error(`bench:import ${phase} round ${round} failed`);
	return JSON.parse(out.stdout.trim().split('\n').at(-1)!) as PhaseResult;
}

const [phaseArg, roundArg, dirArg] = process.argv.slice(2);
if (phaseArg === 'raw' || phaseArg === 'import') {
	console.log(JSON.stringify(await runPhase(phaseArg, Number(roundArg), dirArg!)));
} else {
	const dir = mkdtempSync(join(tmpdir(), 'fieldcheck-bench-import-'));
	try {
		const mb =
			Object.values(csvFiles(SUBJECTS)).reduce((n, b) => n + b.byteLength, 0) / 1024 / 1024;
		emit({
			metric: 'input',
			subjects: SUBJECTS,
			megabytes: Math.round(mb * 10) / 10,
			rounds: ROUNDS
		});
		const raws: PhaseResult[] = [];
		const imports: PhaseResult[] = [];
		// Rounds alternate baseline and import on fresh files, so machine load hits both alike.
		for (let round = 1; round <= ROUNDS; round++) {
			const raw = child('raw', round, dir);
			raws.push(raw);
			emit({
				metric: 'raw-bulk-insert',
				round,
				ms: Math.round(raw.steps[0]!.ms),
				cpuMs: Math.round(raw.steps[0]!.cpuMs),
				peakRssMb: raw.peakRssMb
			});
			const imp = child('import', round, dir);
			imports.push(imp);
			const [dry, applied] = imp.steps as [Timed, Timed];
			emit({ metric: 'dry-run', round, ms: Math.round(dry.ms), cpuMs: Math.round(dry.cpuMs) });
			emit({
				metric: 'import',
				round,
				ms: Math.round(applied.ms),
				cpuMs: Math.round(applied.cpuMs),
				peakRssMb: imp.peakRssMb
			});
		}
		const med = (of: PhaseResult[], pick: (r: PhaseResult) => number) => median(of.map(pick));
		const total = (r: PhaseResult, k: keyof Timed) => r.steps[0]![k] + r.steps[1]![k];
		const ratio = (k: keyof Timed) =>
			median(imports.map((r, i) => total(r, k) / raws[i]!.steps[0]![k]));
		const totalMs = med(imports, (r) => total(r, 'ms'));
		const growth = (r: PhaseResult) => r.peakRssMb - r.rssBeforeMb;
		const ms = (n: number) => `${Math.round(n)} ms`;
		const check = (ok: boolean) => (ok ? 'met' : 'MISSED');
		console.log(
			[
				`bench:import  ${SUBJECTS} subjects (${mb.toFixed(1)} MB of CSV), medians of ${ROUNDS} rounds, load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores`,
				`  dry run ${ms(med(imports, (r) => r.steps[0]!.ms))} + import ${ms(med(imports, (r) => r.steps[1]!.ms))}; together ${ms(totalMs)} (target ≤ ${TARGETS.totalMs} ms: ${check(totalMs <= TARGETS.totalMs)})`,
				`  raw bulk insert of the same rows ${ms(med(raws, (r) => r.steps[0]!.ms))}; ratio ${ratio('ms').toFixed(2)}× (target ≤ ${TARGETS.vsRaw}×: ${check(ratio('ms') <= TARGETS.vsRaw)})`,
				`  CPU time: dry run ${ms(med(imports, (r) => r.steps[0]!.cpuMs))} + import ${ms(med(imports, (r) => r.steps[1]!.cpuMs))}; raw ${ms(med(raws, (r) => r.steps[0]!.cpuMs))}; ratio ${ratio('cpuMs').toFixed(2)}×`,
				`  peak RSS: dry run + import ${med(imports, (r) => r.peakRssMb)} MB, raw bulk insert ${med(raws, (r) => r.peakRssMb)} MB (each its own process; ${med(imports, (r) => r.rssBeforeMb)} MB resident before either starts, input files made)`,
				`  RSS growth (peak − resident before, each process its own): dry run + import ${med(imports, growth)} MB, raw bulk insert ${med(raws, growth)} MB`
			].join('\n')
		);
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}
