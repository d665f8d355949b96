import { describe, expect, it } from 'vitest';
import { duplicateKey } from './strict-json';

describe('duplicateKey', () => {
	it('finds a key repeated in one object, at any depth', () => {
		expect(duplicateKey('{"a":1,"a":2}')).toBe('a');
		expect(duplicateKey('{"v":{"officerId":"x","notes":"y","officerId":"z"}}')).toBe('officerId');
		expect(duplicateKey('[{"a":1},{"b":[{"c":1,"c":1}]}]')).toBe('c');
		expect(duplicateKey('{"a\\u0062":1,"ab":2}')).toBe('ab');
	});

	it('allows equal keys in different objects and keys that appear as values', () => {
		expect(duplicateKey('[{"a":1},{"a":2}]')).toBeNull();
		expect(duplicateKey('{"a":"a","b":{"a":"b"},"c":["a","a"]}')).toBeNull();
		expect(duplicateKey('{"a":"quote \\" and , { [","b":1}')).toBeNull();
		expect(duplicateKey('"plain"')).toBeNull();
	});
});
