"""The catalog: every code the checker can produce has words in both languages."""

from __future__ import annotations

import pkgutil
import re

import pytest

import checker
from checker.estimate import ASSUMPTIONS, Status
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
        code = module.__loader__.get_code(module.__name__)
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


CODE = re.compile(r"'((?:input|phone|amount|date|margin|estimate|internal)\.[a-z_]+)'")


def test_every_code_in_the_package_is_in_the_catalog() -> None:
    codes = set(CODE.findall(_source_of_every_module()))
    assert len(codes) > 20
    assert codes <= set(CATALOG), sorted(codes - set(CATALOG))


@pytest.mark.parametrize(
    "code",
    [f"status.{s}" for s in Status]
    + [f"status.{s}.detail" for s in Status]
    + [a.code for a in ASSUMPTIONS]
    + [f"confidence.{level}" for level in Confidence],
)
def test_statuses_and_assumptions_have_words(code: str) -> None:
    assert code in CATALOG


PARAMS = {
    "chars": "x",
    "country_code": "86",
    "network": "Globe",
    "limit": "64",
    "text": "2026-02-30",
    "first": "2000-01-01",
    "last": "2999-12-31",
    "today": "2026-11-26",
    "last_reload": "2026-03-15",
    "days": 5,
    "reload_by": "2027-02-13",
    "balance_ends": "2027-03-15",
    "deactivates_on": "2027-07-13",
    "load_expires": "2027-03-15",
    "margin": 30,
    "summary": "s",
    # The saved lines (checker/lines.py)
    "last4": "4567",
    "name": "phone",
    "index": "1",
    "reason": "r",
    "added": 1,
    "updated": 0,
    "version": "2",
    "supported": "1",
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
        assert re.search(r"[\u4e00-\u9fff]", zh), code
        assert not re.search(r"[\u4e00-\u9fff]", en.replace("2026年3月15日", "")), code


def test_unknown_language_falls_back_to_chinese() -> None:
    assert message("amount.empty", "fr") == message("amount.empty", "zh")
