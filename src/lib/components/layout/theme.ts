const KEY = 'fieldcheck-theme';

export type Theme = 'dark' | 'light';

/** The theme is a display preference, not case data, so localStorage is the right home. */
export function applyStoredTheme(): Theme {
	const stored = localStorage.getItem(KEY);
	const theme: Theme = stored === 'light' || stored === 'dark' ? stored : 'dark';
	document.documentElement.dataset.theme = theme;
	return theme;
}

export function setTheme(theme: Theme): void {
	localStorage.setItem(KEY, theme);
	document.documentElement.dataset.theme = theme;
}
