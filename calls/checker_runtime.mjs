// Answer calls to checker.web inside the pinned Pyodide on Node, booted as the checker page
// boots it: the shipped wheel, and with --stdlib the standard library the site ships
// (build/pyodide/python_stdlib.zip, loaded through stdLibURL) and no lock file (an empty one
// given as lockFileContents, as worker.js does). Without --stdlib: the stock npm runtime.
//
// Usage: node calls/checker_runtime.mjs [--stdlib ZIP] [--record FILE] < calls.jsonl
// Reads one call a line (calls/__init__.py says the format), prints one answer a
// line. --record FILE writes, once every call has run, the standard library's modules they
// loaded and the ones compiled into Pyodide, as JSON (scripts/build-stdlib adds the first to
// the modules it ships; tests/differential checks that each is shipped).
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { loadPyodide } from "pyodide";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
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
// The `calls` package goes beside the wheel, so Python imports it as CPython does.
pyodide.FS.mkdirTree(`${extractDir}/calls`);
pyodide.FS.writeFile(
  `${extractDir}/calls/__init__.py`,
  await readFile(path.join(root, "calls/__init__.py")),
);
const answers = pyodide.runPython(`
import importlib
importlib.invalidate_caches()  # the package was written after the path finders looked
import calls
with open("/differential/calls.jsonl", encoding="utf-8") as lines:
    answers = "".join(f"{answer}\\n" for answer in calls.run(lines))
answers
`);
process.stdout.write(answers);
if (values.record) {
  // The standard library's modules the calls loaded from the zip (not the ones compiled into
  // Pyodide: built-in, or frozen like os and zipimport), and those compiled-in ones.
  const record = pyodide.runPython(`
import _imp, json, sys
stdlib = "/lib/python{}{}.zip/".format(*sys.version_info[:2])  # where Pyodide mounts it
json.dumps({
    "imported": sorted(n for n, m in list(sys.modules.items())
                       if (getattr(m, "__file__", None) or "").startswith(stdlib)
                       and getattr(getattr(m, "__spec__", None), "origin", None) != "frozen"),
    "builtin": sorted(sys.builtin_module_names),
    "frozen": sorted(_imp._frozen_module_names()),
})
`);
  await writeFile(values.record, record);
}
