import { describe, expect, it } from 'vitest';
import { photoFailureMessage, photoFailureReason } from './photo-failure';

describe('photoFailureReason', () => {
	it('names a full device, an oversized photo, a finalised visit and an unreadable file', () => {
		const quota = Object.assign(new Error('full'), { name: 'QuotaExceededError' });
		expect(photoFailureReason(quota)).toBe('the device is out of storage space');
		expect(photoFailureReason(new Error('photo-too-large'))).toMatch(/too large/);
		expect(photoFailureReason(new Error('This visit has already been finalised'))).toMatch(
			/already been finalised/
		);
		expect(photoFailureReason(new DOMException('bad', 'InvalidStateError'))).toMatch(
			/not an image/
		);
		expect(photoFailureReason('?')).toBe('it could not be read or saved');
	});
});

describe('photoFailureMessage', () => {
	it('is null when every photo was added', () => {
		expect(photoFailureMessage(8, [])).toBeNull();
	});

	it('counts and names each photo that was not added', () => {
		expect(
			photoFailureMessage(8, [
				{ name: 'a.heic', reason: 'it is not an image this device can read' }
			])
		).toBe(
			'1 of 8 photos were not added: a.heic (it is not an image this device can read). The others are saved.'
		);
		expect(photoFailureMessage(1, [{ name: 'b.jpg', reason: 'x' }])).toBe(
			'The photo was not added: b.jpg (x).'
		);
	});
});
