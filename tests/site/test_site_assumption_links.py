"""Every assumption the checker answers with links to its rule's row on the built rules page.

The link is data on the assumption (checker.estimate.ASSUMPTIONS, returned by checker.web as
``rule``); the page's script makes it ``<rules_url>#rule-<rule>`` from the config the build
gives it. Here the same link is made from the built checker page's config and must land on an
element of the built rules page, in both languages.
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from sitehtml import parse_file

from checker import web
from checker.estimate import ASSUMPTIONS

pytestmark = pytest.mark.site

CHECKER_PAGES = {"zh": "checker/index.html", "en": "en/checker/index.html"}
ORIGIN = "http://site.invalid/"


def _config(page: Path) -> dict[str, object]:
    (root,) = [el for el in parse_file(page).iter() if "data-checker-config" in el.attrs]
    return json.loads(root.attrs["data-checker-config"])


@pytest.mark.parametrize("carrier", ["smart", "globe", "gomo", "dito"])
@pytest.mark.parametrize("lang", CHECKER_PAGES)
def test_every_assumption_link_lands_on_its_rule(built_site: Path, lang: str, carrier: str) -> None:
    page = built_site / CHECKER_PAGES[lang]
    rules_url = _config(page)["rules_url"]
    assert isinstance(rules_url, str) and rules_url
    answer = web.next_reload("2026-03-15", today="2026-11-26", lang=lang, carrier=carrier)
    # The first says whose rules the dates follow (issue 18); Smart's others are as before.
    rules = [item["rule"] for item in answer["assumptions"]]
    if carrier == "smart":
        assert rules[1:] == [a.rule for a in ASSUMPTIONS]
    for item in answer["assumptions"]:
        link = urljoin(ORIGIN + CHECKER_PAGES[lang], f"{rules_url}#rule-{item['rule']}")
        parts = urlsplit(link)
        target = built_site / parts.path.lstrip("/") / "index.html"
        assert target.is_file(), link
        assert target.parent.name == "rules" and ("en" in target.parts) is (lang == "en")
        ids = {el.attrs["id"] for el in parse_file(target).iter() if "id" in el.attrs}
        assert parts.fragment in ids, (item["code"], link)
