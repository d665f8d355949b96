// The root page is prerendered: it is the app shell the service worker serves for any page.
export const prerender = true;
