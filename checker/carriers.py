"""Every carrier the checker dates, as rules data: Smart (in :mod:`checker.rules`), Globe,
GOMO and DITO, and the reader's choice of carrier.

A carrier's rules have the keys the estimate asks for (``load_validity``, and what ends a
line: ``deactivation_after_balance_ends`` days after the balance ends, or, for GOMO,
``no_paid_transaction``: a year after the last paid transaction); outside Smart every key
carries the carrier (``globe.load_validity``), so that an answer's assumptions and the rules
page's anchors (``#rule-globe.load_validity``) say whose rule it is. Smart's keys stay bare:
links and saved answers from before other carriers keep working.

Where sources conflict, the rule's value is the most conservative figure (the line ends
soonest) and the others are its conflicts, shown beside it. The facts and their sources:
``shared/facts/smart-prepaid.md``, section 11. Only what dates a line ships here, in the
wheel; the other facts a carrier's reader needs (reloading from abroad, balance codes,
roaming) are the site's: ``hooks/carrier_facts.py``.

>>> rule("globe.deactivation_after_balance_ends").value
60
>>> sorted(c.value for c in rule("globe.deactivation_after_balance_ends").conflicts)
[120, 365]
>>> carrier("dito").rule("deactivation_after_balance_ends").key
'dito.deactivation_after_balance_ends'
>>> CHOICES
('auto', 'smart', 'globe', 'gomo', 'dito')
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from .errors import CheckerError
from .rules import (
    CHECKER_RULES,
    DEFAULT_CARRIER,
    DTI_2017,
    JMC_ELIBRARY,
    NOYPIGEEKS,
    SMART,
    Carrier,
    Confidence,
    Conflict,
    Rule,
    Source,
    Text,
    checked_source,
)

__all__ = ["AUTO", "CARRIERS", "CHOICES", "DEFAULT_CARRIER", "carrier", "every_rule", "rule"]

# The day section 11 of the facts file was written from the stored copies of these sources.
CHECKED = date(2026, 12, 3)


def carrier_source(title: str, url: str, confidence: Confidence, *, zh: str = "") -> Source:
    return checked_source(title, url, confidence, zh=zh, checked=CHECKED)


MB_GLOBE_2018 = carrier_source(
    "Manila Bulletin (2018-01-05): Globe's statement on the one-year expiry of prepaid load",
    "https://mb.com.ph/2018/01/05/globes-statement-on-the-one-year-expiry-of-prepaid-load",
    Confidence.NEWS,
    zh="马尼拉公报（2018 年 1 月 5 日）：Globe 关于预付费话费一年有效期的声明",
)
RAPPLER_GLOBE_2018 = carrier_source(
    "Rappler (2018-07-05): all Globe prepaid load valid for one year from 5 July 2018",
    "https://www.rappler.com/business/206540-globe-prepaid-load-one-year-validity-effective-july-5-2018",
    Confidence.NEWS,
    zh="Rappler（2018 年 7 月 5 日）：Globe 所有预付费话费自 2018 年 7 月 5 日起有效一年",
)
IN_PHILIPPINES_2013 = carrier_source(
    "in-philippines.com (2013): Globe Prepaid: reload within 4 months of expiry or the SIM is "
    "terminated; balance by texting BAL to 222",
    "https://www.in-philippines.com/tag/phone/",
    Confidence.COMMUNITY,
    zh="in-philippines.com（2013 年）：Globe 预付费过期 4 个月内不充值即停用，BAL 发到 222 查余额",
)
NOYPIGEEKS_GLOBE = carrier_source(
    "NoypiGeeks: SIM card expiration explained (Globe Prepaid 60 days, TM 365 days; GOMO)",
    NOYPIGEEKS.url,
    Confidence.COMMUNITY,
    zh="NoypiGeeks：SIM 卡过期说明（Globe 预付费 60 天、TM 365 天；GOMO）",
)
PINOYLOADS_CARRIERS = carrier_source(
    "PinoyLoads (2026): Philippine SIM card expiration by carrier (Globe, GOMO, DITO)",
    "https://pinoyloads.com/philippine-sim-card-expiration-by-carrier",
    Confidence.COMMUNITY,
    zh="PinoyLoads（2026 年）：菲律宾各运营商 SIM 卡的过期规则（Globe、GOMO、DITO）",
)
DITO_TERMS = carrier_source(
    "DITO: Subscription Terms and Conditions (section 4, the DITO SIM card: not yet read)",
    "https://www.dito.ph/terms-and-conditions.html",
    Confidence.UNKNOWN,
    zh="DITO：服务条款（第 4 节 DITO SIM 卡，我们还没读到原文）",
)
DITOSIM_2025 = carrier_source(
    "ditosimregistrations.org: does a DITO SIM card expire? (says 90 days, and 120 days)",
    "https://ditosimregistrations.org/does-a-dito-sim-card-expire",
    Confidence.COMMUNITY,
    zh="ditosimregistrations.org：DITO SIM 卡会过期吗？（写的是 90 天，也写了 120 天）",
)
JMC = (DTI_2017, JMC_ELIBRARY)


def _load_validity(key: str, extra: tuple[Source, ...] = ()) -> Rule:
    return Rule(
        key=f"{key}.load_validity",
        name=Text("普通充值的有效期", "Validity of a regular reload"),
        value=1,
        unit="year",
        summary=Text(
            "2017 年的联合备忘录通告（JMC）规定：任何金额的预付费充值有效期 1 年，"
            "适用于菲律宾所有运营商；有自己有效期的促销套餐除外。",
            "The 2017 Joint Memorandum Circular gives prepaid load of any amount one year, "
            "for every Philippine operator; promos with their own validity are excluded.",
        ),
        confidence=Confidence.OFFICIAL,
        sources=JMC + extra,
    )


def _incoming(key: str, sources: tuple[Source, ...]) -> Rule:
    """Smart's assumption that receiving texts is not activity, under this carrier's key."""
    smart = next(rule for rule in SMART.rules if rule.key == "incoming_not_activity")
    return replace(smart, key=f"{key}.incoming_not_activity", sources=sources)


GLOBE = Carrier(
    key="globe",
    name="Globe",
    brands=("Globe Prepaid", "TM"),
    rules=(
        _load_validity("globe", (MB_GLOBE_2018, RAPPLER_GLOBE_2018)),
        Rule(
            key="globe.deactivation_after_balance_ends",
            name=Text(
                "话费到期后到销号的天数", "Days from the end of the load to losing the number"
            ),
            value=60,
            unit="day",
            summary=Text(
                "没有找到 Globe 现行的官方说法，各来源说法不一："
                "60 天（NoypiGeeks，Globe Prepaid）、"
                "120 天（2013 年引用的 Globe 旧条款：到期后 4 个月内不充值，"
                "SIM 卡作废、号码不能取回；PinoyLoads：余额归零后 120 天）、"
                "365 天（NoypiGeeks，TM）。计算器取最保守的 60 天。",
                "No current official Globe page was found, and sources disagree: 60 days "
                "(NoypiGeeks, Globe Prepaid), 120 days (an old Globe term quoted in 2013: reload "
                "within 4 months of expiry or the SIM is terminated and the number cannot be "
                "reacquired; PinoyLoads: 120 days after zero balance), 365 days (NoypiGeeks, "
                "TM). The checker uses 60 days, the most conservative.",
            ),
            confidence=Confidence.CONFLICT,
            sources=(NOYPIGEEKS_GLOBE,),
            conflicts=(
                Conflict(
                    value=120,
                    note=Text(
                        "2013 年引用的 Globe 旧条款（到期后 4 个月）"
                        "和 PinoyLoads（余额归零后 120 天）。",
                        "An old Globe term quoted in 2013 (4 months after expiry) and PinoyLoads "
                        "(120 days after zero balance).",
                    ),
                    sources=(IN_PHILIPPINES_2013, PINOYLOADS_CARRIERS),
                ),
                Conflict(
                    value=365,
                    note=Text("NoypiGeeks 给 TM 的数字。", "NoypiGeeks' figure for TM."),
                    sources=(NOYPIGEEKS_GLOBE,),
                ),
            ),
        ),
        _incoming("globe", (NOYPIGEEKS_GLOBE,)),
    ),
)

GOMO = Carrier(
    key="gomo",
    name="GOMO",
    brands=("GOMO",),
    rules=(
        _load_validity("gomo"),
        Rule(
            key="gomo.no_paid_transaction",
            name=Text("多久没有付费就会失效", "A year without a paid transaction"),
            value=1,
            unit="year",
            summary=Text(
                "GOMO 的 SIM 卡在 1 年内没有任何付费操作（充值或买套餐）就会失效；"
                "“No Expiry”指的是流量不过期，不是 SIM 卡。"
                "计算器把最近一次充值当作最近一次付费操作。",
                'A GOMO SIM expires after a year without a paid transaction; "No Expiry" is about '
                "the data offer, not the SIM. The checker takes the last reload as the last paid "
                "transaction.",
            ),
            confidence=Confidence.COMMUNITY,
            sources=(PINOYLOADS_CARRIERS, NOYPIGEEKS_GLOBE),
        ),
        _incoming("gomo", (PINOYLOADS_CARRIERS,)),
    ),
)

DITO = Carrier(
    key="dito",
    name="DITO",
    brands=("DITO",),
    rules=(
        _load_validity("dito"),
        Rule(
            key="dito.deactivation_after_balance_ends",
            name=Text("余额低于 1 比索后到销号的天数", "Days with under PHP 1 before the SIM ends"),
            value=90,
            unit="day",
            summary=Text(
                "余额高于 1 比索时号码可用；余额低于 1 比索、又没有有效的促销套餐，"
                "90 天后号码被销号（SIM 卡永久停用）。"
                "这是网友页面转述 DITO 条款的说法；DITO 自己的条款（第 4 节）还没有读到。"
                "有页面同时写了 90 天和 120 天，计算器取 90 天。",
                "The line works while the balance is above PHP 1; under PHP 1 with no active "
                "promo, the SIM is permanently disabled after 90 days. Community pages say so, "
                "paraphrasing DITO's terms; DITO's own terms (section 4) are not yet read. One "
                "page says both 90 and 120 days; the checker uses 90.",
            ),
            confidence=Confidence.COMMUNITY,
            sources=(PINOYLOADS_CARRIERS, DITO_TERMS),
            conflicts=(
                Conflict(
                    value=120,
                    note=Text(
                        "一个网友页面同一篇里也写了 120 天。",
                        "One community page also says 120 days.",
                    ),
                    sources=(DITOSIM_2025,),
                ),
            ),
        ),
        _incoming("dito", (PINOYLOADS_CARRIERS,)),
    ),
)

CARRIERS: dict[str, Carrier] = {c.key: c for c in (SMART, GLOBE, GOMO, DITO)}
# The carrier field's choices: "auto" reads it from the number's prefix.
AUTO = "auto"
CHOICES = (AUTO, *CARRIERS)


def carrier(key: str = DEFAULT_CARRIER) -> Carrier:
    """A carrier by key, or ``carrier.unknown`` (an error beside the carrier field)."""
    try:
        return CARRIERS[key]
    except KeyError:
        raise CheckerError("carrier.unknown", field="carrier") from None


def rule(key: str) -> Rule:
    """Any carrier's rule by its id (``globe.load_validity``; Smart's are bare), or one of the
    checker's own settings."""
    owner, _, rest = key.rpartition(".")
    if owner in CARRIERS and owner != DEFAULT_CARRIER:
        return CARRIERS[owner].rule(rest)
    for candidate in CHECKER_RULES:
        if candidate.key == key:
            return candidate
    return SMART.rule(key)


def every_rule() -> tuple[Rule, ...]:
    """Every carrier's rules, then the checker's own."""
    return tuple(r for c in CARRIERS.values() for r in c.rules) + CHECKER_RULES
