// @ts-check
// "My numbers": the lines a reader saves on this device, their list, one calendar for all,
// export and import. Glue only: the document kept in localStorage is the one checker.web
// answers (checker/lines.py: the form's values and a label, never a result), and every date,
// status, check and message on the list comes from checker.web through client.js. Nothing is
// written before the reader presses Save (or imports a file).
//
// Nothing lost: each change (save, delete, undo, import) reads the kept text again inside a
// lock shared by the tabs and writes checker.web's answer back before releasing it; a tab
// redraws its list when another tab changes it (the `storage` event); deletions name the
// lines the reader saw. Nothing stuck: lines the checker refuses today are listed apart,
// with their own message, Open and Delete; a list that cannot be read is set aside, never
// written over (checker/saved.py).

import * as client from "./client.js";

/** @typedef {import("../../../types/checker-web").SavedLine} SavedLine */
/** @typedef {import("../../../types/checker-web").LinesDocument} LinesDocument */

// One key, versioned with the document's format (checker/lines.py VERSION).
export const STORAGE_KEY = "checker.lines.v1";
// A kept list checker.web could not read, set aside before a new list is written over it:
// a JSON array of the texts, as they were (export returns each).
export const ASIDE_KEY = "checker.lines.v1.aside";
// Every change to the list is read, computed and written under this lock, shared by the
// page's tabs, so two tabs saving at once each add to the other's list (Web Locks API).
const LOCK = "checker.lines";
const RETRIES = 5;
// Chromium keeps a copy of localStorage in each tab's process and brings another tab's
// writes in asynchronously, on a channel of its own: a tab granted the lock can still read
// the list as it was before the last holder wrote it, and write that holder's line away
// (seen in tests/browser/test_saved_lines_robust.py, about one run in four). So each change
// also counts itself: the count is kept in IndexedDB, which every tab reads alike, and
// beside the list in localStorage, written after it. A holder whose localStorage count is
// behind IndexedDB's waits for the last write to arrive before it reads the list.
const REVISION_KEY = "checker.lines.v1.revision";
const REVISION_DB = "checker.lines";
const REVISION_STORE = "revision";
// How long a tab waits for another tab's write to reach it (it takes milliseconds); past
// this the copy is taken as it is, as without IndexedDB.
const CATCH_UP_MS = 2000;

/** @type {Promise<IDBDatabase | null> | null} */
let revisionDb = null;

/** IndexedDB for the count, or null where it cannot be opened (some private windows). */
function revisions() {
  if (!revisionDb) {
    revisionDb = new Promise((resolve) => {
      try {
        const request = indexedDB.open(REVISION_DB, 1);
        request.onupgradeneeded = () => request.result.createObjectStore(REVISION_STORE);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => resolve(null);
        request.onblocked = () => resolve(null);
      } catch {
        resolve(null);
      }
    });
  }
  return revisionDb;
}

/**
 * The count in IndexedDB (0 when none), or with `next`, write it and answer it once stored.
 * @param {IDBDatabase} db @param {number} [next] @returns {Promise<number>}
 */
function revision(db, next) {
  return new Promise((resolve) => {
    try {
      const mode = next === undefined ? "readonly" : "readwrite";
      const transaction = db.transaction(REVISION_STORE, mode);
      const store = transaction.objectStore(REVISION_STORE);
      const request = next === undefined ? store.get("count") : store.put(next, "count");
      transaction.oncomplete = () => resolve(next === undefined ? Number(request.result) || 0 : next);
      transaction.onerror = () => resolve(0);
      transaction.onabort = () => resolve(0);
    } catch {
      resolve(0);
    }
  });
}

/** @param {number} ms */
function pause(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Run `work` while no other tab of this site changes the list. Without Web Locks (Safari
 * before 15.4) the change itself compares and retries (SavedLines.change).
 * @template T @param {() => Promise<T>} work @returns {Promise<T>}
 */
function exclusive(work) {
  // With site data blocked the list lives in this page alone (and Web Locks refuse the
  // request with a SecurityError): there is no other tab to wait for.
  const locks = storage().problem ? null : navigator.locks;
  return locks ? locks.request(LOCK, work) : work();
}

/**
 * @typedef {object} Host  what the view lends the list (view.js)
 * @property {HTMLElement} root
 * @property {any} config
 * @property {Record<string, string>} strings
 * @property {() => Record<string, string | boolean>} read
 * @property {(name: string, value: string | boolean) => void} load
 * @property {(error: Error) => void} callFailed
 * @property {() => string} today
 */

/**
 * The page's localStorage, and why it keeps nothing: "blocked" when site data is blocked
 * (reading it throws, or overrides/main.html put its stand-in in its place, which marks
 * itself `transient`: lines saved there last as long as the page).
 * @returns {{storage: Storage | null, problem: string}}
 */
function storage() {
  try {
    const store = window.localStorage;
    if (!store) return { storage: null, problem: "blocked" };
    const transient = /** @type {any} */ (store).transient === true;
    return { storage: store, problem: transient ? "blocked" : "" };
  } catch {
    return { storage: null, problem: "blocked" };
  }
}

/** @param {string} text @param {string} type @param {string} filename @param {Element} where */
function download(text, type, filename, where) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  a.hidden = true;
  where.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

export class SavedLines {
  /** @param {Host} host */
  constructor(host) {
    this.host = host;
    this.root = /** @type {HTMLElement} */ (host.root.querySelector("[data-checker-lines]"));
    this.strings = host.strings;
    this.list = /** @type {HTMLElement} */ (this.$("[data-checker-saved]"));
    this.attention = /** @type {HTMLElement} */ (this.$("[data-checker-attention]"));
    /** @type {any[]} the lines as checker.web.saved_lines answered them */
    this.lines = [];
    /** @type {string[]} the keys of every line the reader sees, for "Delete all" */
    this.seen = [];
    /** @type {any[] | null} what the last single delete removed, for its undo */
    this.removed = null;
    /** @type {(() => void) | null} lists the lines from the build's table, until ready */
    this.early = null;
    this.seq = 0;
    this.drawn = false;
    this.root.hidden = false;
    this.$("[data-checker-save]").addEventListener("click", () => this.save());
    this.$("[data-checker-ics-all]").addEventListener("click", () => this.calendar());
    this.$("[data-checker-export]").addEventListener("click", () => this.export());
    this.$("[data-checker-delete-all]").addEventListener("click", () => this.deleteAll());
    this.$("[data-checker-undo]").addEventListener("click", () => this.undo());
    this.$("[data-checker-aside-export]").addEventListener("click", () => this.exportAside());
    this.$("[data-checker-aside-delete]").addEventListener("click", () => this.deleteAside());
    const file = this.$("[data-checker-import]");
    file.addEventListener("change", () => {
      const chosen = file.files && file.files[0];
      file.value = ""; // choosing the same file again is a new import
      if (chosen) this.import(chosen);
    });
    // The limit counts characters (code points) as checker/lines.py does, not maxlength's
    // UTF-16 units, which would stop an emoji label at half of it.
    const label = this.$("[data-checker-label]");
    const most = host.config.limits.label_max_length;
    label.addEventListener("input", () => {
      const chars = Array.from(label.value);
      if (chars.length > most) label.value = chars.slice(0, most).join("");
    });
    // Another tab changed the list (or cleared site data): show the list as it is now.
    window.addEventListener("storage", (event) => {
      if (event.key === null || event.key === STORAGE_KEY || event.key === ASIDE_KEY) {
        this.removed = null;
        this.$("[data-checker-undo]").hidden = true;
        this.refresh();
      }
    });
    this.showBlocked();
  }

  /** @param {string} selector @returns {any} */
  $(selector) {
    return this.host.root.querySelector(selector);
  }

  // --- storage ----------------------------------------------------------------------------

  /** @param {string} [key] the kept text under `key`, or "" when nothing is kept (or can be) */
  stored(key = STORAGE_KEY) {
    const { storage: store } = storage();
    if (!store) return "";
    try {
      // Not null: the worker would hand Python a JsNull, not None.
      return store.getItem(key) || "";
    } catch {
      return "";
    }
  }

  /**
   * Keep `doc` (checker.web's answer); "" when kept, else why not: blocked | full. A list
   * with no line left is removed, as if nothing had ever been saved.
   * @param {any} doc
   */
  keep(doc) {
    const { storage: store, problem } = storage();
    if (!store) return problem;
    try {
      if (doc && Array.isArray(doc.lines) && !doc.lines.length) store.removeItem(STORAGE_KEY);
      else store.setItem(STORAGE_KEY, JSON.stringify(doc));
      return problem; // "blocked" when it went into the page-lived stand-in
    } catch (error) {
      const name = error instanceof DOMException ? error.name : "";
      return name === "QuotaExceededError" ? "full" : "blocked";
    }
  }

  /** The texts set aside (ASIDE_KEY), oldest first. */
  aside() {
    try {
      const texts = JSON.parse(this.stored(ASIDE_KEY) || "[]");
      return Array.isArray(texts) ? texts.filter((text) => typeof text === "string") : [];
    } catch {
      return [];
    }
  }

  /** Set `text` aside before a new list is written over it; "" when it is, else why not. @param {string} text */
  setAside(text) {
    const texts = this.aside();
    if (!text || texts.includes(text)) return "";
    const { storage: store, problem } = storage();
    if (!store) return problem;
    try {
      store.setItem(ASIDE_KEY, JSON.stringify([...texts, text]));
      return "";
    } catch (error) {
      const name = error instanceof DOMException ? error.name : "";
      return name === "QuotaExceededError" ? "full" : "blocked";
    }
  }

  showBlocked() {
    const blocked = storage().problem === "blocked";
    this.root.dataset.checkerStorage = blocked ? "blocked" : "ok";
    this.$("[data-checker-storage-blocked]").hidden = !blocked;
  }

  /**
   * One change to the list: `compute(text)` asks checker.web for the new document from the
   * kept text, which is written back before another tab may read it. Answers checker.web's
   * answer, with `problem` ("" | blocked | full) when it was ok.
   * @param {(text: string) => Promise<any>} compute
   * @returns {Promise<any>}
   */
  change(compute) {
    return exclusive(async () => {
      const db = storage().problem ? null : await revisions();
      const count = db ? await this.catchUp(db) : 0;
      for (let attempt = 0; ; attempt += 1) {
        const before = this.stored();
        const result = await compute(before);
        if (!result.ok) return result;
        // No lock: another tab wrote meanwhile, so compute again from its list.
        if (!navigator.locks && this.stored() !== before && attempt < RETRIES) continue;
        const aside = result.set_aside ? this.setAside(before) : "";
        // The unreadable list is never written over unless it is kept aside first.
        result.problem = aside || this.keep(result.saved);
        if (db && !result.problem) await this.counted(db, count + 1);
        return result;
      }
    });
  }

  /**
   * Wait until this tab's copy of localStorage holds the last change any tab counted in
   * IndexedDB (REVISION_KEY); answers the higher of the two counts, so the next one is
   * above any a tab may still hold (after one store was cleared and not the other).
   * @param {IDBDatabase} db @returns {Promise<number>}
   */
  async catchUp(db) {
    const count = await revision(db);
    const here = () => Number(this.stored(REVISION_KEY)) || 0;
    for (let waited = 0; here() < count && waited < CATCH_UP_MS; waited += 10) await pause(10);
    return Math.max(count, here());
  }

  /** Count a change kept: beside the list first, then in IndexedDB. @param {IDBDatabase} db @param {number} count */
  async counted(db, count) {
    const { storage: store } = storage();
    try {
      if (store) store.setItem(REVISION_KEY, String(count));
    } catch {
      return; // full: the list itself was kept; the next change waits CATCH_UP_MS at most
    }
    await revision(db, count);
  }

  // --- the list ---------------------------------------------------------------------------

  /** @param {string} text @param {boolean} [error] */
  notice(text, error = false) {
    const box = this.$("[data-checker-lines-notice]");
    box.textContent = text;
    box.dataset.kind = error ? "error" : "ok";
    if (!text) this.$("[data-checker-undo]").hidden = true;
  }

  // Ask checker.web for the list as of today and draw it; the dates are never stored.
  refresh() {
    if (client.state().state !== "ready") {
      if (this.early) this.early(); // the build's table lists what it can (view.js)
      return Promise.resolve();
    }
    const seq = ++this.seq;
    const args = { saved: this.stored(), today: this.host.today(), lang: this.host.config.lang };
    return client.call("saved_lines", args).then(
      (result) => {
        if (seq !== this.seq) return;
        if (!result.ok) {
          this.notice(result.message, true);
          this.draw({ lines: [], attention: [], damaged: null });
          return;
        }
        this.draw(result);
      },
      (error) => this.host.callFailed(error),
    );
  }

  /**
   * The lines the build's table answers, before the runtime lists them all (view.js,
   * early.js): no days left, and a note that says so and whether others are to come.
   * @param {any[]} lines @param {number} rest  how many kept lines the table does not answer
   */
  drawEarly(lines, rest) {
    if (!lines.length && rest) return; // none it answers: the list waits for the checker
    this.draw({ lines, attention: [], damaged: null });
    delete this.root.dataset.checkerSavedCount; // the count is of the checker's list
    if (!lines.length) return;
    this.root.dataset.checkerSavedEarly = String(rest);
    const words = [this.strings["lines.early"], rest ? this.strings["lines.early.rest"] : ""];
    this.notice(words.join(this.host.config.lang === "zh" ? "" : " ").trim());
  }

  /** @param {any} result  checker.web.saved_lines' answer (or drawEarly's lines) */
  draw(result) {
    const { lines, attention, damaged } = result;
    if (this.root.dataset.checkerSavedEarly !== undefined) {
      delete this.root.dataset.checkerSavedEarly;
      this.notice("");
    }
    this.lines = lines;
    this.seen = [...lines, ...attention].map((line) => line.key);
    while (this.list.firstChild) this.list.removeChild(this.list.firstChild);
    for (const line of lines) this.list.append(this.item(line));
    while (this.attention.firstChild) this.attention.removeChild(this.attention.firstChild);
    for (const line of attention) this.attention.append(this.needing(line));
    this.attention.hidden = !attention.length;
    const none = !lines.length && !attention.length;
    this.list.hidden = !lines.length;
    this.$("[data-checker-saved-empty]").hidden = !none;
    // Nothing to export, delete or put in a calendar: the buttons are not offered at all,
    // and the empty-list words say what saving will bring.
    this.$("[data-checker-lines-actions]").hidden = none;
    const buttons = /** @type {NodeListOf<HTMLButtonElement>} */ (
      this.host.root.querySelectorAll("[data-checker-needs-lines]")
    );
    for (const button of buttons) button.disabled = none;
    this.$("[data-checker-ics-all]").disabled = !lines.length;
    const aside = this.aside();
    const box = this.$("[data-checker-damaged]");
    box.hidden = !damaged && !aside.length;
    this.$("[data-checker-damaged-message]").textContent = damaged
      ? damaged.message
      : this.strings["lines.aside"];
    this.$("[data-checker-aside-export]").hidden = !aside.length && !damaged;
    this.$("[data-checker-aside-delete]").hidden = !aside.length;
    this.root.dataset.checkerSavedCount = String(lines.length);
    this.root.dataset.checkerAttentionCount = String(attention.length);
    this.root.dataset.checkerListState = damaged ? "damaged" : aside.length ? "aside" : "";
    if (!this.drawn) this.first(lines.length + attention.length);
    this.drawn = true;
  }

  /**
   * A returning reader with saved lines sees them first: on the first draw, with the form
   * still blank, the list moves above the form (`[data-checker-lines-first]`).
   * @param {number} count
   */
  first(count) {
    const form = this.host.read();
    const blank = !form.last_reload && !form.phone;
    const slot = this.$("[data-checker-lines-first]");
    if (!count || !blank || !slot) return;
    slot.append(this.$("[data-checker-saved-part]"));
    slot.hidden = false;
    this.host.root.dataset.checkerLinesFirst = "1";
  }

  /** @param {string} tag @param {string} className @param {string} text */
  span(tag, className, text) {
    const el = document.createElement(tag);
    el.className = className;
    el.textContent = text;
    return el;
  }

  /** @param {string} text @param {string} data @param {string} name @param {() => void} action */
  button(text, data, name, action) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "md-button checker__small";
    button.setAttribute(data, "");
    button.textContent = text;
    button.setAttribute("aria-label", `${text}: ${name}`);
    button.addEventListener("click", action);
    return button;
  }

  /** @param {any} line  one of saved_lines' lines or attention: its name, with its digits */
  name(line) {
    const name = this.span("strong", "checker__saved-label", line.label);
    if (!line.custom_label || !line.last_digits) return [name];
    const digits = this.strings["lines.last_digits"].replace("{digits}", line.last_digits);
    return [name, " ", this.span("span", "checker__saved-digits", digits)];
  }

  /** @param {SavedLine} line  one of checker.web.saved_lines' lines */
  item(line) {
    const li = document.createElement("li");
    li.className = "checker__saved-item";
    li.dataset.checkerSavedItem = "";
    li.dataset.e164 = line.e164;
    li.dataset.reloadBy = String(line.reload_by); // "null" for a promo, as days_left
    li.dataset.status = line.status;
    // No days left on a line from the build's table (early.js): only the checker counts them.
    const early = /** @type {any} */ (line).early === true;
    if (!early) li.dataset.daysLeft = String(line.days_left);
    const status = this.span("span", "checker__saved-status", line.status_label);
    status.dataset.status = line.status;
    // days_text is checker.web's words for the days ("3 days ago"), never a bare "-3";
    // a promo has no reload-by date; a line from the build's table has no days (early.js).
    const dates = this.span(
      "span",
      "checker__saved-dates",
      line.reload_by
        ? `${this.strings["lines.reload_by"]} ${line.reload_by}` +
            (early ? "" : ` · ${line.days_text}`)
        : line.status_label,
    );
    const buttons = document.createElement("span");
    buttons.className = "checker__saved-buttons";
    buttons.append(
      this.button(this.strings["lines.open"], "data-checker-saved-open", line.label, () =>
        this.open(line),
      ),
      this.button(this.strings["lines.delete"], "data-checker-saved-delete", line.label, () =>
        this.remove(line.key),
      ),
    );
    li.append(...this.name(line), " ", status, " ", dates, buttons);
    return li;
  }

  /** @param {any} line  one of checker.web.saved_lines' attention */
  needing(line) {
    const li = document.createElement("li");
    li.className = "checker__saved-item checker__saved-item--attention";
    li.dataset.checkerAttentionItem = "";
    li.dataset.key = line.key;
    li.dataset.code = line.code;
    if (line.e164) li.dataset.e164 = line.e164;
    const why = this.span("span", "checker__saved-problem", line.message);
    const buttons = document.createElement("span");
    buttons.className = "checker__saved-buttons";
    if (Object.keys(line.form).length) {
      buttons.append(
        this.button(this.strings["lines.open"], "data-checker-saved-open", line.label, () =>
          this.open(line),
        ),
      );
    }
    buttons.append(
      this.button(this.strings["lines.delete"], "data-checker-saved-delete", line.label, () =>
        this.remove(line.key),
      ),
    );
    li.append(...this.name(line), " ", why, buttons);
    return li;
  }

  /** @param {SavedLine} line */
  open(line) {
    for (const [name, value] of Object.entries(line.form)) this.host.load(name, value);
    this.$("[data-checker-label]").value = line.custom_label;
    this.notice("");
    const form = /** @type {HTMLElement | null} */ (this.host.root.querySelector("[data-checker-form]"));
    if (form) form.scrollIntoView({ block: "start" });
  }

  // --- changes: each is checker.web's answer, kept as a whole, then the list again -----------

  /**
   * Say what became of a change (or why it could not be kept), then draw the list again.
   * @param {any} result  change()'s answer, with `message`
   */
  commit(result) {
    this.showBlocked();
    if (result.problem) this.notice(this.strings[`lines.not_kept.${result.problem}`], true);
    else this.notice(result.message);
    return this.refresh();
  }

  /** @param {any} result  save_line's error: beside its field (the phone's by the phone) */
  saveError(result) {
    const labelBox = this.$("[data-checker-label-error]");
    const beside = result.field === "label" ? null : this.$(`[data-checker-field-error="${result.field}"]`);
    const box = beside || labelBox;
    labelBox.hidden = box !== labelBox;
    box.hidden = false;
    box.textContent = result.message;
    box.dataset.code = result.code;
    const control = beside
      ? this.host.root.querySelector(`[data-checker-form] [name="${result.field}"]`)
      : this.$("[data-checker-label]");
    if (control) {
      control.setAttribute("aria-invalid", "true");
      control.focus();
    }
    this.notice("");
  }

  save() {
    const errorBox = this.$("[data-checker-label-error]");
    const args = {
      form: this.host.read(),
      label: this.$("[data-checker-label]").value,
      today: this.host.today(),
      lang: this.host.config.lang,
    };
    this.change((saved) => client.call("save_line", { ...args, saved })).then(
      (result) => {
        if (!result.ok) {
          this.saveError(result);
          return;
        }
        errorBox.hidden = true;
        errorBox.textContent = "";
        delete errorBox.dataset.code;
        this.$("[data-checker-label]").removeAttribute("aria-invalid");
        this.commit(result);
      },
      (error) => this.host.callFailed(error),
    );
  }

  /** @param {string} key */
  remove(key) {
    const lang = this.host.config.lang;
    this.change((saved) => client.call("delete_lines", { saved, keys: [key], scope: "one", lang })).then(
      (result) => {
        if (!result.ok) {
          this.notice(result.message, true);
          return;
        }
        this.removed = result.removed;
        this.commit(result);
        // Undo puts the line back, whatever else changed meanwhile (restore_lines).
        this.$("[data-checker-undo]").hidden = result.problem === "full" || !result.removed.length;
      },
      (error) => this.host.callFailed(error),
    );
  }

  undo() {
    const removed = this.removed;
    this.removed = null;
    this.$("[data-checker-undo]").hidden = true;
    if (!removed) return;
    const lang = this.host.config.lang;
    this.change((saved) => client.call("restore_lines", { saved, removed, lang })).then(
      (result) => {
        if (!result.ok) this.notice(result.message, true);
        else this.commit(result);
      },
      (error) => this.host.callFailed(error),
    );
  }

  // Deletes the lines the reader saw; one saved meanwhile in another tab is kept, and said.
  deleteAll() {
    if (!this.seen.length || !window.confirm(this.strings["lines.delete_all.confirm"])) return;
    const keys = this.seen;
    const lang = this.host.config.lang;
    this.change((saved) => client.call("delete_lines", { saved, keys, scope: "all", lang })).then(
      (result) => {
        if (!result.ok) {
          this.notice(result.message, true);
          return;
        }
        this.removed = null;
        this.commit(result);
      },
      (error) => this.host.callFailed(error),
    );
  }

  calendar() {
    const args = {
      saved: this.stored(),
      today: this.host.today(),
      lang: this.host.config.lang,
      now: new Date().toISOString(),
    };
    client.call("calendar_all", args).then(
      (result) => {
        if (!result.ok) {
          this.notice(result.message, true);
          return;
        }
        download(result.ics, "text/calendar;charset=utf-8", result.filename, this.root);
        this.notice(this.strings["calendar.done"]);
      },
      (error) => this.host.callFailed(error),
    );
  }

  /** @param {string} saved */
  exportText(saved) {
    return client.call("export_lines", { saved }).then(
      (result) => {
        if (!result.ok) {
          this.notice(result.message, true);
          return;
        }
        const type = result.damaged ? "text/plain" : "application/json";
        download(result.json, type, result.filename, this.root);
        this.notice(this.strings["lines.exported"]);
      },
      (error) => this.host.callFailed(error),
    );
  }

  export() {
    return this.exportText(this.stored());
  }

  // The list set aside (or, still kept, the damaged one): each text as it was.
  exportAside() {
    const texts = this.aside();
    const kept = this.root.dataset.checkerListState === "damaged" ? [this.stored()] : [];
    for (const text of [...texts, ...kept]) this.exportText(text);
  }

  deleteAside() {
    if (!window.confirm(this.strings["lines.aside.confirm"])) return;
    const { storage: store } = storage();
    try {
      if (store) store.removeItem(ASIDE_KEY);
    } catch {
      // blocked: nothing was kept aside
    }
    this.refresh();
  }

  // The file is read up to one byte past checker.web's limit (the page's config), so that a
  // huge file is refused by checker.web without being read whole. Its bytes are decoded as
  // UTF-8 with U+FFFD for what is not, which checker.web refuses (import.not_utf8).
  /** @param {File} file */
  async import(file) {
    const limit = this.host.config.limits.import_max_bytes;
    let text;
    try {
      text = new TextDecoder("utf-8").decode(await file.slice(0, limit + 1).arrayBuffer());
    } catch (error) {
      this.notice(`${this.strings["lines.import_unreadable"]} ${String(error)}`, true);
      return;
    }
    const args = { text, size: file.size, today: this.host.today(), lang: this.host.config.lang };
    this.change((saved) => client.call("import_lines", { ...args, saved })).then(
      (result) => {
        if (!result.ok) {
          this.notice(result.message, true);
          this.root.dataset.checkerImportResult = result.code;
          return;
        }
        this.root.dataset.checkerImportResult = "ok";
        this.commit(result);
      },
      (error) => this.host.callFailed(error),
    );
  }
}
