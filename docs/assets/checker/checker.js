// Page glue for the in-page checker. Glue only: every rule, date and message comes from
// checker.web (Python) running under Pyodide in a module Web Worker (worker.js).
//
// Testability contract (keep stable; overrides/checker.html documents it too):
//   [data-checker] root, data-checker-state = loading | ready | error
//     (data-checker-error = timeout | no_wasm | load_failed when state is error);
//   inputs named phone, last_reload, amount, reload_kind, zero_balance_since, margin_days
//     (reload_kind is a select; an old link's promo=1 is read as reload_kind=promo);
//   result elements carry the adapter's fields as data attributes, "_" -> "-":
//     data-e164, data-network, data-amount, data-code, data-status, data-reload-by,
//     data-load-expires, data-balance-ends, data-deactivates-on, data-days-left;
//   [data-checker-status] has data-status and, when the number's network puts the dates in
//     doubt, data-caveat="1"; a [data-checker-row] is hidden when its date is null (a promo);
//   [data-checker-field-error=<name>] holds the message beside a field, with data-code;
//   each check that reaches the page adds 1 to the root's data-checker-checks and adds a
//   performance measure named "checker:check" (input handled -> results on the page);
//   once ready, data-checker-boot = fresh | snapshot says how the worker started (worker.js);
//   data-checker-offline = kept once the service worker holds what the checker needs.
//
// This module runs once per document (Material's instant navigation re-inserts the script,
// but a module is evaluated once), so the worker and its boot promise below are shared by
// every visit to a checker page: leaving and coming back never boots Pyodide twice.

const FIELDS = ["phone", "last_reload", "amount", "reload_kind", "zero_balance_since", "margin_days"];
// Links and saved forms from before reload_kind carry promo=1 for a promo.
const LEGACY = { promo: { field: "reload_kind", value: "promo" } };
const STORAGE_KEY = "checker.form";
const DEBOUNCE_MS = 150;
// The most a text field holds (its maxlength), takes from a link, or saves. Not a rule (the
// checker caps input at 64 characters in checker/text.py and says so): far enough above it
// that a cut paste is still "too long", never quietly valid. It keeps a runaway paste out of
// the page: Chromium lays out 100,000 characters of right-to-left or emoji text for tens of
// seconds, and they would go into the address, the share link and storage on every keystroke.
const MAX_LENGTH = 256;
const STEPS = { start: 0, runtime: 1, checker: 2, ready: 3 };

let worker = null;
let booting = null; // the one shared promise: resolves when checker.web is imported
let boot = { state: "loading", step: "start", error: null, detail: "" };
let view = null; // the mounted checker on the current page, if any
let nextId = 1;
const pending = new Map();

class BootError extends Error {
  constructor(code, detail) {
    super(detail || code);
    this.code = code;
    this.detail = detail || "";
  }
}

function setBoot(change) {
  boot = { ...boot, ...change };
  if (view) view.showBoot();
}

function fail(error) {
  for (const { reject } of pending.values()) reject(error);
  pending.clear();
  if (worker) worker.terminate();
  worker = null;
  booting = null; // a retry starts again from scratch
  setBoot({ state: "error", error: error.code || "load_failed", detail: error.detail || "" });
}

function startBoot(config, timeoutMs) {
  if (booting) return booting;
  setBoot({ state: "loading", step: "start", error: null, detail: "" });
  booting = new Promise((resolve, reject) => {
    if (typeof WebAssembly !== "object" || typeof Worker !== "function") {
      reject(new BootError("no_wasm"));
      return;
    }
    const timer = setTimeout(() => reject(new BootError("timeout")), timeoutMs);
    const done = (fn) => (value) => {
      clearTimeout(timer);
      fn(value);
    };
    const ok = done(resolve);
    const no = done(reject);
    try {
      worker = new Worker(new URL(config.worker, document.baseURI), { type: "module" });
    } catch (error) {
      no(new BootError("load_failed", String(error)));
      return;
    }
    worker.addEventListener("message", (event) => {
      const msg = event.data;
      if (msg.type === "progress") setBoot({ step: msg.step });
      else if (msg.type === "ready") ok(msg.from);
      else if (msg.type === "failed") no(new BootError("load_failed", msg.detail));
      else if (msg.type === "result" || msg.type === "error") {
        const call = pending.get(msg.id);
        pending.delete(msg.id);
        if (!call) return;
        if (msg.type === "result") call.resolve(JSON.parse(msg.json));
        else call.reject(new Error(msg.detail));
      }
    });
    worker.addEventListener("error", (event) => {
      event.preventDefault();
      no(new BootError("load_failed", event.message || "worker error"));
    });
    const absolute = (url) => new URL(url, document.baseURI).href;
    worker.postMessage({
      type: "boot",
      pyodideModule: absolute(config.pyodide_module),
      indexURL: absolute(config.index_url),
      wheel: absolute(config.wheel),
      snapshot: config.snapshot && {
        cache: config.snapshot.cache,
        key: absolute(config.snapshot.key),
      },
    });
  }).then(
    (from) => {
      setBoot({ state: "ready", step: "ready", from });
      keepOffline(config);
    },
    (error) => {
      fail(error);
      startOffline(); // the pages are still worth keeping
      throw error;
    },
  );
  booting.catch(() => {}); // reported through the page state; callers see it too
  return booting;
}

// offline.js (a classic script at the end of the body) defines window.siteOffline; a boot that
// ends before it has run waits for the page's load. Without it (no service worker), nothing.
function withOffline(use) {
  if (window.siteOffline) use(window.siteOffline);
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
function keepOffline(config) {
  if (!config.offline || boot.offline) return;
  boot.offline = "saving";
  const urls = config.offline.map((url) => new URL(url, document.baseURI).href);
  withOffline((offline) => {
    offline.start();
    offline.keep(urls).then((result) => {
      const kept = Boolean(result && result.ok && result.count === result.total);
      if (!kept) console.warn("checker: not everything could be kept for offline use", result);
      setBoot({ offline: kept ? "kept" : "" });
    });
  });
}

function call(fn, args) {
  if (!booting) return Promise.reject(new BootError(boot.error || "load_failed"));
  return booting.then(
    () =>
      new Promise((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve, reject });
        worker.postMessage({ type: "call", id, fn, args });
      }),
  );
}

function localToday() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function attr(key) {
  return "data-" + key.replaceAll("_", "-");
}

// Put a result dict's scalar fields on an element as data attributes, dropping old ones.
function setData(el, result) {
  for (const name of el.getAttributeNames()) {
    if (name.startsWith("data-") && !name.startsWith("data-checker")) el.removeAttribute(name);
  }
  for (const [key, value] of Object.entries(result || {})) {
    if (value !== null && typeof value !== "object") el.setAttribute(attr(key), String(value));
  }
}

// A link's text cut to MAX_LENGTH, as maxlength cuts a paste: never half a character.
function capped(text) {
  let end = Math.min(text.length, MAX_LENGTH);
  if (end < text.length && /[\uD800-\uDBFF]/.test(text[end - 1])) end -= 1;
  return text.slice(0, end);
}

// What a field holds before the user touches it (a select has no defaultValue).
function initial(input) {
  if (input.tagName !== "SELECT") return input.defaultValue;
  const chosen = Array.from(input.options).find((option) => option.defaultSelected);
  return (chosen || input.options[0]).value;
}

function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
}

function item(text) {
  const li = document.createElement("li");
  li.textContent = text;
  return li;
}

function link(text, href) {
  const a = document.createElement("a");
  a.textContent = text;
  a.href = href;
  return a;
}

class View {
  constructor(root) {
    this.root = root;
    this.config = JSON.parse(root.dataset.checkerConfig);
    this.strings = this.config.strings;
    this.form = root.querySelector("[data-checker-form]");
    this.seq = 0;
    this.timer = null;
    this.summary = null;
    this.path = location.pathname;
    for (const input of this.form.elements) {
      if (input.type === "text" || input.type === "tel") input.maxLength = MAX_LENGTH;
    }
    this.form.addEventListener("input", () => this.schedule());
    this.form.addEventListener("change", () => this.schedule());
    this.form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.check();
    });
    this.$("[data-checker-retry]").addEventListener("click", () => this.start());
    this.$("[data-checker-calendar]").addEventListener("click", () => this.calendar());
    this.$("[data-checker-copy]").addEventListener("click", () => this.copySummary());
    this.$("[data-checker-copy-link]").addEventListener("click", () => this.copyLink());
  }

  $(selector) {
    return this.root.querySelector(selector);
  }

  start() {
    const timeoutMs = Number(this.root.dataset.checkerTimeout) || 60000;
    startBoot(this.config, timeoutMs).then(
      () => this.check(),
      () => {},
    );
  }

  showBoot() {
    const { state, step, error, detail } = boot;
    this.root.dataset.checkerState = state;
    if (state === "error") this.root.dataset.checkerError = error;
    else delete this.root.dataset.checkerError;
    if (boot.from) this.root.dataset.checkerBoot = boot.from;
    const panel = this.$("[data-checker-boot]");
    const message = this.$("[data-checker-boot-message]");
    const progress = this.$("[data-checker-progress]");
    const more = this.$("[data-checker-boot-detail]");
    panel.hidden = state === "ready";
    progress.hidden = state !== "loading";
    progress.value = STEPS[step] || 0;
    this.$("[data-checker-retry]").hidden = state !== "error" || error === "no_wasm";
    if (state === "error") message.textContent = this.strings[error] || this.strings.load_failed;
    else message.textContent = this.strings[`progress.${step}`] || this.strings.loading;
    more.hidden = !(state === "error" && detail);
    more.textContent = detail ? `${this.strings.error_detail} ${detail}` : "";
    this.$("[data-checker-results]").setAttribute("aria-busy", String(state === "loading"));
    this.$("[data-checker-offline-note]").hidden = boot.offline !== "kept";
    if (boot.offline === "kept") this.root.dataset.checkerOffline = "kept";
  }

  // --- the form, the URL fragment and sessionStorage ------------------------------------

  read() {
    const form = {};
    for (const name of FIELDS) {
      const input = this.form.elements.namedItem(name);
      form[name] = input.type === "checkbox" ? input.checked : input.value;
    }
    return form;
  }

  encode() {
    const params = new URLSearchParams();
    for (const name of FIELDS) {
      const input = this.form.elements.namedItem(name);
      if (input.type === "checkbox") {
        if (input.checked !== input.defaultChecked) params.set(name, input.checked ? "1" : "0");
      } else if (input.value !== initial(input) && input.value.length <= MAX_LENGTH) {
        params.set(name, input.value);
      }
    }
    return params.toString();
  }

  restore() {
    const hash = location.hash.slice(1);
    const names = [...FIELDS, ...Object.keys(LEGACY)];
    const fromHash = names.some((name) => hash.startsWith(`${name}=`) || hash.includes(`&${name}=`));
    let saved = null;
    if (fromHash) {
      saved = hash;
    } else {
      try {
        saved = sessionStorage.getItem(STORAGE_KEY);
      } catch {
        saved = null; // storage blocked: the fragment still works
      }
    }
    if (saved === null) return;
    const params = new URLSearchParams(saved);
    for (const [old, { field, value }] of Object.entries(LEGACY)) {
      if (params.get(old) === "1" && !params.has(field)) params.set(field, value);
    }
    for (const name of FIELDS) {
      const input = this.form.elements.namedItem(name);
      if (input.type === "checkbox") {
        input.checked = params.has(name) ? params.get(name) === "1" : input.defaultChecked;
      } else if (input.tagName === "SELECT") {
        const wanted = params.get(name);
        const known = Array.from(input.options).some((option) => option.value === wanted);
        input.value = known ? wanted : initial(input);
      } else input.value = params.has(name) ? capped(params.get(name)) : input.defaultValue;
    }
    // Keep a heading's #anchor in the address until the user types.
    if (fromHash || !hash) this.remember();
  }

  // False once instant navigation has left this page (it changes the address before it
  // swaps the content, and the form's last "change" event fires as it is removed): a form
  // on its way out must not write into another page's address.
  get live() {
    return view === this && this.root.isConnected && location.pathname === this.path;
  }

  remember() {
    if (!this.live) return;
    const encoded = this.encode();
    try {
      sessionStorage.setItem(STORAGE_KEY, encoded);
    } catch {
      // storage blocked: the fragment still works
    }
    const url = new URL(location.href);
    url.hash = encoded;
    const bare = `${location.pathname}${location.search}`;
    history.replaceState(history.state, "", encoded ? url.href : bare);
    this.$("[data-checker-share]").href = encoded ? url.href : bare;
    this.$("[data-checker-share-wrap]").hidden = !encoded;
  }

  // --- checking ---------------------------------------------------------------------------

  schedule() {
    clearTimeout(this.timer);
    if (!this.live) return;
    this.remember();
    this.timer = setTimeout(() => this.check(), DEBOUNCE_MS);
  }

  check() {
    clearTimeout(this.timer);
    if (!this.live) return;
    this.remember();
    if (boot.state !== "ready") return; // the boot's own .then() checks once it is ready
    const seq = ++this.seq;
    const started = performance.now();
    call("check_form", [this.read(), localToday(), this.config.lang]).then(
      (result) => {
        if (seq !== this.seq || !this.live) return; // a newer check is coming, or we left
        this.render(result);
        this.root.dataset.checkerChecks = String(Number(this.root.dataset.checkerChecks || 0) + 1);
        performance.measure("checker:check", { start: started, end: performance.now() });
      },
      (error) => this.callFailed(error),
    );
  }

  callFailed(error) {
    const box = this.$("[data-checker-call-error]");
    box.textContent = `${this.strings.call_failed} ${this.strings.error_detail} ${error.message}`;
    box.hidden = false;
    console.error("checker:", error);
  }

  render(result) {
    this.$("[data-checker-call-error]").hidden = true;
    const errors = {};
    for (const part of [result.number, result.amount, result.estimate]) {
      if (part && !part.ok && !(part.field in errors)) errors[part.field] = part;
    }
    for (const box of this.root.querySelectorAll("[data-checker-field-error]")) {
      const name = box.dataset.checkerFieldError;
      const error = errors[name];
      box.hidden = !error;
      box.textContent = error ? error.message : "";
      if (error) box.dataset.code = error.code;
      else delete box.dataset.code;
      this.form.elements.namedItem(name).setAttribute("aria-invalid", String(Boolean(error)));
    }
    this.part("[data-checker-number]", result.number);
    this.part("[data-checker-amount]", result.amount);
    this.part("[data-checker-estimate]", result.estimate);
    const estimate = result.estimate && result.estimate.ok ? result.estimate : null;
    const status = this.$("[data-checker-status]");
    status.dataset.status = estimate ? estimate.status : "";
    // The network warning stands in the status (the adapter puts it there), not only below it.
    const caveat = Boolean(estimate && (estimate.status_warnings || []).length);
    if (caveat) status.dataset.caveat = "1";
    else delete status.dataset.caveat;
    this.$('[data-checker-number] [data-checker-list="warning_messages"]').hidden =
      caveat || !(result.number && result.number.ok && (result.number.warnings || []).length);
    this.$("[data-checker-empty]").hidden = Boolean(estimate);
    this.summary = result.summary;
    this.$("[data-checker-actions]").hidden = !estimate;
    if (!estimate) {
      this.$("[data-checker-summary]").hidden = true;
      this.$("[data-checker-notice]").textContent = "";
    }
  }

  part(selector, result) {
    const el = this.$(selector);
    setData(el, result);
    el.hidden = !(result && result.ok);
    if (!result || !result.ok) return;
    for (const out of el.querySelectorAll("[data-checker-out]")) {
      const value = result[out.dataset.checkerOut];
      const missing = value === null || value === undefined;
      out.textContent = missing ? "" : String(value);
      const row = out.closest("[data-checker-row]");
      if (row && out.tagName === "DD") row.hidden = missing; // a promo has no dates
    }
    for (const list of el.querySelectorAll("[data-checker-list]")) {
      const key = list.dataset.checkerList;
      clear(list);
      for (const entry of result[key] || []) list.append(this.entry(key, entry));
      const wrap = el.querySelector(`[data-checker-list-wrap="${key}"]`);
      if (wrap) wrap.hidden = !list.childElementCount;
      else list.hidden = !list.childElementCount;
    }
  }

  entry(key, entry) {
    if (key === "assumptions") {
      const li = item(`${entry.message} `);
      li.dataset.code = entry.code;
      const href = this.config.rules_links[entry.code] || this.config.rules_url;
      if (href) li.append(link(this.strings.rules_link, href));
      return li;
    }
    if (key === "sources") {
      const li = document.createElement("li");
      const a = link(entry.title, entry.url);
      a.rel = "noopener noreferrer";
      li.append(a, ` (${entry.confidence}, ${entry.checked})`);
      return li;
    }
    return item(entry);
  }

  // --- actions ----------------------------------------------------------------------------

  notice(text) {
    this.$("[data-checker-notice]").textContent = text;
  }

  calendar() {
    call("calendar", [this.read(), localToday(), this.config.lang, new Date().toISOString()]).then(
      (result) => {
        if (!result.ok) {
          this.notice(result.message);
          return;
        }
        const blob = new Blob([result.ics], { type: "text/calendar;charset=utf-8" });
        const url = URL.createObjectURL(blob);
        const a = document.createElement("a");
        a.href = url;
        a.download = result.filename;
        a.hidden = true;
        this.root.append(a);
        a.click();
        a.remove();
        setTimeout(() => URL.revokeObjectURL(url), 10000);
        this.notice(this.strings["calendar.done"]);
      },
      (error) => this.callFailed(error),
    );
  }

  async copy(text) {
    try {
      await navigator.clipboard.writeText(text);
      this.$("[data-checker-summary]").hidden = true;
      this.notice(this.strings.copied);
    } catch {
      const box = this.$("[data-checker-summary]");
      box.value = text;
      box.hidden = false;
      box.focus();
      box.select();
      this.notice(this.strings.copy_failed);
    }
  }

  copySummary() {
    if (this.summary) this.copy(this.summary);
  }

  copyLink() {
    this.copy(this.$("[data-checker-share]").href);
  }
}

function mount() {
  const root = document.querySelector("[data-checker]");
  if (view && view.root === root) return;
  if (view) clearTimeout(view.timer);
  view = null;
  if (!root) return;
  view = new View(root);
  view.restore();
  view.showBoot();
  // After a failed boot the page says why and offers a retry; it does not retry by itself.
  if (boot.state !== "error") view.start();
}

// On a full page load this module may run from the head before the body is parsed: start
// the worker at once from the head's copy of the config, then mount when the page is there.
const early = document.querySelector('meta[name="checker-boot"]');
if (early) startBoot(JSON.parse(early.content), Number(early.dataset.checkerTimeout) || 60000);

// Material emits document$ on the first load and after every instant navigation.
function subscribe() {
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(() => mount());
  } else {
    mount();
  }
}
if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", subscribe, { once: true });
} else {
  subscribe();
}
