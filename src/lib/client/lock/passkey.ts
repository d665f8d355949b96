import type { PasskeySecret } from '../db/unlock-store';

/**
 * A passkey on the device's own authenticator (fingerprint, face, device PIN) used only as a
 * key: its WebAuthn PRF output, which only that passkey can produce after user verification,
 * wraps the data key. Nothing is sent to the server, so the challenge is local and random.
 */
const random = (n: number) => crypto.getRandomValues(new Uint8Array(n));

interface PrfResults {
	enabled?: boolean;
	results?: { first?: BufferSource };
}

function prfOf(cred: Credential | null): PrfResults | undefined {
	const pk = cred as PublicKeyCredential | null;
	return (pk?.getClientExtensionResults() as { prf?: PrfResults } | undefined)?.prf;
}

export async function platformAuthenticatorAvailable(): Promise<boolean> {
	try {
		return (
			typeof PublicKeyCredential !== 'undefined' &&
			(await PublicKeyCredential.isUserVerifyingPlatformAuthenticatorAvailable())
		);
	} catch {
		return false;
	}
}

/** The PRF output of an existing passkey, after the officer verifies on the device. */
export async function prfOutput(
	credentialId: Uint8Array<ArrayBuffer>,
	prfSalt: Uint8Array<ArrayBuffer>
): Promise<BufferSource> {
	const cred = await navigator.credentials.get({
		publicKey: {
			challenge: random(32),
			allowCredentials: [{ type: 'public-key', id: credentialId }],
			userVerification: 'required',
			timeout: 60_000,
			extensions: { prf: { eval: { first: prfSalt } } } as AuthenticationExtensionsClientInputs
		}
	});
	const first = prfOf(cred)?.results?.first;
	if (!first) throw new Error('passkey-without-prf');
	return first;
}

/** Creates the passkey, or null when this browser or authenticator offers no PRF. */
export async function createPasskey(username: string): Promise<PasskeySecret | null> {
	const prfSalt = random(32);
	const cred = (await navigator.credentials.create({
		publicKey: {
			rp: { name: 'Fieldcheck' },
			user: { id: random(16), name: username, displayName: username },
			challenge: random(32),
			pubKeyCredParams: [
				{ type: 'public-key', alg: -7 },
				{ type: 'public-key', alg: -257 }
			],
			authenticatorSelection: {
				authenticatorAttachment: 'platform',
				userVerification: 'required',
				residentKey: 'discouraged'
			},
			timeout: 60_000,
			extensions: { prf: { eval: { first: prfSalt } } } as AuthenticationExtensionsClientInputs
		}
	})) as PublicKeyCredential | null;
	const prf = prfOf(cred);
	if (!cred || !prf?.enabled) return null;
	const credentialId = new Uint8Array(cred.rawId);
	// Some authenticators only give PRF output on a get(), not at creation.
	const output = prf.results?.first ?? (await prfOutput(credentialId, prfSalt));
	return { credentialId, prfSalt, prfOutput: output };
}
