"""Ship the in-page checker: the Pyodide runtime, the checker wheel, and the page context.

* ``on_config`` fails the build early, with "run scripts/setup", when the pinned Pyodide
  (``node_modules/pyodide``) or the compiled checker wheel (``build/pyodide``) is missing.
* ``on_page_context`` gives pages whose front matter says ``template: checker.html`` a
  ``checker`` dict: asset URLs relative to the page (so ``/en/checker/`` works too), the
  form's fields (:data:`checker.web.FIELDS`), and its words (``form.*`` and ``label.*`` of
  :mod:`checker.messages`) in the page's language; ``checker.config`` is what the page's
  JavaScript reads, the same fields, the calls it may make (:data:`checker.web.CALLS`) and
  the rules page the assumptions link to (each names its rule, :mod:`checker.estimate`),
  and the first visit's download: every file the worker fetches (``PYODIDE_FILES``, the
  standard library made for the checker and the wheel) with its size decoded and as
  transferred (gzip where a host compresses it), which the page says ("about 4.3 MB")
  before it downloads and counts its progress against (worker.js).
* ``on_post_build`` copies Pyodide, with the standard library made for the checker
  (:mod:`hooks.lean_runtime`), to ``site/assets/pyodide/<version>/`` and the wheel to
  ``site/assets/checker/``. Nothing generated is committed; nothing loads from a CDN.
  The version in the path makes every Pyodide URL immutable: the service worker
  (hooks/offline.py) and HTTP caches may keep them for good.

Only checker pages reference these files, so a guide page transfers no Pyodide bytes.
"""

from __future__ import annotations

import dataclasses
import functools
import gzip
import json
import shutil
from pathlib import Path
from typing import Any, cast

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url
from mkdocs.utils.templates import TemplateContext

from checker import web
from checker.messages import words
from hooks.lean_runtime import digest, empty_lockfile, stdlib, stdlib_name

TEMPLATE = "checker.html"
# What pyodide.mjs fetches at boot from the npm package (the npm package has no micropip and
# needs nothing else); the standard library and the lock file are replaced (lean_runtime.py).
PYODIDE_FILES = (
    "pyodide.mjs",
    "pyodide.asm.js",
    "pyodide.asm.wasm",
)
PYODIDE_ROOT = "assets/pyodide/"
CHECKER_DEST = "assets/checker/"
# Our own files in docs/assets/checker/. The page names the entry points (glue, worker, css)
# with ?v=<hash of each>, as every asset (hooks/asset_versions.py); the modules they import
# (MODULES) are fetched by their plain names, kept in step by the service worker's shell
# (named after the release) and by revalidation (_headers: max-age=0, must-revalidate).
OWN_FILES = {"glue": "checker.js", "worker": "worker.js", "css": "checker.css"}
MODULES = ("client.js", "view.js", "lines.js", "protocol.js", "download.js", "early.js")
# How long the page waits with no byte of the runtime arriving before it gives up and offers a
# retry. Not a total: a slow link that keeps delivering finishes, however long it takes.
STALL_MS = 30_000
# What the deploy section of the README asks a host to compress (gzip or brotli); the page
# says the transfer of the others as they are.
SERVED_COMPRESSED = (".js", ".mjs", ".json", ".wasm")
# How long a call may go unanswered before the page takes the worker for dead (a check takes
# milliseconds; a worker that died without a word would otherwise leave the page waiting).
CALL_TIMEOUT_MS = 30_000
# The rules page the assumptions link to (its table rows are #rule-KEY, hooks/rules_page.py).
RULES_PAGE = "rules.md"


def _root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent


def pyodide_version(pyodide: Path) -> str:
    """The version of the installed npm package (the one package-lock.json pins)."""
    return str(json.loads((pyodide / "package.json").read_text())["version"])


def pyodide_dest(config: MkDocsConfig) -> str:
    """Where the runtime lives in the site, e.g. ``assets/pyodide/0.29.5/``."""
    pyodide, _ = _sources(config)
    return f"{PYODIDE_ROOT}{pyodide_version(pyodide)}/"


def runtime_cache(config: MkDocsConfig) -> str:
    """The Cache Storage name for the runtime and its snapshot (docs/sw.js, worker.js)."""
    pyodide, _ = _sources(config)
    return f"smart-pyodide-{pyodide_version(pyodide)}"


def _sources(config: MkDocsConfig) -> tuple[Path, Path]:
    """node_modules/pyodide and the wheel, or a build failure saying how to get them."""
    root = _root(config)
    pyodide = root / "node_modules" / "pyodide"
    missing = [name for name in PYODIDE_FILES if not (pyodide / name).is_file()]
    if missing:
        raise PluginError(
            f"checker_assets: {pyodide} lacks {', '.join(missing)}: run scripts/setup "
            "(it installs the pinned Pyodide from package-lock.json)"
        )
    wheels = sorted((root / "build" / "pyodide").glob("checker-*-cp313-none-any.whl"))
    if len(wheels) != 1:
        found = ", ".join(w.name for w in wheels) or "none"
        raise PluginError(
            f"checker_assets: need exactly one build/pyodide/checker-*-cp313-none-any.whl "
            f"(found {found}): run scripts/setup (or scripts/build-wheel)"
        )
    return pyodide, wheels[0]


@functools.lru_cache(maxsize=32)
def _transfer(path: Path, size: int, mtime_ns: int) -> int:
    """What a reader pays for ``path``: gzip level 6 (servers' default) if a host compresses it."""
    if not path.name.endswith(SERVED_COMPRESSED):
        return size
    return len(gzip.compress(path.read_bytes(), compresslevel=6, mtime=0))


def download(files: list[tuple[str, Path]]) -> list[dict[str, Any]]:
    """The first visit's download, ``[{url, bytes, transfer}]``: every file the worker fetches.

    ``bytes`` is the file as the browser hands it over (decoded), ``transfer`` what crosses the
    network; the page shows its progress in transfer bytes against their sum (worker.js).
    """
    listed = []
    for url, path in files:
        stat = path.stat()
        transfer = _transfer(path, stat.st_size, stat.st_mtime_ns)
        listed.append({"url": url, "bytes": stat.st_size, "transfer": transfer})
    return listed


def megabytes(size: int) -> str:
    """Bytes as the page says them, in decimal megabytes with one decimal (``5.7``)."""
    return f"{size / 1_000_000:.1f}"


def _lang(config: MkDocsConfig) -> str:
    # mkdocs-static-i18n sets theme.language to the locale of the build it runs.
    return "en" if str(config.theme.get("language", "zh")).startswith("en") else "zh"


def fields() -> list[dict[str, Any]]:
    """:data:`checker.web.FIELDS` as JSON-ready dicts (the template's loop, the JS's config)."""
    return [dataclasses.asdict(field) for field in web.FIELDS]


def _rules_url(page: Page, nav: Navigation) -> str | None:
    for candidate in nav.pages:
        source = getattr(candidate.file, "norm_src_uri", candidate.file.src_uri)
        if source == RULES_PAGE:
            return get_relative_url(candidate.url or ".", page.url)
    return None


def _own_files(config: MkDocsConfig) -> Path:
    """docs/assets/checker/, once it is known to hold every file the page loads."""
    own = Path(config.docs_dir) / "assets" / "checker"
    names = (*OWN_FILES.values(), *MODULES)
    missing = [name for name in names if not (own / name).is_file()]
    if missing:
        raise PluginError(f"checker_assets: {own} lacks {', '.join(missing)}")
    return own


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _sources(config)
    stdlib(_root(config))
    return config


def on_page_context(
    context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
) -> TemplateContext:
    if page.meta.get("template") != TEMPLATE:
        return context
    pyodide, wheel = _sources(config)
    runtime = pyodide_dest(config)

    def url(target: str) -> str:
        return get_relative_url(target, page.url)

    built_stdlib = stdlib(_root(config))
    stdlib_hash = digest(built_stdlib)
    stdlib_url = url(runtime + stdlib_name(built_stdlib))

    wheel_url = f"{url(CHECKER_DEST + wheel.name)}?v={digest(wheel)}"
    lang = _lang(config)
    form_words = words("form.", lang)
    rules_url = _rules_url(page, nav)
    own = _own_files(config)
    # Each entry point versioned by its own content, exactly as hooks/asset_versions.py
    # versions the page's src and href: the service worker keeps these URLs (offline
    # below), and offline a page can only load the URLs it names if they are the same.
    assets = {
        key: f"{url(CHECKER_DEST + name)}?v={digest(own / name)}" for key, name in OWN_FILES.items()
    }
    # What the worker downloads: the runtime's files (whatever PYODIDE_FILES names), the
    # standard library and the wheel. Our own scripts are left out: the page has them before
    # it says the size.
    runtime_files = download(
        [(url(runtime + name), pyodide / name) for name in PYODIDE_FILES]
        + [(stdlib_url, built_stdlib), (wheel_url, wheel)]
    )
    total = sum(file["transfer"] for file in runtime_files)
    # TemplateContext lists MkDocs' own keys; a template's own variables are extra keys.
    cast(dict[str, Any], context)["checker"] = {
        "lang": lang,
        "ui": form_words,
        "label": words("label.", lang),
        "fields": fields(),
        "stall_ms": STALL_MS,
        "download_mb": megabytes(total),
        **assets,
        # What the page's JavaScript reads from its JSON block (URLs relative to the page).
        "config": {
            "lang": lang,
            "fields": fields(),
            "calls": {name: list(args) for name, args in web.CALLS.items()},
            "call_timeout_ms": CALL_TIMEOUT_MS,
            # Each file's size decoded and as transferred, for the page's progress in bytes.
            "download": runtime_files,
            "worker": assets["worker"],
            "pyodide_module": url(runtime + "pyodide.mjs"),
            "index_url": url(runtime),
            # More options for loadPyodide (worker.js passes them on; a key ending in "URL" is a
            # URL relative to this page, made absolute by client.js): the standard library made
            # for the checker, and an empty lock file so that none is fetched (lean_runtime).
            "pyodide_options": {
                "stdLibURL": stdlib_url,
                "lockFileContents": empty_lockfile(pyodide),
            },
            "wheel": wheel_url,
            # Where the worker keeps a memory snapshot of Python with the checker imported, so
            # that a second visit restores it instead of starting Python again (worker.js).
            # Named after the runtime, the wheel and the standard library: a release of any
            # makes a new one.
            "snapshot": {
                "cache": runtime_cache(config),
                "key": f"{url(CHECKER_DEST + 'python-snapshot')}?wheel={digest(wheel)}"
                f"&stdlib={stdlib_hash}",
            },
            # Each assumption the checker answers with names its rule: rules_url#rule-<rule>.
            "rules_url": rules_url,
            # The page's limits (checker.web.LIMITS): a text field's maxlength, a label's,
            # and how much of a file an import reads.
            "limits": web.LIMITS,
            # Fields of old links and saved forms, and what each means now (checker.web.LEGACY).
            "legacy": web.LEGACY,
            "strings": form_words,
            # What the service worker keeps once the checker has booted, so that the next
            # visit works with no network (hooks/offline.py, docs/assets/javascripts/offline.js).
            "offline": [
                *assets.values(),
                *(url(CHECKER_DEST + name) for name in MODULES),
                *(url(runtime + name) for name in PYODIDE_FILES),
                stdlib_url,
                wheel_url,
            ],
        },
    }
    return context


def _copy(source: Path, target: Path) -> None:
    # Both language builds call this; the second finds the files in place.
    if (
        target.is_file()
        and target.stat().st_size == source.stat().st_size
        and target.stat().st_mtime_ns >= source.stat().st_mtime_ns
    ):
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(source, target)


def on_post_build(*, config: MkDocsConfig) -> None:
    # Every language build writes into the same site_dir; the runtime lives once at its root.
    pyodide, wheel = _sources(config)
    site = Path(config.site_dir)
    runtime = pyodide_dest(config)
    for stale in (site / PYODIDE_ROOT).glob("*"):
        if stale.is_dir() and f"{PYODIDE_ROOT}{stale.name}/" != runtime:
            shutil.rmtree(stale)
    for name in PYODIDE_FILES:
        _copy(pyodide / name, site / runtime / name)
    built = stdlib(_root(config))
    for stale in (site / runtime).glob("python_stdlib*.zip"):
        if stale.name != stdlib_name(built):
            stale.unlink()
    _copy(built, site / runtime / stdlib_name(built))
    for stale in (site / CHECKER_DEST).glob("checker-*.whl"):
        if stale.name != wheel.name:
            stale.unlink()
    _copy(wheel, site / CHECKER_DEST / wheel.name)
