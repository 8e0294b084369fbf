// @ts-check
// The checker page's script: start the worker as early as possible, and mount the view on
// every checker page Material shows. client.js talks to the worker; view.js draws; the
// testability contract (the data-* attributes tests rely on) is listed in
// overrides/checker.html.

import * as client from "./client.js";
import * as early from "./early.js";
import { View } from "./view.js";

/** @type {View | null} the mounted checker on the current page, if any */
let view = null;

client.subscribe((state) => {
  if (view) view.showBoot(state);
});

function mount() {
  const root = /** @type {HTMLElement | null} */ (document.querySelector("[data-checker]"));
  if (view && view.root === root) return;
  if (view) view.unmount();
  view = null;
  if (!root) return;
  view = new View(root);
  view.restore();
  view.showBoot(client.state());
  // After a failed boot the page says why and offers a retry; it does not retry by itself.
  if (client.state().state !== "error") view.start();
}

// On a full page load this module may run from the head before the body is parsed: start
// the worker at once from the head's copy of the config, then mount when the page is there.
const boot = /** @type {HTMLMetaElement | null} */ (
  document.querySelector('meta[name="checker-boot"]')
);
if (boot) {
  const config = JSON.parse(boot.content);
  // The build's table of answers first (a few KB): the page answers from it while the
  // runtime downloads (early.js); the view picks up the same fetch.
  if (config.early) early.load(config.early.url).catch(() => {}); // the view reports it
  client.start(config, Number(boot.dataset.checkerStall) || 30000);
}

// Material emits document$ on the first load and after every instant navigation.
function subscribe() {
  const documents = /** @type {any} */ (window).document$;
  if (documents && typeof documents.subscribe === "function") documents.subscribe(() => mount());
  else mount();
}
if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", subscribe, { once: true });
} else {
  subscribe();
}
