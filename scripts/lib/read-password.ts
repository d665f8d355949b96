import { createInterface } from 'node:readline';

/** The first line of a non-terminal stdin (a pipe or a file). */
async function firstLine(): Promise<string> {
	const rl = createInterface({ input: process.stdin, terminal: false });
	for await (const line of rl) {
		rl.close();
		return line;
	}
	return '';
}

/** One line typed on the terminal without echoing it. */
function hidden(prompt: string): Promise<string> {
	return new Promise((resolve, reject) => {
		const stdin = process.stdin;
		process.stderr.write(prompt);
		stdin.setRawMode(true);
		stdin.resume();
		stdin.setEncoding('utf8');
		let value = '';
		const onData = (chunk: string) => {
			for (const ch of chunk) {
				if (ch === '\r' || ch === '\n') {
					stdin.setRawMode(false);
					stdin.pause();
					stdin.off('data', onData);
					process.stderr.write('\n');
					return resolve(value);
				}
				if (ch === '\u0003') {
					stdin.setRawMode(false);
					return reject(new Error('Cancelled'));
				}
				if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
				else value += ch;
			}
		};
		stdin.on('data', onData);
	});
}

/** Twice on a terminal (they must match); otherwise the first line of standard input. */
export async function readPassword(): Promise<string> {
	if (!process.stdin.isTTY) return firstLine();
	const first = await hidden('Password: ');
	const second = await hidden('Password again: ');
	if (first !== second) {
		console.error('The two passwords differ.');
		process.exit(1);
	}
	return first;
}
