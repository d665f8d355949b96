/**
 * The sync wire format's version, shared by the caseload feed and the push endpoint. A device
 * and a server that disagree get `protocol-mismatch` and a message saying which side to update.
 */
export const PROTOCOL_VERSION = 1;
