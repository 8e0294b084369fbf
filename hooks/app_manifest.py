"""Installable: a web app manifest per language, and its icons drawn from the site's SVG.

``on_post_build`` writes ``manifest.webmanifest`` at the root of each language's build (the
zh one at ``/``, the en one at ``/en/``: each page links its own, overrides/main.html) and
the icons into ``assets/images/app/``: 192 and 512 px, each plain ("any") and maskable.
The icons are rendered at build time from ``docs/assets/images/favicon.svg`` (the site's own
SIM glyph, white on the theme's indigo) with cairosvg, pinned in requirements-dev.txt:
nothing generated is committed. ``python -m hooks.app_manifest DIR`` (scripts/make-icons)
writes only the icons, to look at them.

The app opens the checker (``start_url``), standalone, and its scope is the whole site,
so the guide's pages a reader opens from it stay in the app. The words are
``form.app.*`` of checker/page_words.json.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from checker.messages import LANGS, text
from hooks.asset_versions import digest

SOURCE = Path(__file__).resolve().parents[1] / "docs" / "assets" / "images" / "favicon.svg"
ICONS = "assets/images/app/"
SIZES = (192, 512)
NAME = "manifest.webmanifest"
# The theme's primary colour (mkdocs.yml: primary indigo), behind the glyph and in the bar.
INDIGO = "#3f51b5"
WHITE = "#ffffff"
# A maskable icon's content must fit the central circle of 80% of its size (the "safe
# zone"); the glyph takes 50% there, and 72% on the plain icon's rounded square.
GLYPH = {"any": 0.72, "maskable": 0.5}


def _glyph(source: Path) -> tuple[str, str]:
    """The source SVG's viewBox and inner markup (its one path), recoloured white."""
    svg = source.read_text(encoding="utf-8")
    box = re.search(r'viewBox="([^"]+)"', svg)
    inner = re.search(r"<svg[^>]*>(.*)</svg>", svg, re.S)
    if not box or not inner:
        raise ValueError(f"{source}: expected an <svg> with a viewBox")
    return box[1], re.sub(r'fill="[^"]*"', f'fill="{WHITE}"', inner[1])


def icon_svg(source: Path, purpose: str) -> str:
    """The icon as SVG (512 units square): the glyph, centred, on indigo."""
    view_box, inner = _glyph(source)
    x, y, width, height = (float(n) for n in view_box.split())
    side = 512 * GLYPH[purpose]
    scale = side / max(width, height)
    offset = (512 - side) / 2
    radius = 0 if purpose == "maskable" else 96  # a maskable icon is cut by the launcher
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" width="512" height="512" viewBox="0 0 512 512">'
        f'<rect width="512" height="512" rx="{radius}" fill="{INDIGO}"/>'
        f'<g transform="translate({offset} {offset}) scale({scale}) translate({-x} {-y})">'
        f"{inner}</g></svg>"
    )


def icon_name(size: int, purpose: str) -> str:
    return f"icon-{purpose}-{size}.png"


def write_icons(target: Path, source: Path = SOURCE) -> list[Path]:
    """Render every icon into ``target``; returns their paths."""
    import cairosvg  # type: ignore[import-untyped]  # only the build needs it

    target.mkdir(parents=True, exist_ok=True)
    written = []
    for purpose in GLYPH:
        svg = icon_svg(source, purpose).encode()
        for size in SIZES:
            path = target / icon_name(size, purpose)
            png = cairosvg.svg2png(bytestring=svg, output_width=size, output_height=size)
            if not path.is_file() or path.read_bytes() != png:
                path.write_bytes(png)
            written.append(path)
    return written


def manifest(site: Path, lang: str) -> dict[str, object]:
    """The manifest for ``lang``, with URLs relative to where it is written.

    No ``id``: it defaults to ``start_url``, so each language's app is one of its own.
    """
    up = "" if lang == LANGS[0] else "../"
    return {
        "name": text("form.app.name", lang),
        "short_name": text("form.app.short_name", lang),
        "description": text("form.app.description", lang),
        "lang": "zh-CN" if lang == "zh" else "en",
        "start_url": "checker/",
        "scope": up or "./",
        "display": "standalone",
        "background_color": WHITE,
        "theme_color": INDIGO,
        "icons": [
            {
                "src": f"{up}{ICONS}{name}?v={digest(site / ICONS / name)}",
                "sizes": f"{size}x{size}",
                "type": "image/png",
                "purpose": purpose,
            }
            for purpose in GLYPH
            for size in SIZES
            for name in [icon_name(size, purpose)]
        ],
    }


def write_site(site: Path) -> None:
    """The icons and every language's manifest into the built ``site``."""
    write_icons(site / ICONS)
    for lang in LANGS:
        folder = site if lang == LANGS[0] else site / lang
        if folder.is_dir():
            data = json.dumps(manifest(site, lang), ensure_ascii=False, indent=2) + "\n"
            (folder / NAME).write_text(data, encoding="utf-8")


@event_priority(-120)  # after mkdocs-static-i18n built every language (-100), before the
# service worker's manifest (hooks/offline.py) hashes the site
def on_post_build(*, config: MkDocsConfig) -> None:
    write_site(Path(config.site_dir))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python -m hooks.app_manifest DIR   (writes the icons into DIR)")
    for path in write_icons(Path(sys.argv[1])):
        print(path)
