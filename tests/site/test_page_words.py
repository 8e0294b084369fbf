"""The words only the pages show (checker/page_words.json): both languages, every key used.

They are part of the one catalogue (checker.messages) but kept out of the wheel, so they are
tested here, on CPython, and not by the unit suite that also runs inside Pyodide.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from checker import web
from checker.messages import CATALOG, LANGS, page_catalog, text, words
from checker.rules import Confidence

ROOT = Path(__file__).resolve().parents[2]
CHECKER_JS = ROOT / "docs" / "assets" / "checker"

pytestmark = pytest.mark.site
# The figures the page fills in at run time (docs/assets/checker/view.js, fill()): the
# download's size and progress in MB and the stall period in seconds.
RUNTIME_PARAMS = re.compile(r"\{(total|loaded|seconds)\}")


@pytest.mark.parametrize("code", sorted(page_catalog()))
def test_both_languages_render(code: str) -> None:
    params = {"name": "Smart", "brands": "Smart, TNT", "sources": "[Smart](https://smart.com.ph)"}
    zh, en = (text(code, lang, **params) for lang in LANGS)
    # Chinese words, or Chinese punctuation (the list separator 、 and the colon ：).
    # A carrier's name alone is the same in both languages (the carrier field's options).
    proper_name = code.startswith("form.carrier.") and zh == en
    assert proper_name or re.search(r"[\u4e00-\u9fff\u3001\uff1a]", zh), code
    assert en.strip() and not re.search(r"[\u4e00-\u9fff]", en.replace("2026年3月15日", ""))
    assert not re.search(r"[{}]", RUNTIME_PARAMS.sub("", zh + en))
    assert set(RUNTIME_PARAMS.findall(zh)) == set(RUNTIME_PARAMS.findall(en)), code


def test_page_words_are_apart_from_the_answers_words() -> None:
    assert not set(page_catalog()) & set(CATALOG)
    assert {code.partition(".")[0] for code in page_catalog()} == {"form", "rules"}


def _form_keys_used() -> set[str]:
    template = (ROOT / "overrides/checker.html").read_text(encoding="utf-8")
    scripts = "".join(path.read_text(encoding="utf-8") for path in CHECKER_JS.glob("*.js"))
    used = set(re.findall(r"""ui\[["']([\w.]+)["']\]""", template))
    used |= set(re.findall(r"strings\.(\w+)", scripts))
    used |= set(re.findall(r"""strings\[["']([\w.]+)["']\]""", scripts))
    # The progress steps the worker reports, and the boot errors the page names.
    used |= {f"progress.{step}" for step in re.findall(r"""progress\(["'](\w+)["']\)""", scripts)}
    used |= set(re.findall(r"""BootError\(["'](\w+)["']""", scripts))
    # The field loop: each field's label and hint, and each option of a choice.
    for field in web.FIELDS:
        used |= {field.name, f"{field.name}.hint"}
        used |= {f"{field.name}.{option}" for option in field.options}
    return used


def test_every_word_the_checker_page_asks_for_exists() -> None:
    used = _form_keys_used()
    assert len(used) > 20
    for lang in LANGS:
        assert used <= set(words("form.", lang)), sorted(used - set(words("form.", lang)))


@pytest.mark.parametrize("lang", LANGS)
def test_every_confidence_level_has_a_label(lang: str) -> None:
    labels = words("confidence.", lang)
    assert set(labels) == {level.value for level in Confidence}
    if lang == "zh":  # the bug this catalogue fixed: a raw "official" on the Chinese page
        assert not [label for label in labels.values() if re.fullmatch(r"[a-z ]+", label)]
