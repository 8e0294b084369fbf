"""The catalog: every code the checker can produce has words in both languages."""

from __future__ import annotations

import importlib.abc
import pkgutil
import re

import pytest

import checker
from checker.estimate import _ASSUMPTIONS_BY_KIND, ASSUMPTIONS, ReloadKind, Status
from checker.messages import CATALOG, LANGS, message
from checker.rules import Confidence, rule


def _source_of_every_module() -> str:
    # Read through the loader so this also works on the .pyc-only wheel inside Pyodide,
    # where there is no source: there the codes are read from the compiled constants.
    texts = []
    for info in pkgutil.iter_modules(checker.__path__):
        if info.name == "__main__":
            continue
        module = __import__(f"checker.{info.name}", fromlist=["_"])
        loader = module.__loader__
        assert isinstance(loader, importlib.abc.InspectLoader), loader
        code = loader.get_code(module.__name__)
        assert code is not None, module
        texts.append(repr(_constants(code)))
    return "\n".join(texts)


def _constants(code: object) -> list[object]:
    found: list[object] = []
    for const in getattr(code, "co_consts", ()):
        if hasattr(const, "co_consts"):
            found += _constants(const)
        else:
            found.append(const)
    return found


CODE = re.compile(
    r"'((?:input|phone|amount|date|margin|estimate|internal|kind|pasaload|days)\.[a-z_]+)'"
)


def test_every_code_in_the_package_is_in_the_catalog() -> None:
    codes = set(CODE.findall(_source_of_every_module()))
    assert len(codes) > 20
    assert codes <= set(CATALOG), sorted(codes - set(CATALOG))


@pytest.mark.parametrize(
    "code",
    [f"status.{s}" for s in Status]
    + [f"status.{s}.detail" for s in Status]
    + [a.code for a in ASSUMPTIONS]
    + [a.code for items in _ASSUMPTIONS_BY_KIND.values() for a in items]
    + [f"confidence.{level}" for level in Confidence]
    + [f"kind.{k}" for k in ReloadKind]
    + [f"label.load_expires.{k}" for k in ReloadKind]
    + [f"ics.reload_now.{s}.description" for s in ("overdue", "grace", "deactivated", "unknown")],
)
def test_statuses_and_assumptions_have_words(code: str) -> None:
    assert code in CATALOG


PARAMS = {
    "carrier": "Globe",
    "networks": "DITO / Sun",
    "chars": "x",
    "country_code": "86",
    "network": "Globe",
    "limit": "64",
    "text": "2026-02-30",
    "first": "2000-01-01",
    "last": "2999-12-31",
    "today": "2026-11-26",
    "date": "2026-11-27",
    "last_reload": "2026-03-15",
    "days": 5,
    "reload_by": "2027-02-13",
    "balance_ends": "2027-03-15",
    "deactivates_on": "2027-07-13",
    "load_expires": "2027-03-15",
    "margin": 30,
    # A date's parts (checker/date_text.py) and the two readings of an ambiguous one
    "year": 2027,
    "month": 2,
    "day": 13,
    "weekday": "Sat",
    "month_name": "Feb",
    "first_month": "3",
    "first_day": "4",
    "second_month": "4",
    "second_day": "3",
    "first_month_name": "March",
    "second_month_name": "April",
    "summary": "s",
    "amount": "50",
    # The saved lines (checker/lines.py)
    "last4": "4567",
    "name": "phone",
    "index": "1",
    "reason": "r",
    "added": 1,
    "updated": 0,
    "version": "2",
    # Import messages, the list kept in the browser, the CLI (checker/saved.py, cli.py)
    "second": "2",
    "number": "0918 123 4567",
    "deleted": 2,
    "kept": 1,
    "path": "/x.ics",
    "supported": "1",
    "label": "Mum",
}


@pytest.mark.parametrize("code", sorted(CATALOG))
@pytest.mark.parametrize("lang", LANGS)
def test_every_message_formats(code: str, lang: str) -> None:
    text = message(code, lang, **PARAMS)
    assert text.strip()
    assert "{" not in text and "}" not in text


@pytest.mark.parametrize("code", sorted(CATALOG))
def test_no_rule_figure_is_typed_into_a_message(code: str) -> None:
    # Figures from the rules data are named ({rules[...]}), never copied into the words.
    zh, en = CATALOG[code]
    keys = ("deactivation_after_balance_ends", "safety_margin_max", "amount_max", "amount_small")
    figures = {f"{rule(key).value:,}" for key in keys} | {"365", "180", "10000"}
    for text in (zh, en):
        numbers = set(re.findall(r"(?<![\d.-])\d[\d,]+(?![\d-])", text))
        assert not numbers & figures, (code, numbers & figures)


def test_zh_is_chinese_and_en_is_not() -> None:
    for code, (zh, en) in CATALOG.items():
        if code.startswith("label.e164"):
            continue
        # A carrier's name, the same in both (zh lists brands with 、, en with " / ")
        if code.startswith("carrier.") and zh.replace("、", " / ") == en:
            continue
        assert re.search(r"[\u4e00-\u9fff]", zh), code
        assert not re.search(r"[\u4e00-\u9fff]", en.replace("2026年3月15日", "")), code


def test_unknown_language_falls_back_to_chinese() -> None:
    assert message("amount.empty", "fr") == message("amount.empty", "zh")


# Facts file, section 10: words a mainland reader reads as meant. 停机 is a suspension that
# paying undoes; Smart's disconnection is for good (销号 / 号码被回收). 国内 / 回国 mean China.
# 普通话费 reads as 普通话 + 费 ("Mandarin fee"): a regular reload is 普通充值. The rest read as
# machine-translated; the checker is 保号计算器 (计算器).
MAINLAND_AVOID = (
    "停机", "国内", "回国", "普通话费", "检查器", "社区说法", "说明性规则", "安全余量", "核对于",
    "当地的亲友",
)  # fmt: skip


@pytest.mark.parametrize("code", sorted(CATALOG))
def test_zh_words_for_a_mainland_reader(code: str) -> None:
    zh = CATALOG[code][0]
    assert not [word for word in MAINLAND_AVOID if word in zh], (code, zh)


@pytest.mark.parametrize(
    "code",
    [
        "status.grace.detail",
        "status.deactivated",
        "status.deactivated.detail",
        "assumption.deactivation",
        "label.deactivates_on",
        "ics.deactivates_on.summary",
    ],
)
def test_disconnection_is_said_as_permanent(code: str) -> None:
    assert "销号" in CATALOG[code][0]


@pytest.mark.parametrize(
    ("code", "term"),
    [
        ("kind.regular", "Regular Load"),
        ("kind.promo", "Promo"),
        ("kind.pasaload", "PasaLoad"),
        ("status.unknown.detail", "Regular Load"),
    ],
)
def test_smarts_own_term_is_named_where_the_reader_must_find_it(code: str, term: str) -> None:
    assert f"（{term}" in CATALOG[code][0] or f"（{term}）" in CATALOG[code][0]


def test_the_unknown_status_never_reads_as_ok() -> None:
    for lang in LANGS:
        assert message("status.unknown", lang) != message("status.ok", lang)
        detail = message("status.unknown.detail", lang)
        assert ("普通充值" if lang == "zh" else "regular reload") in detail
