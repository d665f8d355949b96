// Two app servers on one PostgreSQL database behind a tiny round-robin load balancer, for the
// two-server end-to-end test and bench:load (loopback only; never a production balancer).
// Needs FIELDCHECK_TEST_PG (scripts/with-pg.sh provides it); the database is created afresh.
// The balancer listens on PORT and sends each request to the next app server, passing over one
// that refuses the connection (as a real balancer's health check would); a test controls the
// app servers through POST /__cluster/{kill,start}/{0,1} on the balancer.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createServer as createNetServer } from 'node:net';
import pg from 'pg';
import { clusterDbUrl } from './two-servers-db.js';

const { admin, url: databaseUrl, name } = clusterDbUrl();
const port = Number(process.env.PORT);
const origin = `http://127.0.0.1:${port}`;

const client = new pg.Client({ connectionString: admin });
await client.connect();
await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
await client.query(`CREATE DATABASE ${name}`);
await client.end();

interface Backend {
	port: number;
	child: ChildProcess | null;
}

function freePort(): Promise<number> {
	return new Promise((resolve) => {
		const s = createNetServer().listen(0, '127.0.0.1', () => {
			const p = (s.address() as AddressInfo).port;
			s.close(() => resolve(p));
		});
	});
}

const backends = await Promise.all(
	[0, 1].map(async () => ({ port: await freePort(), child: null }))
);

async function start(b: Backend): Promise<void> {
	b.child = spawn(process.execPath, ['build/index.js'], {
		env: {
			...process.env,
			PORT: String(b.port),
			HOST: '127.0.0.1',
			ORIGIN: origin,
			DATABASE_URL: databaseUrl,
			FIELDCHECK_DEMO_SEED: '1',
			FIELDCHECK_SEED_SUBJECTS: process.env.FIELDCHECK_SEED_SUBJECTS ?? '60',
			BODY_SIZE_LIMIT: '5M'
		},
		stdio: ['ignore', 'inherit', 'inherit']
	});
	// A large demo seed (bench:load) takes minutes.
	for (let i = 0; i < 6000; i++) {
		try {
			if ((await fetch(`http://127.0.0.1:${b.port}/api/health`)).ok) return;
		} catch {
			// not up yet
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error('app server did not start');
}

function kill(b: Backend): Promise<void> {
	return new Promise((resolve) => {
		const child = b.child;
		if (!child || child.exitCode !== null || child.signalCode !== null) return resolve();
		child.once('exit', () => resolve());
		child.kill('SIGKILL');
	});
}

// Both start together on the empty database: migrations and the seed must run once.
await Promise.all(backends.map(start));

// Devices' connections are kept open 65 s (as a cloud balancer's idle timeout is), so a device's
// next request reuses its socket instead of connecting again. Towards the app servers, Node's
// global agent already keeps sockets alive (within the servers' own 5 s).
const KEEP_ALIVE_MS = 65_000;

let next = 0;
function forward(req: IncomingMessage, res: ServerResponse, body: Buffer, tries: number): void {
	const b = backends[next++ % backends.length]!;
	const out = request(
		{ host: '127.0.0.1', port: b.port, method: req.method, path: req.url, headers: req.headers },
		(answer) => {
			res.writeHead(answer.statusCode ?? 502, answer.headers);
			answer.pipe(res);
		}
	);
	out.on('error', (e: NodeJS.ErrnoException) => {
		// Refused: that server is down, try the other. Anything later is the client's to retry.
		if (e.code === 'ECONNREFUSED' && tries > 1 && !res.headersSent)
			forward(req, res, body, tries - 1);
		else res.destroy();
	});
	out.end(body);
}

const balancer = createServer(async (req, res) => {
	const control = /^\/__cluster\/(kill|start)\/([01])$/.exec(req.url ?? '');
	if (control && req.method === 'POST') {
		const b = backends[Number(control[2])]!;
		await (control[1] === 'kill' ? kill(b) : start(b));
		res.end('ok');
		return;
	}
	const chunks: Buffer[] = [];
	for await (const c of req) chunks.push(c);
	forward(req, res, Buffer.concat(chunks), backends.length);
});
balancer.keepAliveTimeout = KEEP_ALIVE_MS;
// Above the keep-alive, or a slow request's headers would be cut off first.
balancer.headersTimeout = KEEP_ALIVE_MS + 1000;
balancer.listen(port, '127.0.0.1');

for (const signal of ['SIGTERM', 'SIGINT']) {
	process.on(signal, async () => {
		await Promise.all(backends.map(kill));
		process.exit(0);
	});
}
