/**
 * Candidate lists: for each item, its k nearest others. Good moves almost always join an item to
 * one of its near neighbours, so searching only those turns O(n²) neighbourhoods into O(n·k).
 */
export interface NeighbourLists {
	k: number;
	/** Row-major: the neighbours of i, nearest first, are list[i * k .. i * k + k). */
	list: Int32Array;
}

export function nearestNeighbours(
	count: number,
	k: number,
	distance: (i: number, j: number) => number
): NeighbourLists {
	const width = Math.max(0, Math.min(k, count - 1));
	const list = new Int32Array(count * width);
	const others: number[] = [];
	const key = new Float64Array(count);
	for (let i = 0; i < count; i++) {
		others.length = 0;
		for (let j = 0; j < count; j++) {
			if (j === i) continue;
			key[j] = distance(i, j);
			others.push(j);
		}
		// Index breaks ties so the lists, and so the search, never depend on sort stability.
		others.sort((a, b) => key[a]! - key[b]! || a - b);
		for (let x = 0; x < width; x++) list[i * width + x] = others[x]!;
	}
	return { k: width, list };
}
