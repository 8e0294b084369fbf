// Run the site's real search worker on the real built index, in Node, as the page does:
// the setup message with the index, then one query message per query (Material's own
// message types: 0 setup, 2 query). Prints {query: [location of each result's page]}.
//   node search_worker.mjs SITE_DIR WORKER_FILE QUERY...
import { readFileSync } from "node:fs";
import vm from "node:vm";
const [site, worker, ...queries] = process.argv.slice(2);
const listeners = [];
const out = [];
const ctx = { console, addEventListener: (t, f) => listeners.push(f), postMessage: (m) => out.push(m) };
ctx.self = ctx;
vm.createContext(ctx);
vm.runInContext(readFileSync(`${site}/assets/javascripts/workers/${worker}`, "utf8"), ctx);
const send = async (data) => { for (const f of listeners) await f({ data }); await new Promise((r) => setTimeout(r, 0)); return out.pop(); };
const index = JSON.parse(readFileSync(`${site}/search/search_index.json`, "utf8"));
await send({ type: 0, data: { config: index.config, docs: index.docs, options: {} } });
const result = {};
for (const q of queries) {
  const r = await send({ type: 2, data: q });
  result[q] = r.data.items.map((group) => group[0].location);
}
console.log(JSON.stringify(result));
