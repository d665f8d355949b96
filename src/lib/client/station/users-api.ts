import { z } from 'zod';
import {
	userSummarySchema,
	usersResponseSchema,
	type CreateUser,
	type UpdateUser
} from '$lib/domain/admin-users';
import { teamSchema } from '$lib/domain/user';
import { request } from '../sync/api';

/** The users screen's calls: station only, online, straight to the server. */

export function loadUsers() {
	return request('/api/admin/users', usersResponseSchema);
}

export function createUser(body: CreateUser) {
	return request('/api/admin/users', z.object({ user: z.unknown() }), { method: 'POST', body });
}

export function updateUser(id: string, body: UpdateUser) {
	return request(`/api/admin/users/${id}`, z.object({ user: userSummarySchema }), {
		method: 'PATCH',
		body
	});
}

export function resetPassword(id: string, password: string) {
	return request(`/api/admin/users/${id}/password`, z.object({ ok: z.literal(true) }), {
		method: 'POST',
		body: { password }
	});
}

export function createTeam(name: string) {
	return request('/api/admin/teams', z.object({ team: teamSchema }), {
		method: 'POST',
		body: { name }
	});
}
