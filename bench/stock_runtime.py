"""The floor the checker page is measured against: the stock npm Pyodide, served by the same
server as the site (scripts/bench).

* :func:`install` copies the pinned npm package's files (its whole python_stdlib.zip of
  ``.py`` sources and its lock file included) into the site under ``assets/pyodide-stock/``,
  for the bare page, which boots it as the checker's worker would;
* :func:`stock_checker_page` writes ``checker-stock/``: the checker page as it was before it
  had its own standard library (the stock runtime, ``stdLibURL`` and lock file as Pyodide's
  defaults), to compare second visits.

Both go away with :func:`removed`; a site given with ``--site`` is left as it was.
"""

from __future__ import annotations

import contextlib
import html
import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
NPM = ROOT / "node_modules" / "pyodide"
FILES = (
    "pyodide.mjs",
    "pyodide.asm.js",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
    "pyodide-lock.json",
)
STOCK_DIR = "assets/pyodide-stock/"
STOCK_PAGE = "checker-stock/"
# The page's config: JSON in two single-quoted attributes (overrides/checker.html).
_CONFIG = re.compile(r"(content|data-checker-config)='(\{.*?\})'", re.DOTALL)


def install(site: Path) -> str:
    """Copy the stock runtime into ``site``; returns its site-relative folder."""
    version = json.loads((NPM / "package.json").read_text())["version"]
    folder = f"{STOCK_DIR}{version}/"
    (site / folder).mkdir(parents=True, exist_ok=True)
    for name in FILES:
        shutil.copy2(NPM / name, site / folder / name)
    return folder


def _stock_config(config: dict[str, Any], runtime: str) -> dict[str, Any]:
    stock = f"../{runtime}"
    config = {
        **config,
        "pyodide_module": f"{stock}pyodide.mjs",
        "index_url": stock,
        # No lockFileContents: Pyodide fetches pyodide-lock.json from index_url, as it did.
        "pyodide_options": {"stdLibURL": f"{stock}python_stdlib.zip"},
    }
    config["offline"] = [url for url in config["offline"] if "/assets/pyodide/" not in url] + [
        f"{stock}{name}" for name in FILES
    ]
    return config


def stock_checker_page(site: Path, runtime: str, page: str = "checker/") -> str:
    """Write the checker page on the stock runtime; returns its site-relative path."""
    text = (site / page / "index.html").read_text(encoding="utf-8")

    def swap(match: re.Match[str]) -> str:
        config = _stock_config(json.loads(html.unescape(match.group(2))), runtime)
        encoded = json.dumps(config).replace("'", "\\u0027").replace("&", "\\u0026")
        return f"{match.group(1)}='{encoded}'"

    stock, count = _CONFIG.subn(swap, text)
    if count != 2:
        raise ValueError(f"{page}: expected the config twice, found it {count} times")
    (site / STOCK_PAGE).mkdir(exist_ok=True)
    (site / STOCK_PAGE / "index.html").write_text(stock, encoding="utf-8")
    return STOCK_PAGE


@contextlib.contextmanager
def removed(site: Path) -> Iterator[None]:
    try:
        yield
    finally:
        shutil.rmtree(site / STOCK_DIR, ignore_errors=True)
        shutil.rmtree(site / STOCK_PAGE, ignore_errors=True)
