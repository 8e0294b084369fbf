"""Ship the in-page checker: the Pyodide runtime, the checker wheel, and the page context.

* ``on_config`` fails the build early, with "run scripts/setup", when the pinned Pyodide
  (``node_modules/pyodide``) or the compiled checker wheel (``build/pyodide``) is missing.
* ``on_page_context`` gives pages whose front matter says ``template: checker.html`` a
  ``checker`` dict: asset URLs relative to the page (so ``/en/checker/`` works too) and the
  form's words (:mod:`checker_ui`, page text kept out of the wheel) and the ``label.*``
  words of :mod:`checker.messages`, in the page's language.
* ``on_post_build`` copies Pyodide to ``site/assets/pyodide/<version>/`` and the wheel to
  ``site/assets/checker/``. Nothing generated is committed; nothing loads from a CDN.
  The version in the path makes every Pyodide URL immutable: the service worker
  (hooks/offline.py) and HTTP caches may keep them for good.

Only checker pages reference these files, so a guide page transfers no Pyodide bytes.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path
from typing import Any

from checker_ui import UI_TEXT  # beside this file; MkDocs puts a hook's folder on sys.path
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from checker.estimate import default_margin_days
from checker.messages import CATALOG, message, render
from checker.web import KINDS

TEMPLATE = "checker.html"
# What pyodide.mjs fetches at boot (the npm package has no micropip and needs nothing else).
PYODIDE_FILES = (
    "pyodide.mjs",
    "pyodide.asm.js",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
    "pyodide-lock.json",
)
PYODIDE_ROOT = "assets/pyodide/"
CHECKER_DEST = "assets/checker/"
# Our own files in docs/assets/checker/, cache-busted by a hash of their content.
OWN_FILES = {"glue": "checker.js", "worker": "worker.js", "css": "checker.css"}
# How long the page waits for Pyodide before it offers a retry (the template's default).
BOOT_TIMEOUT_MS = 60_000
# The rules page the assumptions link to (its table rows are #rule-KEY, hooks/rules_page.py).
RULES_PAGE = "rules.md"
ASSUMPTION_RULES = {
    "assumption.balance_ends": "load_validity",
    "assumption.deactivation": "deactivation_after_balance_ends",
    "assumption.margin": "safety_margin",
    "assumption.incoming_not_activity": "incoming_not_activity",
    "assumption.balance_ends.pasaload": "pasaload_validity",
    "assumption.promo": "promo_outside_validity",
}


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
    """The Cache Storage name for the runtime and its snapshot (hooks/sw.js, worker.js)."""
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


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:12]


def _lang(config: MkDocsConfig) -> str:
    # mkdocs-static-i18n sets theme.language to the locale of the build it runs.
    return "en" if str(config.theme.get("language", "zh")).startswith("en") else "zh"


def _labels(lang: str) -> dict[str, str]:
    prefix = "label."
    return {code[len(prefix) :]: message(code, lang) for code in CATALOG if code.startswith(prefix)}


def _ui(lang: str) -> dict[str, str]:
    return {key: render(texts, lang) for key, texts in UI_TEXT.items()}


def _rules_url(page: Page, nav: Navigation) -> str | None:
    for candidate in nav.pages:
        source = getattr(candidate.file, "norm_src_uri", candidate.file.src_uri)
        if source == RULES_PAGE:
            return get_relative_url(candidate.url or ".", page.url)
    return None


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _sources(config)
    return config


def on_page_context(
    context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation
) -> dict[str, Any]:
    if page.meta.get("template") != TEMPLATE:
        return context
    _, wheel = _sources(config)
    runtime = pyodide_dest(config)
    own = Path(config.docs_dir) / "assets" / "checker"

    def url(target: str) -> str:
        return get_relative_url(target, page.url)

    wheel_url = f"{url(CHECKER_DEST + wheel.name)}?v={_digest(wheel)}"
    lang = _lang(config)
    words = _ui(lang)
    rules_url = _rules_url(page, nav)
    assets = {
        key: f"{url(CHECKER_DEST + name)}?v={_digest(own / name)}"
        for key, name in OWN_FILES.items()
        if (own / name).is_file()
    }
    if len(assets) != len(OWN_FILES):
        raise PluginError(f"checker_assets: {own} lacks one of {', '.join(OWN_FILES.values())}")
    context["checker"] = {
        "lang": lang,
        "ui": words,
        "label": _labels(lang),
        "timeout_ms": BOOT_TIMEOUT_MS,
        "margin_default": default_margin_days(),
        "kinds": KINDS,  # the reload_kind choices, the default first
        **assets,
        # What the page's JavaScript reads from its JSON block (URLs relative to the page).
        "config": {
            "lang": lang,
            "worker": assets["worker"],
            "pyodide_module": url(runtime + "pyodide.mjs"),
            "index_url": url(runtime),
            "wheel": wheel_url,
            # Where the worker keeps a memory snapshot of Python with the checker imported, so
            # that a second visit restores it instead of starting Python again (worker.js).
            # Named after the runtime and the wheel: a release of either makes a new one.
            "snapshot": {
                "cache": runtime_cache(config),
                "key": f"{url(CHECKER_DEST + 'python-snapshot')}?wheel={_digest(wheel)}",
            },
            "rules_url": rules_url,
            "rules_links": {
                code: f"{rules_url}#rule-{key}" for code, key in ASSUMPTION_RULES.items()
            }
            if rules_url
            else {},
            "strings": words,
            # What the service worker keeps once the checker has booted, so that the next
            # visit works with no network (hooks/offline.py, docs/assets/javascripts/offline.js).
            "offline": [
                assets["glue"],
                assets["worker"],
                assets["css"],
                *(url(runtime + name) for name in PYODIDE_FILES),
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


def on_post_build(config: MkDocsConfig) -> None:
    # Every language build writes into the same site_dir; the runtime lives once at its root.
    pyodide, wheel = _sources(config)
    site = Path(config.site_dir)
    runtime = pyodide_dest(config)
    for stale in (site / PYODIDE_ROOT).glob("*"):
        if stale.is_dir() and f"{PYODIDE_ROOT}{stale.name}/" != runtime:
            shutil.rmtree(stale)
    for name in PYODIDE_FILES:
        _copy(pyodide / name, site / runtime / name)
    for stale in (site / CHECKER_DEST).glob("checker-*.whl"):
        if stale.name != wheel.name:
            stale.unlink()
    _copy(wheel, site / CHECKER_DEST / wheel.name)
