"""What the build writes for the policy and for offline use (hooks/csp.py, offline.py,
search.py), read from the real ``mkdocs build --strict``."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Any

import pytest

from hooks import csp

pytestmark = pytest.mark.site

ROOT = Path(__file__).resolve().parents[2]
REQUIRED = {
    "default-src": "'self'",
    "worker-src": "'self'",
    "connect-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'self'",
}


def _pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def _meta(html: str) -> str:
    found = re.findall(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', html)
    assert len(found) == 1, found
    policy: str = found[0]
    return policy


def _directives(policy: str) -> dict[str, list[str]]:
    return {
        name: values
        for name, *values in (part.split() for part in policy.split(";") if part.strip())
    }


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<script>a()</script>", ["a()"]),
        ('<script type="module">a()</script>', ["a()"]),
        ("<script type='text/javascript'>a()</script>", ["a()"]),
        ('<script src="x.js"></script>', []),
        ('<script type="application/json">{"a": 1}</script>', []),
        ('<script id="__config" type="application/json">{}</script><script>b</script>', ["b"]),
        ("<SCRIPT>c</SCRIPT>", ["c"]),
        ("<script>\n multi\n line\n</script>", ["\n multi\n line\n"]),
        ("<script>'</p>'</script>", ["'</p>'"]),
        ("<p>no script</p>", []),
    ],
)
def test_script_hashes(html: str, expected: list[str]) -> None:
    import base64

    def source(text: str) -> str:
        return f"'sha256-{base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()}'"

    assert csp.script_hashes(html) == [source(text) for text in expected]


def test_every_page_has_one_policy_first_in_its_head(built_site: Path) -> None:
    policies = set()
    for page in _pages(built_site):
        html = page.read_text(encoding="utf-8")
        head = html.split("<head>", 1)[1]
        assert head.lstrip().startswith('<meta charset="utf-8">'), page
        assert (
            head.lstrip()[len('<meta charset="utf-8">') :]
            .lstrip()
            .startswith('<meta http-equiv="Content-Security-Policy"')
        ), page
        policies.add(_meta(html))
    assert len(policies) == 1


def test_the_policy_is_strict(built_site: Path) -> None:
    policy = _meta((built_site / "index.html").read_text(encoding="utf-8"))
    directives = _directives(policy)
    for name, value in REQUIRED.items():
        assert directives[name] == [value], name
    script = directives["script-src"]
    assert script[:2] == ["'self'", "'wasm-unsafe-eval'"]
    assert all(re.fullmatch(r"'sha256-[A-Za-z0-9+/]{43}='", s) for s in script[2:]), script
    assert "unsafe-inline" not in policy and "'unsafe-eval'" not in policy
    assert "*" not in policy and "http" not in policy


def test_every_inline_script_is_hashed_and_nothing_else(built_site: Path) -> None:
    allowed = set(_directives(_meta((built_site / "index.html").read_text()))["script-src"][2:])
    used = set()
    for page in _pages(built_site):
        used.update(csp.script_hashes(page.read_text(encoding="utf-8")))
    assert used == allowed


def test_the_header_file_sends_the_same_policy(built_site: Path) -> None:
    policy = _meta((built_site / "index.html").read_text(encoding="utf-8"))
    headers = (built_site / "_headers").read_text(encoding="utf-8")
    assert f"/*\n  Content-Security-Policy: {policy}\n" in headers


def _manifest(site: Path) -> dict[str, Any]:
    line = next(
        line for line in (site / "sw.js").read_text().splitlines() if line.startswith("const BUILD")
    )
    manifest: dict[str, Any] = json.loads(line.removeprefix("const BUILD = ").removesuffix(";"))
    return manifest


def test_the_service_worker_manifest_names_real_files(built_site: Path) -> None:
    build = _manifest(built_site)
    lock = json.loads((ROOT / "package-lock.json").read_text())
    pyodide = lock["packages"]["node_modules/pyodide"]["version"]
    assert build["runtimeCache"] == f"smart-pyodide-{pyodide}"
    assert build["pyodidePath"] == f"assets/pyodide/{pyodide}/"
    assert (built_site / build["pyodidePath"] / "pyodide.asm.wasm").is_file()
    assert re.fullmatch(r"[0-9a-f]{16}", build["version"])
    shell = build["shell"]
    # Each as pages ask for it: our own files with ?v=<content hash> (hooks/asset_versions.py).
    assert all((built_site / path.split("?v=")[0]).is_file() for path in shell)
    assert "assets/stylesheets/site.css?v=" in " ".join(shell)
    bundle = next((built_site / "assets" / "javascripts").glob("bundle.*.min.js")).name
    for expected in (f"assets/javascripts/{bundle}", "search/search_index.json", "sitemap.xml"):
        assert expected in shell
    # Neither the runtime (12 MB, kept only once the checker is used) nor unused theme files.
    assert not [path for path in shell if "pyodide" in path or "lunr" in path]
    assert not [path for path in shell if path.endswith((".map", ".whl"))]


def test_every_page_registers_the_service_worker(built_site: Path) -> None:
    for page in _pages(built_site):
        assert "assets/javascripts/offline.js" in page.read_text(encoding="utf-8"), page


def test_the_search_index_is_utf8_and_complete(built_site: Path) -> None:
    raw = (built_site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "\\u" not in raw.replace("\\\\u", "")  # only the separator's regex escapes
    index = json.loads(raw)
    locations = {doc["location"] for doc in index["docs"]}
    assert "guide/validity/" in locations and "en/guide/validity/" in locations
