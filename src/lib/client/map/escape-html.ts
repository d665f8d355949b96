/** Text for Leaflet's HTML slots (attribution, popups): a configured string is never markup. */
export function escapeHtml(s: string): string {
	return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
