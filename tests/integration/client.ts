/** A minimal cookie-keeping HTTP client, one per signed-in user. */
export class TestClient {
	#cookie = '';

	constructor(readonly base: string) {}

	/** The same session, talking to another server (sessions live in the shared database). */
	on(base: string): TestClient {
		const other = new TestClient(base);
		other.#cookie = this.#cookie;
		return other;
	}

	async fetch(path: string, init: RequestInit = {}): Promise<Response> {
		const headers = new Headers(init.headers);
		if (this.#cookie) headers.set('cookie', this.#cookie);
		const res = await fetch(this.base + path, { ...init, headers, redirect: 'manual' });
		const set = res.headers.get('set-cookie');
		if (set) {
			const [pair] = set.split(';');
			this.#cookie = pair?.endsWith('=') ? '' : (pair ?? '');
		}
		return res;
	}

	async json<T = unknown>(
		path: string,
		init: RequestInit = {}
	): Promise<{ status: number; body: T }> {
		const res = await this.fetch(path, init);
		return { status: res.status, body: (await res.json()) as T };
	}

	post(path: string, body: unknown, method = 'POST') {
		return this.json(path, {
			method,
			headers: { 'content-type': 'application/json' },
			body: typeof body === 'string' ? body : JSON.stringify(body)
		});
	}

	async signIn(username: string, password: string): Promise<void> {
		const res = await this.post('/api/auth/login', { username, password });
		if (res.status !== 200) throw new Error(`sign-in as ${username} failed: ${res.status}`);
	}
}

export const DEMO = {
	officer1: ['officer1', 'demo-officer-1'],
	officer2: ['officer2', 'demo-officer-2'],
	officer3: ['officer3', 'demo-officer-3'],
	sergeant: ['sergeant', 'demo-sergeant'],
	admin: ['admin', 'demo-admin']
} as const;
