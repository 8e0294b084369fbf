// Module Web Worker: boots the self-hosted Pyodide, installs the checker wheel, and answers
// calls to checker.web. Glue only; the page (checker.js) owns the UI.
//
// Messages in:  {type: "boot", pyodideModule, indexURL, wheel}   (absolute URLs, same origin)
//               {type: "call", id, fn: "check_form" | "calendar", args: [...]}
// Messages out: {type: "progress", step: "runtime" | "checker"}, {type: "ready"},
//               {type: "failed", detail}, {type: "result", id, json}, {type: "error", id, detail}

const CALLS = new Set(["check_form", "calendar"]);
let api = null;

async function boot({ pyodideModule, indexURL, wheel }) {
  self.postMessage({ type: "progress", step: "runtime" });
  // The wheel downloads while the runtime starts.
  const wheelBytes = fetch(wheel).then((response) => {
    if (!response.ok) throw new Error(`${wheel}: HTTP ${response.status}`);
    return response.arrayBuffer();
  });
  wheelBytes.catch(() => {}); // awaited below; do not report it twice
  const { loadPyodide } = await import(pyodideModule);
  const warn = console.warn;
  let pyodide;
  try {
    pyodide = await Promise.race([loadPyodide({ indexURL }), wasmFailure(warn)]);
  } finally {
    console.warn = warn;
  }
  self.postMessage({ type: "progress", step: "checker" });
  // The npm package has no micropip: unpack the wheel straight into site-packages (without
  // extractDir it lands in the working directory), as tests/pyodide/run.mjs does.
  const extractDir = pyodide.runPython("import site; site.getsitepackages()[0]");
  pyodide.unpackArchive(await wheelBytes, "wheel", { extractDir });
  api = { pyodide, web: pyodide.pyimport("checker.web"), json: pyodide.pyimport("json") };
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
      await boot(msg);
      self.postMessage({ type: "ready" });
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
