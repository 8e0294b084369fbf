// @ts-check
// The checker on the page: the form, the address fragment and sessionStorage, the results, the
// actions. Glue only: every rule, date and message comes from checker.web through client.js;
// the fields are checker.web.FIELDS and the words checker.messages', both from the build's
// config. Widgets are found by the data-* attributes overrides/checker.html lists (the
// testability contract); every text goes in with textContent.

import * as client from "./client.js";
import * as early from "./early.js";
import { SavedLines } from "./lines.js";
import { STEPS } from "./protocol.js";

/** @typedef {import("../../../types/checker-web").FormAnswer} FormAnswer */
/** @typedef {import("../../../types/checker-web").EstimateAnswer} EstimateAnswer */

/**
 * @typedef {object} Field  one of checker.web.FIELDS
 * @property {string} name
 * @property {"date" | "integer" | "decimal" | "tel" | "checkbox" | "choice"} kind
 * @property {boolean} required
 * @property {string | boolean} default
 * @property {string[]} options
 */
/** @typedef {string | boolean} Value */

const STORAGE_KEY = "checker.form";
const DEBOUNCE_MS = 150;

function localToday() {
  const d = new Date();
  const pad = (/** @type {number} */ n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** @param {string} key */
function attr(key) {
  return "data-" + key.replaceAll("_", "-");
}

// Put a result dict's scalar fields on an element as data attributes, dropping old ones.
/** @param {Element} el @param {Record<string, unknown> | null} result */
function setData(el, result) {
  for (const name of el.getAttributeNames()) {
    if (name.startsWith("data-") && !name.startsWith("data-checker")) el.removeAttribute(name);
  }
  for (const [key, value] of Object.entries(result || {})) {
    if (value !== null && typeof value !== "object") el.setAttribute(attr(key), String(value));
  }
}

// A link's text cut to the page's maxlength, as maxlength cuts a paste: never half a character.
/** @param {string} text @param {number} limit */
function capped(text, limit) {
  let end = Math.min(text.length, limit);
  if (end < text.length && /[\uD800-\uDBFF]/.test(text[end - 1])) end -= 1;
  return text.slice(0, end);
}

/** @param {Element} el */
function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
}

/** Bytes as the page says them: decimal megabytes, one decimal (hooks' megabytes()). */
export function megabytes(/** @type {number} */ size) {
  return (size / 1_000_000).toFixed(1);
}

/** @param {string} template @param {Record<string, string>} params  "{name}" -> value */
function fill(template, params) {
  return template.replace(/\{(\w+)\}/g, (whole, name) => params[name] ?? whole);
}

/** @param {string} text */
function item(text) {
  const li = document.createElement("li");
  li.textContent = text;
  return li;
}

/** @param {string} text @param {string} href */
function link(text, href) {
  const a = document.createElement("a");
  a.textContent = text;
  a.href = href;
  return a;
}

export class View {
  /** @param {HTMLElement} root  the [data-checker] element */
  constructor(root) {
    this.root = root;
    this.config = JSON.parse(root.dataset.checkerConfig || "{}");
    /** @type {Field[]} */
    this.fields = this.config.fields;
    /** @type {Record<string, string>} */
    this.strings = this.config.strings;
    // The most a text field holds, takes from a link, or saves (checker.web.LIMITS says why).
    /** @type {number} */
    this.maxLength = this.config.limits.text_max_length;
    // Links and saved forms from before reload_kind (checker.web.LEGACY: promo=1 is a promo).
    /** @type {Record<string, {field: string, value: string}>} */
    this.legacy = this.config.legacy;
    this.form = /** @type {HTMLFormElement} */ (this.$("[data-checker-form]"));
    this.seq = 0;
    /** @type {number | undefined} */
    this.timer = undefined;
    /** @type {string | null} */
    this.summary = null;
    /** @type {EstimateAnswer | null} the last valid estimate on the page, which the glance shows */
    this.estimate = null;
    // Until the runtime's first answer reaches the page, the glance shows the table's
    // (early.js): the default form's answer, computed at build time.
    this.rendered = false;
    /** @type {early.Table | null} */
    this.table = null;
    /** @type {early.Early | null} */
    this.early = null;
    /** @type {string} the boot's state, as last shown */
    this.state = "loading";
    // The fields whose errors show: judged on leaving them, on Check, or once they read well;
    // a field being typed in is not judged until then, so "2" is never "unreadable".
    /** @type {Set<string>} */
    this.judged = new Set();
    /** @type {any} the last answer, drawn again when a field is judged */
    this.result = null;
    // Check was pressed: once its answer is drawn, focus the first error or show the card.
    this.submitted = false;
    this.path = location.pathname;
    this.mounted = true; // until checker.js mounts another page's view
    for (const input of this.form.querySelectorAll("input")) {
      if (input.type === "text" || input.type === "tel") input.maxLength = this.maxLength;
    }
    this.form.addEventListener("input", (event) => {
      this.judged.delete(this.nameOf(event.target));
      this.schedule();
    });
    this.form.addEventListener("change", () => this.schedule());
    this.form.addEventListener("focusout", (event) => this.judge(this.nameOf(event.target)));
    this.form.addEventListener("submit", (event) => {
      event.preventDefault();
      for (const field of this.fields) this.judged.add(field.name);
      this.submitted = true;
      this.check();
    });

    // The page's HTML says the checker needs JavaScript and disables the form until now.
    this.$("[data-checker-needs-js]").hidden = true;
    const untilJs = /** @type {NodeListOf<HTMLInputElement | HTMLButtonElement>} */ (
      root.querySelectorAll("[data-checker-until-js]")
    );
    for (const el of untilJs) el.disabled = false;
    this.$("[data-checker-retry]").addEventListener("click", () => this.start());
    this.$("[data-checker-download]").addEventListener("click", () => client.confirm());
    this.$("[data-checker-calendar]").addEventListener("click", () => this.calendar());
    this.$("[data-checker-copy]").addEventListener("click", () => this.copySummary());
    this.$("[data-checker-copy-link]").addEventListener("click", () => this.copyLink());
    this.lines = new SavedLines({
      root,
      config: this.config,
      strings: this.strings,
      read: () => this.read(),
      load: (name, value) => this.load(name, value),
      callFailed: (error) => this.callFailed(error),
      today: localToday,
    });
    this.lines.early = () => this.earlyLines();
    this.loadTable();
  }

  // The table of answers computed at build time; without it the page waits for the runtime.
  loadTable() {
    const url = this.config.early && this.config.early.url;
    if (!url) return;
    early.load(url).then(
      (table) => {
        if (!this.mounted) return;
        this.table = table;
        this.earlyCheck();
        this.earlyLines();
      },
      (error) => console.error("checker: the table of early answers", error),
    );
  }

  // The table's answer for the form as it is, until the runtime's first answer replaces it.
  earlyCheck() {
    if (this.rendered) return;
    const found = early.lookup(this.table, this.read(), localToday(), [], this.config.lang);
    const labels = (this.config.early && this.config.early.status_labels) || {};
    this.early = found && { ...found, status_label: labels[found.status] || found.status };
    this.root.dataset.checkerEarly = this.early ? "shown" : "none";
    this.glance();
  }

  // The saved lines the table answers, listed until the runtime lists them all.
  earlyLines() {
    if (this.rendered || client.state().state === "ready") return;
    const stored = this.lines.stored();
    const found = early.savedLines(this.table, stored, localToday(), this.config.early);
    if (found) this.lines.drawEarly(found.lines, found.rest);
    else if (!stored) this.lines.drawEarly([], 0); // all deleted before the runtime came
  }

  /** @param {EventTarget | null} target @returns {string} the field a control belongs to */
  nameOf(target) {
    return target instanceof HTMLInputElement ? target.name : "";
  }

  /** @param {string} name */
  judge(name) {
    if (!name || this.judged.has(name)) return;
    this.judged.add(name);
    if (this.result) this.render(this.result);
  }

  /** @param {string} selector @returns {any} */
  $(selector) {
    return this.root.querySelector(selector);
  }

  get stallMs() {
    return Number(this.root.dataset.checkerStall) || 30000;
  }

  unmount() {
    this.mounted = false;
    clearTimeout(this.timer);
  }

  start() {
    client.start(this.config, this.stallMs).then(
      () => {
        this.check();
        this.lines.refresh();
      },
      () => {},
    );
  }

  /** @param {client.State} boot */
  showBoot(boot) {
    const { state, step, error, detail } = boot;
    this.root.dataset.checkerState = state;
    if (state === "error") this.root.dataset.checkerError = error || "load_failed";
    else delete this.root.dataset.checkerError;
    if (boot.from) this.root.dataset.checkerBoot = boot.from;
    const panel = this.$("[data-checker-boot]");
    const message = this.$("[data-checker-boot-message]");
    const progress = this.$("[data-checker-progress]");
    const more = this.$("[data-checker-boot-detail]");
    panel.hidden = state === "ready";
    progress.hidden = state !== "loading";
    // In bytes of the download while it lasts; then the boot's steps.
    const total = boot.total || 0;
    const loaded = Math.min(boot.loaded || 0, total);
    const bytes = this.$("[data-checker-bytes]");
    const sizes = { loaded: megabytes(loaded), total: megabytes(total) };
    const downloading = state === "loading" && total > 0 && loaded < total;
    if (total > 0 && (downloading || step !== "ready")) {
      progress.max = total;
      progress.value = loaded;
    } else {
      progress.max = STEPS.length - 1;
      progress.value = Math.max(0, STEPS.indexOf(step));
    }
    bytes.hidden = !downloading;
    bytes.textContent = fill(this.strings["progress.bytes"], sizes);
    this.root.dataset.checkerLoaded = String(loaded);
    this.root.dataset.checkerTotal = String(total);
    this.$("[data-checker-download]").hidden = state !== "waiting";
    this.$("[data-checker-retry]").hidden = state !== "error" || error === "no_wasm";
    if (state === "error") {
      const seconds = String(Math.round(this.stallMs / 1000));
      message.textContent = fill(this.strings[error || ""] || this.strings.load_failed, { seconds });
    } else if (state === "waiting") message.textContent = this.strings.save_data;
    else if (!downloading && step !== "ready" && total > 0 && loaded >= total) {
      message.textContent = this.strings["progress.checker"];
    } else {
      const words = this.strings[`progress.${step}`] || this.strings.loading;
      message.textContent = fill(words, sizes);
    }
    more.hidden = !(state === "error" && detail);
    more.textContent = detail ? `${this.strings.error_detail} ${detail}` : "";
    this.$("[data-checker-results]").setAttribute("aria-busy", String(state === "loading"));
    this.$("[data-checker-offline-note]").hidden = boot.offline !== "kept";
    this.state = state;
    const waits = state === "loading" || state === "waiting";
    this.$("[data-checker-empty]").textContent =
      this.strings[waits ? "results.coming" : "results.empty"];
    this.$("[data-checker-glance-bytes]").textContent = downloading ? bytes.textContent : "";
    this.glance();
    if (boot.offline === "kept") this.root.dataset.checkerOffline = "kept";
  }

  // --- the form, the URL fragment and sessionStorage ------------------------------------

  /** @param {Field} field @returns {any} an input, a select, or the radio buttons of a choice */
  control(field) {
    return this.form.elements.namedItem(field.name);
  }

  /** @param {Field} field @returns {Value} */
  value(field) {
    const control = this.control(field);
    return field.kind === "checkbox" ? control.checked : control.value;
  }

  /** @param {Field} field @param {Value} value */
  setValue(field, value) {
    const control = this.control(field);
    if (field.kind === "checkbox") control.checked = value;
    else control.value = value;
  }

  // A saved line's value into its field (the list's Open), then a check as after typing.
  /** @param {string} name @param {Value} value */
  load(name, value) {
    const field = this.fields.find((f) => f.name === name);
    if (!field) return;
    const parsed = this.parse(field, typeof value === "boolean" ? this.serialise(value) : value);
    this.setValue(field, parsed === null ? field.default : parsed);
    this.judged.add(name); // a saved value is not being typed
    this.schedule();
  }

  // A value from a link or storage, as the form would hold it; null when it cannot hold it.
  /** @param {Field} field @param {string} text @returns {Value | null} */
  parse(field, text) {
    if (field.kind === "checkbox") return text === "1";
    if (field.kind === "choice") return field.options.includes(text) ? text : null;
    return capped(text, this.maxLength);
  }

  /** @param {Value} value */
  serialise(value) {
    return typeof value === "boolean" ? (value ? "1" : "0") : value;
  }

  read() {
    /** @type {Record<string, Value>} */
    const form = {};
    for (const field of this.fields) form[field.name] = this.value(field);
    return form;
  }

  encode() {
    const params = new URLSearchParams();
    for (const field of this.fields) {
      const value = this.value(field);
      if (value === field.default) continue;
      if (typeof value === "string" && value.length > this.maxLength) continue;
      params.set(field.name, this.serialise(value));
    }
    return params.toString();
  }

  restore() {
    const hash = location.hash.slice(1);
    const names = [...this.fields.map(({ name }) => name), ...Object.keys(this.legacy)];
    const fromHash = names.some((name) => hash.startsWith(`${name}=`) || hash.includes(`&${name}=`));
    /** @type {string | null} */
    let saved = null;
    if (fromHash) saved = hash;
    else {
      try {
        saved = sessionStorage.getItem(STORAGE_KEY);
      } catch {
        // storage blocked: the fragment still works
      }
    }
    if (saved === null) return;
    const params = new URLSearchParams(saved);
    for (const [old, { field, value }] of Object.entries(this.legacy)) {
      if (params.get(old) === "1" && !params.has(field)) params.set(field, value);
    }
    for (const field of this.fields) {
      const text = params.get(field.name);
      const value = text === null ? null : this.parse(field, text);
      this.setValue(field, value === null ? field.default : value);
      this.judged.add(field.name); // from a link or this tab: not being typed
    }
    // Keep a heading's #anchor in the address until the user types.
    if (fromHash || !hash) this.remember();
  }

  // False once instant navigation has left this page (it changes the address before it
  // swaps the content, and the form's last "change" event fires as it is removed): a form
  // on its way out must not write into another page's address.
  get live() {
    return this.mounted && this.root.isConnected && location.pathname === this.path;
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
    this.earlyCheck();
    this.timer = setTimeout(() => this.check(), DEBOUNCE_MS);
  }

  check() {
    clearTimeout(this.timer);
    if (!this.live) return;
    this.remember();
    if (client.state().state !== "ready") return; // the boot's own .then() checks once ready
    const seq = ++this.seq;
    const started = performance.now();
    const args = { form: this.read(), today: localToday(), lang: this.config.lang };
    client.call("check_form", args).then(
      (result) => {
        if (seq !== this.seq || !this.live) return; // a newer check is coming, or we left
        this.render(result);
        this.root.dataset.checkerChecks = String(Number(this.root.dataset.checkerChecks || 0) + 1);
        performance.measure("checker:check", { start: started, end: performance.now() });
      },
      (error) => this.callFailed(error),
    );
  }

  /** @param {Error} error */
  callFailed(error) {
    // A worker that died says so in the boot panel, with Retry; this box is for one call.
    if (error instanceof client.BootError) return;
    const box = this.$("[data-checker-call-error]");
    box.textContent = `${this.strings.call_failed} ${this.strings.error_detail} ${error.message}`;
    box.hidden = false;
    console.error("checker:", error);
  }

  /** @param {FormAnswer} result  checker.web.check_form's answer */
  render(result) {
    this.result = result;
    this.$("[data-checker-call-error]").hidden = true;
    /** @type {Record<string, any>} */
    const errors = {};
    for (const part of [result.number, result.amount, result.estimate]) {
      if (part && !part.ok && !(part.field in errors)) errors[part.field] = part;
    }
    const form = this.read();
    for (const field of this.fields) {
      // A value that reads well is judged from now on; a required one left empty is an error
      // once judged (the adapter answers nothing for a blank form).
      if (!(field.name in errors) && form[field.name] !== "") this.judged.add(field.name);
      if (field.required && form[field.name] === "" && !(field.name in errors)) {
        errors[field.name] = { code: "required", message: this.strings.required };
      }
    }
    /** @type {HTMLElement | null} */
    let first = null;
    const boxes = /** @type {NodeListOf<HTMLElement>} */ (
      this.root.querySelectorAll("[data-checker-field-error]")
    );
    for (const box of boxes) {
      const name = box.dataset.checkerFieldError || "";
      const error = this.judged.has(name) ? errors[name] : undefined;
      if (error && !first) first = box;
      box.hidden = !error;
      box.textContent = error ? error.message : "";
      if (error) box.dataset.code = error.code;
      else delete box.dataset.code;
      const field = this.fields.find((f) => f.name === name);
      const control = field && this.control(field);
      // A choice's radio buttons share one message: mark their group.
      const target = control instanceof Element ? control : this.$(`[data-checker-field="${name}"]`);
      if (target) target.setAttribute("aria-invalid", String(Boolean(error)));
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
    // Never ask for a value the reader typed: a date that is there but wrong is "fix it".
    if (this.state === "ready") {
      const typed = this.fields.some((f) => f.required && form[f.name] !== "");
      const words = first ? "results.fix" : typed ? "results.typing" : "results.empty";
      this.$("[data-checker-empty]").textContent = this.strings[words];
    }
    this.estimate = estimate;
    this.rendered = true;
    this.early = null;
    delete this.root.dataset.checkerEarly;
    this.glance();
    this.summary = result.summary;
    this.$("[data-checker-actions]").hidden = !estimate;
    if (!estimate) {
      this.$("[data-checker-summary]").hidden = true;
      this.$("[data-checker-notice]").textContent = "";
    }
    if (this.submitted) {
      this.submitted = false;
      this.answerCheck(first);
    }
  }

  // Check's answer: focus the first field in error (its message is the field's description,
  // so a screen reader says it), or bring the answer card into view.
  /** @param {HTMLElement | null} firstError */
  answerCheck(firstError) {
    const smooth = !matchMedia("(prefers-reduced-motion: reduce)").matches;
    const options = /** @type {ScrollIntoViewOptions} */ ({
      block: "center",
      behavior: smooth ? "smooth" : "auto",
    });
    if (firstError) {
      const box = /** @type {HTMLElement} */ (firstError.closest("[data-checker-field]"));
      const control = box && box.querySelector("input");
      if (control) {
        control.focus({ preventScroll: true });
        box.scrollIntoView(options);
      }
      return;
    }
    const card = this.$("[data-checker-card]");
    if (this.estimate && card) {
      card.focus({ preventScroll: true });
      card.scrollIntoView({ ...options, block: "start" });
    } else this.$("[data-checker-results]").scrollIntoView(options);
  }

  // The answer in view: while the reader is at the form, a bar at the bottom of the screen
  // (sticky, overrides/checker.html) says the reload-by date and the status, or, while the
  // checker loads, that they are coming.
  // Before the runtime's first answer, the table's (marked as such) when it has one.
  glance() {
    const waits = this.state === "loading" || this.state === "waiting";
    const checked = this.state === "ready" ? this.estimate : null;
    const answer = this.rendered ? checked : this.early;
    this.part("[data-checker-glance-answer]", answer);
    const isEarly = Boolean(answer && "early" in answer && answer.early);
    this.$("[data-checker-glance-early]").hidden = !isEarly;
    this.$("[data-checker-glance-more]").hidden = isEarly; // the details come with the runtime
    this.$("[data-checker-glance-wait]").hidden = !waits || isEarly;
    this.$("[data-checker-glance]").hidden = !waits && !answer;
  }

  /** @param {string} selector @param {any} result */
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
      if (row) row.hidden = missing; // a promo has no dates
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

  /** @param {string} key @param {any} entry */
  entry(key, entry) {
    if (key === "assumptions") {
      // Each assumption names the rule it rests on (checker.estimate.ASSUMPTIONS): its row on
      // the rules page is #rule-<key>.
      const li = item(`${entry.message} `);
      li.dataset.code = entry.code;
      const rules = this.config.rules_url;
      if (rules) li.append(link(this.strings.rules_link, `${rules}#rule-${entry.rule}`));
      return li;
    }
    if (key === "other_dates") {
      // One date of the fold: its name, and the date as the reader says it (ISO in data-date).
      const row = document.createElement("div");
      row.dataset.checkerDate = entry.key;
      const dt = document.createElement("dt");
      dt.textContent = entry.label;
      const dd = document.createElement("dd");
      dd.textContent = entry.text;
      dd.dataset.date = entry.date;
      row.append(dt, dd);
      return row;
    }
    if (key === "sources") {
      const li = document.createElement("li");
      const a = link(entry.title, entry.url);
      a.rel = "noopener noreferrer";
      li.append(a, ` (${entry.confidence_label}, ${entry.checked})`);
      return li;
    }
    return item(entry);
  }

  // --- actions ----------------------------------------------------------------------------

  /** @param {string} text */
  notice(text) {
    this.$("[data-checker-notice]").textContent = text;
  }

  calendar() {
    const args = {
      form: this.read(),
      today: localToday(),
      lang: this.config.lang,
      now: new Date().toISOString(),
    };
    client.call("calendar", args).then(
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

  /** @param {string} text */
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
