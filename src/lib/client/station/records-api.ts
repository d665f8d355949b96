import { z } from 'zod';
import {
	orderVersionSchema,
	subjectHitSchema,
	subjectRecordSchema,
	type OrderInput,
	type SubjectInput
} from '$lib/domain/intake';
import { mapConfigSchema } from '$lib/domain/map-config';
import { orderSchema } from '$lib/domain/order';
import { protectedPersonSchema, type ProtectedPersonInput } from '$lib/domain/protected-person';
import { teamSchema } from '$lib/domain/user';
import { request } from '../sync/api';

/** The subjects and orders screens' calls: station only, online, straight to the server. */

export function search(q: string) {
	const query = new URLSearchParams({ q });
	return request(`/api/admin/subjects?${query}`, z.object({ subjects: z.array(subjectHitSchema) }));
}

export function load(id: string) {
	return request(`/api/admin/subjects/${id}`, subjectRecordSchema);
}

export function save(input: SubjectInput, id: string | null) {
	return request(id ? `/api/admin/subjects/${id}` : '/api/admin/subjects', subjectRecordSchema, {
		method: id ? 'PUT' : 'POST',
		body: input
	});
}

const orderResponse = z.object({ order: orderSchema });

export function createOrder(subjectId: string, input: OrderInput) {
	return request(`/api/admin/subjects/${subjectId}/orders`, orderResponse, {
		method: 'POST',
		body: input
	});
}

export function varyOrder(orderId: string, input: OrderInput) {
	return request(`/api/admin/orders/${orderId}/versions`, orderResponse, {
		method: 'POST',
		body: input
	});
}

export function endOrder(orderId: string, status: 'discharged' | 'expired', date: string) {
	return request(`/api/admin/orders/${orderId}/end`, orderResponse, {
		method: 'POST',
		body: { status, date }
	});
}

export function versions(orderId: string) {
	return request(
		`/api/admin/orders/${orderId}/versions`,
		z.object({ versions: z.array(orderVersionSchema) })
	);
}

export function teams() {
	return request('/api/admin/teams', z.object({ teams: z.array(teamSchema) }));
}

export function mapConfig() {
	return request('/api/map/config', mapConfigSchema);
}

const protectedPersonResponse = z.object({ protectedPerson: protectedPersonSchema });

export function protectedPersons() {
	return request(
		'/api/admin/protected-persons',
		z.object({ protectedPersons: z.array(protectedPersonSchema) })
	);
}

export function saveProtectedPerson(input: ProtectedPersonInput, mode: 'create' | 'update') {
	return request(
		mode === 'create'
			? '/api/admin/protected-persons'
			: `/api/admin/protected-persons/${input.reference}`,
		protectedPersonResponse,
		{ method: mode === 'create' ? 'POST' : 'PUT', body: input }
	);
}
