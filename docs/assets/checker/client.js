// @ts-check
// The page's side of the checker's worker: boot it once, call checker.web by name, and say
// what state it is in. No DOM here (view.js draws); the messages are protocol.js's; the calls
// and their argument names come from checker.web.CALLS through the build's config.
//
// This module runs once per document (Material's instant navigation re-inserts the page's
// script, but a module is evaluated once), so the worker and its boot below are shared by every
// visit to a checker page: leaving and coming back never boots Pyodide twice.
//
// A worker that dies or errors after its boot (an uncaught error, a crash, a call unanswered
// past its deadline) rejects every pending call and puts the state in "error", from which
// start() boots a new one: the page offers Retry.

import * as message from "./protocol.js";

/** @typedef {import("../../../types/checker-web").Calls} Calls */

/**
 * @typedef {object} Config  the page's config (hooks/checker_assets.py), URLs relative to it
 * @property {string} lang
 * @property {string} worker
 * @property {string} pyodide_module
 * @property {string} index_url
 * @property {string} wheel
 * @property {{cache: string, key: string} | null} snapshot
 * @property {Record<string, string[]>} calls
 * @property {number} call_timeout_ms
 * @property {message.DownloadFile[]} [download]  the files the first visit downloads, sized
 * @property {Record<string, unknown>} [pyodide_options]  more loadPyodide options; a key
 *   ending in "URL" is a URL relative to the page
 * @property {string[]} [offline]
 */
/**
 * @typedef {object} State
 * @property {"waiting" | "loading" | "ready" | "error"} state  waiting: for the reader's tap
 *   before downloading (the browser asks to save data)
 * @property {string} step      one of message.STEPS
 * @property {string | null} error  timeout | no_wasm | load_failed, when state is error
 *   (timeout: no byte arrived for the stall period)
 * @property {number} [loaded]  transfer bytes of the download so far
 * @property {number} [total]   transfer bytes of the whole download
 * @property {string} detail
 * @property {string} [from]    fresh | snapshot, once ready
 * @property {string} [offline] saving | kept, once the service worker holds the checker
 */

export class BootError extends Error {
  /** @param {string} code @param {string} [detail] */
  constructor(code, detail) {
    super(detail || code);
    this.code = code;
    this.detail = detail || "";
  }
}

/** @type {Worker | null} */
let worker = null;
/** @type {Promise<void> | null} the one shared boot: resolves when checker.web is imported */
let booting = null;
/** @type {Config | null} */
let config = null;
/** @type {State} */
let current = { state: "loading", step: "start", error: null, detail: "" };
/** @type {(state: State) => void} */
let listener = () => {};
let nextId = 1;
/** @type {(() => void) | null} starts a boot that waits for the reader's tap */
let release = null;
// A tap is a yes for this page: the boot after it, and a retry, do not ask again.
let tapped = false;
/** @type {Map<number, {resolve: (value: any) => void, reject: (error: Error) => void, timer: number}>} */
const pending = new Map();

/** The state now. */
export function state() {
  return current;
}

/** Tell `listen` (the view on the page, there is one at a time) of every change. */
export function subscribe(/** @type {(state: State) => void} */ listen) {
  listener = listen;
}

/** @param {Partial<State>} change */
function set(change) {
  current = { ...current, ...change };
  listener(current);
}

/** @param {string} url */
function absolute(url) {
  return new URL(url, document.baseURI).href;
}

// The worker is gone or unusable: settle everything that waits on it and say so.
/** @param {BootError} error */
function fail(error) {
  for (const call of pending.values()) {
    clearTimeout(call.timer);
    call.reject(error);
  }
  pending.clear();
  if (worker) worker.terminate();
  worker = null;
  booting = null; // a retry starts again from scratch
  set({ state: "error", error: error.code, detail: error.detail });
}

/** Whether the browser asks to save data (a reader on a metered link said so). */
export function savesData() {
  const connection = /** @type {any} */ (navigator).connection;
  return Boolean(connection && connection.saveData);
}

/** Start the download that waits for the reader's tap (state "waiting"). */
export function confirm() {
  tapped = true;
  if (release) release();
  release = null;
}

/**
 * Boot the worker, unless it is booting or booted. Resolves when it is ready; rejects (and the
 * state says why) when it cannot be. When the browser asks to save data, the boot waits in
 * state "waiting" until confirm() (the reader's tap).
 *
 * There is no limit on the whole boot: a slow link that keeps delivering finishes. The boot
 * fails as "timeout" only when no byte of the download has arrived for `stallMs` (the
 * watchdog sleeps once everything has arrived: starting Python needs no network).
 * @param {Config} pageConfig
 * @param {number} stallMs
 */
export function start(pageConfig, stallMs) {
  if (booting) return booting;
  config = pageConfig;
  const cfg = pageConfig;
  const total = (cfg.download || []).reduce((sum, file) => sum + file.transfer, 0);
  if (!tapped && savesData()) {
    set({ state: "waiting", step: "start", error: null, detail: "", loaded: 0, total });
    booting = new Promise((resolve) => {
      release = () => resolve(undefined);
    }).then(() => {
      booting = null;
      return start(cfg, stallMs);
    });
    booting.catch(() => {});
    return booting;
  }
  set({ state: "loading", step: "start", error: null, detail: "", loaded: 0, total });
  booting = new Promise((resolve, reject) => {
    if (typeof WebAssembly !== "object" || typeof Worker !== "function") {
      reject(new BootError("no_wasm"));
      return;
    }
    /** @type {number | undefined} */
    let timer;
    let ready = false;
    let arrived = false; // every byte of the download
    const watch = () => {
      clearTimeout(timer);
      if (arrived || ready) return;
      timer = setTimeout(() => {
        const seconds = Math.round(stallMs / 1000);
        reject(new BootError("timeout", `no byte arrived for ${seconds} s`));
      }, stallMs);
    };
    watch();
    /** @param {BootError} error */
    const died = (error) => {
      clearTimeout(timer);
      if (ready) fail(error);
      else reject(error);
    };
    try {
      worker = new Worker(absolute(cfg.worker), { type: "module" });
    } catch (error) {
      died(new BootError("load_failed", String(error)));
      return;
    }
    const own = worker;
    own.addEventListener("message", (event) => {
      if (own !== worker) return; // a worker we gave up on
      /** @type {message.FromWorker} */
      const msg = event.data;
      if (msg.type === message.FROM_WORKER.PROGRESS) set({ step: msg.step });
      else if (msg.type === message.FROM_WORKER.BYTES) {
        if (msg.loaded !== current.loaded) watch();
        arrived = msg.total > 0 && msg.loaded >= msg.total;
        if (arrived) clearTimeout(timer);
        set({ loaded: msg.loaded, total: msg.total });
      } else if (msg.type === message.FROM_WORKER.READY) {
        clearTimeout(timer);
        ready = true;
        resolve(msg.from);
      } else if (msg.type === message.FROM_WORKER.FAILED) {
        died(new BootError("load_failed", msg.detail));
      } else if (msg.type === message.FROM_WORKER.RESULT || msg.type === message.FROM_WORKER.ERROR) {
        const call = pending.get(msg.id);
        if (!call) return;
        pending.delete(msg.id);
        clearTimeout(call.timer);
        if (msg.type === message.FROM_WORKER.RESULT) call.resolve(JSON.parse(msg.json));
        else call.reject(new Error(msg.detail));
      }
    });
    // After the boot as before it: an error the worker did not catch means it is unusable.
    for (const type of ["error", "messageerror"]) {
      own.addEventListener(type, (event) => {
        event.preventDefault();
        if (own !== worker) return;
        const detail = /** @type {ErrorEvent} */ (event).message || `worker ${type}`;
        died(new BootError("load_failed", detail));
      });
    }
    own.postMessage(
      message.boot({
        pyodideModule: absolute(cfg.pyodide_module),
        indexURL: absolute(cfg.index_url),
        wheel: absolute(cfg.wheel),
        snapshot: cfg.snapshot && { cache: cfg.snapshot.cache, key: absolute(cfg.snapshot.key) },
        calls: cfg.calls,
        download: (cfg.download || []).map((file) => ({ ...file, url: absolute(file.url) })),
        options: Object.fromEntries(
          Object.entries(cfg.pyodide_options || {}).map(([key, value]) => [
            key,
            key.endsWith("URL") && typeof value === "string" ? absolute(value) : value,
          ]),
        ),
      }),
    );
  }).then(
    (from) => {
      set({ state: "ready", step: "ready", from: String(from) });
      keepOffline(cfg);
    },
    (error) => {
      fail(error);
      startOffline(); // the pages are still worth keeping
      throw error;
    },
  );
  booting.catch(() => {}); // reported through the state; callers see it too
  return booting;
}

/**
 * Call checker.web's `name` with its arguments by name; resolves to its answer (a plain
 * object, of the shape types/checker-web.d.ts declares for that call). Rejects when the worker
 * is not there, refuses the call, or dies meanwhile.
 * @template {keyof Calls} Name
 * @param {Name} name
 * @param {Calls[Name]["args"]} args
 * @returns {Promise<Calls[Name]["answer"]>}
 */
export function call(name, args) {
  if (!booting || !config) return Promise.reject(new BootError(current.error || "load_failed"));
  const refused = message.refusal(config.calls, name, args);
  if (refused) return Promise.reject(new Error(refused));
  const deadline = config.call_timeout_ms;
  return booting.then(
    () =>
      new Promise((resolve, reject) => {
        const id = nextId++;
        const timer = setTimeout(
          () => fail(new BootError("load_failed", `no answer to ${name} in ${deadline} ms`)),
          deadline,
        );
        pending.set(id, { resolve, reject, timer });
        /** @type {Worker} */ (worker).postMessage(message.call(id, name, args));
      }),
  );
}

// offline.js (a classic script at the end of the body) defines window.siteOffline; a boot that
// ends before it has run waits for the page's load. Without it (no service worker), nothing.
/** @param {(offline: any) => void} use */
function withOffline(use) {
  const offline = /** @type {any} */ (window).siteOffline;
  if (offline) use(offline);
  else if (document.readyState !== "complete") {
    window.addEventListener("load", () => withOffline(use), { once: true });
  }
}

// offline.js leaves the service worker to this page until the boot is over: installing it
// would compete with Pyodide for the CPU.
function startOffline() {
  withOffline((offline) => offline.start());
}

// Once the checker runs, ask the service worker to keep the runtime and the wheel, so that
// the next visit works with no network; say so when done.
/** @param {Config} cfg */
function keepOffline(cfg) {
  if (!cfg.offline || current.offline) return;
  current.offline = "saving";
  const urls = cfg.offline.map(absolute);
  withOffline((offline) => {
    offline.start();
    offline.keep(urls).then((/** @type {any} */ result) => {
      const kept = Boolean(result && result.ok && result.count === result.total);
      if (!kept) console.warn("checker: not everything could be kept for offline use", result);
      set({ offline: kept ? "kept" : "" });
    });
  });
}
