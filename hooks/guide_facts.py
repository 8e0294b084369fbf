"""Facts behind the guide's answers to readers' questions, as data with sources.

The checker never uses these, so they are not in ``checker/rules.py``, which ships to every
phone in the checker's wheel: they are the site's, and only the site's build reads them. They
have the shape of the checker's rules (``checker.rules.Rule``), so pages quote them with the
same tokens (``[[rule:recycled_number:summary]]``, ``[[rule:KEY:sources]]``) and the rules
page lists them with their sources, in a section of their own. Facts file sections 4 and 6-11.
"""

from __future__ import annotations

from checker.rules import TNT_TERMS, Confidence, Rule, Text, checked_source

PINOYLOADS_ABROAD = checked_source(
    "PinoyLoads: How to keep your Philippine SIM active abroad (roaming, full inbox, filtered senders)",
    "https://pinoyloads.com/keep-philippine-sim-active-abroad",
    Confidence.COMMUNITY,
    zh="PinoyLoads：人在国外怎样让菲律宾 SIM 卡保持有效（漫游、收件箱满、短号码被拦截）",
)
SMART_SIM_REPLACEMENT = checked_source(
    "Smart blog: How to request a Smart Postpaid or Prepaid SIM replacement",
    "https://blog.smart.com.ph/pages/how-to-request-for-smart-postpaid-or-prepaid-sim-replacement",
    Confidence.OFFICIAL,
    zh="Smart 博客：怎样为 Smart 后付费或预付费号码补卡",
)
RESPICIO_ABROAD = checked_source(
    "Respicio & Co.: SIM card expiration and recovery for Filipinos abroad (recycled numbers, OTPs)",
    "https://www.respicio.ph/commentaries/sim-card-expiration-and-recovery-for-filipinos-abroad",
    Confidence.COMMUNITY,
    zh="Respicio & Co.：海外菲律宾人的 SIM 卡过期与找回（号码被回收、验证码）",
)
PLDT_PAYBOX = checked_source(
    "PLDT Enterprise: Paybox kiosk FAQ (self-service kiosks in Smart Stores sell e-load)",
    "https://pldtenterprise.com/faqs/paybox-kiosk",
    Confidence.OFFICIAL,
    zh="PLDT Enterprise：Paybox 自助缴费机常见问题（Smart Store 里的自助机可以电子充值）",
)
MB_2021_DISTRIBUTORS = checked_source(
    "Manila Bulletin (2021-11-11): PLDT Global works with over 50 overseas load distributors",
    "https://mb.com.ph/2021/11/11/sending-load-still-king-for-middle-east-ofws",
    Confidence.NEWS,
    zh="马尼拉公报（2021 年 11 月 11 日）：PLDT Global 与 50 多家海外话费经销商合作",
)
SMART_ASK_FOR_LOAD = checked_source(
    "Smart Help (2021-07-27): Can I ask for load from my friends?",
    "https://smart.com.ph/help/article/smart-help/2021/07/27/can-i-ask-for-load-from-my-friends",
    Confidence.OFFICIAL,
    zh="Smart 帮助中心（2021 年 7 月 27 日）：可以向朋友要话费吗？",
)
SMART_CHECK_EXPIRY = checked_source(
    "Smart Help: How do I check the expiration of my subscriptions or promos?",
    "https://help.smart.com.ph/article/prepaid-how-do-i-check-the-expiration-of-my-subscriptions-or-promos",
    Confidence.OFFICIAL,
    zh="Smart 帮助中心：怎样查询已订套餐和促销的到期日",
)
GCASH_LOAD_BALANCE = checked_source(
    "GCash Help: What should I do if I didn't receive my Mobile Load transaction? (balance codes by network)",
    "https://help.gcash.com/hc/en-us/articles/4413725544089-What-should-I-do-if-I-didn-t-receive-my-Mobile-Load-transaction-",
    Confidence.COMMUNITY,
    zh="GCash 帮助中心：买的话费没到账怎么办（各运营商查余额的方法）",
)
SMART_WORLD = checked_source(
    "Smart World: calling and reloading from abroad (Smart Pinoy online reload partners)",
    "https://smart.com.ph/World",
    Confidence.OFFICIAL,
    zh="Smart World：从国外打电话和充值（Smart Pinoy 在线充值合作方）",
)


GUIDE_RULES: tuple[Rule, ...] = (
    Rule(
        key="balance_smart",
        name=Text("Smart 查余额和到期日", "Smart: balance and expiry"),
        value=None,
        unit="",
        summary=Text(
            "拨 *123#，按菜单查看；回复里列出话费余额、已订的促销套餐以及它们各自的到期日。",
            "Dial *123# and follow the menu; the reply lists the balance, your promos and "
            "their expiry dates.",
        ),
        confidence=Confidence.OFFICIAL,
        sources=(SMART_CHECK_EXPIRY, GCASH_LOAD_BALANCE),
    ),
    Rule(
        key="balance_tnt",
        name=Text("TNT 用短信查余额", "TNT: balance by text"),
        value=None,
        unit="",
        summary=Text(
            "GCash 的帮助页面（没有日期）说发送“? 15001”（问号、空格、15001）到 214；"
            "一个网友问答写的是发送“? 1515”到 214。"
            "Smart 自己的页面我们没有找到，所以这两个代码都没有核实。",
            'A GCash help page (undated) says to text "? 15001" to 214; a community Q&A gives '
            '"? 1515" to 214. We found no page of Smart\'s own, so neither code is verified.',
        ),
        confidence=Confidence.UNKNOWN,
        sources=(GCASH_LOAD_BALANCE,),
    ),
    Rule(
        key="ask_for_load",
        name=Text("Ask for Load（向朋友要话费）", "Ask for Load"),
        value=None,
        unit="",
        summary=Text(
            "金额固定为 5 比索，每天最多 3 次，不适合用来保号。",
            "It is a fixed PHP 5, at most 3 times a day: not a way to keep a number.",
        ),
        confidence=Confidence.OFFICIAL,
        sources=(SMART_ASK_FOR_LOAD,),
    ),
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
            "它们都在菲律宾境内，人在国外用不了，只能请在菲律宾的亲友去办。",
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
