"""A strict Content-Security-Policy for every page, with hashes of the theme's inline scripts.

Material for MkDocs writes a few small inline scripts into every page (the storage scope, the
palette, the content tabs). Their text depends on the page's depth (``__md_scope=new
URL("../..",location)``), so their hashes are read from the built HTML, never typed here: a
theme update changes the hashes and the build follows. The policy is the union over the whole
site, so every page carries the same one, as a ``<meta>`` tag and, in ``_headers`` (the format
of Netlify and Cloudflare Pages, and what testsupport/browser.py serves), as a header.

Never ``'unsafe-inline'``: a script that is not one of the hashed theme scripts does not run.

>>> html = '<script>a()</script><script src="x.js"></script>'
>>> script_hashes(html + '<script type="application/json">{}</script>')
["'sha256-qVpDBgj7bpq5hMAcGp3AOc79J3Y1Z4HvySTwKrWDoy4='"]
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

# An inline script's text is everything up to the first "</script", as the HTML parser sees it.
_SCRIPT = re.compile(r"<script(?P<attrs>(?:\s[^>]*)?)>(?P<body>.*?)</script", re.S | re.I)
_TYPE = re.compile(r"""\stype\s*=\s*["']?([^"'\s>]+)""", re.I)
_EXECUTABLE_TYPES = {"", "text/javascript", "application/javascript", "module"}
_META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="[^"]*">\n?')
_CHARSET = '<meta charset="utf-8">'
HEADERS_FILE = "_headers"


def script_hashes(html: str) -> list[str]:
    """CSP source expressions for the inline scripts of ``html`` that a browser would run."""
    found = []
    for match in _SCRIPT.finditer(html):
        attrs = match["attrs"]
        if re.search(r"\ssrc\s*=", attrs, re.I):
            continue
        kind = _TYPE.search(attrs)
        if (kind[1].lower() if kind else "") not in _EXECUTABLE_TYPES:
            continue  # a data block (type="application/json") is never executed
        digest = hashlib.sha256(match["body"].encode()).digest()
        found.append(f"'sha256-{base64.b64encode(digest).decode()}'")
    return found


def policy(hashes: Iterable[str]) -> str:
    """The site's policy; ``hashes`` allow exactly the theme's inline scripts."""
    directives = {
        "default-src": ["'self'"],
        # 'wasm-unsafe-eval' lets Pyodide compile its WebAssembly; it allows no JS eval.
        "script-src": ["'self'", "'wasm-unsafe-eval'", *sorted(set(hashes))],
        "worker-src": ["'self'"],
        "connect-src": ["'self'"],
        # Material draws its admonition, list and search icons with data: SVGs in its CSS.
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
    }
    return "; ".join(f"{name} {' '.join(values)}" for name, values in directives.items())


def with_meta(html: str, content: str) -> str:
    """``html`` with the policy as the first thing in its head (replacing an older one)."""
    html = _META.sub("", html)
    if _CHARSET not in html:
        raise ValueError(f"no {_CHARSET} to put the policy after")
    meta = f'<meta http-equiv="Content-Security-Policy" content="{content}">'
    return html.replace(_CHARSET, f"{_CHARSET}\n    {meta}", 1)


def headers_file(content: str) -> str:
    """``_headers``: the same policy as a header on every path, for the host to send."""
    return (
        "# Written by hooks/csp.py at build time; the same policy is in every page's <meta>.\n"
        "/*\n"
        f"  Content-Security-Policy: {content}\n"
        "  X-Content-Type-Options: nosniff\n"
    )


def apply(site: Path) -> str:
    """Put the policy into every HTML page of ``site`` and into ``_headers``; return it."""
    pages = sorted(site.rglob("*.html"))
    texts = {page: page.read_text(encoding="utf-8") for page in pages}
    content = policy(h for text in texts.values() for h in script_hashes(_META.sub("", text)))
    for page, text in texts.items():
        updated = with_meta(text, content)
        if updated != text:
            page.write_text(updated, encoding="utf-8")
    (site / HEADERS_FILE).write_text(headers_file(content), encoding="utf-8")
    return content


@event_priority(-200)  # after mkdocs-static-i18n has built every language (-100)
def on_post_build(*, config: MkDocsConfig) -> None:
    apply(Path(config.site_dir))
