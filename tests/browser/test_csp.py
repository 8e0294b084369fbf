"""The Content-Security-Policy holds for a whole reading session, and it is enforced.

The policy comes as a header (the built site's ``_headers``, which the test server sends as a
host would) and as a ``<meta>`` in every page (hooks/csp.py). A reader's session: a guide
page, the search, the palette switch, a content tab, the checker by instant navigation with
every action, the other language. No ``securitypolicyviolation`` may fire anywhere in it.
"""

from __future__ import annotations

import pytest
from checker_page import submit, url, wait_ready
from conftest import Reader

pytestmark = pytest.mark.browser

# Runs before any page script; the binding is added by Playwright, outside the page's policy.
REPORT = """
window.__violations = 0;
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations += 1;
  window.__violation({
    page: location.pathname,
    directive: event.effectiveDirective,
    blocked: event.blockedURI,
    sample: event.sample,
    source: `${event.sourceFile}:${event.lineNumber}`,
  });
});
"""


def _record(reader: Reader) -> list[dict[str, str]]:
    violations: list[dict[str, str]] = []
    reader.context.expose_binding("__violation", lambda _source, v: violations.append(v))
    reader.context.add_init_script(REPORT)
    return violations


def test_no_violation_in_a_reading_session(reader: Reader) -> None:
    violations = _record(reader)
    page = reader.page
    reader.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=reader.origin)

    response = page.goto(url(reader.origin, "zh", "guide/reload/"))
    assert response is not None  # None only for about:blank or a change of #fragment
    header = response.headers["content-security-policy"]
    meta = page.get_attribute('meta[http-equiv="Content-Security-Policy"]', "content")
    assert header == meta
    page.wait_for_load_state("networkidle")

    # Search: Material's worker and the index.
    page.click("label[for=__search]")
    page.fill("input[data-md-component=search-query]", "充值")
    page.keyboard.press("End")  # Material searches on key events, which fill() does not send
    page.wait_for_selector(".md-search-result__item")
    page.keyboard.press("Escape")
    # The palette switch and a content tab (both keep state through Material's inline scripts).
    page.click("form[data-md-component=palette] label:visible")
    page.click(".tabbed-labels > label:nth-child(2)")

    # The checker, by instant navigation, with every action.
    page.click("article a[href$='checker/']")
    page.wait_for_url("**/checker/")
    wait_ready(page)
    submit(page, last_reload="2026-03-15", amount="100", phone="0918 123 4567")
    with page.expect_download():
        page.click("[data-checker-calendar]")
    page.click("[data-checker-copy]")
    page.click("[data-checker-copy-link]")

    # The other language, in full, and back to a guide page there.
    page.hover(".md-header .md-select")  # the language list opens on hover or focus
    page.click("a[hreflang=en]")
    page.wait_for_url("**/en/checker/**")
    wait_ready(page)
    page.goto(url(reader.origin, "en", "guide/validity/"))
    page.wait_for_load_state("networkidle")
    assert page.locator("[data-checker]").count() == 0
    assert violations == []


def test_an_injected_inline_script_is_refused_and_reported(reader: Reader) -> None:
    # The check above would pass just as well if nothing were enforced or reported; this is
    # its control: an inline script that is not one of the theme's is blocked, and seen.
    reader.watch.allow_errors = True  # Chromium logs the refusal as an error
    violations = _record(reader)
    page = reader.page
    page.goto(url(reader.origin, "en", "guide/numbers/"))
    page.evaluate(
        """() => {
          const script = document.createElement("script");
          script.textContent = "window.__ran = true";
          document.body.append(script);
        }"""
    )
    page.wait_for_function("() => window.__violations > 0")
    assert page.evaluate("window.__ran") is None
    # One report per policy that refused it: the header's and the <meta>'s.
    assert {v["directive"] for v in violations} == {"script-src-elem"}
