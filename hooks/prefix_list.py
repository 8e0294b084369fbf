"""The mobile prefixes a page lists, from the checker's data (``[[mobile-prefixes]]``).

A reader searches for the first four digits of a number ("0917"); the numbers guide lists
every prefix the checker knows, so that search finds the page that says what a prefix does
and does not tell. Rendered by :func:`hooks.rules_page.render_token`.
"""

from __future__ import annotations

from checker._prefixes import MOBILE_PREFIXES, PHONENUMBERS_VERSION


def render_prefixes(lang: str) -> str:
    """Every mobile prefix as a reader writes it at home, in order.

    >>> render_prefixes("zh").startswith("0813、0817、")
    True
    """
    prefixes = sorted(f"0{prefix}" for prefix in MOBILE_PREFIXES)
    if lang == "en":
        return (
            f"{', '.join(prefixes)} (libphonenumber {PHONENUMBERS_VERSION}; "
            f"{len(prefixes)} prefixes)."
        )
    return (
        f"{'、'.join(prefixes)}（libphonenumber {PHONENUMBERS_VERSION}，共 {len(prefixes)} 个）。"
    )
