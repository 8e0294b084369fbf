// Drives Debian's firefox-esr for the cross-engine tests and the benchmark, over WebDriver BiDi
// with puppeteer-core (no geckodriver). Python (testsupport/engines.py) starts this process
// and talks to it one JSON object a line:
//   in:  {"id": 1, "cmd": "goto", "args": {...}}
//   out: {"id": 1, "ok": true, "value": ...} or {"id": 1, "ok": false, "error": "..."}
// One browser, one page at a time; "launch" with a new profile directory is a new reader.
import { createInterface } from "node:readline";
import puppeteer from "puppeteer-core";

const FIREFOX = process.env.FIREFOX || "/usr/bin/firefox-esr";
let browser = null;
let page = null;
// What the page did that the tests check: console errors, uncaught errors, every request URL.
let events = { console: [], errors: [], requests: [] };

function watch(target) {
  target.on("console", (message) => {
    if (message.type() === "error") {
      const where = message.location();
      events.console.push(`${message.text()} (${(where && where.url) || ""})`);
    }
  });
  target.on("pageerror", (error) => events.errors.push(String((error && error.message) || error)));
  target.on("request", (request) => events.requests.push(request.url()));
}

const commands = {
  // `preload` is a function's source, run in every page before the page's own scripts.
  // `private`: a private window, as a reader may use (no service worker, no lasting storage).
  async launch({ profile, width = 1280, height = 900, preload, private: privately = false }) {
    browser = await puppeteer.launch({
      browser: "firefox",
      executablePath: FIREFOX,
      headless: true,
      userDataDir: profile,
      defaultViewport: { width, height },
      extraPrefsFirefox: privately ? { "browser.privatebrowsing.autostart": true } : {},
      // The tests' server is plain http on 127.0.0.1, a potentially trustworthy origin:
      // service workers and Cache Storage work there as on https.
    });
    browser.on("disconnected", () => (browser = null));
    const pages = await browser.pages();
    page = pages[0] || (await browser.newPage());
    await page.setViewport({ width, height }); // defaultViewport misses the first tab
    page.setDefaultTimeout(120_000);
    watch(page);
    if (preload) await page.evaluateOnNewDocument(`(${preload})()`);
    return (await browser.version()) || "firefox";
  },
  async goto({ url }) {
    await page.goto(url, { waitUntil: "load" });
  },
  async reload() {
    await page.reload({ waitUntil: "load" });
  },
  // `script` is a function's source; it is called with `arg` and may return a promise.
  async evaluate({ script, arg }) {
    return await page.evaluate(`(${script})(${JSON.stringify(arg ?? null)})`);
  },
  async waitFor({ script, arg, timeout = 120_000 }) {
    await page.waitForFunction(`(${script})(${JSON.stringify(arg ?? null)})`, {
      timeout,
      polling: 100,
    });
  },
  async click({ selector }) {
    await page.click(selector);
  },
  async offline({ on }) {
    await page.setOfflineMode(Boolean(on));
  },
  async screenshot({ path, width, height }) {
    if (width) await page.setViewport({ width, height });
    await page.screenshot({ path });
  },
  async events() {
    const seen = events;
    events = { console: [], errors: [], requests: [] };
    return seen;
  },
  async close() {
    if (browser) await browser.close();
    browser = null;
  },
};

const lines = createInterface({ input: process.stdin });
for await (const line of lines) {
  if (!line.trim()) continue;
  const { id, cmd, args } = JSON.parse(line);
  let reply;
  try {
    if (!commands[cmd]) throw new Error(`unknown command ${cmd}`);
    const value = await commands[cmd](args || {});
    reply = { id, ok: true, value: value === undefined ? null : value };
  } catch (error) {
    reply = { id, ok: false, error: String((error && error.stack) || error) };
  }
  process.stdout.write(JSON.stringify(reply) + "\n");
}
if (browser) await browser.close();
