"""What search engines read: JSON-LD, the sitemap's alternates, robots.txt, and the address.

- A build for publishing (``mkdocs build``) needs ``SITE_URL``: every absolute address (the
  canonical, ``og:url``, the sitemap, ``robots.txt``, the hreflang alternates) is made from
  it, and a site built with the local default would publish ``http://127.0.0.1:8000/``.
  ``mkdocs serve`` keeps that default.
- JSON-LD in every page's head: ``WebSite`` on each language's home, ``BreadcrumbList`` on
  the other pages, and ``FAQPage`` on the FAQ, made from the questions the page shows (its
  ``??? question`` blocks), so the markup can never name a question the reader cannot see.
- The hreflang alternates (zh, en and ``x-default``, absolute and reciprocal) are in the
  sitemap, which lists every page of both languages, and in a ``Link`` header per page in
  ``_headers``; not as ``<link>`` tags in the head, where Material's instant navigation would
  fetch a sitemap next to each of them (overrides/main.html says why).
- ``robots.txt`` names the sitemap by its absolute address; ``_headers`` adds
  ``no-transform`` (Baidu's transcoder) to the revalidation the hosts send by default.

>>> faq_questions('<details class="question"><summary>Q <b>1</b>?</summary><p>A  1.</p></details>')
[('Q 1?', 'A 1.')]
>>> sorted(alternates({"zh": "https://x/a/", "en": "https://x/en/a/"}).items())
[('en', 'https://x/en/a/'), ('x-default', 'https://x/en/a/'), ('zh', 'https://x/a/')]
"""

from __future__ import annotations

import gzip
import json
import os
import re
from collections.abc import Mapping
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit
from xml.etree import ElementTree

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from hooks.csp import HEADERS_FILE

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"
# The version for a reader whose language is neither: English, which Filipinos abroad (who
# may read Tagalog or Cebuano first) and most other readers can read; Chinese has its own.
X_DEFAULT = "en"
# What Netlify and Cloudflare Pages send by default (revalidate every time), plus no-transform:
# a Cache-Control in _headers replaces their default instead of adding to it.
CACHE_CONTROL = "public, max-age=0, must-revalidate, no-transform"

_HEADERS_MARK = "# hooks/findability.py: each page's hreflang alternates"

_command: str = "build"


def on_startup(*, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
    global _command
    _command = command


def require_site_url(command: str, environ: Mapping[str, str]) -> None:
    """Refuse a publishing build without an absolute ``SITE_URL``; ``serve`` needs none."""
    if command == "serve":
        return
    value = environ.get("SITE_URL", "")
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise PluginError(
            "SITE_URL must be the address the site is published at, e.g. "
            "SITE_URL=https://example.org/ bash scripts/build-site "
            f"(got {value!r}); bash scripts/serve needs none."
        )


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    require_site_url(_command, os.environ)
    return config


class _FaqParser(HTMLParser):
    """The text of each ``<details class="question">``: its summary, and the rest."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str]] = []
        self._depth = 0  # <details> nesting inside a question
        self._in_summary = False
        self._question: list[str] = []
        self._answer: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "details":
            classes = (dict(attrs).get("class") or "").split()
            if self._depth or "question" in classes:
                self._depth += 1
        elif tag == "summary" and self._depth == 1:
            self._in_summary = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "summary" and self._in_summary:
            self._in_summary = False
        elif tag == "details" and self._depth:
            self._depth -= 1
            if not self._depth:
                self.found.append((_words(self._question), _words(self._answer)))
                self._question, self._answer = [], []

    def handle_data(self, data: str) -> None:
        if self._depth:
            (self._question if self._in_summary else self._answer).append(data)


def _words(parts: list[str]) -> str:
    return re.sub(r"\s+", " ", "".join(parts)).strip()


def faq_questions(html: str) -> list[tuple[str, str]]:
    """(question, answer text) of each collapsible question in ``html``, in order."""
    parser = _FaqParser()
    parser.feed(html)
    parser.close()
    return [(q, a) for q, a in parser.found if q and a]


def _english(config: MkDocsConfig) -> bool:
    return str(config.theme["language"]).startswith("en")


def _home(config: MkDocsConfig) -> str:
    return str(config.site_url) + ("en/" if _english(config) else "")


def structured_data(page: Page, config: MkDocsConfig) -> list[dict[str, Any]]:
    """The JSON-LD objects of ``page`` (see the module's docstring)."""
    home = _home(config)
    url = page.canonical_url or home
    language = "en" if _english(config) else "zh-CN"
    if url == home:
        return [
            {
                "@context": "https://schema.org",
                "@type": "WebSite",
                "name": config.site_name,
                "url": home,
                "inLanguage": language,
                "description": config.site_description,
            }
        ]
    home_title = "Home" if _english(config) else "首页"
    data: list[dict[str, Any]] = [
        {
            "@context": "https://schema.org",
            "@type": "BreadcrumbList",
            "itemListElement": [
                {"@type": "ListItem", "position": i, "name": name, "item": item}
                for i, (name, item) in enumerate(
                    [(home_title, home), (page.title or url, url)], start=1
                )
            ],
        }
    ]
    questions = faq_questions(page.content or "")
    if page.file.src_uri.startswith("faq.") and questions:
        data.append(
            {
                "@context": "https://schema.org",
                "@type": "FAQPage",
                "inLanguage": language,
                "mainEntity": [
                    {
                        "@type": "Question",
                        "name": question,
                        "acceptedAnswer": {"@type": "Answer", "text": answer},
                    }
                    for question, answer in questions
                ],
            }
        )
    return data


def json_ld(data: list[dict[str, Any]]) -> str:
    """``data`` as script elements; ``<`` escaped so no text can close the element."""
    return "".join(
        '<script type="application/ld+json">'
        + json.dumps(item, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")
        + "</script>"
        for item in data
    )


def on_post_page(output: str, /, *, page: Page, config: MkDocsConfig) -> str:
    if not page.meta.get("head_title"):
        return output  # the 404 page: nothing to describe
    return output.replace("</head>", json_ld(structured_data(page, config)) + "</head>", 1)


def alternates(versions: dict[str, str]) -> dict[str, str]:
    """A page's hreflang alternates: each language's version, and ``x-default``."""
    return {**versions, "x-default": versions[X_DEFAULT]}


def read_sitemap(text: str) -> list[dict[str, str]]:
    """Each page's versions by language, from mkdocs-static-i18n's sitemap."""
    pages: list[dict[str, str]] = []
    for url in ElementTree.fromstring(text).iter(f"{{{SITEMAP_NS}}}url"):
        versions = {
            link.attrib["hreflang"]: link.attrib["href"]
            for link in url.iter(f"{{{XHTML_NS}}}link")
            if link.attrib.get("rel") == "alternate" and link.attrib.get("hreflang") != "x-default"
        }
        loc = url.findtext(f"{{{SITEMAP_NS}}}loc", "")
        versions = versions or {"zh": loc}
        if versions not in pages:  # our own sitemap lists each page once per language
            pages.append(versions)
    return pages


def sitemap(pages: list[dict[str, str]]) -> str:
    """Every version of every page as its own ``<url>``, each listing all the alternates.

    No ``lastmod`` or ``changefreq``: they would say the build's date of every page, which
    is not when a page changed, and search engines learn to ignore such a sitemap's dates.
    """
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<urlset xmlns="{SITEMAP_NS}" xmlns:xhtml="{XHTML_NS}">',
    ]
    for versions in pages:
        links = alternates(versions) if X_DEFAULT in versions else versions
        for loc in versions.values():
            lines.append(f"  <url>\n    <loc>{loc}</loc>")
            lines.extend(
                f'    <xhtml:link rel="alternate" hreflang="{lang}" href="{href}"/>'
                for lang, href in links.items()
            )
            lines.append("  </url>")
    lines.append("</urlset>\n")
    return "\n".join(lines)


def robots(site_url: str) -> str:
    return (
        "# Written by hooks/findability.py: every page may be crawled.\n"
        "User-agent: *\n"
        "Allow: /\n\n"
        f"Sitemap: {site_url}sitemap.xml\n"
    )


def headers(pages: list[dict[str, str]]) -> str:
    """``_headers`` lines to append: no-transform everywhere, hreflang per page."""
    out = [f"  Cache-Control: {CACHE_CONTROL}", "", _HEADERS_MARK]
    for versions in pages:
        if X_DEFAULT not in versions:
            continue
        links = alternates(versions)
        value = ", ".join(
            f'<{href}>; rel="alternate"; hreflang="{lang}"' for lang, href in links.items()
        )
        for loc in versions.values():
            out += [urlsplit(loc).path, f"  Link: {value}"]
    return "\n".join(out) + "\n"


def apply(site: Path, site_url: str) -> None:
    """Rewrite the sitemap (and its .gz), write robots.txt, add to _headers."""
    pages = read_sitemap((site / "sitemap.xml").read_text(encoding="utf-8"))
    text = sitemap(pages)
    (site / "sitemap.xml").write_text(text, encoding="utf-8")
    (site / "sitemap.xml.gz").write_bytes(gzip.compress(text.encode(), mtime=0))
    (site / "robots.txt").write_text(robots(site_url), encoding="utf-8")
    header_file = site / HEADERS_FILE
    # The "/*" block csp.py wrote ends the file: the Cache-Control line joins it.
    current = header_file.read_text(encoding="utf-8") if header_file.is_file() else "/*\n"
    if _HEADERS_MARK in current:  # written already (a second post-build on the same site)
        return
    header_file.write_text(current.rstrip("\n") + "\n" + headers(pages), encoding="utf-8")


@event_priority(-250)  # after csp.py wrote _headers (-200), before offline.py (-300)
def on_post_build(*, config: MkDocsConfig) -> None:
    apply(Path(config.site_dir), str(config.site_url))
