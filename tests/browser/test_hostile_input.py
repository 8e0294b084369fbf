"""Hostile input in the checker page: injection, runaway pastes, odd Unicode, absurd numbers.

Every case types, pastes or inserts one text into one field and checks three things:

1. no script ran: the payloads set ``window.__pwned`` (and some call ``alert``), so the test
   asserts the sentinel is unset, no dialog opened, no request named the payload's image, and
   no script, image, SVG, frame or inline handler appeared in the page;
2. the page answered within a second of the input, measured in the page: from the first
   paste/beforeinput/input event to the check counter's change (the 150 ms debounce counts);
3. the field got a clear answer: its message box shows exactly the message ``checker.web``
   gives on CPython for the same text in the page's language, with the code named in the
   table (or, for a text that is valid once normalised, the valid result, and no message).

One Pyodide boot per language for the whole module: the page is reset between cases.
The test relies on no inline script in the page, so it holds under a strict CSP too:
``page.evaluate`` is the browser's debugging protocol, not a page script.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

import pytest
from checker_page import (
    ROOT_SELECTOR,
    checks_done,
    open_checker,
    reset,
    shown_errors,
    stand_in_worker,
    values,
)
from conftest import BOOT_TIMEOUT_MS, TODAY, Session
from playwright.sync_api import ConsoleMessage, Dialog, Page

from checker import web
from checker.text import MAX_INPUT_LENGTH

pytestmark = pytest.mark.browser

# The bound: the page answers within one second of the input.
ANSWER_MS = 1_000
# How long to wait before calling a case a freeze (the bound above is asserted separately).
GIVE_UP_MS = 10_000
# What the whole saved state (address fragment, sessionStorage) may grow to.
SAVED_STATE_MAX = 4_096
PASTE_LENGTH = 100_000

# Every payload sets this sentinel if it ever runs; some also open a dialog.
PWN = "window.__pwned=1"
# Image payloads name this path, so a request for it means the markup was parsed.
PWN_IMAGE = "/pwned.png"

# The result element and check_form's part for each field.
RESULT = {
    "phone": ("[data-checker-number]", "number"),
    "amount": ("[data-checker-amount]", "amount"),
    "last_reload": ("[data-checker-estimate]", "estimate"),
    "zero_balance_since": ("[data-checker-estimate]", "estimate"),
    "margin_days": ("[data-checker-estimate]", "estimate"),
}
# A valid last reload under every other field's case, so the estimate reaches that field.
BASE = {"last_reload": "2026-03-15"}

# Elements a successful injection would add; none may appear in the checker.
ACTIVE_IN_CHECKER = (
    "script, img, svg, math, iframe, frame, object, embed, video, audio, source, style, link,"
    " base, meta, form, input, textarea, select, button"
)
# Elements that could run code from anywhere in the document.
ACTIVE_IN_DOCUMENT = "script, iframe, frame, object, embed, base"

# How the text reaches the field.
FILL = "fill"  # page.fill: focus, select all, insert (one input event)
PASTE = "paste"  # the clipboard and Ctrl+V: a real paste event, then input
INSERT = "insert"  # keyboard.insert_text: what an IME or a dictation tool does
SCRIPT = "script"  # value set by script plus an input event: the only way to a lone surrogate


@dataclass(frozen=True)
class Valid:
    """The text is valid once normalised: the field's result carries ``data-<key>=value``."""

    key: str
    value: str


@dataclass(frozen=True)
class Case:
    lang: str
    field: str
    text: str
    expect: str | Valid  # the error code shown beside the field, or the valid result
    how: str = FILL


def _long(unit: str) -> str:
    return (unit * (PASTE_LENGTH // len(unit) + 1))[:PASTE_LENGTH]


E164 = Valid("e164", "+639181234567")
CASES = {
    # --- phone --------------------------------------------------------------------------------
    "phone-script-tag": Case(
        "en", "phone", f"<script>{PWN};alert(1)</script>", "phone.invalid_chars"
    ),
    "phone-img-onerror": Case(
        "zh", "phone", f'<img src={PWN_IMAGE} onerror="{PWN};alert(1)">', "phone.invalid_chars"
    ),
    "phone-attribute-break": Case(
        "en", "phone", f'0918"><svg onload={PWN}>', "phone.invalid_chars", INSERT
    ),
    "phone-javascript-url": Case(
        "zh", "phone", f"javascript:{PWN}//0918 123 4567", "phone.invalid_chars"
    ),
    "phone-paste-100k": Case("en", "phone", _long("0918 123 4567 "), "input.too_long", PASTE),
    "phone-emoji-zwj": Case("zh", "phone", "👩\u200d💻 0918 123 4567", "phone.invalid_chars"),
    "phone-emoji-flag": Case("en", "phone", "🇵🇭 0918 123 4567", "phone.invalid_chars", PASTE),
    # Named as U+200F in the message: the project rejects invisible characters by name
    # (tests/unit/test_phone.py) rather than dropping them silently.
    "phone-rtl-mark-wrapped": Case(
        "zh", "phone", "\u200f0918 123 4567\u200f", "phone.invalid_chars", PASTE
    ),
    "phone-rtl-override": Case(
        "en", "phone", "\u202e7654 321 8190\u202c", "phone.invalid_chars", INSERT
    ),
    "phone-zero-width-space": Case("zh", "phone", "0918\u200b123\u200b4567", "phone.invalid_chars"),
    "phone-nul": Case("en", "phone", "0918\x00123 4567", "phone.invalid_chars"),
    "phone-lone-surrogate": Case(
        "zh", "phone", "0918\ud83d123 4567", "phone.invalid_chars", SCRIPT
    ),
    "phone-sql-or": Case("en", "phone", "' OR 1=1 --", "phone.invalid_chars"),
    "phone-sql-drop": Case("zh", "phone", "0917'; DROP TABLE numbers;--", "phone.invalid_chars"),
    "phone-full-width": Case("en", "phone", "＋６３ ９１８ １２３ ４５６７", E164, PASTE),
    # The digits a reader in the Gulf types, read as the date fields read them.
    "phone-arabic-indic": Case("zh", "phone", "٠٩١٨ ١٢٣ ٤٥٦٧", E164),
    "phone-persian-digits": Case("en", "phone", "+۶۳ ۹۱۸ ۱۲۳ ۴۵۶۷", E164, PASTE),
    "phone-arabic-indic-too-short": Case("en", "phone", "٠٩١٨ ١٢٣ ٤٥٦", "phone.too_short"),
    # --- last_reload --------------------------------------------------------------------------
    "last-reload-year-99999": Case("en", "last_reload", "99999-01-01", "date.unreadable"),
    "last-reload-0000-00-00": Case("zh", "last_reload", "0000-00-00", "date.not_exist"),
    "last-reload-feb-30": Case("en", "last_reload", "2026-02-30", "date.not_exist"),
    "last-reload-year-9999": Case("zh", "last_reload", "9999-12-31", "date.out_of_range"),
    "last-reload-script-tag": Case(
        "zh", "last_reload", f"<script>{PWN}</script>2026-03-15", "date.unreadable"
    ),
    "last-reload-rtl-mark-wrapped": Case(
        "en", "last_reload", "\u200f2026-03-15\u200f", "date.unreadable", INSERT
    ),
    "last-reload-sql": Case(
        "en", "last_reload", "2026-03-15'; DROP TABLE reloads;--", "date.unreadable"
    ),
    "last-reload-nul": Case("zh", "last_reload", "2026-03-15\x00", "date.unreadable"),
    "last-reload-full-width": Case(
        "zh", "last_reload", "２０２６－０３－１５", Valid("reload_by", "2027-02-13"), PASTE
    ),
    "last-reload-insert-100k": Case(
        "zh", "last_reload", _long("2026-03-15 \u200f👨\u200d👩\u200d👧 "), "input.too_long", INSERT
    ),
    # --- zero_balance_since -------------------------------------------------------------------
    "zero-balance-img-onerror": Case(
        "en", "zero_balance_since", f"<img src={PWN_IMAGE} onerror={PWN}>", "date.unreadable"
    ),
    "zero-balance-year-99999": Case("zh", "zero_balance_since", "99999-01-01", "date.unreadable"),
    "zero-balance-javascript-url": Case(
        "en", "zero_balance_since", f"javascript:{PWN};alert(document.cookie)", "date.unreadable"
    ),
    "zero-balance-emoji": Case(
        "zh", "zero_balance_since", "📅 2026-09-01", "date.unreadable", PASTE
    ),
    # Python's \d reads Arabic-Indic digits, so this is 2026-09-01: a balance gone, a grace period.
    "zero-balance-arabic-digits": Case(
        "en", "zero_balance_since", "٢٠٢٦-٠٩-٠١", Valid("status", "grace"), INSERT
    ),
    # --- margin_days --------------------------------------------------------------------------
    "margin-negative": Case("en", "margin_days", "-1", "margin.out_of_range"),
    "margin-1e309": Case("zh", "margin_days", "1e309", "margin.not_a_number"),
    "margin-twenty-nines": Case("en", "margin_days", "99999999999999999999", "margin.out_of_range"),
    "margin-infinity": Case("zh", "margin_days", "Infinity", "margin.not_a_number"),
    "margin-nan": Case("en", "margin_days", "NaN", "margin.not_a_number"),
    # Was internal.error beside last_reload: int() refuses the two signs the check let through.
    "margin-two-signs": Case("zh", "margin_days", "-+5", "margin.not_a_number"),
    # Was shown beside last_reload: "too long" did not name the margin field.
    "margin-paste-100k": Case("en", "margin_days", "9" * PASTE_LENGTH, "input.too_long", PASTE),
    "margin-svg-onload": Case(
        "zh", "margin_days", f'30"><svg/onload={PWN}>', "margin.not_a_number", INSERT
    ),
    "margin-rtl-mark-wrapped": Case("en", "margin_days", "\u200f14\u200f", "margin.not_a_number"),
    "margin-full-width": Case("zh", "margin_days", "１４", Valid("margin_days", "14")),
    # --- amount -------------------------------------------------------------------------------
    "amount-negative": Case("en", "amount", "-100", "amount.not_positive"),
    "amount-twenty-nines": Case("zh", "amount", "99999999999999999999", "amount.too_large"),
    "amount-1e309": Case("en", "amount", "1e309", "amount.exponent"),
    "amount-nan": Case("zh", "amount", "NaN", "amount.exponent"),
    "amount-infinity": Case("en", "amount", "-Infinity", "amount.exponent", INSERT),
    "amount-script-tag": Case("en", "amount", f"₱<script>{PWN}</script>", "amount.not_a_number"),
    "amount-fill-100k": Case(
        "zh", "amount", _long(f"<img src={PWN_IMAGE} onerror={PWN}>"), "input.too_long"
    ),
    "amount-sql": Case("en", "amount", "100' OR '1'='1", "amount.not_a_number"),
    "amount-emoji": Case("zh", "amount", "💰100", "amount.not_a_number", PASTE),
    "amount-rtl-mark": Case("en", "amount", "\u200f100", "amount.not_a_number"),
    "amount-full-width": Case("zh", "amount", "₱１，０００", Valid("amount", "1000.00")),
}


@dataclass
class Tab:
    """One checker page, booted once, and everything it did that a case must not see."""

    page: Page
    origin: str
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    active: dict[str, int] = field(default_factory=dict)


def _watch(page: Page, tab: Tab) -> None:
    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            tab.console_errors.append(message.text)

    def on_dialog(dialog: Dialog) -> None:
        tab.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    page.on("console", on_console)
    page.on("pageerror", lambda error: tab.page_errors.append(str(error)))
    page.on("dialog", on_dialog)
    page.on("request", lambda request: tab.requests.append(request.url))


def _active(page: Page) -> dict[str, int]:
    """How many elements of each kind that could run code are in the page."""
    active: dict[str, int] = page.evaluate(
        """([inChecker, inDocument]) => {
             const root = document.querySelector('[data-checker]');
             const count = (scope, selector) => {
               const counts = {};
               for (const el of scope.querySelectorAll(selector)) {
                 counts[el.localName] = (counts[el.localName] || 0) + 1;
               }
               return counts;
             };
             const handlers = [root, ...root.querySelectorAll('*')]
               .flatMap(el => el.getAttributeNames().filter(name => name.startsWith('on')));
             const scriptUrls = root.querySelectorAll(
               '[href^="javascript:" i], [src^="javascript:" i], [action^="javascript:" i]');
             return {
               ...Object.fromEntries(Object.entries(count(root, inChecker))
                 .map(([tag, n]) => ['checker ' + tag, n])),
               ...Object.fromEntries(Object.entries(count(document, inDocument))
                 .map(([tag, n]) => ['document ' + tag, n])),
               'inline handlers': handlers.length,
               'javascript: URLs': scriptUrls.length,
             };
           }""",
        [ACTIVE_IN_CHECKER, ACTIVE_IN_DOCUMENT],
    )
    return active


# The in-page stopwatch: when the first input event of a case fired, and when the check
# counter changed (a MutationObserver runs right after the render that bumps it).
PROBE = """() => {
  const root = document.querySelector('[data-checker]');
  const probe = { inputAt: null, answers: [] };
  const mark = () => { if (probe.inputAt === null) probe.inputAt = performance.now(); };
  for (const type of ['paste', 'beforeinput', 'input']) {
    document.addEventListener(type, mark, { capture: true });
  }
  new MutationObserver(() => probe.answers.push(performance.now()))
    .observe(root, { attributes: true, attributeFilter: ['data-checker-checks'] });
  window.__hostileProbe = probe;
}"""


def _open(browser: Session, lang: str) -> Tab:
    page = browser.context.new_page()
    page.clock.set_fixed_time(f"{TODAY}T10:00:00")
    page.set_default_timeout(BOOT_TIMEOUT_MS)
    tab = Tab(page=page, origin=browser.origin)
    _watch(page, tab)
    open_checker(page, browser.origin, lang)
    page.wait_for_function(f"() => document.querySelector('{ROOT_SELECTOR}').dataset.checkerChecks")
    page.evaluate(PROBE)
    tab.active = _active(page)
    return tab


@pytest.fixture(scope="module")
def tabs(browser: Session) -> Iterator[Callable[[str], Tab]]:
    """A booted checker page per language, opened on first use and kept for the module."""
    opened: dict[str, Tab] = {}

    def tab(lang: str) -> Tab:
        if lang not in opened:
            opened[lang] = _open(browser, lang)
        return opened[lang]

    yield tab
    for each in opened.values():
        each.page.close()


def _settle(tab: Tab, case: Case) -> None:
    """Reset the form, focus and select the case's field, and let one check finish.

    Focusing can fire a "change" on the field left behind; the check of the "change" sent
    after it supersedes it, so once it lands nothing is in flight and the next answer is the
    case's own. (Not a submit: Check would move the focus to the first error or the answer.)
    """
    page = tab.page
    # A page in the background has its timers throttled to one a second or less; people
    # type into the page they look at.
    page.bring_to_front()
    reset(page)
    base = {} if case.field in BASE else BASE
    before = page.evaluate(
        """([field, base]) => {
             const form = document.querySelector('[data-checker-form]');
             for (const [name, value] of Object.entries(base)) {
               form.elements.namedItem(name).value = value;
             }
             const input = form.elements.namedItem(field);
             input.focus();
             input.select();
             const before = Number(document.querySelector('[data-checker]')
               .dataset.checkerChecks || 0);
             form.dispatchEvent(new Event('change', { bubbles: true }));
             return before;
           }""",
        [case.field, base],
    )
    page.wait_for_function(
        f"n => Number(document.querySelector('{ROOT_SELECTOR}').dataset.checkerChecks) > n",
        arg=before,
    )
    if case.how == PASTE:
        page.evaluate("text => navigator.clipboard.writeText(text)", case.text)
    page.evaluate(
        "() => { window.__hostileProbe.inputAt = null; window.__hostileProbe.answers = []; }"
    )


def _enter(tab: Tab, case: Case) -> None:
    page = tab.page
    selector = f"[data-checker-form] [name={case.field}]"
    if case.how == FILL:
        page.fill(selector, case.text)
    elif case.how == PASTE:
        page.keyboard.press("ControlOrMeta+V")
    elif case.how == INSERT:
        page.keyboard.insert_text(case.text)
    else:
        # As UTF-16 code units: a lone surrogate would not survive the trip as a string.
        units = case.text.encode("utf-16-le", "surrogatepass")
        page.evaluate(
            """([selector, units]) => {
                 const input = document.querySelector(selector);
                 input.value = String.fromCharCode(...units);
                 input.dispatchEvent(new Event('input', { bubbles: true }));
               }""",
            [
                selector,
                [int.from_bytes(units[i : i + 2], "little") for i in range(0, len(units), 2)],
            ],
        )


def _answer_ms(tab: Tab) -> float:
    """Milliseconds from the first input event to the results reaching the page."""
    tab.page.wait_for_function(
        "() => window.__hostileProbe.inputAt !== null && window.__hostileProbe.answers.length",
        timeout=GIVE_UP_MS,
    )
    probe = tab.page.evaluate("() => window.__hostileProbe")
    elapsed: float = probe["answers"][0] - probe["inputAt"]
    return elapsed


def expected_errors(form: dict[str, Any], lang: str) -> dict[str, tuple[str, str]]:
    """What the page must show beside each field: checker.web's first error for it."""
    result = web.check_form(form, today=TODAY, lang=lang)
    errors: dict[str, tuple[str, str]] = {}
    for part in (result["number"], result["amount"], result["estimate"]):
        if part and not part["ok"]:
            errors.setdefault(part["field"], (part["code"], part["message"]))
    return errors


def _saved_state(page: Page, name: str) -> dict[str, Any]:
    state: dict[str, Any] = page.evaluate(
        """name => {
             let stored = null;
             try { stored = sessionStorage.getItem('checker.form'); } catch { stored = null; }
             return {
               fragment: location.hash.length,
               stored: stored === null ? 0 : stored.length,
               saved: new URLSearchParams(location.hash.slice(1)).get(name),
               value: document.querySelector(`[data-checker-form] [name=${name}]`).value,
               share: document.querySelector('[data-checker-share]').getAttribute('href'),
             };
           }""",
        name,
    )
    return state


def _assert_nothing_ran(tab: Tab, since: int) -> None:
    page = tab.page
    assert page.evaluate("() => window.__pwned") is None, "a payload ran"
    assert tab.dialogs == [], tab.dialogs
    requests = tab.requests[since:]
    assert not [url for url in requests if PWN_IMAGE in url], requests
    assert all(url.startswith((tab.origin + "/", "data:", "blob:")) for url in requests), requests
    assert _active(page) == tab.active
    assert tab.page_errors == [], tab.page_errors
    assert tab.console_errors == [], tab.console_errors


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_hostile_input_is_answered_as_text(tabs: Callable[[str], Tab], case: Case) -> None:
    tab = tabs(case.lang)
    page = tab.page
    since = len(tab.requests)
    # Each case answers for what happened during it only: one failure does not fail the rest.
    for seen in (tab.console_errors, tab.page_errors, tab.dialogs):
        seen.clear()
    _settle(tab, case)
    _enter(tab, case)
    elapsed = _answer_ms(tab)
    print(f"answered {elapsed:.0f} ms after the input")  # shown with -rP: the spread
    # The reader leaves the field: it is judged now (never while a value is being typed).
    page.evaluate("() => document.activeElement.blur()")

    # 1. No script ran and nothing active was added.
    _assert_nothing_ran(tab, since)

    # 2. The page answered within a second of the input.
    assert elapsed <= ANSWER_MS, f"answered {elapsed:.0f} ms after the input"

    # 3. The field's answer is checker.web's, for exactly the text the page holds.
    form = values(page)
    held = form[case.field]
    if len(case.text) <= MAX_INPUT_LENGTH:
        assert held == case.text, "the field does not hold the case's text"
    else:
        # A runaway paste is cut (the field's maxlength), but never short enough to pass as
        # a valid answer: the message still says it is too long.
        assert case.text.startswith(held) and MAX_INPUT_LENGTH < len(held) < len(case.text)
    expected = expected_errors(form, case.lang)
    shown = shown_errors(page)
    assert shown == expected
    box = f"[data-checker-field-error={case.field}]"
    invalid = page.get_attribute(f"[data-checker-form] [name={case.field}]", "aria-invalid")
    if isinstance(case.expect, Valid):
        assert case.field not in shown, shown[case.field]
        assert invalid == "false"
        selector, part = RESULT[case.field]
        # Any part, read by the key the case names: its answer as JSON, not its TypedDict.
        answer: Mapping[str, object] = web.check_form(form, today=TODAY, lang=case.lang)
        result = answer[part]
        assert isinstance(result, dict), result  # a valid field's part is its answer
        assert str(result[case.expect.key]) == case.expect.value  # the table agrees with CPython
        attribute = "data-" + case.expect.key.replace("_", "-")
        assert page.get_attribute(selector, attribute) == case.expect.value
        assert page.is_visible(selector)
    else:
        assert shown.get(case.field, (None, ""))[0] == case.expect, shown
        message = shown[case.field][1]
        assert message.strip() and len(message) < 300, message  # short and readable, not an echo
        assert page.is_visible(box)
        assert invalid == "true"

    # The saved state stays small whatever was pasted, and a text the checker could accept is
    # kept exactly, so a reload or a shared link gives it back.
    saved = _saved_state(page, case.field)
    assert saved["fragment"] < SAVED_STATE_MAX and saved["stored"] < SAVED_STATE_MAX, saved
    if len(case.text) <= MAX_INPUT_LENGTH:
        assert saved["value"] == case.text
        # (UTF-8 cannot carry a lone surrogate: the URL standard writes U+FFFD for it.)
        as_url = case.text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
        assert saved["saved"] == as_url
    assert saved["share"].startswith(f"{tab.origin}/"), saved["share"]


def test_hostile_share_link_is_read_as_text(page: Page, browser: Session) -> None:
    """A crafted link fills the form with the same payloads: read as text, answered, cut short."""
    runaway = _long("\u200f٣٠ 👨\u200d👩\u200d👧 ")  # the layout Chromium is slowest at
    form = {
        "phone": runaway,
        "last_reload": "2026-03-15",
        "amount": f'"><img src={PWN_IMAGE} onerror="{PWN};alert(1)">',
        "reload_kind": "regular",
        "zero_balance_since": f"javascript:{PWN}",
        "margin_days": "-+5",
        "carrier": "auto",
    }
    dialogs: list[str] = []

    def on_dialog(dialog: Dialog) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    fragment = urlencode({name: value for name, value in form.items() if name != "reload_kind"})
    open_checker(page, browser.origin, "en", "#" + fragment)
    page.wait_for_function(
        f"() => document.querySelector('{ROOT_SELECTOR}').dataset.checkerChecks", timeout=GIVE_UP_MS
    )
    assert checks_done(page) >= 1
    shown = values(page)
    assert runaway.startswith(shown["phone"]) and MAX_INPUT_LENGTH < len(shown["phone"]) < 1_000
    assert shown == {**form, "phone": shown["phone"]}
    assert shown_errors(page) == expected_errors(shown, "en")
    assert set(shown_errors(page)) == {"phone", "amount", "zero_balance_since"}
    assert page.evaluate("() => window.__pwned") is None
    assert dialogs == []
    assert page.locator("[data-checker] :is(img, svg, script)").count() == 0
    # The address now holds the form as the page read it: small.
    assert page.evaluate("location.hash.length") < SAVED_STATE_MAX


# The checker's worker is replaced by the tests' stand-in (fake_worker.js, speaking the page's
# own protocol.js), which answers every check by echoing the phone field into every string of
# the result. Python never echoes markup (its messages name odd characters one by one), so
# this is how a payload reaches every place the glue writes to, and the glue must write it
# there as text.
ECHOED = (
    f'<img src={PWN_IMAGE} onerror="{PWN};alert(1)"><script>{PWN}</script>'
    f"<svg onload={PWN}></svg><a href=javascript:{PWN}>x</a>"
)


def test_glue_writes_every_answer_as_text(page: Page, browser: Session) -> None:
    dialogs: list[str] = []
    requests: list[str] = []

    def on_dialog(dialog: Dialog) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.on("request", lambda request: requests.append(request.url))
    page.add_init_script(script=stand_in_worker("echo"))
    open_checker(page, browser.origin, "en")
    before = _active(page)
    sinks = (
        "[data-checker-out], [data-checker-list] li, [data-checker-date] :is(dt, dd),"
        " [data-checker-field-error=phone],"
        " [data-checker-field-error=amount], [data-checker-field-error=last_reload]"
    )
    for promo in (False, True):
        done = checks_done(page)
        page.fill("[data-checker-form] [name=phone]", ECHOED)
        kind = "promo" if promo else "regular"
        page.check(f"[data-checker-form] [name=reload_kind][value={kind}]")
        page.wait_for_function(
            f"n => Number(document.querySelector('{ROOT_SELECTOR}').dataset.checkerChecks) > n",
            arg=done,
        )
        page.wait_for_timeout(300)  # the debounced check after the last change, too
        texts = page.eval_on_selector_all(
            sinks,
            # An empty sink is named by its markup, so a failure says which one it is.
            "els => els.filter(el => el.closest('[hidden]') === null)"
            ".map(el => el.textContent || el.outerHTML)",
        )
        # Every sink on show holds the payload as text (an assumption adds its rules link).
        assert texts and all(text.startswith(ECHOED) for text in texts), [
            t[:60] for t in texts if not t.startswith(ECHOED)
        ]
    assert page.evaluate("() => window.__pwned") is None
    assert dialogs == []
    assert not [url for url in requests if PWN_IMAGE in url]
    assert _active(page) == before
