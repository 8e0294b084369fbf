"""Which modules of Pyodide's standard library the checker page can import, and a zip of them.

Usage (scripts/build-stdlib runs it; the result is then compiled by ``pyodide py-compile``):

    python scripts/stdlib_modules.py STOCK_ZIP OUT_ZIP [--recorded FILE] [--list FILE]
    python scripts/stdlib_modules.py --normalise - ZIP

The set is a closure over a static import graph, so that no import on a rare path is missed:

* roots: the standard-library modules ``checker.web`` and the checker modules it imports
  import (read with :mod:`ast`), what Pyodide's start-up and the API worker.js calls import
  (all of ``_pyodide``; ``pyodide``, ``pyodide.code``, ``pyodide.ffi``,
  ``pyodide._package_loader``: the packages pyodide.asm.js names), what CPython imports
  while it starts (:data:`BOOT`), and what a real run loaded from the zip (``--recorded``:
  checker.web over the committed corpus on the stock runtime, tests/pyodide/checker_runtime.mjs);
* edges: every ``import`` anywhere in a module's source, inside functions, methods, ``try``
  and ``if`` blocks alike (a ``from p import n`` counts ``p`` and ``p.n``; a module imports
  its parent packages), except code that cannot run in the page, each case below;
* the closure keeps going until no new module is found.

What is left out, and why it cannot run in the checker page:

* ``if __name__ == "__main__":`` and ``if TYPE_CHECKING:`` bodies, and the private
  functions (or ``main``) that only such a block calls: a module's command line and
  self-test (``random._test`` imports statistics; ``ast.main`` argparse);
* branches on ``sys.platform`` or ``os.name`` that are false on Emscripten (Windows code);
* :data:`NEVER_CALLED`: help(), the REPL's line editing, ``python -m zipfile``;
* :data:`CUT`: ``concurrent.futures``' lazy ``ProcessPoolExecutor`` (Emscripten has no
  processes, so multiprocessing cannot run in Pyodide);
* modules compiled into Pyodide (built-in, or frozen like ``os``, ``codecs``, ``zipimport``:
  the frozen copy is the one imported), and the pure-Python fallbacks of built-in ones
  (``_pydatetime`` after ``try: from _datetime import *``). Their imports are still followed:
  a frozen module is the same source, and a C module imports what its twin does.

The imports :mod:`ast` cannot see are names computed at run time (``__import__(name)``).
In this closure those are the codec look-ups of ``encodings`` (``b.decode("cp437")`` in
zipfile imports ``encodings.cp437``): every codec named where a codec goes (``encode``,
``decode``, ``codecs.lookup`` and the like, ``encoding=`` arguments and defaults) is added,
by its name or alias. The recorded run, and the differential test that runs 12,000 calls
through the trimmed runtime, check that nothing else is needed.
"""

from __future__ import annotations

import argparse
import ast
import json
import sys
import zipfile
from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# What CPython imports on its own before any code of ours runs (Python/pylifecycle.c and
# site.py): the codecs of the file system and of stdio, and site with its helpers.
BOOT = (
    "encodings",
    "encodings.aliases",
    "encodings.utf_8",
    "encodings.utf_8_sig",
    "encodings.latin_1",
    "encodings.ascii",
    "site",
    "sitecustomize",
    "usercustomize",
    "_sitebuiltins",
)
# What Pyodide's start-up and the API worker.js calls import: the Python packages that
# pyodide.asm.js names (pyodide.code for runPython, pyodide._package_loader for
# unpackArchive, pyodide.ffi for toPy), and all of _pyodide, its own start-up package.
PYODIDE = ("_pyodide", "pyodide", "pyodide.code", "pyodide.ffi", "pyodide._package_loader")
# The files of the zip that are not modules but that Pyodide needs (site-packages is where
# worker.js unpacks the wheel).
KEEP_DIRS = ("site-packages/",)


def index(stock: zipfile.ZipFile) -> dict[str, str]:
    """Module name -> path in the zip, e.g. ``json.decoder`` -> ``json/decoder.py``."""
    modules = {}
    for name in stock.namelist():
        if not name.endswith(".py") or name.startswith(KEEP_DIRS):
            continue
        parts = name[: -len(".py")].split("/")
        if parts[-1] == "__init__":
            parts.pop()
        modules[".".join(parts)] = name
    return modules


def _package(module: str, path: str) -> str:
    """The package relative imports in ``module`` start from."""
    return module if path.endswith("/__init__.py") else module.rpartition(".")[0]


# Function bodies that run only when a person types at an interactive prompt or a command
# line, which the page never gives: help() (pydoc, with http.server and email), the REPL's
# line editing, and `python -m zipfile` (zipfile/__main__.py calls zipfile.main).
NEVER_CALLED = {
    ("_sitebuiltins", "_Helper.__call__"),
    ("site", "register_readline"),
    ("site", "_script"),
    ("zipfile", "main"),
}
# Edges no code path of the page can take, each with its reason.
CUT = {
    ("concurrent.futures", "concurrent.futures.process"): "ProcessPoolExecutor: Emscripten has no"
    " processes, so multiprocessing cannot run in Pyodide",
}
# What the checker page's Python sees, for the branches that test it.
PLATFORM = {"sys.platform": "emscripten", "os.name": "posix"}


def _platform_test(test: ast.expr) -> bool | None:
    """The value of ``sys.platform == "win32"`` and the like on Emscripten; None if not one."""
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        inner = _platform_test(test.operand)
        return None if inner is None else not inner
    if isinstance(test, ast.BoolOp):
        values = [_platform_test(value) for value in test.values]
        if None in values:
            return None
        return all(values) if isinstance(test.op, ast.And) else any(values)
    if isinstance(test, ast.Call) and isinstance(test.func, ast.Attribute):
        subject = _platform_name(test.func.value)
        if subject and test.func.attr == "startswith" and len(test.args) == 1:
            prefix = test.args[0]
            if isinstance(prefix, ast.Constant) and isinstance(prefix.value, str):
                return PLATFORM[subject].startswith(prefix.value)
            if isinstance(prefix, ast.Tuple):
                words = [e.value for e in prefix.elts if isinstance(e, ast.Constant)]
                if len(words) == len(prefix.elts) and all(isinstance(w, str) for w in words):
                    return PLATFORM[subject].startswith(tuple(str(w) for w in words))
        return None
    if not (isinstance(test, ast.Compare) and len(test.ops) == 1):
        return None
    subject, other = _platform_name(test.left), test.comparators[0]
    if subject is None:
        return None
    value = PLATFORM[subject]
    try:
        constant = ast.literal_eval(other)
    except ValueError:
        return None
    op = test.ops[0]
    if isinstance(op, ast.Eq):
        return bool(value == constant)
    if isinstance(op, ast.NotEq):
        return bool(value != constant)
    if isinstance(op, ast.In):
        return bool(value in constant)
    if isinstance(op, ast.NotIn):
        return value not in constant
    return None


def _platform_name(node: ast.expr) -> str | None:
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
        name = f"{node.value.id.lstrip('_')}.{node.attr}"
        return name if name in PLATFORM else None
    return None


def _never_runs(test: ast.expr) -> bool:
    """``if __name__ == "__main__":`` and ``if TYPE_CHECKING:`` bodies never run on import."""
    if isinstance(test, ast.Compare) and isinstance(test.left, ast.Name):
        return test.left.id == "__name__"
    name = test.attr if isinstance(test, ast.Attribute) else getattr(test, "id", "")
    return name == "TYPE_CHECKING"


def _main_only(tree: ast.Module) -> set[str]:
    """Module-level functions that run only under ``if __name__ == "__main__":``.

    The standard library's command-line entry points and self-tests (``ast.main``,
    ``random._test``): they run when the module is a script, never when it is imported. Only
    ``main`` and private functions count (another module may call a public one), and only
    those that no code outside that block reaches, directly or through other functions.
    """
    functions = {
        node.name: node
        for node in tree.body
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and (node.name.startswith("_") or node.name == "main")
    }
    if not any(isinstance(n, ast.If) and _never_runs(n.test) for n in tree.body):
        return set()

    def names(node: ast.AST) -> set[str]:
        return {
            inner.id if isinstance(inner, ast.Name) else inner.attr
            for inner in ast.walk(node)
            if isinstance(inner, ast.Name | ast.Attribute)
        }

    reached: set[str] = set()
    for node in tree.body:
        if node in functions.values() or (isinstance(node, ast.If) and _never_runs(node.test)):
            continue
        reached |= names(node)
    todo = [name for name in functions if name in reached]
    while todo:
        for name in names(functions[todo.pop()]) & functions.keys():
            if name not in reached:
                reached.add(name)
                todo.append(name)
    return set(functions) - reached


def _live(tree: ast.Module, module: str) -> Iterable[ast.AST]:
    """The nodes of ``tree`` that may run in the checker page (see the module's docstring)."""
    dead = {(module, name) for name in _main_only(tree)} | NEVER_CALLED
    stack: list[tuple[ast.AST, str]] = [(tree, "")]
    while stack:
        node, scope = stack.pop()
        yield node
        if isinstance(node, ast.If):
            known = _platform_test(node.test)
            if _never_runs(node.test):
                branches: list[list[ast.stmt]] = [node.orelse]
            elif known is not None:
                branches = [node.body if known else node.orelse]
            else:
                branches = [node.body, node.orelse]
            stack.extend((child, scope) for branch in branches for child in branch)
            stack.append((node.test, scope))
            continue
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            inner = f"{scope}.{node.name}".lstrip(".")
            if (module, inner) in dead:
                continue
            stack.extend((child, inner) for child in ast.iter_child_nodes(node))
            continue
        stack.extend((child, scope) for child in ast.iter_child_nodes(node))


def _imported(node: ast.AST, module: str, path: str) -> set[str]:
    """The names one ``import`` statement may load (``from p import n``: ``p`` and ``p.n``)."""
    if isinstance(node, ast.Import):
        return {alias.name for alias in node.names}
    if not isinstance(node, ast.ImportFrom):
        return set()
    if node.level:
        base = _package(module, path).split(".")
        base = base[: len(base) - (node.level - 1)] if node.level > 1 else base
        prefix = ".".join(filter(None, [*base, node.module or ""]))
    else:
        prefix = node.module or ""
    names = {f"{prefix}.{alias.name}".strip(".") for alias in node.names if alias.name != "*"}
    return {prefix} - {""} | names


def _fallback_nodes(tree: ast.Module, module: str, path: str, binary: set[str]) -> set[int]:
    """The import statements that run only if a module the binary holds is missing.

    ``try: from _datetime import *`` / ``except ImportError: from _pydatetime import *``:
    ``_datetime`` is built into Pyodide, so ``_pydatetime`` is never loaded from there.
    """
    found: set[int] = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.Try):
            continue
        # ``from _datetime import *``: the module tried is ``_datetime``, whatever it gives.
        tried = [
            {stmt.module}
            if isinstance(stmt, ast.ImportFrom) and stmt.module and not stmt.level
            else _imported(stmt, module, path)
            for stmt in node.body
        ]
        if not any(tried) or not all(names <= binary for names in tried if names):
            continue
        for handler in node.handlers:
            caught = (
                {getattr(n, "id", "") for n in ast.walk(handler.type)} if handler.type else set()
            )
            if caught & {"ImportError", "ModuleNotFoundError"}:
                found |= {id(stmt) for stmt in handler.body}
    return found


def imports(
    source: str, module: str, path: str, binary: AbstractSet[str] = frozenset()
) -> tuple[set[str], set[str]]:
    """What an ``import`` that may run in ``source`` may load (with parents): the names
    imported outright, and those imported only as the fallback of a module ``binary`` holds.
    """
    tree = ast.parse(source, path)
    fallback_nodes = _fallback_nodes(tree, module, path, set(binary))
    found: set[str] = set()
    fallback: set[str] = set()
    for node in _live(tree, module):
        (fallback if id(node) in fallback_nodes else found).update(_imported(node, module, path))

    def named(names: set[str]) -> set[str]:
        every = {parent for name in names for parent in _parents(name)}
        return {name for name in every if (module, name) not in CUT}

    # ``from . import _bootstrap`` in a fallback names the importing package too.
    return named(found), named(fallback) - named(found) - set(_parents(module))


def _parents(name: str) -> Iterable[str]:
    parts = name.split(".")
    return (".".join(parts[: i + 1]) for i in range(len(parts)))


# Calls whose first argument names a codec, and the parameters that hold one.
CODEC_CALLS = {
    "encode",
    "decode",
    "lookup",
    "getencoder",
    "getdecoder",
    "getincrementalencoder",
    "getincrementaldecoder",
    "getreader",
    "getwriter",
    "iterencode",
    "iterdecode",
}


def codec_literals(source: str, path: str, module: str) -> set[str]:
    """Codec names in ``source``: ``x.decode("cp437")``, ``encoding="latin-1"`` and the like."""
    named: list[ast.expr] = []
    for node in _live(ast.parse(source, path), module):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name in CODEC_CALLS and node.args:
                named.append(node.args[0])
            named.extend(kw.value for kw in node.keywords if kw.arg == "encoding")
        elif isinstance(node, ast.arguments):
            positional = [*node.posonlyargs, *node.args]
            pairs = [
                *zip(
                    positional[len(positional) - len(node.defaults) :], node.defaults, strict=True
                ),
                *zip(node.kwonlyargs, node.kw_defaults, strict=True),
            ]
            named.extend(default for arg, default in pairs if arg.arg == "encoding" and default)
    # Every string in the expression: ``self.metadata_encoding or "cp437"`` names cp437.
    return {
        inner.value
        for expression in named
        for inner in ast.walk(expression)
        if isinstance(inner, ast.Constant) and isinstance(inner.value, str)
    }


def codecs_named(texts: set[str], modules: dict[str, str], aliases: dict[str, str]) -> set[str]:
    """``encodings.X`` for each codec name among ``texts`` (as encodings.search_function does)."""
    found = set()
    for text in texts:
        norm = "".join(c if c.isalnum() or c == "." else "_" for c in text.lower()).strip("_")
        for name in (norm, aliases.get(norm, "")):
            if name and f"encodings.{name}" in modules:
                found.add(f"encodings.{name}")
    return found


def checker_roots(entry: str = "checker.web") -> set[str]:
    """The standard-library modules that ``entry`` and the checker modules it imports import."""
    found: set[str] = set()
    seen: set[str] = set()
    todo = [entry]
    while todo:
        module = todo.pop()
        if module in seen:
            continue
        seen.add(module)
        # A module is a file (checker/web/form.py) or a package (checker/web/__init__.py).
        base = ROOT.joinpath(*module.split("."))
        path = base / "__init__.py" if base.is_dir() else base.with_suffix(".py")
        if not path.is_file():
            continue
        for imported in imports(path.read_text(encoding="utf-8"), module, str(path))[0]:
            if imported.split(".")[0] == "checker":
                todo.append(imported)
            else:
                found.add(imported)
    return found


# Modules importlib puts in sys.modules under another name, before anything can import them.
ALIASES = {
    "importlib._bootstrap": "_frozen_importlib",
    "importlib._bootstrap_external": "_frozen_importlib_external",
}


def closure(
    stock: zipfile.ZipFile, roots: Iterable[str], binary: AbstractSet[str] = frozenset()
) -> set[str]:
    """The modules of the zip that ``roots`` can import, directly or not.

    ``binary`` names the modules Pyodide holds compiled in (built-in or frozen, like ``os``):
    they are not shipped, nor are the pure-Python fallbacks of built-in ones; but the imports
    of both are followed, since a frozen module is the same source and a C module imports
    what its pure-Python twin does (``_datetime`` imports ``_strptime`` as ``_pydatetime``).
    """
    modules = index(stock)
    binary = set(binary) | {name for name, alias in ALIASES.items() if alias in binary}
    aliases_source = stock.read(modules["encodings.aliases"]).decode()
    aliases = ast.literal_eval(
        next(
            node.value
            for node in ast.walk(ast.parse(aliases_source))
            if isinstance(node, ast.Assign)
            and any(isinstance(t, ast.Name) and t.id == "aliases" for t in node.targets)
        )
    )
    shipped: set[str] = set()
    followed: set[str] = set()
    todo = [(name, True) for root in roots for name in _parents(root)]
    literals: set[str] = set()
    while todo:
        while todo:
            name, ship = todo.pop()
            if name not in modules:
                continue
            if ship and name not in binary:
                shipped.add(name)
            if name in followed:
                continue
            followed.add(name)
            source = stock.read(modules[name]).decode("utf-8")
            outright, fallback = imports(source, name, modules[name], binary)
            todo.extend((imported, True) for imported in outright)
            todo.extend((imported, False) for imported in fallback)
            literals |= codec_literals(source, modules[name], name)
        todo.extend((codec, True) for codec in codecs_named(literals, modules, aliases) - shipped)
    return shipped


def write(stock: zipfile.ZipFile, keep: set[str], target: Path) -> int:
    modules = index(stock)
    files = {modules[name] for name in keep}
    # A package's data files (py.typed) and the empty site-packages go too; nothing else.
    packages = {path.rpartition("/")[0] + "/" for path in files if path.endswith("/__init__.py")}
    count = 0
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as out:
        for info in stock.infolist():
            name = info.filename
            keep_it = (
                name in files
                or name.startswith(KEEP_DIRS)
                or (not name.endswith(".py") and name.rpartition("/")[0] + "/" in packages)
                or (name.endswith("/") and any(p.startswith(name) for p in packages))
            )
            if keep_it:
                out.writestr(info, stock.read(name))
                count += name.endswith(".py")
    return count


def normalise(path: Path) -> None:
    """Make a compiled zip depend on its content only, so that every build gives the same bytes
    (the site names the file after its hash, and readers' caches keep it by that name).

    ``pyodide py-compile`` stamps each entry with the time of the build, and each ``.pyc``
    with its temporary source's mtime, which nothing checks: there is no source beside it.
    """
    with zipfile.ZipFile(path) as source:
        entries = [(info, source.read(info)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as out:
        for info, data in sorted(entries, key=lambda entry: entry[0].filename):
            if info.filename.endswith(".pyc") and data[4:8] == b"\0\0\0\0":  # timestamp-based
                data = data[:8] + b"\0\0\0\0" + data[12:]
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.external_attr = info.external_attr
            fixed.compress_type = zipfile.ZIP_STORED if info.is_dir() else zipfile.ZIP_DEFLATED
            out.writestr(fixed, data)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("stock", type=Path, help="Pyodide's python_stdlib.zip")
    parser.add_argument("out", type=Path, help="the trimmed zip (.py sources) to write")
    parser.add_argument(
        "--recorded",
        type=Path,
        help="a run's record (JSON: imported, builtin, frozen; tests/pyodide/checker_runtime.mjs)",
    )
    parser.add_argument("--list", type=Path, help="write the module names kept, one a line")
    parser.add_argument(
        "--normalise", action="store_true", help="only normalise OUT, once compiled (STOCK unread)"
    )
    args = parser.parse_args(argv)
    if args.normalise:
        normalise(args.out)
        return 0
    roots = checker_roots() | set(BOOT)
    binary: set[str] = set()
    if args.recorded:
        record = json.loads(args.recorded.read_text())
        roots |= set(record["imported"])
        binary = set(record["builtin"]) | set(record["frozen"])
    with zipfile.ZipFile(args.stock) as stock:
        modules = index(stock)
        roots |= set(PYODIDE) | {name for name in modules if name.split(".")[0] == "_pyodide"}
        keep = closure(stock, roots, binary)
        count = write(stock, keep, args.out)
    if args.list:
        args.list.write_text("".join(f"{name}\n" for name in sorted(keep)))
    print(f"[stdlib] {count} of {len(modules)} modules", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
