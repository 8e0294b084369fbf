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
    if (!response.ok) throw new Error(`${wheel}: HTTP ${response.status}`);
    return response.arrayBuffer();
  });
  wheelBytes.catch(() => {}); // awaited below; do not report it twice
  const { loadPyodide } = await import(pyodideModule);
  download.done(pyodideModule);
  const saved = await savedSnapshot(snapshot);
  if (saved) {
    try {
      const pyodide = await start(loadPyodide, { ...options, indexURL, _loadSnapshot: saved });
      download.finish();
      self.postMessage(message.progress("checker"));
      api = await install(pyodide, wheelBytes);
      return { from: /** @type {const} */ ("snapshot"), fresh: null };
    } catch (error) {
      console.warn("checker: the Python snapshot did not restore; starting afresh:", error);
      await keepSnapshot(/** @type {message.SnapshotPlace} */ (snapshot), null);
    }
  }
  const pyodide = await start(loadPyodide, { ...options, indexURL, _makeSnapshot: Boolean(snapshot) });
  download.finish();
  self.postMessage(message.progress("checker"));
  api = await install(pyodide, wheelBytes);
  return { from: /** @type {const} */ ("fresh"), fresh: snapshot ? memorySnapshot(pyodide) : null };
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

self.addEventListener("message", async (/** @type {MessageEvent} */ event) => {
  /** @type {message.ToWorker} */
  const msg = event.data;
  if (msg.type === message.TO_WORKER.BOOT) {
    calls = msg.calls;
    try {
      const { from, fresh } = await boot(msg);
      self.postMessage(message.ready(from));
      if (fresh && msg.snapshot) await keepSnapshot(msg.snapshot, fresh);
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
