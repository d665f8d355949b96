/**
 * Map labels that would overlap on a small screen. Labels that must always show (exclusion
 * zones, WANTED) are placed first; each optional label (an address name) is hidden when it
 * would overlap one already placed. The side panel still lists every address.
 */
export interface LabelBox {
	left: number;
	top: number;
	right: number;
	bottom: number;
	/** Always shown, whatever it overlaps. */
	required: boolean;
}

const overlaps = (a: LabelBox, b: LabelBox) =>
	a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** Indices of the optional labels to hide, in a stable, order-preserving way. */
export function labelsToHide(boxes: readonly LabelBox[]): Set<number> {
	const placed: LabelBox[] = boxes.filter((b) => b.required);
	const hidden = new Set<number>();
	boxes.forEach((b, i) => {
		if (b.required) return;
		if (placed.some((p) => overlaps(p, b))) hidden.add(i);
		else placed.push(b);
	});
	return hidden;
}

/** Applies labelsToHide to the tooltips drawn in a map container. */
export function declutterLabels(container: HTMLElement): void {
	const tips = [...container.querySelectorAll<HTMLElement>('.leaflet-tooltip')];
	const boxes = tips.map((el) => {
		el.classList.remove('fc-label-hidden');
		const r = el.getBoundingClientRect();
		const required = el.querySelector('.fc-address-label') === null;
		return { left: r.left, top: r.top, right: r.right, bottom: r.bottom, required };
	});
	for (const i of labelsToHide(boxes)) tips[i]!.classList.add('fc-label-hidden');
}
