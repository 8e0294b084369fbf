"""Search in Chinese: teach jieba the site's words, and write the index as UTF-8.

Material's search plugin segments Chinese with jieba at build time (U+200B between tokens),
and the browser matches a Chinese query against the tokens in the index, so a word must be one
token to be found. :data:`SEARCH_WORDS` are the site's words that jieba's default dictionary
splits apart (保号 -> 保 / 号).

Material then writes ``search/search_index.json`` with every Chinese character, and every
U+200B, as a six-byte ``\\uXXXX`` escape; in UTF-8 each is three bytes. Every page downloads
this file, so on the Chinese site that is most of the saving a reader on a slow connection gets
(134 KB to 91 KB). The content is unchanged: ``json.loads`` of both files is equal
(tests/site/test_site_search.py reads the result).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Literal

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

INDEX = Path("search") / "search_index.json"
SEARCH_WORDS = (
    "保号", "停机", "销号", "话费", "充值", "普通充值", "有效期", "宽限期",
    "实名登记", "验证码", "余额", "漫游", "促销套餐", "携号转网", "代充", "计算器", "保号计算器", "到期日",
    "充值卡", "游客卡",
)  # fmt: skip


def teach_jieba() -> None:
    try:
        import jieba  # type: ignore[import-untyped]
    except ImportError:  # no jieba, no Chinese segmentation: nothing to teach
        return
    for word in SEARCH_WORDS:
        jieba.add_word(word)


def compact(text: str) -> str:
    return json.dumps(json.loads(text), ensure_ascii=False, separators=(",", ":"))


def on_startup(*, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
    teach_jieba()


@event_priority(-150)  # after mkdocs-static-i18n wrote the index of both languages (-100)
def on_post_build(*, config: MkDocsConfig) -> None:
    index = Path(config.site_dir) / INDEX
    if index.is_file():
        index.write_text(compact(index.read_text(encoding="utf-8")), encoding="utf-8")
