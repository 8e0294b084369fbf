"""axe-core on every page of the built site, in both languages and both palettes.

No page may have a serious or critical violation. Minor and moderate ones do not fail, but
every case's counts by impact are printed at the end of the run and written to
a11y-summary.json in pytest's base temporary directory, so that they stay visible. The palette
follows prefers-color-scheme, which Chromium emulates: light is Material's "default" scheme,
dark is "slate".

The pages are the Markdown files under docs/ (``x.md`` is Chinese at /x/, ``x.en.md`` English
at /en/x/) plus 404.html; a test checks that list against the built site, so it cannot drift.
The checker pages are checked in each state a reader can see: loading, failed, ready, and
with a result next to a field error.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import pytest
from checker_page import field_error, submit, wait_ready
from conftest import FORGET_PALETTE, Session, Watch
from playwright.sync_api import Page, Route

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
# Emulated prefers-color-scheme -> the Material scheme that must end up on <body>.
# The reader's colour scheme (the tests' parameter) and Material's palette for it.
Palette = Literal["light", "dark"]
PALETTES: dict[Palette, str] = {"light": "default", "dark": "slate"}
FAILING = ("critical", "serious")
IMPACTS = ("critical", "serious", "moderate", "minor")
CHECKER_TEMPLATE = re.compile(r"^template:\s*checker\.html\s*$", re.MULTILINE)
# Only what a failure message and the summary need crosses back from the page.
AXE_RUN = """async () => {
  const { violations } = await axe.run(document, { resultTypes: ["violations"] });
  return violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
    targets: v.nodes.map((n) => n.target.join(" >>> ")),
    summary: v.nodes[0] ? v.nodes[0].failureSummary : "",
  }));
}"""

Violations = list[dict[str, Any]]


@dataclass(frozen=True)
class SitePage:
    """One page of the built site, as the tests open it."""

    path: str  # below the origin, e.g. "en/guide/numbers/"
    lang: str
    checker: bool = False


def _pages() -> list[SitePage]:
    pages = [SitePage("404.html", "zh")]  # one file for both languages (zh first, then en)
    for md in sorted(DOCS.rglob("*.md")):
        lang = "en" if md.name.endswith(".en.md") else "zh"
        parts = [*md.relative_to(DOCS).parent.parts, md.name.split(".")[0]]
        if parts[-1] == "index":
            parts.pop()
        path = "".join(f"{part}/" for part in (["en"] if lang == "en" else []) + parts)
        text = md.read_text(encoding="utf-8")
        front = text.split("---\n", 2)[1] if text.startswith("---\n") else ""
        pages.append(SitePage(path, lang, bool(CHECKER_TEMPLATE.search(front))))
    return sorted(pages, key=lambda p: (p.path.removeprefix("en/"), p.lang != "zh"))


PAGES = _pages()


def _case(site_page: SitePage, palette: str = "", state: str = "") -> str:
    return " ".join(filter(None, (f"{site_page.lang}:/{site_page.path}", palette, state)))


def _params(checker: bool) -> list[Any]:
    return [pytest.param(p, id=_case(p)) for p in PAGES if p.checker == checker]


class _Summary:
    """Violations by impact per case; a plugin, so that pytest prints it after the run."""

    def __init__(self, report: Path) -> None:
        self.report = report
        self.table: dict[str, dict[str, int]] = {}

    def record(self, case: str, found: Violations) -> None:
        self.table[case] = {i: sum(v["impact"] == i for v in found) for i in IMPACTS}
        self.report.write_text(json.dumps(self.table, indent=1), encoding="utf-8")

    def pytest_terminal_summary(self, terminalreporter: pytest.TerminalReporter) -> None:
        terminalreporter.write_sep("-", "accessibility (axe-core): violated rules by impact")
        for case, row in self.table.items():
            terminalreporter.write_line(f"{case:<44}" + " ".join(f"{i}={row[i]}" for i in IMPACTS))
        totals = " ".join(f"{i}={sum(r[i] for r in self.table.values())}" for i in IMPACTS)
        terminalreporter.write_line(f"{len(self.table)} cases, in all: {totals} ({self.report})")


@pytest.fixture(scope="module")
def summary(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> _Summary:
    # Output from a module fixture's teardown is captured; the terminal summary hook is not.
    plugin = _Summary(tmp_path_factory.getbasetemp() / "a11y-summary.json")
    request.config.pluginmanager.register(plugin, "a11y-summary")
    return plugin


def _open(page: Page, origin: str, site_page: SitePage, palette: Palette) -> None:
    page.emulate_media(color_scheme=palette)
    page.add_init_script(FORGET_PALETTE)
    page.goto(f"{origin}/{site_page.path}")
    scheme = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    assert scheme == PALETTES[palette], f"expected the {PALETTES[palette]} palette, got {scheme}"


def _axe(page: Page, axe_url: str) -> Violations:
    if not page.evaluate("typeof window.axe === 'object'"):
        page.add_script_tag(url=axe_url)  # same origin: allowed by script-src 'self'
    violations: Violations = page.evaluate(AXE_RUN)
    return violations


def _describe(found: Violations) -> str:
    lines = []
    for v in found:
        targets = ", ".join(v["targets"][:4]) + (" …" if len(v["targets"]) > 4 else "")
        lines.append(
            f"- {v['id']} ({v['impact']}, {len(v['targets'])} node(s)): {v['help']}\n"
            f"  {targets}\n  {' '.join(v['summary'].split())}\n  {v['helpUrl']}"
        )
    return "\n".join(lines)


def _check(summary: _Summary, cases: dict[str, Violations]) -> None:
    for case, found in cases.items():
        summary.record(case, found)
    failing = {case: [v for v in found if v["impact"] in FAILING] for case, found in cases.items()}
    report = "\n".join(f"{case}:\n{_describe(found)}" for case, found in failing.items() if found)
    assert not report, f"serious or critical accessibility violations:\n{report}"


def test_every_built_page_is_checked(site_dir: Path) -> None:
    built = {
        p.relative_to(site_dir).as_posix().removesuffix("index.html")
        for p in site_dir.rglob("index.html")
        if p.relative_to(site_dir).parts[0] != "assets"
    }
    assert built | {"404.html"} == {p.path for p in PAGES}


def test_search_partial_is_materials_plus_a_name() -> None:
    # overrides/partials/search.html copies Material's to name its dialog; fail on an upgrade
    # that changes Material's, so that the copy is refreshed rather than left stale.
    import material

    theirs = Path(material.__file__).parent / "templates" / "partials" / "search.html"
    ours = (ROOT / "overrides" / "partials" / "search.html").read_text(encoding="utf-8")
    body = ours.split("-#}\n", 1)[1].replace(" aria-label=\"{{ lang.t('search') }}\"", "", 1)
    assert body == theirs.read_text(encoding="utf-8").split("-#}\n", 1)[1]


@pytest.mark.parametrize("palette", PALETTES)
@pytest.mark.parametrize("site_page", _params(checker=False))
def test_page(
    page: Page,
    browser: Session,
    axe_url: str,
    summary: _Summary,
    site_page: SitePage,
    palette: Palette,
) -> None:
    _open(page, browser.origin, site_page, palette)
    _check(summary, {_case(site_page, palette): _axe(page, axe_url)})


@pytest.mark.parametrize("palette", PALETTES)
@pytest.mark.parametrize("site_page", _params(checker=True))
def test_checker_loading_and_failed(
    page: Page,
    browser: Session,
    watch: Watch,
    axe_url: str,
    summary: _Summary,
    site_page: SitePage,
    palette: Palette,
) -> None:
    # No Pyodide boot: the runtime's WebAssembly is held (the page says it is loading),
    # then refused (the page shows its error and a retry button).
    watch.allow_errors = True  # the refused request and Pyodide's report of it
    held: list[Route] = []
    page.route("**/*.wasm", lambda route: held.append(route))
    _open(page, browser.origin, site_page, palette)
    for _ in range(200):  # route handlers only run while Playwright waits
        if held:
            break
        page.wait_for_timeout(50)
    assert held, "the checker never asked for its WebAssembly"
    page.wait_for_selector("[data-checker][data-checker-state=loading] [data-checker-progress]")
    cases = {_case(site_page, palette, "loading"): _axe(page, axe_url)}
    # The answer the build computed, shown before the runtime (issue 21), a grace period.
    page.fill("input[name=last_reload]", "2025-10-01")
    page.wait_for_selector("[data-checker][data-checker-early=shown]")
    cases[_case(site_page, palette, "early answer")] = _axe(page, axe_url)
    for route in held:
        route.abort()
    page.wait_for_selector("[data-checker][data-checker-state=error] [data-checker-retry]")
    cases[_case(site_page, palette, "failed")] = _axe(page, axe_url)
    _check(summary, cases)


@pytest.mark.parametrize("palette", PALETTES)
@pytest.mark.parametrize("site_page", _params(checker=True))
def test_checker_ready_and_with_results(
    page: Page,
    browser: Session,
    axe_url: str,
    summary: _Summary,
    site_page: SitePage,
    palette: Palette,
) -> None:
    _open(page, browser.origin, site_page, palette)
    wait_ready(page)
    cases = {_case(site_page, palette, "ready"): _axe(page, axe_url)}
    # A result with warnings (a small amount, grace period) next to a field error (a short
    # number), the folded details opened so that their lists are checked too.
    submit(page, last_reload="2025-10-01", amount="10", phone="0918 123")
    assert page.get_attribute("[data-checker-estimate]", "data-status") == "grace"
    assert field_error(page, "phone")[0], "the case needs a field error showing"
    page.evaluate("document.querySelectorAll('[data-checker] details').forEach(d => d.open = true)")
    cases[_case(site_page, palette, "results")] = _axe(page, axe_url)
    _check(summary, cases)
