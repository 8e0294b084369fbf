"""The prefix table of the carriers page: every mobile prefix a source lists, the networks
each source gives it, and whose rules the checker then uses (``[[prefix-table]]``).

From ``checker.prefixes`` (libphonenumber, generated, and the community lists), never typed:
where the sources disagree the row shows every name with its sources. Words: ``rules.prefix*``
in ``checker/page_words.json``.
"""

from __future__ import annotations

from html import escape
from urllib.parse import urlsplit

from checker._prefixes import PHONENUMBERS_VERSION
from checker.messages import text
from checker.phone import CARRIER_KEYS
from checker.prefixes import COMMUNITY, LIBPHONENUMBER, SOURCES, allocations, could_be_mobile


def _label(key: str) -> str:
    """A source as a row names it: "libphonenumber 9.0.43", "wiseph.net 2026"."""
    if key == LIBPHONENUMBER:
        return f"libphonenumber {PHONENUMBERS_VERSION}"
    source = next(s for s in COMMUNITY if s.key == key)
    host = urlsplit(source.url).netloc.removeprefix("www.")
    return f"{host} {source.published[:4]}"


def listed_prefixes() -> list[str]:
    """Every three-digit national prefix some source lists as mobile."""
    found = []
    for n in range(100, 1000):
        prefix = str(n)
        if could_be_mobile(prefix) and allocations(prefix + "0000000"):
            found.append(prefix)
    return found


def _row(prefix: str, lang: str) -> str:
    items = allocations(prefix + "0000000")
    names = []
    for item in items:
        links = text("rules.list_separator", lang).join(
            f'<a href="{escape(SOURCES[key][1])}" rel="noopener noreferrer">'
            f"{escape(_label(key))}</a>"
            for key in item.sources
        )
        names.append(
            f"<li><strong>{escape(item.name)}</strong>{text('rules.colon', lang)}{links}</li>"
        )
    keys = {CARRIER_KEYS.get(item.name) for item in items}
    code = f"carrier.{keys.pop()}" if len(keys) == 1 else "rules.prefix_soonest"
    used = text(code, lang)
    conflict = ' data-conflict="1"' if len(items) > 1 else ""
    return (
        f'<tr id="prefix-0{prefix}" data-prefix="0{prefix}"{conflict}>'
        f'<th scope="row" data-label="{text("rules.prefix", lang)}">0{prefix}</th>'
        f'<td data-label="{text("rules.prefix_networks", lang)}"><ul class="prefix-networks">'
        f"{''.join(names)}</ul></td>"
        f'<td data-label="{text("rules.prefix_rules", lang)}">{escape(used)}</td></tr>'
    )


def render_prefix_table(lang: str) -> str:
    head = "".join(
        f'<th scope="col">{text(f"rules.{key}", lang)}</th>'
        for key in ("prefix", "prefix_networks", "prefix_rules")
    )
    rows = "".join(_row(prefix, lang) for prefix in listed_prefixes())
    return (
        f'<div class="rules-table-wrap prefix-table-wrap"><table class="rules-table prefix-table">'
        f"<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></div>"
    )
