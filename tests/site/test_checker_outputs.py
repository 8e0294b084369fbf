"""The checker page's outputs name keys of the answers they show (checker/web/shapes).

view.js writes each ``[data-checker-out=KEY]`` and ``[data-checker-list=KEY]`` inside a part
of the page from that part's answer by name, where ``tsc --checkJs`` cannot see the key: a
key renamed in a TypedDict would leave the page's box empty, silently. This test is that
check: every name the built page uses is a key of the part's TypedDict.
"""

from __future__ import annotations

from pathlib import Path
from typing import get_type_hints

import pytest
from sitehtml import Element, parse_file

from checker.web import shapes

# Each part of the page (its data attribute) and the answer view.js fills it from.
PARTS = {
    "data-checker-number": shapes.NumberAnswer,
    "data-checker-amount": shapes.AmountAnswer,
    "data-checker-estimate": shapes.EstimateAnswer,
    "data-checker-glance-answer": shapes.EstimateAnswer,
}
NAMES = ("data-checker-out", "data-checker-list")


def _part(root: Element, attribute: str) -> Element:
    (part,) = root.find_all(lambda el: attribute in el.attrs)
    return part


def _within(part: Element) -> list[tuple[str, str]]:
    return [(name, el.attrs[name]) for el in part.iter() for name in NAMES if name in el.attrs]


@pytest.mark.parametrize("page", ["checker/index.html", "en/checker/index.html"])
def test_every_output_names_a_key_of_its_answer(built_site: Path, page: str) -> None:
    root = parse_file(built_site / page)
    checked = 0
    for attribute, answer in PARTS.items():
        keys = set(get_type_hints(answer))
        named = _within(_part(root, attribute))
        assert named, f"{attribute} shows nothing"
        unknown = [f"{name}={key}" for name, key in named if key not in keys]
        assert not unknown, f"{attribute} ({answer.__name__}): {unknown}"
        checked += len(named)
    assert checked >= 10
