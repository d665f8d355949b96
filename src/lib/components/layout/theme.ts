const KEY = 'fieldcheck-theme';

export type Theme = 'dark' | 'light';

const deviceQuery = () => matchMedia('(prefers-color-scheme: light)');

/** The officer's own choice, if they have made one. A display preference, so localStorage. */
export function chosenTheme(): Theme | null {
	const stored = localStorage.getItem(KEY);
	return stored === 'light' || stored === 'dark' ? stored : null;
}

/** What is shown: the officer's choice, else what the device is set to. */
export function currentTheme(): Theme {
	return chosenTheme() ?? (deviceQuery().matches ? 'light' : 'dark');
}

/**
 * Applies the theme now and follows the device's setting until the officer chooses one.
 * Returns a function that stops following.
 */
export function applyTheme(onchange?: (theme: Theme) => void): () => void {
	const show = () => {
		const theme = currentTheme();
		document.documentElement.dataset.theme = theme;
		onchange?.(theme);
	};
	show();
	const query = deviceQuery();
	query.addEventListener('change', show);
	return () => query.removeEventListener('change', show);
}

export function setTheme(theme: Theme): void {
	localStorage.setItem(KEY, theme);
	document.documentElement.dataset.theme = theme;
}
