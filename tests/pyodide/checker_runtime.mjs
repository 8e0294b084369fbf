// Answer calls to checker.web inside the pinned Pyodide on Node, booted as the checker page
// boots it: the shipped wheel, and with --stdlib the standard library the site ships
// (build/pyodide/python_stdlib.zip, loaded through stdLibURL) and no lock file (an empty one
// given as lockFileContents, as worker.js does). Without --stdlib: the stock npm runtime.
//
// Usage: node tests/pyodide/checker_runtime.mjs [--stdlib ZIP] [--record FILE] < calls.jsonl
// Reads one call a line (tests/differential/calls.py says the format), prints one answer a
// line. --record FILE writes the names in sys.modules once every call has run, one a line
// (scripts/build-stdlib adds them to the modules it ships).
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { loadPyodide } from "pyodide";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const { values } = parseArgs({ options: { stdlib: { type: "string" }, record: { type: "string" } } });

const stock = path.join(root, "node_modules/pyodide");
const options = {};
if (values.stdlib) {
  const lock = JSON.parse(await readFile(path.join(stock, "pyodide-lock.json"), "utf8"));
  options.stdLibURL = path.resolve(values.stdlib);
  options.lockFileContents = { info: lock.info, packages: {} };
}
// An uncaught error would print pyodide.asm.js's one 1 MB line: print the message only.
process.on("uncaughtException", (error) => {
  console.error(String((error && error.message) || error));
  process.exit(1);
});
const pyodide = await loadPyodide(options);

const extractDir = pyodide.runPython("import site; site.getsitepackages()[0]");
const build = path.join(root, "build/pyodide");
const wheels = (await readdir(build)).filter((n) => /^checker-.*\.whl$/.test(n));
if (wheels.length !== 1) throw new Error(`expected one checker wheel in ${build}, found ${wheels}`);
pyodide.unpackArchive(new Uint8Array(await readFile(path.join(build, wheels[0]))), "wheel", {
  extractDir,
});

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
pyodide.FS.mkdirTree("/differential");
pyodide.FS.writeFile("/differential/calls.jsonl", Buffer.concat(chunks));
pyodide.FS.writeFile(
  "/differential/calls.py",
  await readFile(path.join(root, "tests/differential/calls.py")),
);
const answers = pyodide.runPython(`
import sys
sys.path.insert(0, "/differential")
import calls
with open("/differential/calls.jsonl", encoding="utf-8") as lines:
    answers = "".join(f"{answer}\\n" for answer in calls.run(lines))
answers
`);
process.stdout.write(answers);
if (values.record) {
  const names = pyodide.runPython("import sys; '\\n'.join(sorted(sys.modules))");
  await writeFile(values.record, `${names}\n`);
}
