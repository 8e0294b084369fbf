// @ts-check
// The answer before the runtime: the default form's status and reload-by date, looked up in
// the table the build computed with the checker's own Python (hooks/answer_table.py), while
// Python itself is still downloading, or not downloading at all when the browser saves data.
// Glue only: no date is computed and no rule applied here. A last reload is looked up by its
// text; its answer names positions in the table's list of days; today (the reader's date, as
// the page sends it to the checker) is compared with those days as ISO text. Anything the
// table does not answer (another form, a date it does not list, a date in the future) gives
// null, and the page waits for the runtime as it always did.

/**
 * @typedef {object} Entry  one form the table answers (hooks/answer_table.py)
 * @property {string} carrier
 * @property {Record<string, string | boolean>} form  every other field's value it answers for
 * @property {number} first  the position in `days` of its first last reload
 * @property {number} count
 * @property {[number, number, [number, string][]][]} runs  [count, reload_by, [[from, status]]]
 *
 * @typedef {object} Table
 * @property {string} format
 * @property {number} version
 * @property {string[]} days
 * @property {string} [weekdays]  each day's weekday, a digit (0 = Monday)
 * @property {Record<string, {pattern: string, weekdays: string[], months: string[]}>} [words]
 * @property {Entry[]} answers
 *
 * @typedef {object} Early  what the page shows before the runtime, shaped like the estimate
 * @property {true} ok
 * @property {true} early
 * @property {string} last_reload
 * @property {string} reload_by
 * @property {string} reload_by_text  the reload-by date as the reader says it (the table's)
 * @property {string} status
 * @property {string} [status_label]  the catalogue's words for it (the page adds them)
 */

export const FORMAT = "smart-baohao.answers";
export const VERSION = 1;

/** @type {Map<string, Promise<Table>>} */
const loads = new Map();
/** @type {WeakMap<Table, Map<string, number>>} */
const positions = new WeakMap();

/**
 * The table at `url` (fetched once a page); rejects when it cannot be read as this format.
 * @param {string} url
 * @returns {Promise<Table>}
 */
export function load(url) {
  const known = loads.get(url);
  if (known) return known;
  const loading = fetch(url)
    .then((response) => {
      if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
      return response.json();
    })
    .then((table) => {
      if (!table || table.format !== FORMAT || table.version !== VERSION) {
        throw new Error(`${url}: not ${FORMAT} version ${VERSION}`);
      }
      return /** @type {Table} */ (table);
    });
  // A failed load may be tried again (the next mount), not remembered as failed.
  loading.catch(() => loads.delete(url));
  loads.set(url, loading);
  return loading;
}

/** @param {Table} table @param {string} day */
function position(table, day) {
  let known = positions.get(table);
  if (!known) {
    known = new Map(table.days.map((text, index) => [text, index]));
    positions.set(table, known);
  }
  return known.get(day);
}

/** @param {unknown} value */
function text(value) {
  return typeof value === "string" ? value.trim() : value;
}

/**
 * The entry that answers `form`: every one of its fields holds the entry's value, except
 * the last reload (looked up) and those in `free` (which do not change what is shown).
 * @param {Table} table @param {Record<string, unknown>} form @param {string[]} free
 */
function entryFor(table, form, free) {
  return table.answers.find((entry) =>
    Object.entries(entry.form).every(
      ([name, value]) => free.includes(name) || text(form[name]) === value,
    ),
  );
}

/**
 * The day at `index` as the reader says it: the catalogue's pattern (checker.date_text) filled
 * with the table's words for that day; nothing is computed. Null when the table has no words.
 * @param {Table} table @param {number} index @param {string} lang
 * @returns {string | null}
 */
function say(table, index, lang) {
  const words = table.words && table.words[lang];
  const weekday = table.weekdays ? Number(table.weekdays[index]) : NaN;
  const day = table.days[index];
  if (!words || Number.isNaN(weekday) || !day) return null;
  const [year, month, date] = day.split("-");
  const parts = /** @type {Record<string, string>} */ ({
    year,
    month: String(Number(month)),
    day: String(Number(date)),
    weekday: words.weekdays[weekday],
    month_name: words.months[Number(month) - 1],
  });
  return words.pattern.replace(/\{(\w+)\}/g, (all, name) => parts[name] ?? all);
}

/**
 * The table's answer for `form` on `today` (YYYY-MM-DD), or null when it has none.
 * @param {Table | null} table
 * @param {Record<string, unknown>} form  the page's fields by name, as the form holds them
 * @param {string} today
 * @param {string[]} [free]  fields whose value does not matter here (a saved line's number)
 * @param {string} [lang]  the page's language, for the date's words
 * @returns {Early | null}
 */
export function lookup(table, form, today, free = [], lang = "zh") {
  if (!table) return null;
  const entry = entryFor(table, form, free);
  const day = text(form.last_reload);
  if (!entry || typeof day !== "string") return null;
  const at = position(table, day);
  if (at === undefined || at < entry.first || at >= entry.first + entry.count) return null;
  let index = at - entry.first;
  const run = entry.runs.find(([count]) => {
    if (index < count) return true;
    index -= count;
    return false;
  });
  if (!run) return null;
  const [, reloadBy, changes] = run;
  // Today before the last reload is the checker's "in the future" error: the runtime says it.
  if (today < day) return null;
  /** @type {string | null} */
  let status = null;
  for (const [from, name] of changes) if (table.days[at + from] <= today) status = name;
  if (status === null) return null;
  const reloadByDay = table.days[at + reloadBy];
  const said = say(table, at + reloadBy, lang);
  return {
    ok: true,
    early: true,
    last_reload: day,
    reload_by: reloadByDay,
    reload_by_text: said || reloadByDay,
    status,
  };
}

/**
 * The saved lines the table answers, as checker.web.saved_lines lists them but for the days
 * left (a count of days, which only the checker computes): soonest reload-by first.
 * @param {Table | null} table
 * @param {string} stored  the kept document's text (docs/assets/checker/lines.js)
 * @param {string} today
 * @param {{status_labels: Record<string, string>, default_label: string}} words
 * @returns {{lines: any[], rest: number} | null}  null when nothing is kept or it is unreadable
 */
export function savedLines(table, stored, today, words) {
  if (!table || !stored) return null;
  /** @type {any} */
  let doc;
  try {
    doc = JSON.parse(stored);
  } catch {
    return null; // the checker says what is wrong with it, once it is ready
  }
  if (!doc || !Array.isArray(doc.lines)) return null;
  const lines = [];
  for (const line of doc.lines) {
    const form = line && typeof line.form === "object" ? line.form : null;
    const e164 = line && typeof line.e164 === "string" ? line.e164 : "";
    const answer = form && e164 ? lookup(table, form, today, ["phone"]) : null;
    if (!answer) continue;
    const label = typeof line.label === "string" && line.label ? line.label : "";
    lines.push({
      key: e164, // checker.web's key for a line whose number reads
      e164,
      last_digits: e164.slice(-4),
      label: label || words.default_label.replace("{last4}", e164.slice(-4)),
      custom_label: label,
      reload_by: answer.reload_by,
      status: answer.status,
      status_label: words.status_labels[answer.status] || answer.status,
      days_left: null,
      form,
      early: true,
    });
  }
  lines.sort((a, b) =>
    a.reload_by === b.reload_by ? (a.e164 < b.e164 ? -1 : 1) : a.reload_by < b.reload_by ? -1 : 1,
  );
  return { lines, rest: doc.lines.length - lines.length };
}
