"""A small HTML tree for the site tests, on the standard library's parser."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

VOID = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
    "source", "track", "wbr",
}  # fmt: skip


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    children: list[Element | str] = field(default_factory=list)
    parent: Element | None = field(default=None, repr=False)

    def iter(self) -> Iterator[Element]:
        yield self
        for child in self.children:
            if isinstance(child, Element):
                yield from child.iter()

    def find_all(self, match: Callable[[Element], bool]) -> list[Element]:
        return [el for el in self.iter() if match(el)]

    def by_tag(self, *tags: str) -> list[Element]:
        return self.find_all(lambda el: el.tag in tags)

    def by_class(self, name: str) -> list[Element]:
        return self.find_all(lambda el: name in el.attrs.get("class", "").split())

    def first_class(self, name: str) -> Element:
        found = self.by_class(name)
        assert found, f"no element with class {name!r}"
        return found[0]

    def text(self) -> str:
        parts: list[str] = []
        for child in self.children:
            parts.append(child.text() if isinstance(child, Element) else child)
        return "".join(parts)

    def clean_text(self) -> str:
        return " ".join(self.text().split())

    def direct_children(self, *tags: str) -> list[Element]:
        return [c for c in self.children if isinstance(c, Element) and c.tag in tags]


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attrs}, parent=self.stack[-1])
        self.stack[-1].children.append(element)
        if tag not in VOID:
            self.stack.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attrs}, parent=self.stack[-1])
        self.stack[-1].children.append(element)

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse(markup: str) -> Element:
    builder = _Builder()
    builder.feed(markup)
    builder.close()
    return builder.root


@cache
def parse_file(path: Path) -> Element:
    return parse(path.read_text(encoding="utf-8"))
