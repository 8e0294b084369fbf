"""The rules the checker applies, as data, each with its sources.

One :class:`Carrier` per operator; its brands share its rules. Adding a carrier
or a brand is a data change here, not new code. The site's rules page is
generated from :data:`CARRIERS` by an MkDocs hook, and every figure a page
quotes comes from :func:`rule` and :func:`format_value`.

The facts come from ``shared/facts/smart-prepaid.md``; re-check them there
before changing a value.

>>> rule("deactivation_after_balance_ends").value
120
>>> load = rule("load_validity")
>>> format_value(load.value, load.unit, "en")
'1 year'
>>> [c.value for c in rule("deactivation_after_balance_ends").conflicts]
[180]
>>> value_for_amount(rule("pasaload_validity"), Decimal("60"))
30
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum


class Confidence(StrEnum):
    OFFICIAL = "official"
    NEWS = "news"
    COMMUNITY = "community"
    CONFLICT = "conflict"
    UNKNOWN = "unknown"
    # The checker's own choice, not a carrier's rule: say so wherever it shows.
    ASSUMPTION = "assumption"


def pick(texts: tuple[str, str], lang: str) -> str:
    """The ``(zh, en)`` text for ``lang``: the one place a language is picked.

    English for ``"en"``; Chinese, the site's default, for anything else.

    >>> pick(("天", "days"), "en"), pick(("天", "days"), "fr")
    ('days', '天')
    """
    zh, en = texts
    return en if lang == "en" else zh


@dataclass(frozen=True)
class Text:
    """The same words in every language the site speaks."""

    zh: str
    en: str

    def get(self, lang: str) -> str:
        return pick((self.zh, self.en), lang)


@dataclass(frozen=True)
class Source:
    title: str  # the page's own name, as the page gives it
    url: str
    confidence: Confidence
    checked: date
    # What a Chinese reader is told the page is; the page's own name follows in brackets.
    title_zh: str = ""

    def label(self, lang: str) -> str:
        """The link text a page shows: in Chinese, the Chinese title with the page's own name.

        >>> source = Source("Smart Help", "https://example.org", Confidence.OFFICIAL, CHECKED,
        ...                 "Smart 帮助中心")
        >>> source.label("zh"), source.label("en")
        ('Smart 帮助中心（Smart Help）', 'Smart Help')
        """
        if lang == "en" or not self.title_zh:
            return self.title
        return f"{self.title_zh}（{self.title}）"


@dataclass(frozen=True)
class Conflict:
    """What other sources claim, shown beside the rule, never used for dates."""

    value: int | Decimal | None
    note: Text
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class AmountValue:
    """One row of a rule whose figure depends on the amount (PHP) a load was for."""

    amount: Decimal
    value: int


@dataclass(frozen=True)
class Rule:
    key: str
    name: Text
    # None for a statement, and for a rule whose figure depends on the amount (by_amount).
    value: int | Decimal | None
    unit: str  # a key of UNITS, "percent", or "" for a rule that is a statement
    summary: Text
    confidence: Confidence
    sources: tuple[Source, ...]
    conflicts: tuple[Conflict, ...] = ()
    # The figure for each documented amount, in ``unit``; an amount not listed has none.
    by_amount: tuple[AmountValue, ...] = ()

    @property
    def whole(self) -> int:
        """The rule's figure as a whole number of its unit, for a caller that computes with it.

        A statement, or a figure that depends on the amount, has none: asking is a bug, and
        says so, rather than computing with 0.

        >>> rule("deactivation_after_balance_ends").whole
        120
        """
        if isinstance(self.value, int):
            return self.value
        raise TypeError(f"rule {self.key} has no whole-number figure ({self.value!r})")


@dataclass(frozen=True)
class Carrier:
    key: str
    name: str
    brands: tuple[str, ...]
    rules: tuple[Rule, ...] = field(repr=False)

    def rule(self, key: str) -> Rule:
        """The rule ``key``: ``load_validity`` finds ``globe.load_validity`` in Globe's."""
        for candidate in self.rules:
            if candidate.key in (key, f"{self.key}.{key}"):
                return candidate
        raise KeyError(f"{self.key} has no rule {key!r}")


# Units with their singular and plural spellings; Chinese has no plural.
UNITS: dict[str, tuple[Text, Text]] = {
    "year": (Text("年", "year"), Text("年", "years")),
    "day": (Text("天", "day"), Text("天", "days")),
    "php": (Text("比索", "PHP"), Text("比索", "PHP")),
    "attempt": (Text("次", "attempt"), Text("次", "attempts")),
}

# The date the facts were last compared with the stored copies of their sources.
CHECKED = date(2026, 11, 26)


def checked_source(
    title: str, url: str, confidence: Confidence, *, zh: str = "", checked: date = CHECKED
) -> Source:
    return Source(title=title, url=url, confidence=confidence, checked=checked, title_zh=zh)


DTI_2017 = checked_source(
    "DTI: press statement at the signing of the DTI-DICT-NTC JMC on prepaid loads (2017-12-20)",
    "https://www.dti.gov.ph/archives/archived-speeches/press-statement-of-secretary-ramon-m-lopez-dti-dict-ntc-jmc-signing-on-prepaid-loads-20-december-2017-dti-international-building-makati-city/",
    Confidence.OFFICIAL,
    zh="菲律宾贸工部：签署预付费话费联合备忘录通告时的声明（2017 年 12 月 20 日）",
)
JMC_ELIBRARY = checked_source(
    "Supreme Court e-Library: NTC-DICT-DTI Joint Memorandum Circular No. 05-12-2017",
    "http://elibrary.judiciary.gov.ph/thebookshelf/showdocs/10/90131",
    Confidence.OFFICIAL,
    zh="菲律宾最高法院电子图书馆：联合备忘录通告 No. 05-12-2017",
)
MB_2018 = checked_source(
    "Manila Bulletin (2018-07-05): all Smart, TNT and Sun prepaid loads now valid for one year",
    "https://mb.com.ph/article/168554/",
    Confidence.NEWS,
    zh="马尼拉公报（2018 年 7 月 5 日）：Smart、TNT、Sun 的所有预付费充值有效期一年",
)
BWORLD_2018 = checked_source(
    "BusinessWorld (2018-01-06): one-year validity phased in",
    "http://bworldonline.com/dict-delays-one-year-validity-prepaid-load/",
    Confidence.NEWS,
    zh="BusinessWorld（2018 年 1 月 6 日）：一年有效期分阶段实施",
)
SMART_VALIDITY = checked_source(
    "Smart Help: Prepaid call and text card expiry and validity (account validity, 120 days)",
    "https://help.smart.com.ph/article/prepaid-prepaid-call-and-text-card-expiry-and-validity",
    Confidence.OFFICIAL,
    zh="Smart 帮助中心：充值卡的有效期和账户有效期（120 天）",
)
PLDT_2023 = checked_source(
    "PLDT subscriber rule as reported in 2023: inactive 120 days after the last reload expires",
    "https://theproficientinvestor.com/2023/05/21/smart-expects-2024-to-be-better-as-this-years-activations-decline",
    Confidence.NEWS,
    zh="2023 年报道的 PLDT 用户统计口径：充值过期后 120 天不充值即算不活跃",
)
TNT_TERMS = checked_source(
    "TNT terms and conditions (disconnection, reacquiring a number, PIN reloads)",
    "http://tntph.com/terms-and-conditions",
    Confidence.OFFICIAL,
    zh="TNT 服务条款（销号、号码不能重新取得、PIN 充值）",
)
NOYPIGEEKS = checked_source(
    "NoypiGeeks: SIM card expiration explained (says 180 days)",
    "https://noypigeeks.com/explained/sim-card-expiration",
    Confidence.COMMUNITY,
    zh="NoypiGeeks：SIM 卡过期说明（写的是 180 天）",
)
PINOYLOADS = checked_source(
    "PinoyLoads: Philippine SIM card expiration by carrier (says 180 days; warns promos may not keep a line)",
    "https://pinoyloads.com/philippine-sim-card-expiration-by-carrier",
    Confidence.COMMUNITY,
    zh="PinoyLoads：菲律宾各运营商 SIM 卡的过期规则（写的是 180 天；提醒只买促销套餐可能保不住号码）",
)
SMART_ROAMING_LOAD = checked_source(
    "Smart Help: How to reload my Smart Prepaid account while roaming",
    "https://smart.com.ph/help/article/smart-help/2021/07/14/how-to-reload-my-smart-prepaid-account-while-roaming",
    Confidence.OFFICIAL,
    zh="Smart 帮助中心：漫游时怎样给 Smart 预付费号码充值",
)
SMART_ROAMING_MINIMUM = checked_source(
    "Smart: How to call and text on prepaid while abroad (minimum load of P100)",
    "https://smart.com.ph/World/call-philippines/how-to-call-and-text-on-prepaid",
    Confidence.OFFICIAL,
    zh="Smart：人在国外怎样用预付费号码打电话、发短信（最低话费 100 比索）",
)
SMART_TOURIST_SIM = checked_source(
    "Smart blog (2023-05-12): tourist SIMs are valid for 30 days",
    "https://blog.smart.com.ph/are-tourists-foreign-nationals-required-to-register-their-sim",
    Confidence.OFFICIAL,
    zh="Smart 博客（2023 年 5 月 12 日）：游客 SIM 卡只有 30 天有效",
)
SMART_ROAMING_RELOAD_OPTIONS = checked_source(
    "Smart Help: Reload options while roaming (PasaLoad validity by amount)",
    "https://help.smart.com.ph/article/prepaid-reload-options-while-roaming",
    Confidence.OFFICIAL,
    zh="Smart 帮助中心：漫游时的充值方式（PasaLoad 按金额的有效期）",
)
SMART_RELOAD_ONLINE = checked_source(
    "Smart Help (2021-09-02): How to reload my Smart Prepaid account (My Smart, PIN reloads)",
    "https://smart.com.ph/help/article/smart-help/2021/09/02/how-to-reload-my-smart-prepaid-account",
    Confidence.OFFICIAL,
    zh="Smart 帮助中心（2021 年 9 月 2 日）：怎样给 Smart 预付费号码充值（My Smart、充值卡 PIN）",
)
PINOYLOADS_ROAMING_BALANCE = checked_source(
    "PinoyLoads: Smart roaming maintaining balance (says the P100 requirement was dropped in 2026)",
    "https://pinoyloads.com/smart-roaming-maintaining-balance",
    Confidence.COMMUNITY,
    zh="PinoyLoads：Smart 漫游时的最低余额（说 100 比索的要求已在 2026 年取消）",
)
SUN_ADVISORY = checked_source(
    "Sun Cellular advisory: Sun subscribers transferred to Smart Communications from 2016-11-01",
    "https://suncellular.com.ph/postpaid/faqs",
    Confidence.OFFICIAL,
    zh="Sun Cellular 公告：Sun 用户自 2016 年 11 月 1 日起转到 Smart",
)
WIKIPEDIA_SUN = checked_source(
    "Wikipedia: Sun Cellular (absorbed into Smart Communications)",
    "https://en.wikipedia.org/wiki/Sun_Cellular",
    Confidence.COMMUNITY,
    zh="维基百科：Sun Cellular（已并入 Smart）",
)
SMART_MULTISIM = checked_source(
    "Smart: Multi SIM terms and conditions",
    "https://smart.com.ph/Corporate/terms/multisim",
    Confidence.OFFICIAL,
    zh="Smart：Multi SIM 服务条款",
)
NTC_REGISTRATION = checked_source(
    "NTC press release: no more SIM registration deadline extension",
    "https://ntcr4a.com/press-release-ntc-no-more-sim-registration-deadline-extension/",
    Confidence.OFFICIAL,
    zh="菲律宾国家电信委员会新闻稿：SIM 卡登记截止日不再延期",
)

SMART_RULES: tuple[Rule, ...] = (
    Rule(
        key="load_validity",
        name=Text("普通充值的有效期", "Validity of a regular reload"),
        value=1,
        unit="year",
        summary=Text(
            "任何金额的普通充值（Regular Load），有效期都是自充值之日起 1 个日历年。"
            "2018 年 7 月 5 日起适用于所有面额。",
            "Regular load of any amount is valid for 1 calendar year from the day of the "
            "reload. It applies to every denomination since 5 July 2018.",
        ),
        confidence=Confidence.OFFICIAL,
        sources=(DTI_2017, JMC_ELIBRARY, MB_2018, BWORLD_2018),
    ),
    Rule(
        key="deactivation_after_balance_ends",
        name=Text(
            "话费用完或过期后到销号的天数", "Days from the end of the balance to disconnection"
        ),
        value=120,
        unit="day",
        summary=Text(
            "Smart 说话费余额归零（或过期）后的 120 天内，仍可接听电话、接收短信"
            "（人在国外漫游时是否也一样，没有来源说明）；这段时间内不充值，预付费账户会被销号，号码被回收。",
            "Smart says that after the balance reaches zero (or expires) the line still receives "
            "calls and texts for 120 days (whether that holds while roaming abroad is not known); "
            "without a reload in that time the prepaid account is disconnected.",
        ),
        confidence=Confidence.OFFICIAL,
        sources=(SMART_VALIDITY, PLDT_2023, TNT_TERMS),
        conflicts=(
            Conflict(
                value=180,
                note=Text(
                    "一些非官方网站说是 180 天（或“6 个月”），这些页面我们没能再次核实。"
                    "计算器按官方的 120 天计算，这样更稳妥。",
                    'Some community sites say 180 days (or "6 months"); we could not recheck those '
                    "pages. The checker uses the official 120 days, the conservative side.",
                ),
                sources=(NOYPIGEEKS, PINOYLOADS),
            ),
        ),
    ),
    Rule(
        key="disconnected_number_lost",
        name=Text("销号后的号码", "A disconnected number"),
        value=None,
        unit="",
        summary=Text(
            "号码一旦被销号，就无法重新取回，只能另买一张新 SIM 卡。",
            "Once disconnected, the number cannot be reacquired; you would need a new SIM.",
        ),
        confidence=Confidence.OFFICIAL,
        sources=(TNT_TERMS, SMART_VALIDITY),
    ),
    Rule(
        key="promo_outside_validity",
        name=Text("促销套餐（promo）", "Promo bundles"),
        value=None,
        unit="",
        summary=Text(
            "GIGA、Magic Data 等促销套餐有自己的有效期，不适用一年规则。"
            "只买促销套餐能否保住号码，没有官方说法（未知）；请用普通充值（Regular Load）保号。",
            "Promo bundles (GIGA, Magic Data, ...) have their own validity and are outside the "
            "one-year rule. Whether buying only a promo keeps the line alive is unknown; keep the "
            "line with a regular reload.",
        ),
        confidence=Confidence.UNKNOWN,
        sources=(DTI_2017, PINOYLOADS),
    ),
    Rule(
        key="incoming_not_activity",
        name=Text("接收短信或来电", "Receiving texts or calls"),
        value=None,
        unit="",
        summary=Text(
            "没有任何来源说接收短信或来电算作使用。计算器假定不算。",
            "No source says that receiving texts or calls counts as activity. The checker "
            "assumes it does not.",
        ),
        confidence=Confidence.ASSUMPTION,
        sources=(SMART_VALIDITY,),
    ),
    Rule(
        key="roaming_minimum_load",
        name=Text("漫游时的最低话费余额", "Minimum load while roaming"),
        value=100,
        unit="php",
        summary=Text(
            "Smart 的一个旧页面（没有日期）要求出境漫游时话费余额至少保持 100 比索；"
            "一个 2026 年的非官方页面说这项要求已经取消。两种说法都列在这里。",
            "An older Smart page asks roaming users to keep at least PHP 100 of load; a 2026 "
            "community page says the requirement was dropped.",
        ),
        confidence=Confidence.CONFLICT,
        sources=(SMART_ROAMING_MINIMUM,),
        conflicts=(
            Conflict(
                value=None,
                note=Text(
                    "2026 年一个非官方页面说这项要求已取消；没有找到官方确认。",
                    "A 2026 community page says the requirement was dropped; no official "
                    "confirmation was found.",
                ),
                sources=(PINOYLOADS_ROAMING_BALANCE,),
            ),
        ),
    ),
    Rule(
        key="pasaload_roaming_cap",
        name=Text("给漫游用户的 PasaLoad 每日上限", "Daily PasaLoad cap to a roaming user"),
        value=200,
        unit="php",
        summary=Text(
            "在菲律宾境内的人可以用 PasaLoad 给漫游中的你转 30、60、100 或 200 比索话费，每天最多 200 比索。",
            "Someone in the Philippines can PasaLoad PHP 30, 60, 100 or 200 to a roaming user, "
            "at most PHP 200 a day.",
        ),
        confidence=Confidence.OFFICIAL,
        sources=(SMART_ROAMING_LOAD,),
    ),
    Rule(
        key="pasaload_validity",
        name=Text(
            "PasaLoad 转给漫游号码的话费有效期", "Validity of PasaLoad sent to a roaming number"
        ),
        value=None,
        unit="day",
        summary=Text(
            "在菲律宾境内的人用 PasaLoad 转给漫游中号码的话费，按金额在 15 到 60 天后过期，"
            "不是 1 年。它不能代替普通充值（Regular Load）：只有普通充值才能让号码再保一年。",
            "PasaLoad sent to a number that is roaming expires after 15 to 60 days by amount, "
            "not after a year. It is no substitute for a regular reload: only a regular reload "
            "keeps the line for a year.",
        ),
        confidence=Confidence.OFFICIAL,
        sources=(SMART_ROAMING_LOAD, SMART_ROAMING_RELOAD_OPTIONS),
        by_amount=(
            AmountValue(Decimal("30"), 15),
            AmountValue(Decimal("60"), 30),
            AmountValue(Decimal("100"), 30),
            AmountValue(Decimal("200"), 60),
        ),
    ),
    Rule(
        key="reload_1510_roaming",
        name=Text("漫游时发短信到 1510 充值", "Reloading by text to 1510 while roaming"),
        value=None,
        unit="",
        summary=Text(
            "在国外发短信 RELOAD 加充值卡 PIN 到 1510，按漫游短信收费，所以号码里必须有话费余额；"
            "话费为零时，请改用免费的漫游菜单 *133#。Smart 的漫游页面写明 1510 适用于 Smart Prepaid 用户。",
            "Texting RELOAD and the card's PIN to 1510 from abroad is charged as an outgoing "
            "roaming text, so it needs balance; at zero balance use the free roaming menu *133# "
            "instead. Smart's roaming pages give 1510 for Smart Prepaid.",
        ),
        confidence=Confidence.OFFICIAL,
        sources=(SMART_ROAMING_RELOAD_OPTIONS, SMART_ROAMING_LOAD),
    ),
    Rule(
        key="tnt_reload_code",
        name=Text("TNT 用充值卡 PIN 充值", "TNT reloads with a card PIN"),
        value=None,
        unit="",
        summary=Text(
            "在菲律宾境内，Smart 2021 年的充值页面说 TNT 用户拨打 1511，按语音提示输入 PIN（是打电话，不是发短信）；"
            "漫游时，Smart 的漫游页面给 Smart Prepaid 和 TNT 写的都是 *133# 菜单。"
            "这些页面没有说 TNT 能不能用 1510。",
            "At home, Smart's 2021 reload page tells TNT users to dial 1511 and follow a voice "
            "prompt to enter the PIN (a call, not a text); while roaming, Smart's roaming pages "
            "name the *133# menu for both Smart Prepaid and TNT. They do not say whether TNT can "
            "use 1510.",
        ),
        confidence=Confidence.OFFICIAL,
        sources=(SMART_RELOAD_ONLINE, SMART_ROAMING_LOAD, SMART_ROAMING_RELOAD_OPTIONS),
    ),
    Rule(
        key="pin_attempts",
        name=Text("充值卡 PIN 连续输错的上限", "Wrong PIN attempts before reloading is barred"),
        value=5,
        unit="attempt",
        summary=Text(
            "充值卡 PIN 输错 5 次，就不能再用 PIN 充值，要等到菲律宾时间（UTC+8，与北京时间相同）"
            "第二天 0 点；这相当于迪拜时间晚上 8 点、伦敦冬令时下午 4 点。",
            "After 5 attempts with a wrong PIN you cannot reload with a PIN until 12:00 am the "
            "next day, Philippine time (UTC+8): that is 8 pm in Dubai, 4 pm in London in winter, "
            "11 am in New York in winter.",
        ),
        confidence=Confidence.OFFICIAL,
        sources=(SMART_RELOAD_ONLINE, TNT_TERMS),
    ),
    Rule(
        key="roaming_grace_receiving",
        name=Text("宽限期内漫游收短信", "Receiving texts while roaming during the grace period"),
        value=None,
        unit="",
        summary=Text(
            "Smart 说话费余额归零后的宽限期内仍能接听电话、接收短信；"
            "人在国外开着漫游时是否同样能收到，没有找到来源（未知）。",
            "Smart says the line still receives calls and texts during the grace period after "
            "the balance reaches zero; whether that holds while roaming abroad is not stated "
            "anywhere we found (unknown).",
        ),
        confidence=Confidence.UNKNOWN,
        sources=(SMART_VALIDITY, SMART_ROAMING_MINIMUM),
    ),
    Rule(
        key="sun_brand_status",
        name=Text("Sun 品牌的现状", "Sun as a brand today"),
        value=None,
        unit="",
        summary=Text(
            "Sun 的用户自 2016 年 11 月起已转到 Smart Communications；维基百科说 Sun Cellular 已并入 Smart，"
            "也有非官方页面说 Sun Prepaid 在 2020 年改了品牌。Sun 现在是否还作为单独的品牌销售，"
            "不确定。Sun 号码按 Smart 的规则计算。",
            "Sun's subscribers were transferred to Smart Communications from November 2016; "
            "Wikipedia says Sun Cellular was absorbed into Smart, and an unofficial page says Sun "
            "Prepaid was rebranded in 2020. Whether Sun is still sold as a brand of its own is "
            "uncertain. Sun numbers follow Smart's rules.",
        ),
        confidence=Confidence.UNKNOWN,
        sources=(SUN_ADVISORY, WIKIPEDIA_SUN, MB_2018),
    ),
    Rule(
        key="multi_sim",
        name=Text("Smart Multi SIM", "Smart Multi SIM"),
        value=None,
        unit="",
        summary=Text(
            "Multi SIM 是 Smart 的一款 App，只能配合 Smart/TNT 的 Multi SIM 卡、在有 SIM 卡槽、"
            "Android 9 及以上的手机上使用（iPhone 不能用）。它不是把现有号码转成 eSIM 的办法。",
            "Multi SIM is a Smart app that works only with a SMART/TNT Multi SIM card, in a phone "
            "with a SIM slot running Android 9 or later (not on an iPhone). It is not a way to "
            "move an existing number to an eSIM.",
        ),
        confidence=Confidence.OFFICIAL,
        sources=(SMART_MULTISIM,),
    ),
    Rule(
        key="tourist_sim_validity",
        name=Text("游客 SIM 卡的有效期", "Validity of a tourist SIM"),
        value=30,
        unit="day",
        summary=Text(
            "以游客身份登记的 SIM 卡只有 30 天有效，之后自动失效（出示获批的签证延期的除外），充值也无法延长。",
            "SIM cards registered to tourists are valid for only 30 days and then deactivated "
            "(unless an approved visa extension is shown); reloading cannot extend them.",
        ),
        confidence=Confidence.OFFICIAL,
        sources=(SMART_TOURIST_SIM,),
    ),
    Rule(
        key="sim_registration",
        name=Text("SIM 卡实名登记（RA 11934）", "SIM registration (RA 11934)"),
        value=None,
        unit="",
        summary=Text(
            "未实名登记的 SIM 卡自 2023 年 7 月 31 日起已被永久注销；新卡在登记前无法使用，eSIM 也一样。",
            "Unregistered SIMs were permanently deactivated from 31 July 2023; new SIMs stay "
            "deactivated until registered, eSIMs included.",
        ),
        confidence=Confidence.OFFICIAL,
        sources=(NTC_REGISTRATION, SMART_TOURIST_SIM),
    ),
)

SMART = Carrier(
    key="smart",
    name="Smart Communications",
    brands=("Smart Prepaid", "TNT", "Sun"),
    rules=SMART_RULES,
)

# Smart's rules live here; every carrier the checker dates is in checker.carriers.CARRIERS.
CARRIERS: dict[str, Carrier] = {SMART.key: SMART}
DEFAULT_CARRIER = SMART.key


# The checker's own settings. They are not carrier rules, and the rules page
# lists them under that heading.
CHECKER_RULES: tuple[Rule, ...] = (
    Rule(
        key="safety_margin",
        name=Text("提前天数（默认）", "Safety margin (default)"),
        value=30,
        unit="day",
        summary=Text(
            "建议在话费到期前至少提前这么多天充值；可在 0 到 90 天之间调整。",
            "Reload at least this many days before the balance ends; adjustable from 0 to 90 days.",
        ),
        confidence=Confidence.ASSUMPTION,
        sources=(),
    ),
    Rule(
        key="safety_margin_max",
        name=Text("提前天数上限", "Largest safety margin"),
        value=90,
        unit="day",
        summary=Text("提前天数最多 90 天。", "The safety margin can be at most 90 days."),
        confidence=Confidence.ASSUMPTION,
        sources=(),
    ),
    Rule(
        key="safety_margin_share",
        name=Text("提前天数占有效期的上限", "Largest share of a load's validity the margin takes"),
        value=50,
        unit="percent",
        summary=Text(
            "提前天数最多占这笔话费有效天数的一半（向下取整）。有效期短的话费（例如 30 天的 "
            "PasaLoad）因此不会刚到账就显示“已过最晚充值日”。",
            "The safety margin takes at most half the days a load is valid (rounded down), so a "
            "load with a short validity, such as a 30-day PasaLoad, is never overdue the day it "
            "arrives.",
        ),
        confidence=Confidence.ASSUMPTION,
        sources=(),
    ),
    Rule(
        key="due_soon_window",
        name=Text("“快到期”提醒窗口", 'The "due soon" window'),
        value=30,
        unit="day",
        summary=Text(
            "距离“最晚充值日”不到这么多天时，状态显示为“快到期”。",
            'Within this many days of the reload-by date the status is "due soon".',
        ),
        confidence=Confidence.ASSUMPTION,
        sources=(),
    ),
    Rule(
        key="amount_max",
        name=Text(
            "金额上限（计算器的合理性假设）", "Largest amount (the checker's plausibility bound)"
        ),
        value=10000,
        unit="php",
        summary=Text(
            "高于此金额的单次充值被视为输入错误。这是计算器自己的假设，不是运营商规定；官方没有公布单次充值上限。",
            "A single reload above this is treated as a typing mistake. This is the checker's "
            "own assumption, not a carrier rule; no official maximum was found.",
        ),
        confidence=Confidence.ASSUMPTION,
        sources=(),
    ),
    Rule(
        key="amount_small",
        name=Text("金额偏小提醒", "Small-amount warning"),
        value=20,
        unit="php",
        summary=Text(
            "低于此金额只提醒、不报错：官方没有公布最低充值额，但这么小的普通充值并不常见。",
            "Below this the checker warns but accepts: no official minimum was found, but a "
            "regular reload this small is unusual.",
        ),
        confidence=Confidence.ASSUMPTION,
        sources=(),
    ),
)


def carrier(key: str = DEFAULT_CARRIER) -> Carrier:
    return CARRIERS[key]


def rule(key: str, carrier_key: str = DEFAULT_CARRIER) -> Rule:
    """A carrier's rule, or one of the checker's own settings, by key."""
    for candidate in CHECKER_RULES:
        if candidate.key == key:
            return candidate
    return carrier(carrier_key).rule(key)


def format_value(value: int | Decimal | None, unit: str, lang: str) -> str:
    """A value with its unit, as a page shows it; "" for a rule that is a statement.

    >>> format_value(120, "day", "zh")
    '120 天'
    >>> format_value(10000, "php", "en")
    'PHP 10,000'
    """
    if value is None:
        return ""
    amount = f"{value:,}"
    if unit == "php":
        return pick((f"{amount} 比索", f"PHP {amount}"), lang)
    if unit == "percent":
        return f"{amount}%"
    singular, plural = UNITS[unit]
    words = (singular if value == 1 else plural).get(lang)
    return f"{amount} {words}"


def value_for_amount(found: Rule, amount: Decimal) -> int | None:
    """The rule's figure for a load of ``amount``; None when no source gives one."""
    for row in found.by_amount:
        if row.amount == amount:
            return row.value
    return None


def format_by_amount(found: Rule, lang: str) -> str:
    """A by-amount rule as a page shows it, amounts with the same figure together.

    >>> format_by_amount(rule("pasaload_validity"), "en")
    'PHP 30: 15 days; PHP 60, 100: 30 days; PHP 200: 60 days'
    >>> format_by_amount(rule("pasaload_validity"), "zh")
    '30 比索：15 天；60、100 比索：30 天；200 比索：60 天'
    """
    groups: list[tuple[int, list[Decimal]]] = []
    for row in found.by_amount:
        if groups and groups[-1][0] == row.value:
            groups[-1][1].append(row.amount)
        else:
            groups.append((row.value, [row.amount]))
    parts = []
    for value, amounts in groups:
        figure = format_value(value, found.unit, lang)
        if lang == "en":
            parts.append(f"PHP {', '.join(f'{a:,}' for a in amounts)}: {figure}")
        else:
            parts.append(f"{'、'.join(f'{a:,}' for a in amounts)} 比索：{figure}")
    return ("; " if lang == "en" else "；").join(parts)


def format_range(found: Rule, lang: str) -> str:
    """The smallest to the largest figure of a by-amount rule: "15～60 天" / "15–60 days".

    Chinese writes a range with a wave dash, English with an en dash.

    >>> format_range(rule("pasaload_validity"), "en"), format_range(rule("pasaload_validity"), "zh")
    ('15–60 days', '15～60 天')
    """
    values = [row.value for row in found.by_amount]
    dash = "–" if lang == "en" else "～"
    return format_value(max(values), found.unit, lang).replace(
        f"{max(values):,}", f"{min(values):,}{dash}{max(values):,}", 1
    )


def format_rule(found: Rule, lang: str) -> str:
    """The rule's figure as a page shows it: its value, or its figures by amount."""
    if found.by_amount:
        return format_by_amount(found, lang)
    return format_value(found.value, found.unit, lang)


def all_rules(carrier_key: str = DEFAULT_CARRIER) -> tuple[Rule, ...]:
    return carrier(carrier_key).rules + CHECKER_RULES
