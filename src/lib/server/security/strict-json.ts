/**
 * JSON.parse keeps the last of two equal keys, so `{"officerId":"a","officerId":"b"}` would mean
 * one thing to a checker that saw the first and another to the code that used the second.
 * This scan of already-valid JSON text finds the first key repeated within one object.
 */
const QUOTE_OR_BACKSLASH = /["\\]/g;

export function duplicateKey(text: string): string | null {
	const stack: { keys: Set<string> | null; expectKey: boolean }[] = [];
	let i = 0;
	while (i < text.length) {
		const c = text.charCodeAt(i);
		if (c === 0x22) {
			// A string: jump to its closing quote, skipping escapes.
			let j = i + 1;
			let escaped = false;
			for (;;) {
				QUOTE_OR_BACKSLASH.lastIndex = j;
				const m = QUOTE_OR_BACKSLASH.exec(text);
				if (!m) return null;
				if (m[0] === '\\') {
					escaped = true;
					j = m.index + 2;
					continue;
				}
				j = m.index;
				break;
			}
			const top = stack[stack.length - 1];
			if (top?.keys && top.expectKey) {
				const raw = text.slice(i, j + 1);
				const key = escaped ? (JSON.parse(raw) as string) : raw.slice(1, -1);
				if (top.keys.has(key)) return key;
				top.keys.add(key);
				top.expectKey = false;
			}
			i = j + 1;
			continue;
		}
		if (c === 0x7b) stack.push({ keys: new Set(), expectKey: true });
		else if (c === 0x5b) stack.push({ keys: null, expectKey: false });
		else if (c === 0x7d || c === 0x5d) stack.pop();
		else if (c === 0x2c) {
			const top = stack[stack.length - 1];
			if (top?.keys) top.expectKey = true;
		}
		i++;
	}
	return null;
}
