import type { CaseloadPage, SubjectBundle } from '$lib/domain/caseload';
import { PROTOCOL_VERSION } from '$lib/domain/protocol';
import { mutationSchema, pushRequestSchema, type MutationResult } from '$lib/domain/sync';

/**
 * A scripted stand-in for the server's sync endpoints, for unit tests of the client's sync
 * code: it is handed to the code under test as `fetch` (vi.stubGlobal), so our own modules run
 * unchanged. Push follows the protocol (in order per device: applied, duplicate for a replay,
 * deferred after a gap) unless a test scripts otherwise; the caseload feed serves `pages` by
 * cursor. It refuses to answer more than `maxRequests` times, so a client that loops for ever
 * fails its test instead of hanging it.
 */
export class FakeSyncServer {
	lastAppliedSeq = 0;
	/** The `seq`s of each push, in the order they arrived. */
	readonly pushes: number[][] = [];
	/** The caseload requests, as `cursor|limit`. */
	readonly pulls: string[] = [];
	/** Overrides the protocol for a push (e.g. to defer everything). */
	answerPush: ((seqs: number[]) => MutationResult[]) | null = null;
	/** Answers with no connection from the n-th request on (1-based), until cleared. */
	offlineFrom: number | null = null;
	#requests = 0;

	/** Caseload pages keyed by the cursor they answer (the first by ''). */
	constructor(
		readonly pages: Map<string, CaseloadPage> = new Map(),
		readonly maxRequests = 50
	) {}

	readonly fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
		this.#requests += 1;
		if (this.#requests > this.maxRequests) {
			return Response.json(
				{ error: { code: 'too-many-requests', message: 'the client kept asking' } },
				{ status: 429 }
			);
		}
		if (this.offlineFrom !== null && this.#requests >= this.offlineFrom) {
			throw new TypeError('Failed to fetch');
		}
		const url = new URL(String(input), 'http://device.test');
		if (url.pathname === '/api/sync/push') return this.#push(JSON.parse(String(init?.body)));
		if (url.pathname === '/api/caseload') return this.#pull(url);
		return Response.json({ error: { code: 'not-found', message: url.pathname } }, { status: 404 });
	};

	#push(body: unknown): Response {
		const request = pushRequestSchema.parse(body);
		const seqs = request.mutations.map((m) => mutationSchema.parse(m).seq);
		this.pushes.push(seqs);
		const results = this.answerPush ? this.answerPush(seqs) : seqs.map((seq) => this.#apply(seq));
		return Response.json({
			protocolVersion: PROTOCOL_VERSION,
			lastAppliedSeq: this.lastAppliedSeq,
			results
		});
	}

	#apply(seq: number): MutationResult {
		const receivedAt = '2026-11-27T12:00:00.000Z';
		if (seq <= this.lastAppliedSeq) return { seq, status: 'duplicate', receivedAt };
		if (seq > this.lastAppliedSeq + 1) {
			return { seq, status: 'deferred', code: 'sequence-gap', message: 'missing earlier' };
		}
		this.lastAppliedSeq = seq;
		return { seq, status: 'applied', receivedAt };
	}

	#pull(url: URL): Response {
		const cursor = url.searchParams.get('cursor') ?? '';
		this.pulls.push(`${cursor}|${url.searchParams.get('limit')}`);
		const page = this.pages.get(cursor);
		if (!page) {
			return Response.json({ error: { code: 'bad-cursor', message: cursor } }, { status: 400 });
		}
		return Response.json(page);
	}
}

/** A caseload page from the feed, empty unless told otherwise. */
export function feedPage(cursor: string, over: Partial<CaseloadPage> = {}): CaseloadPage {
	return {
		protocolVersion: PROTOCOL_VERSION,
		cursor,
		serverTime: '2026-11-27T18:00:00.000Z',
		bundles: [],
		removed: { subjectIds: [], orderIds: [] },
		receipts: [],
		remaining: 0,
		hasMore: false,
		...over
	};
}

/** Pages serving `bundles` in pages of `size`, chained by cursor 'p1', 'p2'… */
export function feedOf(bundles: SubjectBundle[], size: number): Map<string, CaseloadPage> {
	const pages = new Map<string, CaseloadPage>();
	let from = '';
	for (let i = 0, k = 1; i < bundles.length || k === 1; i += size, k++) {
		const cursor = `p${k}`;
		const rest = bundles.length - (i + size);
		pages.set(
			from,
			feedPage(cursor, {
				bundles: bundles.slice(i, i + size),
				remaining: Math.max(0, rest),
				hasMore: rest > 0
			})
		);
		from = cursor;
	}
	return pages;
}
