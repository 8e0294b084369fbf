"""Silence the i18n plugin's "not compatible with navigation.instant" warning, and only it.

The plugin writes the language switch links for each page into the header. Material's instant
navigation swaps the page but keeps the header, so those links would keep pointing at the first
page opened. ``docs/assets/javascripts/language-switch.js`` recomputes them after every instant
navigation, which is exactly what the warning asks for; the switch itself loads a full page.
"""

from __future__ import annotations

import logging
from typing import Literal

LOGGER = logging.getLogger("mkdocs.plugins.mkdocs_static_i18n.reconfigure")
WARNING = "not compatible with theme.features = navigation.instant"


class InstantLanguageSwitchFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return WARNING not in str(record.msg)


def on_startup(*, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
    # `serve` starts once and builds many times: add the filter once.
    if not any(type(f).__name__ == InstantLanguageSwitchFilter.__name__ for f in LOGGER.filters):
        LOGGER.addFilter(InstantLanguageSwitchFilter())
