import type { Role } from '$lib/domain/user';

/**
 * The station's header links (supervisors and administrators), one array for every station
 * screen. A link is shown only to the roles that can use the screen behind it, so no role is
 * led to a dead end. Pages pass `href` to `resolve(href as '/station')`: `resolve` is typed
 * per route and cannot take a union, and every path here is a real route.
 */
export const stationLinks: { href: string; label: string; roles: Role[] }[] = [
	{ href: '/station/operation/plan', label: 'Plan', roles: ['supervisor', 'administrator'] },
	{
		href: '/station/operation/dashboard',
		label: 'Dashboard',
		roles: ['supervisor', 'administrator']
	},
	{
		href: '/station/operation/briefing',
		label: 'Briefing',
		roles: ['supervisor', 'administrator']
	},
	{
		href: '/station/operation/follow-ups',
		label: 'Follow-ups',
		roles: ['supervisor', 'administrator']
	},
	{ href: '/station/operation/export', label: 'Export', roles: ['supervisor', 'administrator'] },
	{ href: '/station/team', label: 'Team', roles: ['supervisor', 'administrator'] },
	{ href: '/station/subjects', label: 'Subjects', roles: ['supervisor', 'administrator'] },
	{
		href: '/station/protected-persons',
		label: 'Protected persons',
		roles: ['supervisor', 'administrator']
	},
	{ href: '/station/devices', label: 'Devices', roles: ['supervisor', 'administrator'] },
	{
		href: '/station/devices/quarantine',
		label: 'Quarantine',
		roles: ['supervisor', 'administrator']
	},
	{ href: '/station/import', label: 'Import', roles: ['administrator'] },
	{ href: '/station/users', label: 'Users', roles: ['administrator'] },
	{ href: '/station/audit', label: 'Audit', roles: ['administrator'] }
];

export function linksFor(role: Role | undefined): typeof stationLinks {
	return role ? stationLinks.filter((l) => l.roles.includes(role)) : [];
}

/** The station path prefix: officers are never sent here, station users never leave it. */
export function isStationPath(pathname: string): boolean {
	return pathname === '/station' || pathname.startsWith('/station/');
}
