"""The checker page says the size of its download from the build, never from a typed figure.

hooks/checker_assets.py lists every file the worker downloads (the runtime's files it ships,
``PYODIDE_FILES``, the standard library made for the checker, and the wheel) with its size
decoded and as transferred; the page says their sum before downloading and counts its
progress against it (docs/assets/checker/).
Here the built pages' figures are checked against the built site's files.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from sitehtml import Element, parse_file

from checker.messages import words
from hooks import checker_assets

pytestmark = pytest.mark.site

CHECKER_PAGES = {"zh": "checker/index.html", "en": "en/checker/index.html"}
ORIGIN = "http://site.invalid/"


def _root(page: Path) -> Element:
    (root,) = [el for el in parse_file(page).iter() if "data-checker-config" in el.attrs]
    return root


def _file(built_site: Path, page: str, url: str) -> Path:
    return built_site / urlsplit(urljoin(ORIGIN + page, url)).path.lstrip("/")


@pytest.mark.parametrize("lang", CHECKER_PAGES)
def test_the_download_lists_every_shipped_runtime_file_with_its_real_sizes(
    built_site: Path, lang: str
) -> None:
    page = CHECKER_PAGES[lang]
    download = json.loads(_root(built_site / page).attrs["data-checker-config"])["download"]
    files = [_file(built_site, page, item["url"]) for item in download]
    names = [file.name for file in files]
    assert names[: len(checker_assets.PYODIDE_FILES)] == list(checker_assets.PYODIDE_FILES)
    assert len(names) == len(checker_assets.PYODIDE_FILES) + 2
    assert names[-2].startswith("python_stdlib-") and names[-2].endswith(".zip")
    assert names[-1].startswith("checker-") and names[-1].endswith(".whl")
    for item, file in zip(download, files, strict=True):
        data = file.read_bytes()
        assert item["bytes"] == len(data), file
        compressed = file.name.endswith(checker_assets.SERVED_COMPRESSED)
        expected = len(gzip.compress(data, compresslevel=6, mtime=0)) if compressed else len(data)
        assert item["transfer"] == expected, file


@pytest.mark.parametrize(
    ("size", "said"), [(0, "0.0"), (49_999, "0.0"), (50_000, "0.1"), (5_553_483, "5.6")]
)
def test_megabytes_are_decimal_with_one_decimal(size: int, said: str) -> None:
    assert checker_assets.megabytes(size) == said


@pytest.mark.parametrize("lang", CHECKER_PAGES)
def test_the_page_says_the_sum_before_the_download(built_site: Path, lang: str) -> None:
    root = _root(built_site / CHECKER_PAGES[lang])
    total = sum(
        item["transfer"] for item in json.loads(root.attrs["data-checker-config"])["download"]
    )
    said = checker_assets.megabytes(total)
    ui = words("form.", lang)
    texts = {
        key: el.clean_text()
        for el in root.iter()
        for key in ("data-checker-size", "data-checker-download")
        if key in el.attrs
    }
    assert texts == {
        "data-checker-size": ui["size"].replace("{total}", said),
        "data-checker-download": ui["download"].replace("{total}", said),
    }
    assert 1.0 < float(said) < 20.0  # Pyodide's runtime: megabytes, not bytes or gigabytes
