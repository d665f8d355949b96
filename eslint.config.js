import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

/** Layer rules: each message names the layer to use instead. */
const dexieOnlyInDb = {
	name: 'dexie',
	message: 'Only src/lib/client/db touches IndexedDB: call a function from $lib/client/db instead.'
};
const noServerInClient = {
	group: ['$lib/server/*', '**/server/*'],
	message: 'Browser code cannot import server code: go through an /api/ route.'
};
const noClientInDomain = {
	group: [
		'$lib/client/*',
		'$lib/server/*',
		'$lib/components/*',
		'svelte',
		'svelte/*',
		'$app/*',
		'dexie'
	],
	message:
		'src/lib/domain is the pure shared contract: no client, server, Svelte or storage imports.'
};
/** Data reaches the screen one way: the Live rune wrapper over db/live.ts (see README). */
const liveOnlyThroughState = {
	group: ['$lib/client/db/live', '**/db/live'],
	message:
		'Read live data through Live or LiveByKey from $lib/client/state/live.svelte, not db/live directly.'
};
const liveQueryOnlyInLive = {
	name: 'dexie',
	importNames: ['liveQuery'],
	message: 'liveQuery has one door: watch() in src/lib/client/db/live.ts.'
};
const noDbInUi = {
	group: ['$lib/client/db/*', '$lib/server/*'],
	message:
		'Components and routes read data through $lib/client/state (rune classes), not the database.'
};

export default ts.config(
	{
		ignores: [
			'build/',
			'.svelte-kit/',
			'node_modules/',
			'data/',
			'test-results/',
			'playwright-report/',
			'bench/results/'
		]
	},
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			'no-undef': 'off',
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_' }
			]
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	{
		files: ['src/**/*.{ts,svelte}'],
		ignores: ['src/lib/client/db/**'],
		rules: { 'no-restricted-imports': ['error', { paths: [dexieOnlyInDb] }] }
	},
	{
		files: ['src/lib/domain/**'],
		rules: {
			'no-restricted-imports': ['error', { paths: [dexieOnlyInDb], patterns: [noClientInDomain] }]
		}
	},
	{
		files: ['src/lib/client/**', 'src/lib/components/**', 'src/service-worker/**'],
		rules: {
			'no-restricted-imports': [
				'error',
				{ paths: [dexieOnlyInDb], patterns: [noServerInClient, liveOnlyThroughState] }
			]
		}
	},
	{
		files: ['src/lib/client/state/live.svelte.ts'],
		rules: {
			'no-restricted-imports': ['error', { paths: [dexieOnlyInDb], patterns: [noServerInClient] }]
		}
	},
	{
		files: ['src/lib/client/db/**'],
		ignores: ['src/lib/client/db/live.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{ paths: [liveQueryOnlyInLive], patterns: [noServerInClient] }
			]
		}
	},
	{
		files: ['src/lib/client/db/live.ts'],
		rules: { 'no-restricted-imports': ['error', { patterns: [noServerInClient] }] }
	},
	{
		files: ['src/lib/components/**', 'src/routes/**/*.svelte'],
		rules: {
			'no-restricted-imports': [
				'error',
				{ paths: [dexieOnlyInDb], patterns: [noDbInUi, liveOnlyThroughState] }
			]
		}
	}
);
