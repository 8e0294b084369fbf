// Runs the page's own lookup (docs/assets/checker/early.js) on Node for
// tests/site/test_answer_table.py: reads {table, queries: [{form, today, free, lang}]} as JSON on
// stdin, writes the answers (an object or null, one per query) as JSON on stdout.
import { lookup, savedLines } from "../../docs/assets/checker/early.js";

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const { table, queries, saved } = JSON.parse(Buffer.concat(chunks).toString("utf8"));
const answers = queries.map(({ form, today, free, lang }) =>
  lookup(table, form, today, free, lang),
);
const lines = (saved || []).map(({ stored, today, words }) => savedLines(table, stored, today, words));
process.stdout.write(JSON.stringify({ answers, lines }));
