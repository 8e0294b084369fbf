"""The mobile prefixes a page lists, from the checker's data (``[[mobile-prefixes]]``).

A reader searches for the first four digits of a number ("0917"); the numbers guide lists
every prefix some source lists as mobile, so that search finds the page that says what a
prefix does and does not tell. Which network each source gives a prefix is the carriers
page's table (``[[prefix-table]]``, :mod:`hooks.prefix_table`). Rendered by
:func:`hooks.rules_page.render_token`.
"""

from __future__ import annotations

from hooks.prefix_table import listed_prefixes


def render_prefixes(lang: str) -> str:
    """Every mobile prefix as a reader writes it at home, in order.

    >>> render_prefixes("zh").startswith("0813、0817、")
    True
    >>> "0913" in render_prefixes("en")
    True
    """
    prefixes = [f"0{prefix}" for prefix in listed_prefixes()]
    if lang == "en":
        return f"{', '.join(prefixes)} ({len(prefixes)} prefixes)."
    return f"{'、'.join(prefixes)}（共 {len(prefixes)} 个）。"
