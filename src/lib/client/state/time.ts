/**
 * The current instant as an ISO string, for timestamps stored with records. Lives outside the
 * rune files, where a bare `new Date()` reads like reactive state that should be a SvelteDate.
 */
export function nowIso(): string {
	return new Date().toISOString();
}
