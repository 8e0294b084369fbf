"""Offline after one visit: write the service worker (docs/sw.js) to the site root as sw.js.

The worker's manifest is computed here from the built site, never typed: the shell (the theme's
and our scripts, styles and images, which every page uses), a version that is a hash of every
file the worker may serve from its cache, and the Pyodide version, which names the runtime's
own cache so that a text-only release does not make a reader download 12 MB again.

Runs last (after hooks/csp.py has written the policy into the pages), over the whole site,
so every language build leaves the same result.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from hooks.asset_versions import versioned
from hooks.checker_assets import PYODIDE_ROOT, pyodide_dest, runtime_cache

# The template ships beside the pages it serves; MkDocs leaves it out (exclude_docs) and this
# hook writes it filled in.
TEMPLATE = Path(__file__).resolve().parents[1] / "docs" / "sw.js"
TARGET = "sw.js"
_BUILD_LINE = 'const BUILD = {"version": "dev",'
SHELL_DIRS = ("assets/javascripts/", "assets/stylesheets/", "assets/images/")
# What Material fetches on every page besides its scripts and styles, and each language's web
# app manifest, which the browser asks for on every page (and may ask before the worker
# controls the first visit, so an offline page would find none without it in the shell).
SHELL_DATA = (
    "search/search_index.json",
    "sitemap.xml",
    "manifest.webmanifest",
    "en/manifest.webmanifest",
)
# Material ships lunr's language files; the site's search uses none of them (lang: en).
SHELL_SKIP = ("assets/javascripts/lunr/",)


def shell(site: Path) -> list[str]:
    """Site-relative URLs of the files pages load, e.g. the theme's bundle, the search index.

    Only files some page names (the theme ships a favicon.png nobody uses): the worker
    stores the shell from the HTTP cache, and a file no page loaded would be a download.
    """
    # Pages, and the manifests, which name the app's icons the browser fetches on every page.
    named = [*site.rglob("*.html"), *site.rglob("*.webmanifest")]
    pages = "".join(page.read_text(encoding="utf-8") for page in named)
    paths = []
    for path in sorted(site.rglob("*")):
        name = path.relative_to(site).as_posix()
        if (
            path.is_file()
            and name.startswith(SHELL_DIRS)
            and not name.startswith(SHELL_SKIP)
            and not name.endswith(".map")
            and path.name in pages
        ):
            paths.append(versioned(site, name))  # as pages ask for it (hooks/asset_versions.py)
    return paths + [name for name in SHELL_DATA if (site / name).is_file()]


# The checker's own files and its runtime: the worker checks a cached copy against its hash
# before serving it, and drops a damaged one (hooks/sw.js, cacheFirst).
VERIFIED_DIRS = ("assets/checker/", PYODIDE_ROOT)


def integrity(site: Path) -> dict[str, str]:
    """SHA-256 (hex) of each file the worker verifies, by site-relative path."""
    return {
        path.relative_to(site).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(site.rglob("*"))
        if path.is_file() and path.relative_to(site).as_posix().startswith(VERIFIED_DIRS)
    }


def version(site: Path) -> str:
    """A hash of every file the worker may keep, except the runtime (named by its version)."""
    digest = hashlib.sha256()
    for path in sorted(site.rglob("*")):
        name = path.relative_to(site).as_posix()
        if not path.is_file() or name == TARGET or name.startswith(PYODIDE_ROOT):
            continue
        digest.update(name.encode() + b"\0" + hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:16]


def service_worker(site: Path, runtime: str, cache: str) -> str:
    template = TEMPLATE.read_text(encoding="utf-8")
    lines = [line for line in template.splitlines() if line.startswith(_BUILD_LINE)]
    if len(lines) != 1:
        raise ValueError(f"{TEMPLATE}: expected one line starting {_BUILD_LINE!r}")
    build = {
        "version": version(site),
        "runtimeCache": cache,
        "pyodidePath": runtime,
        # The runtime's files: the worker drops any other it holds under pyodidePath (a
        # standard library that a release replaced, python_stdlib-<hash>.zip).
        "runtime": sorted(p.name for p in (site / runtime).glob("*") if p.is_file()),
        "shell": shell(site),
        "integrity": integrity(site),
    }
    return template.replace(lines[0], f"const BUILD = {json.dumps(build)};", 1)


@event_priority(-300)  # after mkdocs-static-i18n built every language (-100) and csp.py (-200)
def on_post_build(*, config: MkDocsConfig) -> None:
    site = Path(config.site_dir)
    worker = service_worker(site, pyodide_dest(config), runtime_cache(config))
    (site / TARGET).write_text(worker, encoding="utf-8")
