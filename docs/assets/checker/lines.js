// @ts-check
// "My numbers": the lines a reader saves on this device, their list, one calendar for all,
// export and import. Glue only: the document kept in localStorage is the one checker.web
// answers (checker/lines.py: the form's values and a label, never a result), and every date,
// status, check and message on the list comes from checker.web through client.js. Nothing is
// written before the reader presses Save (or imports a file).

import * as client from "./client.js";

/** @typedef {import("../../../types/checker-web").SavedLine} SavedLine */
/** @typedef {import("../../../types/checker-web").LinesDocument} LinesDocument */

// One key, versioned with the document's format (checker/lines.py VERSION).
export const STORAGE_KEY = "checker.lines.v1";

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
    /** @type {SavedLine[]} the lines as checker.web.saved_lines answered them */
    this.lines = [];
    this.seq = 0;
    this.root.hidden = false;
    this.$("[data-checker-save]").addEventListener("click", () => this.save());
    this.$("[data-checker-ics-all]").addEventListener("click", () => this.calendar());
    this.$("[data-checker-export]").addEventListener("click", () => this.export());
    this.$("[data-checker-delete-all]").addEventListener("click", () => this.deleteAll());
    const file = this.$("[data-checker-import]");
    file.addEventListener("change", () => {
      const chosen = file.files && file.files[0];
      file.value = ""; // choosing the same file again is a new import
      if (chosen) this.import(chosen);
    });
    this.$("[data-checker-label]").maxLength = host.config.limits.label_max_length;
    this.showBlocked();
  }

  /** @param {string} selector @returns {any} */
  $(selector) {
    return this.root.querySelector(selector);
  }

  // --- storage ----------------------------------------------------------------------------

  /** The kept document's text, or "" when nothing is kept (or it cannot be). */
  stored() {
    const { storage: store } = storage();
    if (!store) return "";
    try {
      // Not null: the worker would hand Python a JsNull, not None.
      return store.getItem(STORAGE_KEY) || "";
    } catch {
      return "";
    }
  }

  /**
   * Keep `doc` (checker.web's answer); "" when kept, else why not: blocked | full.
   * @param {unknown} doc
   */
  keep(doc) {
    const { storage: store, problem } = storage();
    if (!store) return problem;
    try {
      store.setItem(STORAGE_KEY, JSON.stringify(doc));
      return problem; // "blocked" when it went into the page-lived stand-in
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

  // --- the list ---------------------------------------------------------------------------

  /** @param {string} text @param {boolean} [error] */
  notice(text, error = false) {
    const box = this.$("[data-checker-lines-notice]");
    box.textContent = text;
    box.dataset.kind = error ? "error" : "ok";
  }

  // Ask checker.web for the list as of today and draw it; the dates are never stored.
  refresh() {
    if (client.state().state !== "ready") return Promise.resolve();
    const seq = ++this.seq;
    const args = { saved: this.stored(), today: this.host.today(), lang: this.host.config.lang };
    return client.call("saved_lines", args).then(
      (result) => {
        if (seq !== this.seq) return;
        if (!result.ok) {
          this.notice(result.message, true);
          this.draw([]);
          return;
        }
        this.draw(result.lines);
      },
      (error) => this.host.callFailed(error),
    );
  }

  /** @param {SavedLine[]} lines */
  draw(lines) {
    this.lines = lines;
    while (this.list.firstChild) this.list.removeChild(this.list.firstChild);
    for (const line of lines) this.list.append(this.item(line));
    const none = !lines.length;
    this.list.hidden = none;
    this.$("[data-checker-saved-empty]").hidden = !none;
    const buttons = /** @type {NodeListOf<HTMLButtonElement>} */ (
      this.root.querySelectorAll("[data-checker-needs-lines]")
    );
    for (const button of buttons) {
      button.disabled = none;
    }
    this.root.dataset.checkerSavedCount = String(lines.length);
  }

  /** @param {SavedLine} line  one of checker.web.saved_lines' lines */
  item(line) {
    const li = document.createElement("li");
    li.className = "checker__saved-item";
    li.dataset.checkerSavedItem = "";
    li.dataset.e164 = line.e164;
    li.dataset.reloadBy = String(line.reload_by); // "null" for a promo, as days_left
    li.dataset.status = line.status;
    li.dataset.daysLeft = String(line.days_left);
    const name = document.createElement("strong");
    name.className = "checker__saved-label";
    name.textContent = line.label;
    const status = document.createElement("span");
    status.className = "checker__saved-status";
    status.dataset.status = line.status;
    status.textContent = line.status_label;
    const dates = document.createElement("span");
    dates.className = "checker__saved-dates";
    // days_text is checker.web's words for the days ("3 days ago"), never a bare "-3";
    // a promo has no reload-by date.
    dates.textContent = line.reload_by
      ? `${this.strings["lines.reload_by"]} ${line.reload_by} · ${line.days_text}`
      : line.status_label;
    const open = document.createElement("button");
    open.type = "button";
    open.className = "md-button checker__small";
    open.dataset.checkerSavedOpen = "";
    open.textContent = this.strings["lines.open"];
    open.setAttribute("aria-label", `${this.strings["lines.open"]}: ${line.label}`);
    open.addEventListener("click", () => this.open(line));
    const remove = document.createElement("button");
    remove.type = "button";
    remove.className = "md-button checker__small";
    remove.dataset.checkerSavedDelete = "";
    remove.textContent = this.strings["lines.delete"];
    remove.setAttribute("aria-label", `${this.strings["lines.delete"]}: ${line.label}`);
    remove.addEventListener("click", () => this.remove(line.e164));
    const buttons = document.createElement("span");
    buttons.className = "checker__saved-buttons";
    buttons.append(open, remove);
    li.append(name, " ", status, " ", dates, buttons);
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
   * Keep checker.web's new document and say so (or why it could not be kept).
   * @param {{saved: LinesDocument, message: string}} result  save_line's or import_lines' answer
   */
  commit(result) {
    const problem = this.keep(result.saved);
    this.showBlocked();
    if (problem) this.notice(this.strings[`lines.not_kept.${problem}`], true);
    else this.notice(result.message);
    return this.refresh();
  }

  save() {
    const errorBox = this.$("[data-checker-label-error]");
    const args = {
      form: this.host.read(),
      label: this.$("[data-checker-label]").value,
      saved: this.stored(),
      today: this.host.today(),
      lang: this.host.config.lang,
    };
    client.call("save_line", args).then(
      (result) => {
        errorBox.hidden = result.ok;
        if (!result.ok) {
          errorBox.textContent = result.message;
          errorBox.dataset.code = result.code;
          this.notice("");
          return;
        }
        errorBox.textContent = "";
        delete errorBox.dataset.code;
        this.commit(result);
      },
      (error) => this.host.callFailed(error),
    );
  }

  // Deleting is checker.web's change like any other: it answers the document without the line.
  /** @param {string} e164 */
  remove(e164) {
    const args = { e164, saved: this.stored(), lang: this.host.config.lang };
    client.call("delete_line", args).then(
      (result) => {
        if (!result.ok) {
          this.notice(result.message, true);
          return;
        }
        const problem = this.keep(result.saved);
        const kept = !problem || problem === "blocked"; // deleted either way
        this.notice(this.strings[kept ? "lines.deleted" : `lines.not_kept.${problem}`], !kept);
        this.refresh();
      },
      (error) => this.host.callFailed(error),
    );
  }

  deleteAll() {
    if (!this.lines.length || !window.confirm(this.strings["lines.delete_all.confirm"])) return;
    const { storage: store } = storage();
    try {
      if (store) store.removeItem(STORAGE_KEY);
    } catch {
      // blocked: there was nothing kept
    }
    this.notice(this.strings["lines.deleted_all"]);
    this.refresh();
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

  export() {
    client.call("export_lines", { saved: this.stored() }).then(
      (result) => {
        if (!result.ok) {
          this.notice(result.message, true);
          return;
        }
        download(result.json, "application/json", result.filename, this.root);
        this.notice(this.strings["lines.exported"]);
      },
      (error) => this.host.callFailed(error),
    );
  }

  // The file is read up to one byte past checker.web's limit (the page's config), so that a
  // huge file is refused by checker.web without being read whole.
  /** @param {File} file */
  async import(file) {
    const limit = this.host.config.limits.import_max_bytes;
    let text;
    try {
      text = await file.slice(0, limit + 1).text();
    } catch (error) {
      this.notice(`${this.strings["lines.import_unreadable"]} ${String(error)}`, true);
      return;
    }
    const args = {
      text,
      size: file.size,
      saved: this.stored(),
      today: this.host.today(),
      lang: this.host.config.lang,
    };
    client.call("import_lines", args).then(
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
