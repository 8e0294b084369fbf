"""Write ``/404.html`` once, in the default language's build.

The i18n plugin builds each language into the same site; without this the last language built
would overwrite ``/404.html``. ``overrides/404.html`` is bilingual with absolute links.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

PAGE = "404.html"


@event_priority(-110)  # after mkdocs-static-i18n (-100) has chosen the language of this build
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    i18n = config.plugins.get("i18n")
    current = getattr(i18n, "current_language", None)
    default = getattr(i18n, "default_language", None)
    if current is not None and current != default:
        config.theme.static_templates.discard(PAGE)
    else:
        config.theme.static_templates.add(PAGE)
    return config
