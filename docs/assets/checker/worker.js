// @ts-check
// Module Web Worker: boots the self-hosted Pyodide, installs the checker wheel, and answers
// calls to checker.web. Glue only; the page (client.js, view.js) owns the UI. The messages are
// those of protocol.js; the calls, and their arguments by name, those the boot message lists
// (checker.web.CALLS): anything else is refused.
//
// A second visit does not start Python again. The first boot takes a memory snapshot of Python
// with checker.web imported, before any input reaches it, and keeps it in Cache Storage under
// `snapshot` (named after the Pyodide version and the wheel's hash, so a release never
// restores an old one); the next boot restores it, several times faster. A snapshot that fails
// to restore is dropped and Python starts from scratch. Pyodide's snapshot options are marked
// private (_makeSnapshot, _loadSnapshot): they are pinned with Pyodide in package-lock.json,
// and tests/browser/test_checker_loading.py boots both ways.

import { Download } from "./download.js";
import * as message from "./protocol.js";

/** @typedef {{pyodide: any, web: any, json: any}} Api */
/** @type {Api | null} */
let api = null;
/** @type {Record<string, string[]>} */
let calls = {};

/** @param {message.SnapshotPlace | null} snapshot */
async function savedSnapshot(snapshot) {
  if (!snapshot || typeof caches === "undefined") return null;
  try {
    const response = await (await caches.open(snapshot.cache)).match(snapshot.key);
    const bytes = response ? new Uint8Array(await response.arrayBuffer()) : null;
    return bytes && bytes.byteLength ? bytes : null;
  } catch {
    return null; // storage unavailable (a private window): boot from scratch
  }
}

// Keep the new snapshot (or, with null, none) and drop the ones of older wheels; failures
// only cost speed.
/** @param {message.SnapshotPlace} snapshot @param {Uint8Array | null} bytes */
async function keepSnapshot(snapshot, bytes) {
  try {
    const cache = await caches.open(snapshot.cache);
    const path = new URL(snapshot.key).pathname;
    for (const request of await cache.keys()) {
      if (new URL(request.url).pathname === path) await cache.delete(request);
    }
    if (bytes) await cache.put(snapshot.key, new Response(/** @type {BodyInit} */ (bytes)));
  } catch (error) {
    console.warn("checker: could not keep the Python snapshot:", error);
  }
}

/** @param {Function} loadPyodide @param {Record<string, unknown>} options */
async function start(loadPyodide, options) {
  const warn = console.warn;
  try {
    return await Promise.race([loadPyodide(options), wasmFailure(warn)]);
  } finally {
    console.warn = warn;
  }
}

/** @param {any} pyodide @param {Promise<ArrayBuffer>} wheelBytes @returns {Promise<Api>} */
async function install(pyodide, wheelBytes) {
  // The npm package has no micropip: unpack the wheel straight into site-packages (without
  // extractDir it lands in the working directory), as tests/pyodide/run.mjs does. After a
  // snapshot too: the modules are in memory, their files are not.
  const extractDir = pyodide.runPython("import site; site.getsitepackages()[0]");
  pyodide.unpackArchive(await wheelBytes, "wheel", { extractDir });
  return { pyodide, web: pyodide.pyimport("checker.web"), json: pyodide.pyimport("json") };
}

// `options` come from the build's config (loadPyodide's own options, e.g. a trimmed standard
// library); indexURL and the snapshot options are the worker's.
/** @param {message.BootMessage} boot */
async function boot({ pyodideModule, indexURL, wheel, snapshot, options, download: files }) {
  const download = new Download(files || [], (loaded, total) =>
    self.postMessage(message.bytes(loaded, total)),
  );
  download.install(self);
  download.send(true); // the total, before the first byte
  self.postMessage(message.progress("runtime"));
  // The wheel downloads while the runtime starts.
  const wheelBytes = fetch(wheel).then((response) => {
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return response.arrayBuffer();
  });
  wheelBytes.catch(() => {}); // awaited below; do not report it twice
  const { loadPyodide } = await blame(basename(pyodideModule), import(pyodideModule));
  download.done(pyodideModule);
  const saved = await savedSnapshot(snapshot);
  if (saved) {
    try {
      const pyodide = await start(loadPyodide, { ...options, indexURL, _loadSnapshot: saved });
      download.finish();
      self.postMessage(message.progress("checker"));
      api = await install(pyodide, blame(basename(wheel), wheelBytes));
      return { from: /** @type {const} */ ("snapshot"), fresh: null, stale: false };
    } catch (error) {
      // Not necessarily the snapshot's fault (a damaged runtime fails the same way): it is
      // replaced only once Python has started afresh, below.
      console.warn("checker: the Python snapshot did not restore; starting afresh:", error);
    }
  }
  const fresh = { ...options, indexURL, _makeSnapshot: Boolean(snapshot) };
  const pyodide = await blame("pyodide.asm.wasm / pyodide.asm.js", start(loadPyodide, fresh));
  download.finish();
  self.postMessage(message.progress("checker"));
  api = await install(pyodide, blame(basename(wheel), wheelBytes));
  // A snapshot that did not restore while Python starts afresh was the fault: replace it,
  // or drop it when this browser cannot make a new one.
  const made = snapshot ? memorySnapshot(pyodide) : null;
  return { from: /** @type {const} */ ("fresh"), fresh: made, stale: Boolean(saved) };
}

/** @param {string} url */
function basename(url) {
  return new URL(url).pathname.split("/").pop() || url;
}

/**
 * `promise`, its failure named after the file it is about, so the page blames that part.
 * @template T @param {string} part @param {Promise<T>} promise @returns {Promise<T>}
 */
function blame(part, promise) {
  return promise.catch((error) => {
    throw new Error(`${part}: ${error instanceof Error ? error.message : String(error)}`);
  });
}

// The snapshot only saves time on the next visit: an engine that cannot make one (upstream
// marks it experimental) must still give the reader a working checker, now.
function memorySnapshot(pyodide) {
  try {
    return pyodide.makeMemorySnapshot();
  } catch (error) {
    console.warn("checker: no Python snapshot in this browser; next visit starts afresh:", error);
    return null;
  }
}

// Pyodide 0.29 reports a failed pyodide.asm.wasm download with console.warn and then waits
// forever; turn that report into a failure so the page can say so at once.
/** @param {(...args: unknown[]) => void} warn @returns {Promise<never>} */
function wasmFailure(warn) {
  return new Promise((_, reject) => {
    let failed = false;
    console.warn = (...args) => {
      warn.apply(console, args);
      if (failed) reject(new Error(`pyodide.asm.wasm: ${args.map(String).join(" ")}`));
      else failed = args[0] === "wasm instantiation failed!"; // the error is the next warning
    };
  });
}

// Arguments go by name (callKwargs): the page never depends on their order. Objects (the form)
// become Python dicts; strings and numbers pass as they are.
/** @param {message.CallMessage} msg */
function run({ name, args }) {
  const refused = message.refusal(calls, name, args);
  if (refused) throw new Error(refused);
  if (!api) throw new Error("the checker is not loaded");
  const { pyodide, web, json } = api;
  /** @type {any[]} */
  const proxies = [];
  /** @type {Record<string, unknown>} */
  const kwargs = {};
  for (const [key, value] of Object.entries(args)) {
    if (value === null || typeof value !== "object") kwargs[key] = value;
    else proxies.push((kwargs[key] = pyodide.toPy(value)));
  }
  try {
    const result = web[name].callKwargs(kwargs);
    try {
      return json.dumps(result);
    } finally {
      result.destroy();
    }
  } finally {
    for (const proxy of proxies) proxy.destroy();
  }
}

// A file missing offline can reject inside Pyodide where nothing awaits it ("Failed to
// fetch"): it is a failed boot, said on the page, not an uncaught error.
let booted = false;
self.addEventListener("unhandledrejection", (/** @type {PromiseRejectionEvent} */ event) => {
  event.preventDefault();
  if (!booted) self.postMessage(message.failed(event.reason));
  else console.warn("checker:", event.reason);
});

self.addEventListener("message", async (/** @type {MessageEvent} */ event) => {
  /** @type {message.ToWorker} */
  const msg = event.data;
  if (msg.type === message.TO_WORKER.BOOT) {
    calls = msg.calls;
    try {
      const { from, fresh, stale } = await boot(msg);
      booted = true;
      self.postMessage(message.ready(from));
      if (msg.snapshot && (fresh || stale)) await keepSnapshot(msg.snapshot, fresh);
    } catch (error) {
      self.postMessage(message.failed(error));
    }
  } else if (msg.type === message.TO_WORKER.CALL) {
    try {
      self.postMessage(message.result(msg.id, run(msg)));
    } catch (error) {
      self.postMessage(message.error(msg.id, error));
    }
  }
});
