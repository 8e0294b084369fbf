// Run the unit suite inside the pinned Pyodide on Node, against the exact wheel the site ships.
// Offline: Pyodide comes from node_modules, pytest and hypothesis from .cache/pyodide-wheels
// (both put there by scripts/setup). Usage: node tests/pyodide/run.mjs [pytest args...]
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { loadPyodide } from "pyodide";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const wheelDirs = [path.join(root, ".cache/pyodide-wheels"), path.join(root, "build/pyodide")];

const pyodide = await loadPyodide();
// Without extractDir a wheel lands in the working directory, which the tests leave.
const extractDir = pyodide.runPython("import site; site.getsitepackages()[0]");
for (const dir of wheelDirs) {
  for (const name of (await readdir(dir)).filter((n) => n.endsWith(".whl"))) {
    // unpackArchive wants a Uint8Array; a Node Buffer is not accepted.
    const bytes = new Uint8Array(await readFile(path.join(dir, name)));
    pyodide.unpackArchive(bytes, "wheel", { extractDir });
  }
}

// Copy the tests and the test-data package they import (not the package source: `checker`
// must come from the wheel). pyproject.toml's pythonpath puts /repo on sys.path, as on CPython.
pyodide.FS.mkdirTree("/repo");
pyodide.FS.writeFile("/repo/pyproject.toml", await readFile(path.join(root, "pyproject.toml")));
for (const dir of ["tests/unit", "testsupport"]) {
  pyodide.FS.mkdirTree(`/repo/${dir}`);
  for (const name of (await readdir(path.join(root, dir))).filter((n) => n.endsWith(".py"))) {
    pyodide.FS.writeFile(`/repo/${dir}/${name}`, await readFile(path.join(root, dir, name)));
  }
}

pyodide.globals.set("pytest_args", pyodide.toPy(process.argv.slice(2)));
// Pyodide has its own environment; pass on the two variables tests/unit/conftest.py reads, so
// that FUZZ_SEED=N replays a fuzz run here as it does on CPython.
const testEnv = {};
for (const name of ["HYPOTHESIS_PROFILE", "FUZZ_SEED"]) {
  if (process.env[name]) testEnv[name] = process.env[name];
}
pyodide.globals.set("test_env", pyodide.toPy(testEnv));
const status = await pyodide.runPythonAsync(`
import importlib, os, sys, platform
importlib.invalidate_caches()  # the wheels were unpacked after the path finders looked
os.chdir("/repo")
os.environ.update(test_env)
import checker
origin = checker.__spec__.origin
print(f"checker from {origin} on {platform.python_implementation()} {platform.python_version()} ({sys.platform})")
if not origin.endswith(".pyc") or "site-packages" not in origin:
    raise SystemExit(f"checker was not imported from the compiled wheel: {origin}")
import pytest
int(pytest.main(["-p", "no:cacheprovider", "tests/unit", *pytest_args]))
`);
process.exit(status);
