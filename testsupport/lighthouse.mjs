// Lighthouse on many pages in one Chrome: tests/browser/test_lighthouse.py and the benchmark.
//
// Reads one JSON object on stdin:
//   {"urls": [...], "categories": ["seo", ...], "chrome": "/usr/bin/chromium",
//    "formFactor": "mobile" | "desktop"}
// and prints one JSON array, one entry per URL, in order:
//   {"url", "scores": {category: score}, "failed": [{"id", "title", "score", "items"}],
//    "metrics": {audit id: numeric value}}
// "failed" lists the audits of the asked categories that count (weight > 0) and scored below 1.
// Lighthouse (pinned in package-lock.json) runs offline: nothing here reaches another host.
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";

const METRICS = [
  "first-contentful-paint",
  "largest-contentful-paint",
  "total-blocking-time",
  "cumulative-layout-shift",
  "speed-index",
];

async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return JSON.parse(Buffer.concat(chunks).toString("utf8"));
}

function failures(lhr, categories) {
  const found = [];
  for (const name of categories) {
    for (const ref of lhr.categories[name].auditRefs) {
      const audit = lhr.audits[ref.id];
      if (ref.weight > 0 && audit.score !== null && audit.score < 1) {
        const items = (audit.details && audit.details.items) || [];
        found.push({
          id: ref.id,
          title: audit.title,
          score: audit.score,
          items: items.slice(0, 5).map((item) => JSON.stringify(item).slice(0, 300)),
        });
      }
    }
  }
  return found;
}

const job = await readStdin();
const chrome = await chromeLauncher.launch({
  chromePath: job.chrome,
  chromeFlags: [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
  logLevel: "silent",
});
const results = [];
try {
  for (const url of job.urls) {
    const flags = {
      port: chrome.port,
      output: "json",
      logLevel: "error",
      onlyCategories: job.categories,
      formFactor: job.formFactor || "mobile",
    };
    const config = job.formFactor === "desktop" ? desktopConfig : undefined;
    const run = await lighthouse(url, flags, config);
    if (!run) throw new Error(`Lighthouse returned nothing for ${url}`);
    const lhr = run.lhr;
    if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    const scores = {};
    for (const name of job.categories) scores[name] = lhr.categories[name].score;
    const metrics = {};
    for (const id of METRICS) {
      if (lhr.audits[id] && typeof lhr.audits[id].numericValue === "number") {
        metrics[id] = lhr.audits[id].numericValue;
      }
    }
    results.push({ url, scores, failed: failures(lhr, job.categories), metrics });
  }
} finally {
  await chrome.kill();
}
process.stdout.write(JSON.stringify(results) + "\n");
