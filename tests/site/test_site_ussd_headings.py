"""A heading that shows a USSD code keeps its # in the page, the table of contents and search.

Markdown's attr_list strips trailing #s from a heading's text (they close an ATX heading), so
"## Smart: dial *123# {#smart}" became "Smart: dial *123". A code in a heading is written as
code (`*123#`), which attr_list leaves alone; this test holds every such heading to it.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from sitehtml import parse_file

pytestmark = pytest.mark.site

REPO = Path(__file__).resolve().parents[2]
CODE = re.compile(r"\*\d+#")
HEADING = re.compile(r"^#{2,6} (?P<text>.*?) \{#(?P<id>[\w-]+)\}\s*$", re.M)


def headings_with_codes() -> list[tuple[str, str, str]]:
    """(page location, heading id, code) of every heading in the docs that shows a code."""
    found = []
    for path in sorted((REPO / "docs").rglob("*.md")):
        rel = path.relative_to(REPO / "docs").as_posix()
        lang, stem = (
            ("en/", rel.removesuffix(".en.md")) if rel.endswith(".en.md") else ("", rel[:-3])
        )
        page = lang + ("" if stem == "index" else f"{stem}/")
        for match in HEADING.finditer(path.read_text(encoding="utf-8")):
            found += [(page, match["id"], code) for code in CODE.findall(match["text"])]
    return found


def test_the_docs_have_such_headings() -> None:
    assert {(page, code) for page, _, code in headings_with_codes()} >= {
        ("guide/balance/", "*123#"),
        ("en/guide/balance/", "*123#"),
    }


@pytest.mark.parametrize(("page", "anchor", "code"), headings_with_codes())
def test_the_code_keeps_its_hash(built_site: Path, page: str, anchor: str, code: str) -> None:
    root = parse_file(built_site / page / "index.html")
    (heading,) = root.find_all(lambda el: el.attrs.get("id") == anchor)
    # Without the permalink, itself a "#" that would complete a stripped code.
    words = [c for c in heading.children if not (hasattr(c, "tag") and c.tag == "a")]
    assert code in "".join(c if isinstance(c, str) else c.text() for c in words)
    toc = [a.clean_text() for a in root.by_tag("a") if a.attrs.get("href") == f"#{anchor}"]
    assert [text for text in toc if code in text], toc  # the table of contents
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    (entry,) = [doc for doc in index["docs"] if doc["location"] == f"{page}#{anchor}"]
    assert code in re.sub(r"<[^>]+>", "", entry["title"])
