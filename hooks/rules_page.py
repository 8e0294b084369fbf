"""MkDocs hook: every figure a page quotes comes from ``checker.rules``, in the page's language.

Pages never type "120 天" or "PHP 100" by hand. They write a token, and this hook replaces it
in the page Markdown before it is rendered:

``[[rule:KEY]]``
    the rule's value with its unit, as ``checker.rules.format_rule`` writes it:
    ``[[rule:deactivation_after_balance_ends]]`` -> "120 天" / "120 days"; a rule whose figure
    depends on the amount gives every amount: ``[[rule:pasaload_validity]]`` ->
    "30 比索：15 天；60、100 比索：30 天；200 比索：60 天".
``[[rule:KEY:FIELD]]``
    one field of the rule. FIELD is one of
    ``value`` (the bare number, "120"), ``name``, ``summary``, ``confidence`` (the translated
    label), ``conflict`` (the first conflicting value with its unit, "180 天") or
    ``conflict-note``; for a rule by amount, ``range`` ("15～60 天") instead of ``value``;
    ``sources``, the rule's sources as Markdown links with their confidence, for the page that
    states the fact: "来源：[Smart Help: ...](https://...)（官方）".
``[[confidence:LEVEL]]``
    the translated label of a confidence level (``official``, ``news``, ...).
``[[checked]]``
    the date the facts were last compared with their sources (``checker.rules.CHECKED``).
``[[carrier-rules:KEY]]``
    one carrier's rules table (``smart``, ``globe``, ``gomo``, ``dito``: ``checker.carriers``),
    the rows the rules page has for it. A rule of a carrier other than Smart is named by its
    id, which carries the carrier: ``[[rule:globe.deactivation_after_balance_ends]]``.
``[[prefix-table]]``
    every mobile prefix a source lists, each network with its sources, and whose rules the
    checker uses (``hooks/prefix_table.py``, from ``checker.prefixes``).
``[[rules-table]]``
    the full rules table: one section per carrier, then the facts behind the FAQ's answers
    (``hooks/guide_facts.py``), then the checker's own assumptions.
    Each row has the rule, its value, its summary, its sources (title -> URL, confidence,
    date checked), its confidence and its conflicts with their sources.

An unknown token, an unknown rule key or field, or a value asked of a rule that has none
raises :class:`mkdocs.exceptions.PluginError`, so the build fails and a typo cannot ship.

The page language is the locale mkdocs-static-i18n gives each file (``page.file.locale``:
``index.en.md`` is "en"); without that plugin it is ``theme.language``. Every word is in
:mod:`checker.messages` (``rules.*`` and ``confidence.*``): this module only renders.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from html import escape

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from checker.carriers import CARRIERS, rule
from checker.messages import LANGS, text
from checker.rules import (
    CHECKED,
    CHECKER_RULES,
    Confidence,
    Conflict,
    Rule,
    Source,
    format_range,
    format_rule,
    format_value,
)
from hooks.carrier_facts import CARRIER_FACTS
from hooks.guide_facts import GUIDE_RULES
from hooks.prefix_list import render_prefixes
from hooks.prefix_table import render_prefix_table

TOKEN = re.compile(r"\[\[([^\[\]\n]*)\]\]")

FIELDS = (
    "value", "range", "name", "summary", "confidence", "conflict", "conflict-note", "sources",
)  # fmt: skip


def _t(key: str, lang: str, **params: str) -> str:
    return text(f"rules.{key}", lang, **params)


def confidence_label(confidence: Confidence, lang: str) -> str:
    return text(f"confidence.{confidence.value}", lang)


def _join(items: Iterable[str], lang: str) -> str:
    return _t("list_separator", lang).join(items)


# --- tokens -----------------------------------------------------------------------------------


def _lookup(key: str, where: str) -> Rule:
    """A rule of the checker, or a fact behind the guide's answers (hooks/guide_facts.py) or
    a carrier's page (hooks/carrier_facts.py)."""
    try:
        return rule(key)
    except KeyError:
        for fact in (*GUIDE_RULES, *(f for facts in CARRIER_FACTS.values() for f in facts)):
            if fact.key == key:
                return fact
        raise PluginError(f"{where}: unknown rule key {key!r}") from None


def _first_conflict(found: Rule, where: str) -> Conflict:
    if not found.conflicts:
        raise PluginError(f"{where}: rule {found.key!r} has no conflict")
    return found.conflicts[0]


def render_token(token: str, lang: str, where: str = "page") -> str:
    """The text that replaces ``[[token]]`` on a page in ``lang``."""
    parts = token.strip().split(":")
    if parts == ["rules-table"]:
        return render_rules_table(lang)
    if parts == ["checked"]:
        return CHECKED.isoformat()
    if parts == ["mobile-prefixes"]:
        return render_prefixes(lang)
    if parts == ["prefix-table"]:
        return "\n\n" + render_prefix_table(lang) + "\n\n"
    if parts[0] == "carrier-rules" and len(parts) == 2:
        if parts[1] not in CARRIERS:
            raise PluginError(f"{where}: unknown carrier in [[{token}]]")
        return "\n\n" + _carrier_table(parts[1], lang) + "\n\n"
    if parts[0] == "confidence" and len(parts) == 2:
        try:
            return confidence_label(Confidence(parts[1]), lang)
        except ValueError:
            raise PluginError(f"{where}: unknown confidence level in [[{token}]]") from None
    if parts[0] != "rule" or len(parts) not in (2, 3) or not parts[1]:
        raise PluginError(f"{where}: unknown token [[{token}]]")
    found = _lookup(parts[1], where)
    field = parts[2] if len(parts) == 3 else ""
    if field not in ("", *FIELDS):
        raise PluginError(f"{where}: unknown field {field!r} in [[{token}]]")
    if field == "" and found.by_amount:
        return format_rule(found, lang)
    if field == "range":
        if not found.by_amount:
            raise PluginError(f"{where}: rule {found.key!r} has no figures by amount")
        return format_range(found, lang)
    if field in ("", "value") and found.value is None:
        raise PluginError(f"{where}: rule {found.key!r} has no value for [[{token}]]")
    if field == "":
        return format_value(found.value, found.unit, lang)
    if field == "value":
        return f"{found.value:,}"
    if field == "name":
        return found.name.get(lang)
    if field == "summary":
        return found.summary.get(lang)
    if field == "confidence":
        return confidence_label(found.confidence, lang)
    if field == "sources":
        return _inline_sources(found, lang)
    conflict = _first_conflict(found, where)
    if field == "conflict":
        if conflict.value is None:
            raise PluginError(f"{where}: the conflict of {found.key!r} has no value")
        return format_value(conflict.value, found.unit, lang)
    return conflict.note.get(lang)  # conflict-note


def _inline_sources(found: Rule, lang: str) -> str:
    """The rule's sources as Markdown links, for a sentence on a guide page."""
    if not found.sources:
        return _t("no_sources", lang)
    items = [
        f"[{source.label(lang)}]({source.url})"
        + (f"（{label}）" if lang == "zh" else f" ({label})")
        for source in found.sources
        for label in [confidence_label(source.confidence, lang)]
    ]
    return _t("sources_inline", lang, sources=("；" if lang == "zh" else "; ").join(items))


# Characters a Chinese reader sees as part of the running text: ideographs, and CJK or
# full-width punctuation. A space between two of them, or next to such punctuation, is a
# stray gap, never a word break.
_WIDE = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
_PUNCT = re.compile(r"[\u3000-\u303f\uff00-\uffef]")
# Markdown emphasis around a token does not render: look through it to the visible character.
_MARKS = "*_"


def _edge(text: str, end: bool) -> str:
    """The visible character at the start (or ``end``) of ``text``, emphasis marks skipped."""
    stripped = text.rstrip(_MARKS) if end else text.lstrip(_MARKS)
    if not stripped:
        return ""
    return stripped[-1] if end else stripped[0]


def _stray(left: str, right: str) -> bool:
    """Is a space between the text ``left`` and the text ``right`` a stray gap in Chinese?"""
    a, b = _edge(left, True), _edge(right, False)
    if not a or not b:
        return False
    return bool(_PUNCT.match(a) or _PUNCT.match(b) or (_WIDE.match(a) and _WIDE.match(b)))


def replace_tokens(markdown: str, lang: str, where: str = "page") -> str:
    """Replace every token; in Chinese, without a stray space where a figure meets the text.

    Pages put a space on both sides of a token, as mixed Chinese and Latin text wants
    ("有效 1 年"). Where the rendered side is itself Chinese ("120 天", a summary ending in
    "。"), that space would fall between two Chinese characters ("120 天 的宽限期") or after
    a full stop, so it is dropped there and only there.
    """
    if lang not in LANGS:
        raise PluginError(f"{where}: no rules text for language {lang!r}")
    out: list[str] = []
    last = 0
    for match in TOKEN.finditer(markdown):
        rendered = render_token(match.group(1), lang, where)
        before = markdown[last : match.start()]
        kept = before.rstrip(" ")
        # Two tokens side by side: the text before is the end of the one before.
        if lang == "zh" and before != kept and _stray((out[-1] if out else "") + kept, rendered):
            before = kept
        out += [before, rendered]
        last = match.end()
        rest = markdown[last:]
        kept = rest.lstrip(" ")
        if lang == "zh" and rest != kept and _stray(rendered, kept):
            last += len(rest) - len(kept)
    out.append(markdown[last:])
    return "".join(out)


# --- the rules table --------------------------------------------------------------------------


def _source_item(source: Source, lang: str) -> str:
    label = confidence_label(source.confidence, lang)
    checked = source.checked.isoformat()
    return (
        f'<li class="rule-source" data-confidence="{source.confidence.value}" '
        f'data-checked="{checked}">'
        f'<a href="{escape(source.url)}" rel="noopener noreferrer">'
        # A Chinese title ends with its full-width bracket: a space after it would be a gap.
        f"{escape(source.label(lang))}</a>{'' if lang == 'zh' else ' '}"
        f'<span class="rule-source__meta">{escape(label)} · {_t("checked", lang)} '
        f'<time datetime="{checked}">{checked}</time></span></li>'
    )


def _sources_list(sources: tuple[Source, ...], lang: str, empty: str) -> str:
    if not sources:
        return f'<p class="rule-sources rule-sources--none">{escape(_t(empty, lang))}</p>'
    items = "".join(_source_item(source, lang) for source in sources)
    return f'<ul class="rule-sources">{items}</ul>'


def _conflict_block(found: Rule, conflict: Conflict, lang: str) -> str:
    value = format_value(conflict.value, found.unit, lang)
    value_attr = "" if conflict.value is None else f"{conflict.value}"
    shown = f"<strong>{escape(value)}</strong>{_t('colon', lang)}" if value else ""
    return (
        f'<div class="rule-conflict" data-value="{value_attr}">'
        f'<p><span class="rule-conflict__label">{_t("conflict", lang)}</span> '
        f"{shown}{escape(conflict.note.get(lang))}</p>"
        f"{_sources_list(conflict.sources, lang, 'conflict_no_source')}</div>"
    )


def _row(found: Rule, lang: str) -> str:
    value = format_rule(found, lang) or _t("no_value", lang)
    value_attr = "" if found.value is None else f"{found.value}"
    # A figure by amount: "30:15 60:30 ..." (amount:figure), for tests and styling.
    by_amount = " ".join(f"{row.amount}:{row.value}" for row in found.by_amount)
    by_amount_attr = f' data-by-amount="{by_amount}"' if by_amount else ""
    conflicts = "".join(_conflict_block(found, c, lang) for c in found.conflicts)
    label = confidence_label(found.confidence, lang)
    cells = (
        f'<th scope="row" data-label="{_t("rule", lang)}" class="rule-name">'
        f"{escape(found.name.get(lang))}</th>"
        f'<td data-label="{_t("value", lang)}" class="rule-value">{escape(value)}</td>'
        f'<td data-label="{_t("summary", lang)}" class="rule-summary">'
        f"{escape(found.summary.get(lang))}{conflicts}</td>"
        f'<td data-label="{_t("sources", lang)}" class="rule-source-cell">'
        f"{_sources_list(found.sources, lang, 'no_sources')}</td>"
        f'<td data-label="{_t("confidence", lang)}" class="rule-confidence">'
        f'<span class="confidence confidence--{found.confidence.value}">{escape(label)}</span>'
        f"</td>"
    )
    return (
        f'<tr id="rule-{found.key}" data-rule="{found.key}" data-value="{value_attr}" '
        f'data-unit="{found.unit}" data-confidence="{found.confidence.value}"{by_amount_attr}>'
        f"{cells}</tr>"
    )


def _table(section: str, rules: Iterable[Rule], lang: str) -> str:
    head = "".join(
        f'<th scope="col">{_t(key, lang)}</th>'
        for key in ("rule", "value", "summary", "sources", "confidence")
    )
    rows = "".join(_row(found, lang) for found in rules)
    return (
        f'<div class="rules-table-wrap"><table class="rules-table" data-section="{section}">'
        f"<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></div>"
    )


def _carrier_table(key: str, lang: str) -> str:
    """A carrier's rules the checker dates by, then the facts its readers need besides."""
    rows = CARRIERS[key].rules + CARRIER_FACTS.get(key, ())
    return _table(f"carrier-{key}", rows, lang)


def render_rules_table(lang: str) -> str:
    """Markdown headings and HTML tables for every carrier's rules, then the checker's own."""
    blocks: list[str] = []
    for carrier in CARRIERS.values():
        heading = _t("carrier_heading", lang, name=carrier.name)
        brands = _t("brands", lang, brands=_join(carrier.brands, lang))
        blocks += [
            f"## {heading} {{#carrier-{carrier.key}}}",
            brands,
            _carrier_table(carrier.key, lang),
        ]
    blocks += [
        f"## {_t('guide_heading', lang)} {{#guide-facts}}",
        _t("guide_intro", lang),
        _table("guide-facts", GUIDE_RULES, lang),
        f"## {_t('checker_heading', lang)} {{#checker-assumptions}}",
        _t("checker_intro", lang),
        _table("checker", CHECKER_RULES, lang),
    ]
    return "\n\n" + "\n\n".join(blocks) + "\n\n"


# --- MkDocs events ----------------------------------------------------------------------------


def page_language(page: Page, config: MkDocsConfig) -> str:
    locale = getattr(page.file, "locale", None)
    if locale:
        return str(locale)
    return str(config.theme.get("language") or "zh")


def on_page_markdown(markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    return replace_tokens(markdown, page_language(page, config), page.file.src_uri)
