// The service worker: after one visit the site, and the checker with its Pyodide runtime, open
// and answer with no network. hooks/offline.py writes this file to the site root as sw.js,
// with the build's manifest in place of the BUILD line below.
//
// Caches, named after what makes them stale, so a new release replaces exactly what changed:
//   smart-shell-<hash of the site>     pages, theme, our scripts, the wheel: every release
//   smart-pyodide-<Pyodide version>    the runtime, and the Python snapshot worker.js keeps:
//                                      only when package-lock.json moves Pyodide; a release
//                                      that changes the checker's standard library
//                                      (python_stdlib-<hash>.zip) drops only the old one
// Healing: a cached file of the checker or its runtime is verified against the build's hash
// before it is served (cacheFirst); a cache of this release that has gone is recreated.
// Strategies: files under assets/ are cache-first (their URLs carry a hash, a version, or are
// covered by the shell's hash); pages, the search index and the sitemap are network-first,
// falling back to the cache (at once when offline, after PATIENCE_MS on a network that hangs),
// so a reader online gets the current text.
// Pages tell the worker what they loaded before it controlled them (offline.js), with the
// message {type: "keep", urls}; it stores them from the HTTP cache ("force-cache": the page
// has just loaded them), so keeping a page costs no second download. Installing a release
// revalidates its shell instead ("no-cache"): the HTTP cache may hold the previous release's
// site.css, and an unchanged file costs a 304.

const BUILD = {"version": "dev", "runtimeCache": "smart-pyodide-dev", "pyodidePath": "assets/pyodide/dev/", "runtime": [], "shell": [], "integrity": {}};
const PREFIX = "smart-";
const SHELL = `${PREFIX}shell-${BUILD.version}`;
const RUNTIME = BUILD.runtimeCache; // worker.js keeps its Python snapshot there too
// tsc types `self` as a plain worker's scope; this file runs as a service worker.
const worker = /** @type {ServiceWorkerGlobalScope} */ (/** @type {unknown} */ (self));
const SCOPE = new URL(worker.registration.scope);
const ASSETS = new URL("assets/", SCOPE).pathname;
const PYODIDE = new URL(BUILD.pyodidePath, SCOPE).pathname;

const OFFLINE_PAGE = `<!doctype html><html lang="zh"><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1"><title>离线 · Offline</title>
<h1>离线 · Offline</h1>
<p>没有网络，这一页也还没有保存在本设备上。打开过的页面和计算器在离线时仍可使用。</p>
<p lang="en">There is no network, and this page has not been saved on this device yet. Pages you
have opened before, and the checker, still work offline.</p>
<p><a href="${SCOPE.pathname}checker/">保号计算器</a> · <a href="${SCOPE.pathname}en/checker/">Checker</a></p>`;

function cacheName(url) {
  return url.pathname.startsWith(PYODIDE) ? RUNTIME : SHELL;
}

function ours(url) {
  return url.origin === SCOPE.origin && url.pathname.startsWith(SCOPE.pathname);
}

// Writes go only to this release's caches, and only while they exist: a worker that a newer
// release is replacing must not bring back a cache the new one has just deleted. The
// current worker does bring back its own caches when they have gone (site data partly
// cleared, or evicted), and refills the shell, so that the site works offline again.
async function existing(name) {
  if (await caches.has(name)) return caches.open(name);
  if (!isCurrent()) return null;
  const cache = await caches.open(name);
  if (name === SHELL) refill();
  return cache;
}

function isCurrent() {
  const { active, waiting, installing } = worker.registration;
  if (waiting || installing || !active) return false;
  // Older browsers do not say which worker this is; no newer one in line is enough then.
  const own = /** @type {{serviceWorker?: ServiceWorker}} */ (/** @type {unknown} */ (worker));
  return own.serviceWorker ? active === own.serviceWorker : true;
}

/** @type {Promise<number> | null} */
let refilling = null;
function refill() {
  refilling =
    refilling ||
    keep(BUILD.shell, { strict: false, mode: "no-cache" }).finally(() => {
      refilling = null;
    });
  return refilling;
}

function keepable(response) {
  return response.ok && response.type === "basic" && response.status === 200;
}

// Store `urls` (relative to the scope) that are not stored yet; resolves to how many are.
async function keep(urls, { strict, mode }) {
  let kept = 0;
  for (const href of urls) {
    const url = new URL(href, SCOPE);
    url.hash = "";
    if (!ours(url) || url.pathname.endsWith("/sw.js")) continue;
    const cache = await existing(cacheName(url));
    if (!cache) continue;
    if (await cache.match(url)) {
      kept += 1;
      continue;
    }
    try {
      const response = await fetch(url, { cache: mode, credentials: "same-origin" });
      if (!keepable(response)) throw new Error(`${url.pathname}: HTTP ${response.status}`);
      await cache.put(url, response);
      kept += 1;
    } catch (error) {
      if (strict) throw error;
    }
  }
  return kept;
}

self.addEventListener("install", (/** @type {ExtendableEvent} */ event) => {
  event.waitUntil(
    Promise.all([caches.open(SHELL), caches.open(RUNTIME)])
      .then(() => keep(BUILD.shell, { strict: true, mode: "no-cache" }))
      .then(() => worker.skipWaiting()),
  );
});

// The runtime cache outlives releases; drop the runtime files this release no longer has.
async function pruneRuntime() {
  const cache = await existing(RUNTIME);
  if (!cache) return;
  const files = new Set(BUILD.runtime.map((name) => `${PYODIDE}${name}`));
  for (const request of await cache.keys()) {
    const { pathname } = new URL(request.url);
    if (pathname.startsWith(PYODIDE) && !files.has(pathname)) await cache.delete(request);
  }
}

self.addEventListener("activate", (/** @type {ExtendableEvent} */ event) => {
  const current = new Set([SHELL, RUNTIME]);
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names
            .filter((name) => name.startsWith(PREFIX) && !current.has(name))
            .map((name) => caches.delete(name)),
        ),
      )
      .then(pruneRuntime)
      .then(() => worker.clients.claim()),
  );
});

// The checker's files and runtime are checked against the build's hashes each time they are
// served from the cache (SHA-256 of the runtime's ~12 MB: tens of milliseconds, against a
// boot of seconds): a damaged cached copy (a disk error, a write cut short) is dropped and
// fetched again, never served. A copy from the network that does not match is served (the
// site may have a newer release) but not kept.
async function intact(url, response) {
  const expected = BUILD.integrity[url.pathname.slice(SCOPE.pathname.length)];
  if (!expected) return true;
  try {
    const digest = await crypto.subtle.digest("SHA-256", await response.clone().arrayBuffer());
    const hex = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
    return hex === expected;
  } catch {
    return false; // the cached body cannot even be read
  }
}

async function cacheFirst(request) {
  const url = new URL(request.url);
  const cache = await existing(cacheName(url));
  const cached = cache && (await cache.match(request));
  if (cached) {
    if (await intact(url, cached)) return cached;
    await cache.delete(request);
  }
  const response = await fetch(request);
  if (cache && keepable(response) && (await intact(url, response))) {
    await cache.put(request, response.clone());
  }
  return response;
}

// A page that is saved does not wait for a network that is there but barely: after this long
// the saved copy is shown, and the answer, if it comes, refreshes the cache for next time.
const PATIENCE_MS = 4000;

async function networkFirst(event) {
  const { request } = event;
  const cache = await existing(SHELL);
  const network = fetch(request).then(async (response) => {
    if (cache && keepable(response)) await cache.put(request, response.clone());
    return response;
  });
  event.waitUntil(network.catch(() => {}));
  // Search highlighting adds ?h=word to a page's URL; it is the same page.
  const saved = async () =>
    cache && cache.match(request, { ignoreSearch: request.mode === "navigate" });
  const patience = new Promise((resolve) => setTimeout(resolve, PATIENCE_MS)).then(saved);
  try {
    return (await Promise.race([network, patience])) || (await network);
  } catch (error) {
    const cached = await saved();
    if (cached) return cached;
    if (request.mode === "navigate") {
      return new Response(OFFLINE_PAGE, {
        status: 503,
        headers: { "Content-Type": "text/html; charset=utf-8" },
      });
    }
    throw error;
  }
}

self.addEventListener("fetch", (/** @type {FetchEvent} */ event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== "GET" || !ours(url) || request.headers.has("range")) return;
  if (url.pathname.endsWith("/sw.js")) return;
  event.respondWith(url.pathname.startsWith(ASSETS) ? cacheFirst(request) : networkFirst(event));
});

self.addEventListener("message", (/** @type {ExtendableMessageEvent} */ event) => {
  const { data, ports } = event;
  if (!data || data.type !== "keep" || !Array.isArray(data.urls) || !ports[0]) return;
  event.waitUntil(
    keep(data.urls, { strict: false, mode: "force-cache" }).then(
      (count) => ports[0].postMessage({ ok: true, count, total: data.urls.length }),
      (error) => ports[0].postMessage({ ok: false, detail: String(error) }),
    ),
  );
});
