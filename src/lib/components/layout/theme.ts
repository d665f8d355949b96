const KEY = 'fieldcheck-theme';

export type Theme = 'dark' | 'light';

/** The theme is a display preference, not case data, so localStorage is the right home. */
export function storedTheme(): Theme {
	const stored = localStorage.getItem(KEY);
	return stored === 'light' || stored === 'dark' ? stored : 'dark';
}

export function applyStoredTheme(): Theme {
	const theme = storedTheme();
	document.documentElement.dataset.theme = theme;
	return theme;
}

export function setTheme(theme: Theme): void {
	localStorage.setItem(KEY, theme);
	document.documentElement.dataset.theme = theme;
}
