"""One release at a time: every asset a page names carries a hash of its content in its URL.

Material's own bundle and stylesheets carry a hash in their names, and Pyodide a version in
its path; our site.css, language-switch.js, offline.js and the favicon did not, so a service
worker or an HTTP cache holding the old file served it under a new page. This hook adds
``?v=<sha256, 12 hex>`` to every page's ``src``/``href`` that names such a file (and renews
a ``?v=`` already there, e.g. the checker's, from the file as built), so a new release's
page can only load the new release's files.

It also stamps every page with the release of its assets, ``data-site-assets`` on Material's
content container (which instant navigation replaces): docs/assets/javascripts/offline.js
reloads the page in full when an in-site click brings a page of another release into a
document that runs the old scripts and styles.

Runs after mkdocs-static-i18n has built every language (-100), before hooks/csp.py (-200)
and hooks/offline.py (-300), whose service worker lists these URLs.

>>> needs_version("assets/stylesheets/site.css"), needs_version("assets/pyodide/0.29.0/x.js")
(True, False)
>>> needs_version("assets/javascripts/bundle.a5f9d56c.min.js")
False
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

ASSETS = "assets/"
# Versioned by their path already: the runtime's folder is named after its version.
VERSIONED_PATHS = ("assets/pyodide/",)
# Material names its files after their content: bundle.a5f9d56c.min.js, main.57a0d79d.min.css.
_HASHED_NAME = re.compile(r"\.[0-9a-f]{8,}\.min\.(?:js|css)$")
_REFERENCE = re.compile(r'(?P<attr>\s(?:src|href)=")(?P<path>[^"?#]+)(?P<query>\?v=[0-9a-f]+)?"')
_CONTAINER = 'data-md-component="container"'
_STAMP = re.compile(r' data-site-assets="[0-9a-f]*"')


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:12]


def needs_version(name: str) -> bool:
    """Whether the site-relative file ``name`` needs ``?v=`` to change with its content."""
    return (
        name.startswith(ASSETS)
        and not name.startswith(VERSIONED_PATHS)
        and not _HASHED_NAME.search(name)
    )


def versioned(site: Path, name: str) -> str:
    """``name`` as pages must ask for it: with ``?v=`` when it needs one."""
    return f"{name}?v={digest(site / name)}" if needs_version(name) else name


def _site_name(site: Path, page: Path, path: str, root: str) -> str | None:
    """The site-relative name of the file ``path`` (as written in ``page``) names, if any."""
    if urlsplit(path).scheme or path.startswith("//"):
        return None
    if path.startswith("/"):
        if not path.startswith(root):
            return None
        target = site / path[len(root) :]
    else:
        target = page.parent / path
    try:
        name = target.resolve().relative_to(site.resolve()).as_posix()
    except ValueError:
        return None
    return name if (site / name).is_file() else None


def version_page(site: Path, page: Path, html: str, root: str = "/") -> tuple[str, set[str]]:
    """``html`` with its assets' URLs versioned, and the site-relative URLs it now names."""
    named: set[str] = set()

    def replace(match: re.Match[str]) -> str:
        name = _site_name(site, page, match["path"], root)
        if name is None or not needs_version(name):
            if name is not None and name.startswith(ASSETS):
                named.add(name)
            return match[0]
        url = versioned(site, name)
        named.add(url)
        return f'{match["attr"]}{match["path"]}?v={url.rsplit("?v=", 1)[1]}"'

    return _REFERENCE.sub(replace, html), named


def release(urls: set[str]) -> str:
    """A name for a set of asset URLs: pages of one release all carry the same."""
    return hashlib.sha256("\n".join(sorted(urls)).encode()).hexdigest()[:12]


def apply(site: Path, root: str = "/") -> str:
    """Version every page's assets under ``site``; return the assets' release."""
    pages = sorted(site.rglob("*.html"))
    texts: dict[Path, str] = {}
    urls: set[str] = set()
    for page in pages:
        texts[page], named = version_page(site, page, page.read_text(encoding="utf-8"), root)
        urls |= named
    stamp = release(urls)
    for page, text in texts.items():
        text = _STAMP.sub("", text).replace(
            _CONTAINER, f'{_CONTAINER} data-site-assets="{stamp}"', 1
        )
        page.write_text(text, encoding="utf-8")
    return stamp


@event_priority(-150)  # after mkdocs-static-i18n built every language, before csp.py
def on_post_build(config: MkDocsConfig) -> None:
    apply(Path(config.site_dir), urlsplit(config.site_url or "/").path or "/")
