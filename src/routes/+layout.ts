// Every page renders on the device from IndexedDB, so the same shell serves them all, online
// or not. The server only answers /api/.
export const ssr = false;
export const prerender = false;
