import { readFileSync, readdirSync } from 'node:fs';

/**
 * CPU seconds (user + system) used so far by a process and all its descendants, from /proc
 * (Linux only). A benchmark on a shared machine reports where CPU went per component, which
 * says more about capacity than latency does when the cores are oversubscribed.
 */
const TICKS_PER_S = 100; // USER_HZ: 100 on every Linux we run on

interface Stat {
	pid: number;
	ppid: number;
	cpuS: number;
	/** utime + stime only: this process's own threads, without its ended children. */
	ownS: number;
	cmdline: string;
}

function readStats(): Stat[] {
	const out: Stat[] = [];
	for (const name of readdirSync('/proc')) {
		if (!/^\d+$/.test(name)) continue;
		try {
			const raw = readFileSync(`/proc/${name}/stat`, 'utf8');
			// The command name is in parentheses and may hold spaces: fields count from its end.
			const fields = raw.slice(raw.lastIndexOf(')') + 2).split(' ');
			const ppid = Number(fields[1]);
			// utime + stime, and cutime + cstime: children that ended (PostgreSQL's backends) count.
			const own = Number(fields[11]) + Number(fields[12]);
			const ticks = own + Number(fields[13]) + Number(fields[14]);
			const cmdline = readFileSync(`/proc/${name}/cmdline`, 'utf8').replaceAll('\0', ' ');
			out.push({
				pid: Number(name),
				ppid,
				cpuS: ticks / TICKS_PER_S,
				ownS: own / TICKS_PER_S,
				cmdline
			});
		} catch {
			// The process ended while we read it.
		}
	}
	return out;
}

/** CPU seconds of the process tree under `root` (inclusive), alive processes only. */
export function treeCpuSeconds(root: number): number {
	const stats = readStats();
	const children = new Map<number, Stat[]>();
	for (const s of stats) children.set(s.ppid, [...(children.get(s.ppid) ?? []), s]);
	let total = 0;
	const stack = stats.filter((s) => s.pid === root);
	while (stack.length > 0) {
		const s = stack.pop()!;
		total += s.cpuS;
		stack.push(...(children.get(s.pid) ?? []));
	}
	return total;
}

/** CPU seconds of one process's own threads (not its children). */
export function ownCpuSeconds(pid: number): number {
	return readStats().find((s) => s.pid === pid)?.ownS ?? 0;
}

/** The PostgreSQL postmaster listening on `port` (its command line carries `-p <port>`). */
export function postmasterPid(port: number): number | undefined {
	return readStats().find(
		(s) => /\bpostgres\b/.test(s.cmdline) && s.cmdline.includes(`-p ${port} `)
	)?.pid;
}

/** Busy CPU seconds of the whole machine so far (all cores), from /proc/stat. */
export function machineBusySeconds(): number {
	const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
	const [, user, nice, system, , , irq, softirq, steal] = line.trim().split(/\s+/).map(Number);
	return (
		((user ?? 0) + (nice ?? 0) + (system ?? 0) + (irq ?? 0) + (softirq ?? 0) + (steal ?? 0)) /
		TICKS_PER_S
	);
}
