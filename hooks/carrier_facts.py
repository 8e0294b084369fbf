"""The facts a Globe, GOMO or DITO reader needs that the checker does not date by.

Reloading from abroad, balance codes, roaming: the site's, not the wheel's (as
``hooks/guide_facts.py`` is for the FAQ), in the shape of the checker's rules, with their
carrier in their ids (``globe.reload_abroad``). The carriers page and the rules page show
them in each carrier's table, after the rules the checker uses (``checker.carriers``).
Facts file, section 11.
"""

from __future__ import annotations

from checker.carriers import (
    IN_PHILIPPINES_2013,
    NOYPIGEEKS_GLOBE,
    PINOYLOADS_CARRIERS,
    carrier_source,
)
from checker.rules import Confidence, Rule, Text

GLOBEONE_PAYMENT = carrier_source(
    "Globe Help: GlobeOne payment and subscriptions (Buy Load with GCash, cards, bank transfer)",
    "https://www.globe.com.ph/help/globeone/payment-subscriptions",
    Confidence.OFFICIAL,
    zh="Globe 帮助中心：GlobeOne 的付款和订阅（用 GCash、银行卡、银行转账买话费）",
)
GLOBE_ROAMING_CHARGES = carrier_source(
    "Globe Help: international roaming charges (incoming texts)",
    "https://www.globe.com.ph/help/international/charges",
    Confidence.OFFICIAL,
    zh="Globe 帮助中心：国际漫游资费（接收短信）",
)
DITO_POSTPAID_HELP = carrier_source(
    "DITO Help (postpaid): paying in the DITO app with GCash, Maya, GrabPay, WeChat Pay, cards",
    "https://dito.ph/postpaid/needmorehelp?action=Appsubscription",
    Confidence.OFFICIAL,
    zh="DITO 帮助（后付费）：在 DITO App 里用 GCash、Maya、GrabPay、微信支付或银行卡付款",
)

CARRIER_FACTS: dict[str, tuple[Rule, ...]] = {
    "globe": (
        Rule(
            key="globe.reload_abroad",
            name=Text("在国外给 Globe、TM 充值", "Reloading Globe or TM from abroad"),
            value=None,
            unit="",
            summary=Text(
                "GlobeOne App 的 Buy Load 可以用 GCash、银行卡、银行转账、ShopeePay、GrabPay 付款；"
                "GCash 也卖 Globe 话费。",
                "The GlobeOne app's Buy Load takes GCash, cards, bank transfer, ShopeePay and "
                "GrabPay; GCash sells Globe load too.",
            ),
            confidence=Confidence.OFFICIAL,
            sources=(GLOBEONE_PAYMENT,),
        ),
        Rule(
            key="globe.balance_code",
            name=Text("查 Globe 余额", "Checking a Globe balance"),
            value=None,
            unit="",
            summary=Text(
                "2013 年的一个网友页面说：发短信 BAL 到 222，回复里有余额和到期日。"
                "没有找到 Globe 现行的官方说法，可能已变；GlobeOne App 里也能看到。",
                "A 2013 community page says: text BAL to 222 and the reply gives the balance and "
                "its expiry. No current official Globe page was found, so it may have changed; "
                "the GlobeOne app shows it too.",
            ),
            confidence=Confidence.COMMUNITY,
            sources=(IN_PHILIPPINES_2013, GLOBEONE_PAYMENT),
        ),
        Rule(
            key="globe.roaming_texts",
            name=Text("Globe 漫游时收短信", "Receiving texts on Globe while roaming"),
            value=None,
            unit="",
            summary=Text(
                "Globe 说漫游时接收短信“通常免费，但有些漫游合作运营商可能收费”。",
                'Globe says incoming texts while roaming are "normally free, but some roaming '
                'partners may charge".',
            ),
            confidence=Confidence.OFFICIAL,
            sources=(GLOBE_ROAMING_CHARGES,),
        ),
    ),
    "gomo": (
        Rule(
            key="gomo.app_account",
            name=Text("GOMO 的实名登记和充值", "GOMO registration and reloads"),
            value=None,
            unit="",
            summary=Text(
                "GOMO 是 Globe 的纯线上品牌：在 GOMO PH App 里建账户就是实名登记，"
                "充值和购买也在 App 里。",
                "GOMO is Globe's digital brand: creating the GOMO PH app account is the SIM "
                "registration, and loads and offers are bought in the app.",
            ),
            confidence=Confidence.COMMUNITY,
            sources=(PINOYLOADS_CARRIERS, NOYPIGEEKS_GLOBE),
        ),
    ),
    "dito": (
        Rule(
            key="dito.reload_abroad",
            name=Text("在国外给 DITO 充值", "Reloading DITO from abroad"),
            value=None,
            unit="",
            summary=Text(
                "DITO App 可以用 GCash、Maya、GrabPay、微信支付（WeChat Pay）和银行卡付款；"
                "这是 DITO 后付费帮助页的说法，预付费是否一样没有核实。",
                "The DITO app takes GCash, Maya, GrabPay, WeChat Pay and cards; that is DITO's "
                "postpaid help page, and whether prepaid is the same is not verified.",
            ),
            confidence=Confidence.UNKNOWN,
            sources=(DITO_POSTPAID_HELP,),
        ),
    ),
}
