// What the site's classic scripts find on every page, beside the DOM (hand-written).
// Material for MkDocs: an observable of each page it shows (instant navigation), and the
// site's root URL.
declare const document$: { subscribe(next: () => void): { unsubscribe(): void } };
declare const __md_scope: URL;

interface Window {
  /** Material's page observable (offline.js waits for it). */
  document$?: typeof document$;
  /** offline.js: keep URLs in the service worker's cache (client.js calls it). */
  siteOffline?: SiteOffline;
}

/** offline.js's hand to the checker: keep URLs in the service worker's cache, and start it. */
interface SiteOffline {
  keep(urls: string[]): Promise<unknown>;
  start?: () => void;
}
