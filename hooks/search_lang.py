"""Search that finds: each language searches its own pages, English words in any form.

This module is how a page searches (the worker); :mod:`hooks.search` is what the index holds
(jieba's words, the index written as UTF-8).

Material runs its search in a worker (``assets/javascripts/workers/search.<hash>.min.js``)
that every page names in its ``__config``. This hook writes one worker per language, the
prelude ``docs/assets/javascripts/search_worker.js`` (which says what it changes and why),
then ``docs/assets/javascripts/search_query.js`` (how a typed question is read, with
``hooks.search.QUERY_WORDS``), followed by Material's worker unchanged, named after its
content, and points each page at the worker of its language. Material's own worker stays in
the site for the bilingual 404 page.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from hooks.rules_page import page_language
from hooks.search import QUERY_WORDS

WORKERS = "assets/javascripts/workers"
# Beside the site's other scripts; MkDocs leaves it out (exclude_docs): this hook writes it in.
PRELUDE = Path(__file__).resolve().parents[1] / "docs/assets/javascripts/search_worker.js"
_LANG_LINE = re.compile(r"const LANG = \{[^\n]*\}; // LANG: filled in at build time")
# The worker Material's base.html names in the page's __config.
_CONFIG_WORKER = re.compile(
    r'(?P<head>"search":\s*"[^"]*?assets/javascripts/workers/)'
    r'(?P<name>search\.[0-9a-f]+\.min\.js)(?P<tail>")'
)

# (language, Material's worker) -> (file name, content), for on_post_build to write.
_workers: dict[tuple[str, str], tuple[str, str]] = {}


def prefixes(config: MkDocsConfig) -> dict[str, str]:
    """Where each language's pages are in the search index: {"zh": "", "en": "en/"}."""
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return {}
    return {lang.locale: lang.link.lstrip("/") for lang in i18n.config.languages}


def worker_source(lang: str, langs: dict[str, str], material: str) -> str:
    prefix = langs.get(lang, "")
    # A page of the default language (at the root) must also skip every other language.
    others = [p for other, p in langs.items() if other != lang and p.startswith(prefix)]
    spec = json.dumps({"prefix": prefix, "others": others})
    prelude, found = _LANG_LINE.subn(f"const LANG = {spec};", PRELUDE.read_text("utf-8"))
    if found != 1:
        raise PluginError(f"{PRELUDE}: the LANG line is missing")
    return f"{prelude}\n{query_source(lang)}\n{material}"


# How the worker reads a typed question (issue 19), after the prelude, before Material's.
QUERY = PRELUDE.with_name("search_query.js")  # beside the prelude, left out of the site too
_WORDS_LINE = re.compile(r"const WORDS = \{[^\n]*\}; // WORDS: filled in at build time")


def query_source(lang: str) -> str:
    words = json.dumps(QUERY_WORDS.get(lang, {}), ensure_ascii=False)
    # A function, not a template: the words must not be read as a template's escapes.
    source, found = _WORDS_LINE.subn(lambda _: f"const WORDS = {words};", QUERY.read_text("utf-8"))
    if found != 1:
        raise PluginError(f"{QUERY}: the WORDS line is missing")
    return source


def _material_worker(config: MkDocsConfig, name: str) -> str:
    for theme_dir in config.theme.dirs:
        path = Path(theme_dir) / WORKERS / name
        if path.is_file():
            return path.read_text(encoding="utf-8")
    raise PluginError(f"search worker {name} not found in the theme")


def _worker_for(config: MkDocsConfig, lang: str, material: str) -> str:
    # Built afresh for every page (it is cheap), so `mkdocs serve` picks up an edited prelude.
    source = worker_source(lang, prefixes(config), _material_worker(config, material))
    digest = hashlib.sha256(source.encode()).hexdigest()[:8]
    _workers[(lang, material)] = (f"search-{lang}.{digest}.min.js", source)
    return _workers[(lang, material)][0]


def on_post_page(output: str, /, *, page: Page, config: MkDocsConfig) -> str:
    if not prefixes(config):
        return output
    found = list(_CONFIG_WORKER.finditer(output))
    if len(found) != 1:
        raise PluginError(f"{page.file.src_uri}: Material's search worker not found once")
    match = found[0]
    name = _worker_for(config, page_language(page, config), match["name"])
    return f"{output[: match.start()]}{match['head']}{name}{match['tail']}{output[match.end() :]}"


@event_priority(-150)  # after mkdocs-static-i18n has built the other languages (-100)
def on_post_build(*, config: MkDocsConfig) -> None:
    target = Path(config.site_dir) / WORKERS
    target.mkdir(parents=True, exist_ok=True)
    for name, source in _workers.values():
        (target / name).write_text(source, encoding="utf-8")
