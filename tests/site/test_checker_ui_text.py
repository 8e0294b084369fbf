"""The checker form's words (hooks/checker_ui.py): both languages, and every key the page uses."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from checker.messages import render

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "hooks"))
from checker_ui import UI_TEXT  # noqa: E402

sys.path.remove(str(ROOT / "hooks"))

pytestmark = pytest.mark.site


@pytest.mark.parametrize("key", sorted(UI_TEXT))
def test_both_languages_render(key: str) -> None:
    zh, en = (render(UI_TEXT[key], lang) for lang in ("zh", "en"))
    assert re.search(r"[\u4e00-\u9fff]", zh), key
    assert en.strip() and not re.search(r"[\u4e00-\u9fff]", en.replace("2026年3月15日", ""))
    assert not re.search(r"[{}]", zh + en)


def _keys_used() -> set[str]:
    template = (ROOT / "overrides/checker.html").read_text(encoding="utf-8")
    script = (ROOT / "docs/assets/checker/checker.js").read_text(encoding="utf-8")
    worker = (ROOT / "docs/assets/checker/worker.js").read_text(encoding="utf-8")
    used = set(re.findall(r"""ui\[["']([\w.]+)["']\]""", template))
    used |= set(re.findall(r"strings\.(\w+)", script))
    used |= set(re.findall(r"""strings\[["']([\w.]+)["']\]""", script))
    # Progress steps the worker reports, and the boot errors the page names.
    used |= {f"progress.{step}" for step in re.findall(r"""step:\s*["'](\w+)["']""", worker)}
    used |= set(re.findall(r"""BootError\(["'](\w+)["']""", script))
    return used


def test_every_word_the_page_asks_for_exists() -> None:
    used = _keys_used()
    assert len(used) > 15
    assert used <= set(UI_TEXT), sorted(used - set(UI_TEXT))
