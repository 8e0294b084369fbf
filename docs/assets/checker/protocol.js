// @ts-check
// The messages between the page (client.js) and the checker's Web Worker (worker.js), written
// once: both import them, and so does the tests' stand-in worker (tests/browser/fake_worker.js).
// Which calls exist, and the names of their arguments, are not written here: they come from
// checker.web.CALLS through the build's config and travel in the boot message.
//
// Page -> worker: boot, then any number of calls (each with its own id).
// Worker -> page: progress (steps, and bytes of the download) while booting, then ready or failed; for each call, result or error.
// A worker that stops (an uncaught error, a crash) sends nothing more: the page notices through
// the Worker's "error" event or by a call's deadline (client.js), never by a message.

/** @typedef {{cache: string, key: string}} SnapshotPlace */
/**
 * @typedef {object} DownloadFile  one file of the first visit's download (hooks/checker_assets.py)
 * @property {string} url       absolute URL, as the worker or Pyodide asks for it
 * @property {number} bytes     its size as the browser hands it over (decoded)
 * @property {number} transfer  its size on the network, as the build expects it served
 */
/**
 * @typedef {object} BootMessage
 * @property {"boot"} type
 * @property {string} pyodideModule  absolute URL of pyodide.mjs
 * @property {string} indexURL       absolute URL of the runtime's folder
 * @property {string} wheel          absolute URL of the checker wheel
 * @property {SnapshotPlace | null} snapshot  where the Python snapshot is kept, or none
 * @property {Record<string, string[]>} calls  call name -> its argument names (checker.web.CALLS)
 * @property {Record<string, unknown>} options  more options for loadPyodide, from the config
 * @property {DownloadFile[]} download  the files whose bytes the progress counts
 */
/** @typedef {{type: "call", id: number, name: string, args: Record<string, unknown>}} CallMessage */
/** @typedef {"runtime" | "checker"} BootStep */
/** @typedef {{type: "progress", step: BootStep}} ProgressMessage */
/** @typedef {{type: "bytes", loaded: number, total: number}} BytesMessage  transfer bytes so far, of total */
/** @typedef {{type: "ready", from: "fresh" | "snapshot"}} ReadyMessage */
/** @typedef {{type: "failed", detail: string}} FailedMessage */
/** @typedef {{type: "result", id: number, json: string}} ResultMessage */
/** @typedef {{type: "error", id: number, detail: string}} ErrorMessage */
/** @typedef {BootMessage | CallMessage} ToWorker */
/** @typedef {ProgressMessage | BytesMessage | ReadyMessage | FailedMessage | ResultMessage | ErrorMessage} FromWorker */

export const TO_WORKER = Object.freeze({ BOOT: "boot", CALL: "call" });
export const FROM_WORKER = Object.freeze({
  PROGRESS: "progress",
  BYTES: "bytes",
  READY: "ready",
  FAILED: "failed",
  RESULT: "result",
  ERROR: "error",
});
// The page's progress bar counts these (its max is the last index).
export const STEPS = Object.freeze(["start", "runtime", "checker", "ready"]);

/**
 * @param {Omit<BootMessage, "type">} fields
 * @returns {BootMessage}
 */
export const boot = (fields) => ({ type: "boot", ...fields });

/**
 * @param {number} id
 * @param {string} name
 * @param {Record<string, unknown>} args
 * @returns {CallMessage}
 */
export const call = (id, name, args) => ({ type: "call", id, name, args });

/** @param {BootStep} step @returns {ProgressMessage} */
export const progress = (step) => ({ type: "progress", step });

/** @param {number} loaded @param {number} total @returns {BytesMessage} */
export const bytes = (loaded, total) => ({ type: "bytes", loaded, total });

/** @param {"fresh" | "snapshot"} from @returns {ReadyMessage} */
export const ready = (from) => ({ type: "ready", from });

/** @param {unknown} error @returns {FailedMessage} */
export const failed = (error) => ({ type: "failed", detail: describe(error) });

/** @param {number} id @param {string} json @returns {ResultMessage} */
export const result = (id, json) => ({ type: "result", id, json });

/** @param {number} id @param {unknown} error @returns {ErrorMessage} */
export const error = (id, error) => ({ type: "error", id, detail: describe(error) });

/** @param {unknown} error */
function describe(error) {
  return String((error && /** @type {Error} */ (error).message) || error);
}

/**
 * Why a call may not be made: its name or an argument is not in `calls`; null when it may.
 * @param {Record<string, string[]>} calls
 * @param {string} name
 * @param {Record<string, unknown>} args
 * @returns {string | null}
 */
export function refusal(calls, name, args) {
  if (!Object.hasOwn(calls, name)) return `unknown call ${name}`;
  const unknown = Object.keys(args).filter((arg) => !calls[name].includes(arg));
  return unknown.length ? `${name} takes no argument ${unknown.join(", ")}` : null;
}
