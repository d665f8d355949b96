import { describe, expect, it } from 'vitest';
import { DEFAULT_PRIORITY_WEIGHT } from './route';
import { defaultRouteSettings } from './route-plan';
import { priorityChoiceOf, priorityChoices } from './route-priority';

describe('priorityChoiceOf', () => {
	it('maps each choice weight back to itself', () => {
		for (const c of priorityChoices) expect(priorityChoiceOf(c.weight)).toBe(c);
	});

	it('shows the default settings as Balanced', () => {
		expect(priorityChoiceOf(defaultRouteSettings.priorityWeight).label).toBe('Balanced');
		expect(priorityChoiceOf(DEFAULT_PRIORITY_WEIGHT).id).toBe('balanced');
	});

	it('maps a weight typed in before to the nearest choice', () => {
		expect(priorityChoiceOf(10).id).toBe('shortest');
		expect(priorityChoiceOf(150).id).toBe('balanced');
		expect(priorityChoiceOf(5000).id).toBe('urgent-first');
	});

	it('orders the choices from most to least weight on priority', () => {
		const weights = priorityChoices.map((c) => c.weight);
		expect(weights).toEqual([...weights].sort((a, b) => b - a));
	});
});
