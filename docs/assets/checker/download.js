// @ts-check
// The first visit's download, counted in bytes as they arrive (worker.js uses it; the page
// shows "2.1 / 5.7 MB"). The build lists every file the worker and Pyodide fetch, with its size
// decoded and as transferred (hooks/checker_assets.py); the worker's fetch is wrapped so that
// each of those responses is read through a stream that counts. A browser's fetch hands over
// decoded bytes while the network carries compressed ones, so each file's decoded bytes count
// in proportion to its transfer size: the figure is the network's, and it is exact at the end
// of each file. A response's Content-Length (the compressed length when the host compresses)
// corrects the build's guess. Pyodide's scripts come in through import(), which no stream
// reader sees: they count whole once they have arrived.

/**
 * @typedef {import("./protocol.js").DownloadFile & {got: number}} Counted
 */

const REPORT_EVERY_MS = 200;

export class Download {
  /**
   * @param {import("./protocol.js").DownloadFile[]} files
   * @param {(loaded: number, total: number) => void} report
   */
  constructor(files, report) {
    /** @type {Map<string, Counted>} */
    this.files = new Map(files.map((file) => [file.url, { ...file, got: 0 }]));
    this.report = report;
    this.reported = -1;
    this.at = 0;
  }

  get total() {
    let total = 0;
    for (const file of this.files.values()) total += file.transfer;
    return total;
  }

  get loaded() {
    let loaded = 0;
    for (const file of this.files.values()) {
      loaded += file.bytes ? Math.min(file.got / file.bytes, 1) * file.transfer : file.transfer;
    }
    return Math.round(loaded);
  }

  /** Say how far it is: at once when `now`, else at most every REPORT_EVERY_MS. */
  send(now = false) {
    const loaded = this.loaded;
    if (loaded === this.reported) return;
    if (!now && performance.now() - this.at < REPORT_EVERY_MS) return;
    this.at = performance.now();
    this.reported = loaded;
    this.report(loaded, this.total);
  }

  /** `url` has arrived whole (a script that import() loaded). */
  done(/** @type {string} */ url) {
    const file = this.files.get(url);
    if (file) file.got = Math.max(file.got, file.bytes);
    this.send(true);
  }

  /** Everything has arrived (the runtime is up). */
  finish() {
    for (const file of this.files.values()) file.got = Math.max(file.got, file.bytes);
    this.send(true);
  }

  // Pyodide asks for its WebAssembly from the script it imported: once it does, its scripts
  // are in.
  scriptsDone() {
    for (const file of this.files.values()) {
      if (/\.m?js$/.test(new URL(file.url).pathname)) file.got = Math.max(file.got, file.bytes);
    }
  }

  /**
   * Wrap `scope.fetch` (the worker's global, which Pyodide calls too) so the listed files count.
   * @param {any} scope
   */
  install(scope) {
    const real = scope.fetch.bind(scope);
    scope.fetch = async (/** @type {RequestInfo | URL} */ input, /** @type {RequestInit} */ init) => {
      const href = input instanceof Request ? input.url : String(input);
      const url = new URL(href, scope.location.href);
      const file = this.files.get(url.href);
      /** @type {Response} */
      let response;
      try {
        response = await real(input, init);
      } catch (error) {
        // Offline, a file the cache no longer holds fails as "Failed to fetch", often inside
        // Pyodide where nothing awaits it: name the file, so the page blames that part.
        const name = url.pathname.split("/").pop() || url.href;
        throw new Error(`${name}: ${error instanceof Error ? error.message : String(error)}`, {
          cause: error,
        });
      }
      if (!file) return response;
      if (new URL(file.url).pathname.endsWith(".wasm")) this.scriptsDone();
      return this.count(file, response);
    };
  }

  /** @param {Counted} file @param {Response} response */
  count(file, response) {
    if (!response.ok || !response.body) return response;
    const length = Number(response.headers.get("Content-Length"));
    if (length > 0) file.transfer = length;
    const reader = response.body.getReader();
    const stream = new ReadableStream({
      pull: async (controller) => {
        const { done, value } = await reader.read();
        if (done) {
          file.got = Math.max(file.got, file.bytes);
          this.send(true);
          controller.close();
          return;
        }
        file.got += value.byteLength;
        this.send();
        controller.enqueue(value);
      },
      cancel: (reason) => reader.cancel(reason),
    });
    const { status, statusText, headers } = response;
    return new Response(stream, { status, statusText, headers });
  }
}
