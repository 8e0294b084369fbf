"""The checker page through its testability contract (overrides/checker.html), in any engine.

The same contract tests/browser/checker_page.py uses with Playwright, as scripts an engine
runs in the page: the form is filled and submitted as a reader's Enter would submit it.
"""

from __future__ import annotations

from typing import Any

from testsupport.engines import Engine

SETTLED = """() => {
  const root = document.querySelector("[data-checker]");
  return Boolean(root) && ["ready", "error"].includes(root.dataset.checkerState);
}"""
STATE = """() => {
  const root = document.querySelector("[data-checker]");
  return { state: root.dataset.checkerState, boot: root.dataset.checkerBoot || "",
           offline: root.dataset.checkerOffline || "",
           message: (root.querySelector("[data-checker-boot-message]") || {}).textContent || "" };
}"""
SUBMIT = """(fields) => {
  const root = document.querySelector("[data-checker]");
  const form = root.querySelector("[data-checker-form]");
  for (const [name, value] of Object.entries(fields)) {
    // A choice is a radio group: its RadioNodeList takes the value and checks that radio.
    const input = form.elements.namedItem(name);
    if (input.type === "checkbox") input.checked = Boolean(value);
    else input.value = String(value);
  }
  const before = Number(root.dataset.checkerChecks || 0);
  form.requestSubmit();
  return before;
}"""
CHECKED = """(before) =>
  Number(document.querySelector("[data-checker]").dataset.checkerChecks || 0) > before"""
ESTIMATE = """() => {
  const box = document.querySelector("[data-checker-estimate]");
  const text = (name) => (document.querySelector(`[data-checker-out=${name}]`) || {}).textContent;
  return { reload_by: box.dataset.reloadBy, load_expires: box.dataset.loadExpires,
           deactivates_on: box.dataset.deactivatesOn, days_left: box.dataset.daysLeft,
           status: box.dataset.status, shown_reload_by: text("reload_by_text"),
           status_label: text("status_label"), status_detail: text("status_detail"),
           carrier: box.dataset.carrier };
}"""
# The message box of a field, and where it is drawn against its input (CSS pixels).
FIELD_ERROR = """(name) => {
  const box = document.querySelector(`[data-checker-field-error=${name}]`);
  const input = document.querySelector(`[data-checker-form] [name=${name}]`);
  const a = input.getBoundingClientRect(), b = box.getBoundingClientRect();
  return { hidden: box.hidden, code: box.dataset.code || null, text: box.textContent.trim(),
           invalid: input.getAttribute("aria-invalid"),
           describes: (input.getAttribute("aria-describedby") || "").split(" ").includes(box.id),
           same_field: box.parentElement === input.parentElement,
           gap: b.top - a.bottom, height: b.height, left: b.left - a.left };
}"""
TODAY = """() => {
  const d = new Date(), pad = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}"""


def url(origin: str, lang: str, path: str = "checker/") -> str:
    return f"{origin}/{'en/' if lang == 'en' else ''}{path}"


def wait_ready(browser: Engine) -> dict[str, str]:
    """Until the checker has booted; its state (``boot`` is fresh or snapshot)."""
    browser.wait(SETTLED)
    state: dict[str, str] = browser.evaluate(STATE)
    assert state["state"] == "ready", f"{browser.name}: {state}"
    return state


def submit(browser: Engine, **fields: str | bool) -> None:
    before = browser.evaluate(SUBMIT, fields)
    browser.wait(CHECKED, before, timeout_s=30)


def estimate(browser: Engine) -> dict[str, Any]:
    shown: dict[str, Any] = browser.evaluate(ESTIMATE)
    return shown


def field_error(browser: Engine, name: str) -> dict[str, Any]:
    error: dict[str, Any] = browser.evaluate(FIELD_ERROR, name)
    return error


def today(browser: Engine) -> str:
    """The browser's own date: the page computes from it (no clock to fix in these drivers)."""
    day: str = browser.evaluate(TODAY)
    return day
