import { z } from 'zod';
import { dashboardSchema } from '$lib/domain/operation/dashboard';
import { briefingSchema } from '$lib/domain/operation/briefing';
import type { Shift } from '$lib/domain/operation/operational-day';
import {
	autoPlanSchema,
	planningListSchema,
	type AssignRequest,
	type AutoPlanRequest
} from '$lib/domain/operation/plan';
import { followUpListSchema, visitRecordSchema } from '$lib/domain/operation/visit-record';
import { request } from '../sync/api';

/** The station's operation API, each answer checked against the shared contract. */

export const planningList = (date: string, shift: Shift) =>
	request(`/api/operation/plan?${new URLSearchParams({ date, shift })}`, planningListSchema);

export const assign = (body: AssignRequest) =>
	request('/api/operation/assign', z.object({ crewId: z.string(), moved: z.number() }), {
		method: 'POST',
		body
	});

export const unassign = (subjectIds: string[], date: string) =>
	request('/api/operation/unassign', z.object({ removed: z.number() }), {
		method: 'POST',
		body: { subjectIds, date }
	});

export const autoPlan = (body: AutoPlanRequest) =>
	request('/api/operation/auto-plan', autoPlanSchema, { method: 'POST', body });

export const dashboard = (date: string, signal?: AbortSignal) =>
	request(`/api/operation/dashboard?${new URLSearchParams({ date })}`, dashboardSchema, { signal });

export const visitRecord = (id: string) =>
	request(`/api/operation/visits/${encodeURIComponent(id)}`, visitRecordSchema);

export const review = (id: string, comment: string) =>
	request(`/api/operation/visits/${encodeURIComponent(id)}/review`, z.unknown(), {
		method: 'POST',
		body: { comment }
	});

export const followUps = () => request('/api/operation/follow-ups', followUpListSchema);

export const dealtWith = (visitId: string, note: string) =>
	request(`/api/operation/follow-ups/${encodeURIComponent(visitId)}`, z.unknown(), {
		method: 'POST',
		body: { note }
	});

export const briefing = (date: string, shift: Shift) =>
	request(`/api/operation/briefing?${new URLSearchParams({ date, shift })}`, briefingSchema);

export const photoUrl = (id: string) => `/api/operation/photos/${encodeURIComponent(id)}`;

export const csvUrl = (from: string, to: string) =>
	`/api/operation/export.csv?${new URLSearchParams({ from, to })}`;
