import type uPlotType from 'uplot';

/**
 * Bar (and multi-line) charts on uPlot, imported on first use so only station pages ever load it. The x axis is
 * the category index; its tick labels are the category names.
 */
export interface ChartData {
	labels: string[];
	series: { label: string; colour: string; values: number[] }[];
}

export interface ChartHandle {
	update(data: ChartData): void;
	destroy(): void;
}

export async function barChart(
	el: HTMLElement,
	title: string,
	data: ChartData
): Promise<ChartHandle> {
	const [{ default: uPlot }] = await Promise.all([
		import('uplot'),
		import('uplot/dist/uPlot.min.css')
	]);
	let labels = data.labels;
	const n = Math.max(1, data.series.length);
	const css = getComputedStyle(document.documentElement);
	const text = css.getPropertyValue('--text').trim() || '#000';
	const grid = css.getPropertyValue('--border').trim() || '#ccc';
	const width = Math.max(280, el.clientWidth || 480);
	// Slanted when the labels would run into each other (officers' names on a 300 px chart).
	const longest = Math.max(0, ...labels.map((l) => l.length));
	const crowded = labels.length > 8 || longest * 7 > (width - 60) / Math.max(1, labels.length);
	const opts: uPlotType.Options = {
		title: undefined,
		width,
		height: 220,
		legend: { show: n > 1 },
		scales: { x: { time: false, range: (_u, min, max) => [min - 0.6, max + 0.6] } },
		axes: [
			{
				stroke: text,
				grid: { show: false },
				values: (_u, splits) => splits.map((i) => labels[Math.round(i)] ?? ''),
				splits: () => labels.map((_, i) => i),
				rotate: crowded ? -45 : 0,
				size: crowded ? Math.min(120, 24 + longest * 5) : 40
			},
			{ stroke: text, grid: { stroke: grid, width: 1 } }
		],
		series: [
			{ label: title },
			...data.series.map((s) =>
				// One series: bars. Several (outcomes by hour): a line each, easier to compare.
				n === 1
					? {
							label: s.label,
							stroke: s.colour,
							fill: s.colour,
							paths: uPlot.paths.bars!({ size: [0.7, 80], gap: 2 }),
							points: { show: false }
						}
					: { label: s.label, stroke: s.colour, width: 2, points: { show: true, size: 5 } }
			)
		]
	};
	const toData = (d: ChartData): uPlotType.AlignedData => [
		d.labels.map((_, i) => i),
		...d.series.map((s) => s.values)
	];
	const plot = new uPlot(opts, toData(data), el);
	const resize = new ResizeObserver(() =>
		plot.setSize({ width: Math.max(280, el.clientWidth), height: 220 })
	);
	resize.observe(el);
	return {
		update(d) {
			labels = d.labels;
			plot.setData(toData(d));
		},
		destroy() {
			resize.disconnect();
			plot.destroy();
		}
	};
}
