"""My numbers (issue 14), in a real Chromium: save, list, reload, offline, delete, export and
import, the calendar for all lines, blocked or full storage, installability.

Every date the list shows is checked against the CLI (the same checker.web on CPython); the
document kept in localStorage is inspected as the browser holds it.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import icalendar
import pytest
from checker_page import submit, url, wait_ready
from conftest import TODAY, Reader, Watch, _assert_clean, _watched
from icalendar.cal import Component
from playwright.sync_api import BrowserContext, FilePayload, Page, Playwright

from checker import web
from checker.messages import text
from testsupport.browser import launch
from testsupport.checks import answered
from testsupport.cli import cli_next

pytestmark = pytest.mark.browser

KEY = "checker.lines.v1"
KEPT = "[data-checker][data-checker-offline=kept]"
LINES = "[data-checker-lines]"
# Two lines: the second is due sooner, so it is listed first.
WORK = {"phone": "0918 123 4567", "last_reload": "2026-06-01", "margin_days": "14"}
FAMILY = {"phone": "0917 555 0000", "last_reload": "2026-03-15", "amount": "100"}
LABELS = {"zh": "工作卡", "en": "Work SIM"}


def _stored(page: Page) -> str | None:
    stored: str | None = page.evaluate("k => localStorage.getItem(k)", KEY)
    return stored


def _kept(page: Page) -> Any:
    """The kept list as stored, parsed (JSON, untyped); fails if nothing is kept."""
    stored = _stored(page)
    assert stored is not None, "nothing is kept"
    return json.loads(stored)


def _count(page: Page) -> int:
    return int(page.get_attribute(LINES, "data-checker-saved-count") or -1)


def _wait_count(page: Page, count: int) -> None:
    page.wait_for_selector(f"{LINES}[data-checker-saved-count='{count}']", state="attached")


def _blank_form(page: Page) -> None:
    for field in web.FIELDS:
        if field.kind in ("date", "integer", "decimal", "tel"):
            page.fill(f"input[name={field.name}]", str(field.default))


def _save(page: Page, label: str = "", **fields: str) -> None:
    _blank_form(page)
    submit(page, **fields)
    page.fill("[data-checker-label]", label)
    page.evaluate(
        "() => { document.querySelector('[data-checker-lines-notice]').textContent = ''; }"
    )
    page.click("[data-checker-save]")
    # The answer: a notice (saved, updated, or not kept), or the reason beside the label.
    page.wait_for_function(
        """() => document.querySelector('[data-checker-lines-notice]').textContent !== ''
              || !document.querySelector('[data-checker-label-error]').hidden"""
    )
    page.wait_for_function(
        "() => document.querySelector('[data-checker-lines]').dataset.checkerSavedCount"
        " === String(document.querySelectorAll('[data-checker-saved-item]').length)"
    )


def _listed(page: Page) -> list[dict[str, str]]:
    listed: list[dict[str, str]] = page.evaluate(
        """() => [...document.querySelectorAll('[data-checker-saved-item]')].map(li => ({
             e164: li.dataset.e164, reload_by: li.dataset.reloadBy, status: li.dataset.status,
             days_left: li.dataset.daysLeft,
             label: li.querySelector('.checker__saved-label').textContent}))"""
    )
    return listed


def _expected(lang: str) -> list[dict[str, str]]:
    """What the list must show, from the CLI: soonest reload-by first."""
    rows = []
    for fields, e164, label in (
        (WORK, "+639181234567", LABELS[lang]),
        (FAMILY, "+639175550000", text("lines.default_label", lang, last4="0000")),
    ):
        options = {k: v for k, v in fields.items() if k != "phone"}
        estimate = cli_next(TODAY, **options)
        rows.append(
            {
                "e164": e164,
                "reload_by": estimate["reload_by"],
                "status": estimate["status"],
                "days_left": str(estimate["days_left"]),
                "label": label,
            }
        )
    return sorted(rows, key=lambda row: row["reload_by"])


def _save_both(page: Page, lang: str) -> None:
    _save(page, LABELS[lang], **WORK)
    _save(page, "", **FAMILY)
    _wait_count(page, 2)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_two_lines_saved_listed_in_order_kept_offline_then_deleted(
    reader: Reader, lang: str
) -> None:
    page = reader.page
    page.goto(url(reader.origin, lang))
    wait_ready(page)
    _wait_count(page, 0)
    # Typing and checking keep nothing: only Save does.
    submit(page, **WORK)
    page.fill("[data-checker-label]", LABELS[lang])
    everything = page.evaluate("() => JSON.stringify(Object.entries(localStorage))")
    assert KEY not in everything and "918" not in everything, everything

    _save_both(page, lang)
    kept = _kept(page)
    assert kept["format"] == "smart-baohao.lines" and kept["version"] == 1
    assert [line["e164"] for line in kept["lines"]] == ["+639181234567", "+639175550000"]
    assert "reload_by" not in json.dumps(kept)  # the form, never a result
    assert set(kept["lines"][0]["form"]) == set(web.FIELD_NAMES)
    expected = _expected(lang)
    assert _listed(page) == expected

    # Saving the same number again updates it.
    _save(page, LABELS[lang], **WORK)
    _wait_count(page, 2)
    assert len(_kept(page)["lines"]) == 2

    page.reload()
    wait_ready(page)
    _wait_count(page, 2)
    assert _listed(page) == expected
    page.wait_for_selector(KEPT, state="attached")
    page.wait_for_selector("html[data-offline=kept]", state="attached")

    reader.set_offline(True)
    page.reload()
    wait_ready(page)
    _wait_count(page, 2)
    assert _listed(page) == expected

    # Opening a line loads it into the form.
    page.click("[data-checker-saved-item][data-e164='+639181234567'] [data-checker-saved-open]")
    assert page.input_value("input[name=last_reload]") == WORK["last_reload"]
    assert page.input_value("[data-checker-label]") == LABELS[lang]
    page.wait_for_selector(
        f"[data-checker-estimate][data-reload-by='{expected[1]['reload_by']}']", state="attached"
    )

    page.click("[data-checker-saved-item][data-e164='+639181234567'] [data-checker-saved-delete]")
    _wait_count(page, 1)
    assert [row["e164"] for row in _listed(page)] == ["+639175550000"]

    page.once("dialog", lambda dialog: dialog.dismiss())
    page.click("[data-checker-delete-all]")
    assert _count(page) == 1  # not confirmed: nothing deleted
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("[data-checker-delete-all]")
    _wait_count(page, 0)
    assert _stored(page) is None


@pytest.fixture
def second(driver: Playwright, origin: str, tmp_path: Path) -> Iterator[Page]:
    """Another reader's browser: a fresh profile."""
    context = launch(driver, tmp_path / "second", viewport={"width": 360, "height": 740})
    watch = Watch()
    page = _watched(context.new_page(), watch)
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    try:
        yield page
    finally:
        context.close()
    _assert_clean(watch, requests, origin)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_export_then_import_into_a_fresh_profile(
    reader: Reader, second: Page, origin: str, lang: str
) -> None:
    page = reader.page
    page.goto(url(reader.origin, lang))
    wait_ready(page)
    _save_both(page, lang)
    with page.expect_download() as download:
        page.click("[data-checker-export]")
    exported = Path(download.value.path()).read_text(encoding="utf-8")
    assert download.value.suggested_filename.endswith(".json")
    assert json.loads(exported) == _kept(page)

    second.goto(url(origin, lang))  # the shared server: the reader has one of its own
    wait_ready(second)
    _wait_count(second, 0)
    second.set_input_files("[data-checker-import]", download.value.path())
    _wait_count(second, 2)
    assert _listed(second) == _listed(page) == _expected(lang)
    assert _kept(second) == _kept(page)


def _file(name: str, content: str | bytes) -> FilePayload:
    data = content.encode("utf-8", "surrogatepass") if isinstance(content, str) else content
    return {"name": name, "mimeType": "application/json", "buffer": data}


def _good_file() -> dict[str, Any]:
    return {
        "format": "smart-baohao.lines",
        "version": 1,
        "lines": [{"e164": "+639181234567", "label": "x", "form": {**WORK}}],
    }


def _with(change: Callable[[dict[str, Any]], object]) -> str:
    data = _good_file()
    change(data)
    return json.dumps(data, ensure_ascii=False)


BAD_FILES: list[tuple[str, str | bytes, str]] = [
    ("not_json", "this is not JSON {", "import.not_json"),
    ("not_ours", json.dumps({"lines": []}), "import.not_ours"),
    ("wrong_version", _with(lambda d: d.update(version=2)), "import.version"),
    (
        "bad_date",
        _with(lambda d: d["lines"][0]["form"].update(last_reload="2026-02-30")),
        "import.bad_line",
    ),
    (
        "future_date",
        _with(lambda d: d["lines"][0]["form"].update(last_reload="2999-01-01")),
        "import.bad_line",
    ),
    (
        "bidi_label",
        _with(lambda d: d["lines"][0].update(label="\u202egnp.exe")),
        "lines.label_bad",
    ),
    (
        "long_value",
        _with(lambda d: d["lines"][0]["form"].update(phone="9" * 100_000)),
        "import.bad_field",
    ),
    (
        "markup_number",
        _with(lambda d: d["lines"][0]["form"].update(phone="<img src=x onerror=alert(1)>")),
        "import.bad_line",
    ),
    (
        "not_text_field",
        _with(lambda d: d["lines"][0]["form"].update(phone=918)),
        "import.bad_field",
    ),
    ("ten_megabytes", b"[" + b"0," * (5 * 1024 * 1024) + b"0]", "import.too_large"),
]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_bad_files_leave_the_list_exactly_as_it_was(reader: Reader, lang: str) -> None:
    page = reader.page
    page.goto(url(reader.origin, lang))
    wait_ready(page)
    _save(page, "", **FAMILY)
    _wait_count(page, 1)
    before, listed = _stored(page), _listed(page)
    for name, content, code in BAD_FILES:
        page.evaluate("s => delete document.querySelector(s).dataset.checkerImportResult", LINES)
        page.set_input_files("[data-checker-import]", _file(f"{name}.json", content))
        page.wait_for_selector(f"{LINES}[data-checker-import-result]", state="attached")
        assert page.get_attribute(LINES, "data-checker-import-result") == code, name
        notice = page.text_content("[data-checker-lines-notice]") or ""
        assert notice.endswith(text("import.unchanged", lang)), (name, notice)
        assert ("保存" in notice) == (lang == "zh"), notice
        assert _stored(page) == before, name
        assert _listed(page) == listed, name
    assert "<img" not in page.inner_html(LINES)

    # A good file merges by number: the saved line stays, the new one joins.
    page.set_input_files("[data-checker-import]", _file("good.json", json.dumps(_good_file())))
    _wait_count(page, 2)
    assert {row["e164"] for row in _listed(page)} == {"+639175550000", "+639181234567"}


def _events(path: Path) -> list[Component]:
    calendar = icalendar.Calendar.from_ical(Path(path).read_bytes())
    return list(calendar.walk("VEVENT"))


def _single_line_events(fields: dict[str, str], lang: str) -> int:
    form = {field.name: field.default for field in web.FIELDS} | fields
    answer = answered(web.calendar(form, today=TODAY, lang=lang, now=f"{TODAY}T10:00:00Z"))
    return len(_events_from_text(answer["ics"]))


def _events_from_text(ics: str) -> list[Component]:
    return list(icalendar.Calendar.from_ical(ics.encode()).walk("VEVENT"))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_one_calendar_for_all_lines(reader: Reader, lang: str) -> None:
    page = reader.page
    page.goto(url(reader.origin, lang))
    wait_ready(page)
    _save_both(page, lang)
    exports = []
    for _ in range(2):
        with page.expect_download() as download:
            page.click("[data-checker-ics-all]")
        assert download.value.suggested_filename.endswith(".ics")
        exports.append(_events(download.value.path()))
    first, again = exports
    assert len(first) == _single_line_events(WORK, lang) + _single_line_events(FAMILY, lang)
    uids = [str(event["UID"]) for event in first]
    assert len(set(uids)) == len(uids)
    assert uids == [str(event["UID"]) for event in again]
    default = text("lines.default_label", lang, last4="0000")
    for event in first:
        summary = str(event["SUMMARY"])
        assert LABELS[lang] in summary or default in summary, summary
        assert "918 123 4567" not in summary and "9181234567" not in summary
    # The same alarms as the single-line file, line by line.
    form = {field.name: field.default for field in web.FIELDS} | WORK
    single = _events_from_text(
        answered(web.calendar(form, today=TODAY, lang=lang, now=f"{TODAY}T10:00:00Z"))["ics"]
    )
    mine = [e for e in first if LABELS[lang] in str(e["SUMMARY"])]
    assert [[str(a["TRIGGER"].to_ical()) for a in e.walk("VALARM")] for e in mine] == [
        [str(a["TRIGGER"].to_ical()) for a in e.walk("VALARM")] for e in single
    ]


@pytest.fixture
def blocked(driver: Playwright, tmp_path: Path) -> Iterator[BrowserContext]:
    """Site data blocked, as Chromium's "Block all cookies" does (test_blocked_storage.py)."""
    profile = tmp_path / "profile"
    (profile / "Default").mkdir(parents=True)
    prefs = {"profile": {"default_content_setting_values": {"cookies": 2}}}
    (profile / "Default" / "Preferences").write_text(json.dumps(prefs), encoding="utf-8")
    context = launch(driver, profile, viewport={"width": 360, "height": 740})
    try:
        yield context
    finally:
        context.close()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_saving_with_site_data_blocked_says_so_and_the_checker_works(
    blocked: BrowserContext, origin: str, lang: str
) -> None:
    watch = Watch()
    page = _watched(blocked.new_page(), watch)
    page.goto(url(origin, lang))
    wait_ready(page)
    assert page.get_attribute(LINES, "data-checker-storage") == "blocked"
    assert page.locator("[data-checker-storage-blocked]").is_visible()
    _save(page, "", **FAMILY)
    notice = page.text_content("[data-checker-lines-notice]")
    assert notice == text("form.lines.not_kept.blocked", lang)
    # Listed while the page is open (the stand-in storage), gone with it.
    _wait_count(page, 1)
    page.reload()
    wait_ready(page)
    _wait_count(page, 0)
    assert (
        page.get_attribute("[data-checker-estimate]", "data-reload-by")
        == cli_next(TODAY, last_reload=FAMILY["last_reload"], amount="100")["reload_by"]
    )
    assert not watch.page_errors and not watch.console_errors, watch


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_saving_with_storage_full_says_so_and_the_checker_works(reader: Reader, lang: str) -> None:
    page = reader.page
    page.goto(url(reader.origin, lang))
    wait_ready(page)
    filled = page.evaluate(
        """() => { let name = 'never';
             // Halve the chunk at each refusal, down to one character: nothing more fits.
             for (let size = 1 << 20, i = 0; size >= 1 && i < 400; i++) {
               try { localStorage.setItem('fill' + i, 'x'.repeat(size)); }
               catch (e) { name = e.name; size >>= 1; }
             }
             return name; }"""
    )
    assert filled == "QuotaExceededError"
    _save(page, "", **FAMILY)
    assert page.text_content("[data-checker-lines-notice]") == text(
        "form.lines.not_kept.full", lang
    )
    assert _stored(page) is None
    submit(page, last_reload="2026-06-01")
    assert (
        page.get_attribute("[data-checker-estimate]", "data-reload-by")
        == cli_next(TODAY, last_reload="2026-06-01", amount="100")["reload_by"]
    )


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_installable_with_no_errors(reader: Reader, lang: str) -> None:
    page = reader.page
    page.goto(url(reader.origin, lang))
    wait_ready(page)
    page.wait_for_selector(KEPT, state="attached")
    cdp = reader.context.new_cdp_session(page)
    errors = cdp.send("Page.getInstallabilityErrors")["installabilityErrors"]
    assert errors == [], errors
    answer = cdp.send("Page.getAppManifest")
    assert not answer["errors"], answer["errors"]
    manifest = json.loads(answer["data"])
    assert manifest["name"] == text("form.app.name", lang)
    assert manifest["display"] == "standalone"
    base = answer["url"]
    from urllib.parse import urljoin

    assert urljoin(base, manifest["start_url"]) == url(reader.origin, lang)
    assert urljoin(base, manifest["scope"]) == reader.origin + "/"
    icons = {(icon["sizes"], icon["purpose"]) for icon in manifest["icons"]}
    assert {("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")} <= icons
    for icon in manifest["icons"]:
        response = page.request.get(urljoin(base, icon["src"]))
        assert response.ok and response.body()[:8] == b"\x89PNG\r\n\x1a\n"
