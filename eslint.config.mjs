// ESLint for the site's JavaScript (flat config). ESLint, @eslint/js and globals are pinned in
// package-lock.json; scripts/test runs `npx eslint .` with this file, and any warning fails.
import js from "@eslint/js";
import globals from "globals";

export default [
  {
    ignores: ["node_modules/", "site/", "build/", ".venv/", ".cache/", "**/.hypothesis/"],
  },
  js.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      eqeqeq: ["error", "always"],
      "no-unused-vars": ["error", { args: "after-used", caughtErrors: "none" }],
    },
  },
  {
    // The checker page's ES modules.
    files: ["docs/assets/checker/*.js"],
    languageOptions: { sourceType: "module", globals: globals.browser },
    rules: { "no-var": "error", "prefer-const": "error" },
  },
  {
    files: ["docs/assets/checker/worker.js"],
    languageOptions: { globals: { ...globals.worker } },
  },
  {
    // Classic scripts on every page (mkdocs.yml extra_javascript), beside Material's bundle.
    files: ["docs/assets/javascripts/*.js"],
    languageOptions: {
      sourceType: "script",
      globals: { ...globals.browser, document$: "readonly", __md_scope: "readonly" },
    },
  },
  {
    // Written to the site root as sw.js by hooks/offline.py.
    files: ["docs/sw.js"],
    languageOptions: { sourceType: "script", globals: globals.serviceworker },
  },
  {
    // The prelude and the query reader hooks/search_lang.py put before Material's worker.
    files: ["docs/assets/javascripts/search_worker.js", "docs/assets/javascripts/search_query.js"],
    languageOptions: { sourceType: "script", globals: globals.worker },
  },
  {
    // Node scripts: the tests' (tests/, testsupport/) and calls/checker_runtime.mjs (the corpus
    // runner the build uses).
    files: ["tests/**/*.js", "tests/**/*.mjs", "testsupport/*.mjs", "calls/*.mjs"],
    languageOptions: { sourceType: "module", globals: { ...globals.node, ...globals.worker } },
  },
];
