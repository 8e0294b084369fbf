"""Search in Chinese: teach jieba the site's words, and write the index as UTF-8.

Material's search plugin segments Chinese with jieba at build time (U+200B between tokens),
and the browser matches a Chinese query against the tokens in the index, so a word must be one
token to be found. :data:`SEARCH_WORDS` are the site's words that jieba's default dictionary
splits apart (保号 -> 保 / 号).

Material then writes ``search/search_index.json`` with every Chinese character, and every
U+200B, as a six-byte ``\\uXXXX`` escape; in UTF-8 each is three bytes. Every page downloads
this file, so on the Chinese site that is most of the saving a reader on a slow connection gets
(134 KB to 91 KB). Writing it as UTF-8 changes no content: ``json.loads`` of both is equal
(tests/site/test_site_search.py reads the result).

So that a typed question finds its answer first (issue 19), the index also gets one entry per
FAQ question (:func:`split_faq`) and a weight per page (:data:`PAGE_WEIGHTS`), and the
browser reads a question with :data:`QUERY_WORDS` (hooks/search_query.js).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, Literal

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

INDEX = Path("search") / "search_index.json"
SEARCH_WORDS = (
    "保号", "停机", "销号", "话费", "充值", "普通充值", "有效期", "宽限期",
    "实名登记", "验证码", "余额", "漫游", "促销套餐", "携号转网", "代充", "计算器", "保号计算器",
    "到期日", "充值卡", "游客卡", "为零", "归零", "补卡", "迪拜",
)  # fmt: skip


# How a typed question is read in the browser (hooks/search_query.js), per language.
# ``stop``: the little words of a question, which every page has ("我的号码还能收验证码吗" ->
# 号码, 验证码). ``weak``: words every page is about, searched only when nothing else is typed
# ("PasaLoad 能保号吗" is about PasaLoad). ``synonyms``: a reader's word -> the words the pages
# use, so that a word the pages never say still finds them (出国 is on no page; 出* found 出现).
QUERY_WORDS: dict[str, dict[str, object]] = {
    "zh": {
        "stop": [
            "我", "我的", "你", "你的", "他", "的", "了", "吗", "呢", "吧", "啊", "呀", "还",
            "能", "能不能", "可以", "可不可以", "是", "是不是", "在", "有", "没有", "要", "会",
            "怎么", "怎么办", "怎样", "如何", "什么", "多久", "多少", "哪", "哪里", "哪个",
            "为什么", "请问", "一下", "这个", "那个", "就", "都", "也", "和", "或", "被", "把",
            "自己", "现在", "已经", "还能", "不能", "一个", "该", "应该", "需要", "想",
        ],
        "weak": ["保号", "号码", "smart", "菲律宾"],
        "synonyms": {
            "出国": "国外", "海外": "国外", "境外": "国外", "在国外": "国外",
            "停用": "销号", "注销": "销号", "作废": "销号", "回收": "被回收", "收回": "被回收",
            "冻结": "销号", "废号": "销号", "掉号": "销号", "没了": "销号",
            "过期": "到期", "失效": "到期", "有效": "有效期", "期限": "有效期",
            "话费余额": "余额", "欠费": "余额", "零": "为零", "没钱": "为零",
            "充话费": "充值", "缴费": "充值", "交话费": "充值", "续费": "充值", "充钱": "充值",
            "短信验证码": "验证码", "短信": "短信", "收不到": "收不到",
            "卡丢了": "丢失", "丢了": "丢失", "弄丢": "丢失", "坏了": "损坏",
            "迪拜": "迪拜 国外", "阿联酋": "迪拜 国外", "美国": "国外", "日本": "国外",
            "新加坡": "国外", "香港": "国外", "中国": "国外", "国内": "国外", "回国": "国外",
            "计算": "计算器", "工具": "计算器", "日历": "日历",
            "常规充值": "普通充值",
        },
    },
    "en": {
        "stop": ["long", "happens", "happen", "now", "still", "use"],
        "weak": ["number", "smart", "philippines", "philippine"],
        "synonyms": {
            "overseas": "abroad", "deactivated": "disconnected", "terminated": "disconnected",
            "lost": "lost", "topup": "reload", "top": "reload", "recharge": "reload",
            "expire": "expiry", "expired": "expiry", "uae": "dubai abroad",
            "dubai": "dubai abroad", "otp": "codes",
            "calculator": "checker",
        },
    },
}  # fmt: skip


def teach_jieba() -> None:
    try:
        import jieba  # type: ignore[import-untyped]
    except ImportError:  # no jieba, no Chinese segmentation: nothing to teach
        return
    for word in SEARCH_WORDS:
        jieba.add_word(word)


def on_startup(*, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
    teach_jieba()


# How much a page's sections weigh in search, against 1 for a guide page, in both languages
# (the key is the page's path without the language). A typed question should find the page
# that answers it: the FAQ answers questions; the home page and the rules table name every
# topic in passing ("roaming" found the rules table first) and the checker page every figure.
# A weight multiplies the page's own ``search: boost`` (front matter: the home page's 2).
PAGE_WEIGHTS = {"": 0.4, "faq/": 1.5, "rules/": 0.3, "checker/": 0.7, "about/": 0.5}


def page_of(location: str, languages: tuple[str, ...]) -> str:
    """The page of an index entry, without its language and section: "en/faq/#codes" -> "faq/".

    >>> page_of("en/faq/#codes", ("en/",)), page_of("#three-facts", ("en/",))
    ('faq/', '')
    """
    page = location.split("#", 1)[0]
    for prefix in languages:
        if page.startswith(prefix):
            return page.removeprefix(prefix)
    return page


# One FAQ question, as the search index holds it: its answer's anchor, question and answer.
_QUESTION = re.compile(
    r'<details class="question">\s*<summary>(?P<question>.*?)</summary>(?P<answer>.*?)</details>',
    re.S,
)
_ANCHOR = re.compile(r'\sid="(?P<id>faq-[\w-]+)"')
_TAG = re.compile(r"<[^>]+>")
# A tag that ends a block of text: a space there; an inline tag (a link) joins its text.
_BLOCK_TAG = re.compile(r"</?(?:p|li|ul|ol|div|br|table|tr|td|th|h[1-6]|summary|details)\b[^>]*>")


def plain(html: str) -> str:
    """The words of some HTML: "见<a>话费</a>" -> "见话费", "<p>a</p><p>b</p>" -> "a b"."""
    return " ".join(_TAG.sub("", _BLOCK_TAG.sub(" ", html)).split())


_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


def segment(text: str) -> str:
    """Chinese cut into words with U+200B between them, as Material's search plugin cuts it."""
    try:
        import jieba
    except ImportError:  # no jieba: Material did not cut the rest of the index either
        return text
    cut = _HAN.sub(lambda run: "\u200b" + "\u200b".join(jieba.cut(run.group(0))) + "\u200b", text)
    return cut.strip("\u200b")


def faq_questions(html: str, page: str) -> list[dict[str, Any]]:
    """Each question of a FAQ page as an index entry of its own, found at its answer.

    Material's index has one entry a heading, and a FAQ section holds a dozen questions in
    collapsed blocks: a typed question matched a whole section, and which of its answers
    was meant was lost. With an entry a question, "我错过了日期" finds that question.
    """
    entries = []
    for found in _QUESTION.finditer(html):
        anchor = _ANCHOR.search(found["answer"])
        if anchor is None:
            raise PluginError(f"{page}: a question without an anchor ({{: #faq-... }})")
        question = plain(found["question"])
        answer = plain(found["answer"])
        entries.append(
            {
                "location": f"{page}#{anchor['id']}",
                "title": segment(question),
                "text": segment(answer),
            }
        )
    return entries


_SECTION = re.compile(
    r'<h2 id="(?P<id>[\w-]+)"[^>]*>.*?</h2>(?P<body>.*?)(?=<h2 |</article>)', re.S
)


def sections_without_questions(html: str) -> dict[str, str]:
    """The text of each section of a FAQ page that is not in a question: intro, glossary."""
    return {
        found["id"]: plain(_QUESTION.sub(" ", found["body"])) for found in _SECTION.finditer(html)
    }


def split_faq(index: dict[str, Any], site: Path, languages: tuple[str, ...]) -> dict[str, Any]:
    """The FAQ's sections keep their titles; their questions become entries of their own."""
    docs = index.get("docs", [])
    for prefix in ("", *languages):
        page = f"{prefix}faq/"
        html = site / page / "index.html"
        if not html.is_file():
            continue
        # mkdocs-static-i18n builds each language alone first: that index lacks the others.
        at = next((i for i, doc in enumerate(docs) if doc["location"] == page), None)
        if at is None:
            continue
        questions = faq_questions(html.read_text(encoding="utf-8"), page)
        rest = sections_without_questions(html.read_text(encoding="utf-8"))
        for doc in docs:
            if doc["location"].startswith(f"{page}#"):
                # The questions are entries of their own; the section keeps the rest.
                doc["text"] = segment(rest.get(doc["location"].split("#", 1)[1], ""))
        boost = docs[at].get("boost", 1)
        docs[at + 1 : at + 1] = [{**entry, "boost": boost} for entry in questions]
    return index


def weigh(index: dict[str, Any], languages: tuple[str, ...]) -> dict[str, Any]:
    for doc in index.get("docs", []):
        weight = PAGE_WEIGHTS.get(page_of(doc["location"], languages), 1)
        doc["boost"] = round(doc.get("boost", 1) * weight, 3)
    return index


def compact(index: dict[str, Any]) -> str:
    return json.dumps(index, ensure_ascii=False, separators=(",", ":"))


@event_priority(-150)  # after mkdocs-static-i18n wrote the index of both languages (-100)
def on_post_build(*, config: MkDocsConfig) -> None:
    index = Path(config.site_dir) / INDEX
    if index.is_file():
        i18n = config.plugins.get("i18n")
        languages = tuple(
            lang.link.strip("/") + "/"
            for lang in (i18n.config.languages if i18n is not None else [])
            if lang.link.strip("/")
        )
        found = json.loads(index.read_text(encoding="utf-8"))
        found = split_faq(found, Path(config.site_dir), languages)
        index.write_text(compact(weigh(found, languages)), encoding="utf-8")
