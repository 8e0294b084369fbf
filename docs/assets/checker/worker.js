// Module Web Worker: boots the self-hosted Pyodide, installs the checker wheel, and answers
// calls to checker.web. Glue only; the page (checker.js) owns the UI.
//
// Messages in:  {type: "boot", pyodideModule, indexURL, wheel, snapshot: {cache, key} | null}
//               (absolute URLs, same origin)
//               {type: "call", id, fn: "check_form" | "calendar", args: [...]}
// Messages out: {type: "progress", step: "runtime" | "checker"},
//               {type: "ready", from: "fresh" | "snapshot"},
//               {type: "failed", detail}, {type: "result", id, json}, {type: "error", id, detail}
//
// A second visit does not start Python again. The first boot takes a memory snapshot of Python
// with checker.web imported, before any input reaches it, and keeps it in Cache Storage under
// `snapshot` (named after the Pyodide version and the wheel's hash, so a release never
// restores an old one); the next boot restores it, several times faster. A snapshot that fails
// to restore is dropped and Python starts from scratch. Pyodide's snapshot options are marked
// private (_makeSnapshot, _loadSnapshot): they are pinned with Pyodide in package-lock.json,
// and tests/browser/test_checker_loading.py boots both ways.

const CALLS = new Set(["check_form", "calendar"]);
let api = null;

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
async function keepSnapshot(snapshot, bytes) {
  try {
    const cache = await caches.open(snapshot.cache);
    const path = new URL(snapshot.key).pathname;
    for (const request of await cache.keys()) {
      if (new URL(request.url).pathname === path) await cache.delete(request);
    }
    if (bytes) await cache.put(snapshot.key, new Response(bytes));
  } catch (error) {
    console.warn("checker: could not keep the Python snapshot:", error);
  }
}

async function start(loadPyodide, indexURL, options) {
  const warn = console.warn;
  try {
    return await Promise.race([loadPyodide({ indexURL, ...options }), wasmFailure(warn)]);
  } finally {
    console.warn = warn;
  }
}

async function install(pyodide, wheelBytes) {
  // The npm package has no micropip: unpack the wheel straight into site-packages (without
  // extractDir it lands in the working directory), as tests/pyodide/run.mjs does. After a
  // snapshot too: the modules are in memory, their files are not.
  const extractDir = pyodide.runPython("import site; site.getsitepackages()[0]");
  pyodide.unpackArchive(await wheelBytes, "wheel", { extractDir });
  return { pyodide, web: pyodide.pyimport("checker.web"), json: pyodide.pyimport("json") };
}

async function boot({ pyodideModule, indexURL, wheel, snapshot }) {
  self.postMessage({ type: "progress", step: "runtime" });
  // The wheel downloads while the runtime starts.
  const wheelBytes = fetch(wheel).then((response) => {
    if (!response.ok) throw new Error(`${wheel}: HTTP ${response.status}`);
    return response.arrayBuffer();
  });
  wheelBytes.catch(() => {}); // awaited below; do not report it twice
  const { loadPyodide } = await import(pyodideModule);
  const saved = await savedSnapshot(snapshot);
  if (saved) {
    try {
      const pyodide = await start(loadPyodide, indexURL, { _loadSnapshot: saved });
      self.postMessage({ type: "progress", step: "checker" });
      api = await install(pyodide, wheelBytes);
      return { from: "snapshot", fresh: null };
    } catch (error) {
      console.warn("checker: the Python snapshot did not restore; starting afresh:", error);
      await keepSnapshot(snapshot, null);
    }
  }
  const pyodide = await start(loadPyodide, indexURL, { _makeSnapshot: Boolean(snapshot) });
  self.postMessage({ type: "progress", step: "checker" });
  api = await install(pyodide, wheelBytes);
  return { from: "fresh", fresh: snapshot ? memorySnapshot(pyodide) : null };
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

function run({ fn, args }) {
  if (!CALLS.has(fn)) throw new Error(`unknown call ${fn}`);
  const { pyodide, web, json } = api;
  const proxies = [];
  const pyArgs = args.map((arg) => {
    if (arg === null || typeof arg !== "object") return arg;
    const proxy = pyodide.toPy(arg);
    proxies.push(proxy);
    return proxy;
  });
  try {
    const result = web[fn](...pyArgs);
    try {
      return json.dumps(result);
    } finally {
      result.destroy();
    }
  } finally {
    for (const proxy of proxies) proxy.destroy();
  }
}

self.addEventListener("message", async (event) => {
  const msg = event.data;
  if (msg.type === "boot") {
    try {
      const { from, fresh } = await boot(msg);
      self.postMessage({ type: "ready", from });
      if (fresh) await keepSnapshot(msg.snapshot, fresh);
    } catch (error) {
      self.postMessage({ type: "failed", detail: String((error && error.message) || error) });
    }
  } else if (msg.type === "call") {
    try {
      if (!api) throw new Error("the checker is not loaded");
      self.postMessage({ type: "result", id: msg.id, json: run(msg) });
    } catch (error) {
      self.postMessage({ type: "error", id: msg.id, detail: String((error && error.message) || error) });
    }
  }
});
