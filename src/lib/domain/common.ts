import { z } from 'zod';

/** Every record id is a UUID; visits and photos get theirs on the device, everything else on the server. */
export const idSchema = z.uuid();
export type Id = z.infer<typeof idSchema>;

/** A calendar date as the court or the rota writes it (Europe/London), YYYY-MM-DD. */
export const isoDateSchema = z.iso.date();

/** An instant, always with an explicit offset so it is never read in the wrong zone. */
export const instantSchema = z.iso.datetime({ offset: true });

/** A local wall-clock time in Europe/London, HH:MM 24-hour. */
export const localTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use HH:MM, 24-hour');

export const latLngSchema = z.strictObject({
	lat: z.number().min(-90).max(90),
	lon: z.number().min(-180).max(180)
});
export type LatLng = z.infer<typeof latLngSchema>;

/** ISO weekday numbers, Monday = 1 … Sunday = 7. */
export const weekdaySchema = z.number().int().min(1).max(7);

/** Short free text typed by people; bounded so a hostile client cannot fill the database. */
export const shortText = (max = 200) => z.string().trim().max(max);
export const longText = (max = 4000) => z.string().max(max);
