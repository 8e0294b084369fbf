"""Facts behind the guide's answers to readers' questions, as data with sources.

The checker never uses these, so they are not in ``checker/rules.py``, which ships to every
phone in the checker's wheel: they are the site's, and only the site's build reads them. They
have the shape of the checker's rules (``checker.rules.Rule``), so pages quote them with the
same tokens (``[[rule:recycled_number:summary]]``, ``[[rule:KEY:sources]]``) and the rules
page lists them with their sources, in a section of their own. Facts file sections 6-9.
"""

from __future__ import annotations

from checker.rules import TNT_TERMS, Confidence, Rule, Text, checked_source

PINOYLOADS_ABROAD = checked_source(
    "PinoyLoads: How to keep your Philippine SIM active abroad (roaming, full inbox, filtered senders)",
    "https://pinoyloads.com/keep-philippine-sim-active-abroad",
    Confidence.COMMUNITY,
)
SMART_SIM_REPLACEMENT = checked_source(
    "Smart blog: How to request a Smart Postpaid or Prepaid SIM replacement",
    "https://blog.smart.com.ph/pages/how-to-request-for-smart-postpaid-or-prepaid-sim-replacement",
    Confidence.OFFICIAL,
)
RESPICIO_ABROAD = checked_source(
    "Respicio & Co.: SIM card expiration and recovery for Filipinos abroad (recycled numbers, OTPs)",
    "https://www.respicio.ph/commentaries/sim-card-expiration-and-recovery-for-filipinos-abroad",
    Confidence.COMMUNITY,
)
PLDT_PAYBOX = checked_source(
    "PLDT Enterprise: Paybox kiosk FAQ (self-service kiosks in Smart Stores sell e-load)",
    "https://pldtenterprise.com/faqs/paybox-kiosk",
    Confidence.OFFICIAL,
)
MB_2021_DISTRIBUTORS = checked_source(
    "Manila Bulletin (2021-11-11): PLDT Global works with over 50 overseas load distributors",
    "https://mb.com.ph/2021/11/11/sending-load-still-king-for-middle-east-ofws",
    Confidence.NEWS,
)
SMART_WORLD = checked_source(
    "Smart World: calling and reloading from abroad (Smart Pinoy online reload partners)",
    "https://smart.com.ph/World",
    Confidence.OFFICIAL,
)


GUIDE_RULES: tuple[Rule, ...] = (
    Rule(
        key="codes_not_arriving",
        name=Text("号码有效却收不到验证码", "Codes that do not arrive on a live line"),
        value=None,
        unit="",
        summary=Text(
            "常见原因：手机没开国际漫游；短信收件箱满了；手机把短号码发来的短信当作垃圾短信拦截了。",
            "Common causes: roaming is off; the text inbox is full; the phone filters texts "
            "from short-code senders as spam.",
        ),
        confidence=Confidence.COMMUNITY,
        sources=(PINOYLOADS_ABROAD,),
    ),
    Rule(
        key="sim_replacement",
        name=Text("补卡（保留原号码）", "SIM replacement (same number)"),
        value=None,
        unit="",
        summary=Text(
            "已实名登记的 Smart 用户，SIM 卡丢失、被盗或损坏时可以免费补卡、保留原号码："
            "带一件有效证件到 Smart Store（Smart 门店）办理。没有找到在国外远程补卡的官方办法。",
            "A registered Smart subscriber whose SIM is lost, stolen or broken can get a free "
            "replacement with the same number at a Smart Store, with one valid ID. We found no "
            "official way to do it from abroad.",
        ),
        confidence=Confidence.OFFICIAL,
        sources=(SMART_SIM_REPLACEMENT,),
    ),
    Rule(
        key="recycled_number",
        name=Text("号码被回收以后", "After a number is recycled"),
        value=None,
        unit="",
        summary=Text(
            "销号的号码取不回来，还可能被分配给别人；新机主会收到发给这个号码的验证码。"
            "所以在放弃号码之前，先把银行、GCash 和各种 App 的登录手机号换成别的号码。",
            "A disconnected number cannot be reacquired and may be given to someone else, who "
            "then receives the codes sent to it. Move bank, GCash and app logins to another "
            "number before you let a line go.",
        ),
        confidence=Confidence.COMMUNITY,
        sources=(TNT_TERMS, RESPICIO_ABROAD),
    ),
    Rule(
        key="self_service_kiosk",
        name=Text("自助缴费机（Paybox）", "Self-service kiosks (Paybox)"),
        value=None,
        unit="",
        summary=Text(
            "PLDT 和 Smart 在菲律宾的 Smart Store 等门店设有 Paybox 自助缴费机，可以给号码充值（e-load）。"
            "它们都在菲律宾境内，人在国外用不了，只能请当地的亲友去办。",
            "PLDT and Smart have Paybox self-service kiosks in Smart Stores and service centres "
            "in the Philippines that sell e-load. They are all in the Philippines: from abroad, "
            "ask someone there.",
        ),
        confidence=Confidence.OFFICIAL,
        sources=(PLDT_PAYBOX,),
    ),
    Rule(
        key="overseas_distributors",
        name=Text("在海外买 Smart 话费", "Buying Smart load overseas"),
        value=None,
        unit="",
        summary=Text(
            "PLDT 的国际业务 PLDT Global 与 50 多家海外经销商合作，在一些国家通过实体充值点或网站卖 Smart、TNT 话费；"
            "Smart 官网的 World 页面也提到“Smart Pinoy”在线充值合作方。本站不链接任何卖家。",
            "PLDT Global, PLDT's international arm, works with over 50 overseas distributors that "
            "sell Smart and TNT load through stores or websites in some countries; Smart's World "
            'page also names "Smart Pinoy" online reload partners. This site links to no seller.',
        ),
        confidence=Confidence.NEWS,
        sources=(MB_2021_DISTRIBUTORS, SMART_WORLD),
    ),
)
