"""Every word a reader sees, in Simplified Chinese and English, in one catalogue.

Two parts, one shape (``code: (zh, en)``) and one way to pick a language (:func:`render`):

- :data:`CATALOG`, here: what the checker's answers say, so it ships in the wheel. Keys are
  the stable codes of :class:`checker.errors.CheckerError`, the statuses, warnings and
  assumptions of an estimate, the confidence levels of the sources, and the labels the CLI,
  the summary text, the calendar and the pages use.
- ``page_words.json`` beside this file: words only the built pages show (``form.*``, the
  checker's form and states; ``rules.*``, the rules table). The site's build reads them
  through :func:`words`; they stay out of the wheel the browser downloads.

Parameters are ``str.format`` fields; figures that come from the rules are never typed here
but named, as ``{rules[amount_max]}`` or ``{conflicts[deactivation_after_balance_ends]}``.

>>> message("amount.too_large", "en")
'Above PHP 10,000: the checker treats that as a typing mistake (its own plausibility bound, not a carrier rule).'
>>> message("status.ok", "zh")
'正常'
"""

from __future__ import annotations

from .carriers import every_rule
from .rules import format_range, format_rule, format_value, pick

LANGS = ("zh", "en")
DEFAULT_LANG = "zh"

CATALOG: dict[str, tuple[str, str]] = {
    # Any field
    "input.not_text": ("输入必须是文字。", "The input must be text."),
    "input.too_long": (
        "输入太长（最多 {limit} 个字符）。",
        "The input is too long (at most {limit} characters).",
    ),
    "internal.error": (
        "计算器内部出错了。请刷新页面重试；如果仍然出错，请告诉我们。",
        "Something went wrong inside the checker. Reload the page and try again; if it "
        "happens again, please tell us.",
    ),
    # Phone numbers
    "phone.empty": ("请输入手机号码。", "Enter a phone number."),
    "phone.invalid_chars": (
        "号码里有不能识别的字符：{chars}。只能包含数字、空格、横线“-”、点“.”和括号；“+”只能放在最前面。",
        "The number contains characters that cannot be read: {chars}. Use digits, spaces, "
        "-, . and brackets only, and + only at the start.",
    ),
    "phone.too_short": (
        "号码太短：菲律宾手机号有 10 位（不含开头的 0），例如 0918 123 4567。",
        "The number is too short: a Philippine mobile number has 10 digits after the leading "
        "0, for example 0918 123 4567.",
    ),
    "phone.too_long": (
        "号码太长：菲律宾手机号有 10 位（不含开头的 0），例如 0918 123 4567。",
        "The number is too long: a Philippine mobile number has 10 digits after the leading "
        "0, for example 0918 123 4567.",
    ),
    "phone.not_ph": (
        "这不是菲律宾号码（国家代码是 +{country_code}，菲律宾是 +63）。",
        "This is not a Philippine number (its country code is +{country_code}; the "
        "Philippines is +63).",
    ),
    "phone.not_mobile": (
        "这不是菲律宾手机号：它属于固定电话或未分配的号段。"
        "手机号以 09 开头（另有 0813、0817、0895～0898）。",
        "This is not a Philippine mobile number: it is a landline or an unallocated range. "
        "Mobile numbers start with 09 (and 0813, 0817, 0895–0898).",
    ),
    "phone.ported_caveat": (
        "这是该号段最初分配给的运营商。根据携号转网法（RA 11202），号码可能已转到其他运营商。",
        "This is the network the prefix was originally allocated to. Under the Mobile Number "
        "Portability Act (RA 11202) the number may have moved to another network.",
    ),
    # Amounts
    "amount.empty": ("请输入金额。", "Enter an amount."),
    "amount.not_a_number": (
        "金额无法识别。请写成 100、₱100 或 1,000.50 这样的格式。",
        "The amount cannot be read. Write it like 100, ₱100 or 1,000.50.",
    ),
    "amount.not_positive": ("金额必须大于 0。", "The amount must be more than 0."),
    "amount.too_many_decimals": (
        "金额最多两位小数（分）。",
        "The amount can have at most two decimals (centavos).",
    ),
    "amount.exponent": (
        "请直接写出金额，不要用指数、NaN 或 Infinity。",
        "Write the amount out in full, without exponents, NaN or Infinity.",
    ),
    "amount.too_large": (
        "高于 {rules[amount_max]}：计算器把它当作输入错误（这是计算器自己设的上限，不是运营商规定）。",
        "Above {rules[amount_max]}: the checker treats that as a typing mistake (its own "
        "plausibility bound, not a carrier rule).",
    ),
    "amount.unusually_small": (
        "低于 {rules[amount_small]}的普通充值很少见；请确认金额。（只是提醒，不影响日期。）",
        "A regular reload below {rules[amount_small]} is unusual; check the amount. (A reminder "
        "only; the dates do not change.)",
    ),
    # Dates
    "date.empty": ("请输入日期。", "Enter a date."),
    "date.unreadable": (
        "日期无法识别。请写成“2026年3月15日”“3月15日”或“2026-03-15”这样的格式。",
        "The date cannot be read. Write it like 15 March 2026, Mar 15 or 2026-03-15.",
    ),
    "date.ambiguous": (
        "“{text}”可以是 {first_month}月{first_day}日，也可以是 {second_month}月{second_day}日。"
        "请写成“3月15日”或“2026-03-15”这样不会看错的格式。",
        "Is {text} {first_day} {first_month_name} or {second_day} {second_month_name}? Write "
        "the month as a word, like 15 March 2026, or as 2026-03-15.",
    ),
    "date.needs_year": (
        "请写上年份，例如“2026年3月15日”。",
        "Add the year, like 15 March 2026.",
    ),
    "date.wrong_weekday": (
        "“{text}”里的星期几和日期对不上，请检查日期。",
        "The weekday in {text} is not that date's: check the date.",
    ),
    # A date as the reader says it (checker/date_text.py); weekdays Monday first
    "date.format": ("{year}年{month}月{day}日（{weekday}）", "{weekday} {day} {month_name} {year}"),
    "date.format.no_weekday": ("{year}年{month}月{day}日", "{day} {month_name} {year}"),
    "date.weekdays": ("周一 周二 周三 周四 周五 周六 周日", "Mon Tue Wed Thu Fri Sat Sun"),
    "date.months": (
        "一月 二月 三月 四月 五月 六月 七月 八月 九月 十月 十一月 十二月",
        "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec",
    ),
    "date.year_assumed": (
        "“{text}”没有写年份，按今天或之前最近的那一天计算：{day}。",
        "{text} has no year: read as the most recent one, {day}.",
    ),
    "date.not_exist": ("这个日期不存在：{text}。", "That date does not exist: {text}."),
    "date.out_of_range": (
        "日期必须在 {first} 到 {last} 之间。",
        "The date must be between {first} and {last}.",
    ),
    "date.in_future": (
        "最近一次充值的日期（{date}）不能晚于今天（{today}）。",
        "The last reload ({date}) cannot be after today ({today}).",
    ),
    "date.zero_before_reload": (
        "话费余额用完的日期不能早于最近一次充值（{last_reload}）。",
        "The day the balance reached zero cannot be before the last reload ({last_reload}).",
    ),
    "date.zero_in_future": (
        "话费余额用完的日期（{date}）不能晚于今天（{today}）。",
        "The day the balance reached zero ({date}) cannot be after today ({today}).",
    ),
    # The safety margin
    "margin.not_a_number": (
        "提前天数必须是整数。",
        "The safety margin must be a whole number of days.",
    ),
    "margin.out_of_range": (
        "提前天数必须在 0 到 {rules[safety_margin_max]}之间。",
        "The safety margin must be between 0 and {rules[safety_margin_max]}.",
    ),
    # The kind of the last reload
    "kind.empty": (
        "请选择最近一次充值的种类：普通充值、促销套餐或 PasaLoad。",
        "Choose the kind of your last reload: regular, promo or PasaLoad.",
    ),
    "kind.unknown": (
        "无法识别充值种类：只能是 regular（普通充值）、promo（促销套餐）或 pasaload（PasaLoad）。",
        "Unknown kind of reload: it must be regular, promo or pasaload.",
    ),
    "kind.regular": ("普通充值（Regular Load）", "Regular reload"),
    "kind.promo": ("促销套餐（Promo）", "Promo"),
    "kind.pasaload": ("别人转来的话费（PasaLoad）", "PasaLoad from someone else"),
    "pasaload.amount_needed": (
        "PasaLoad 的有效期取决于金额：请填写对方转来的金额（{rules[pasaload_validity]}）。",
        "How long PasaLoad lasts depends on its amount: enter the amount you were sent "
        "({rules[pasaload_validity]}).",
    ),
    "pasaload.undated": (
        "Smart 只公布了这几种 PasaLoad 金额的有效期：{rules[pasaload_validity]}。"
        "{amount} 比索的有效期没有公布，计算器无法推算日期。"
        "请改填最近一次普通充值的日期，或现在做一次普通充值。",
        "Smart documents how long PasaLoad lasts only for these amounts: "
        "{rules[pasaload_validity]}. PHP {amount} has no documented validity, so the checker "
        "cannot date it. Enter the date of your last regular reload instead, or make a "
        "regular reload now.",
    ),
    # Statuses of an estimate
    "status.ok": ("正常", "OK"),
    "status.ok.detail": (
        "离最晚充值日还有 {days} 天。",
        "{days} days until the reload-by date.",
    ),
    "status.due_soon": ("快到期", "Due soon"),
    "status.due_soon.detail": (
        "请在 {reload_by} 当天或之前做一次普通充值。",
        "Make a regular reload on or before {reload_by}.",
    ),
    "status.overdue": ("已过最晚充值日", "Overdue"),
    "status.overdue.detail": (
        "已过最晚充值日（按你设定的提前天数），但话费余额要到 {balance_ends} 才用完：请马上做一次普通充值。",
        "Past your safety margin, but the balance lasts until {balance_ends}: make a regular "
        "reload now.",
    ),
    "status.grace": ("话费已到期（宽限期）", "Balance ended (grace period)"),
    "status.grace.detail": (
        "话费余额已在 {balance_ends} 用完或到期。Smart 说这期间还能接电话、收短信"
        "（人在国外漫游时是否也能收到，没有来源说明）；最早从 {deactivates_on} "
        "起可能被销号（号码被回收，无法取回）：请立即做一次普通充值。",
        "The balance ended on {balance_ends}. Smart says the line still receives calls and "
        "texts in this time (whether that holds while roaming abroad is not known); it may be "
        "disconnected for good from {deactivates_on}: make a regular reload immediately.",
    ),
    "status.deactivated": ("可能已被销号", "Likely disconnected"),
    "status.deactivated.detail": (
        "从 {deactivates_on} 起号码可能已被销号；号码被回收后无法取回。如果号码还能用，马上做一次普通充值；"
        "没有来源说销号之后再充值能恢复号码。",
        "From {deactivates_on} the line may have been disconnected, and a disconnected number "
        "cannot be reacquired. If the line still works, make a regular reload now; no source "
        "says a reload brings back a disconnected line.",
    ),
    "status.unknown": ("无法推算", "Cannot be dated"),
    "status.unknown.detail": (
        "促销套餐（Promo）不适用“普通充值有效 {rules[load_validity]}”的规则，"
        "只买促销套餐能否保号也没有官方说法，所以计算器无法推算日期。"
        "请改填最近一次普通充值（Regular Load）的日期；如果没有或不记得，现在就做一次普通充值。",
        "Promos are outside the rule that a regular reload lasts {rules[load_validity]}, and "
        "whether a promo keeps the line alive is unknown, so the checker cannot date this. "
        "Enter the date of your last regular reload instead; if there is none or you do not "
        "remember it, make a regular reload now.",
    ),
    # Days to a date, in words: never a bare negative number
    "days.left": ("还有 {days} 天", "{days} days left"),
    "days.left.one": ("还有 1 天", "1 day left"),
    "days.today": ("就是今天", "today"),
    "days.ago": ("已过 {days} 天", "{days} days ago"),
    "days.ago.one": ("已过 1 天", "1 day ago"),
    # Warnings of an estimate
    "estimate.pasaload": (
        "PasaLoad 转给漫游号码的话费按金额只有 {rules[pasaload_validity:range]}有效（{rules[pasaload_validity]}），"
        "不是 {rules[load_validity]}。以下日期按这笔 PasaLoad 到期计算；"
        "只有普通充值（Regular Load）才能让号码再保 {rules[load_validity]}。",
        "PasaLoad sent to a roaming number expires after a time set by its amount "
        "({rules[pasaload_validity]}), not after {rules[load_validity]}. The dates below count from when this PasaLoad ends; only "
        "a regular reload keeps the line for {rules[load_validity]}.",
    ),
    "estimate.margin_shortened": (
        "这笔话费有效期很短，提前天数最多按有效天数的 {rules[safety_margin_share]} 计算（见“假设”），"
        "所以刚到账的话费不会马上显示已过最晚充值日。",
        "This load lasts only a short time, so the safety margin is at most "
        "{rules[safety_margin_share]} of its days (see Assumptions): a fresh load is never "
        "overdue on its first day.",
    ),
    # Assumptions an estimate rests on
    "assumption.balance_ends": (
        "话费余额在以下两天中较早的一天用完：最近一次普通充值后 {rules[load_validity]}，"
        "或你填写的余额用完日。",
        "The balance ends on the earlier of the last regular reload + {rules[load_validity]} "
        "and the day you say it reached zero.",
    ),
    "assumption.balance_ends.pasaload": (
        "话费余额在以下两天中较早的一天用完：这笔 PasaLoad 到期日（{rules[pasaload_validity]}），"
        "或你填写的余额用完日。更早的普通充值是否还有效，计算器不算在内（从严计算）。",
        "The balance ends on the earlier of the day this PasaLoad expires "
        "({rules[pasaload_validity]}) and the day you say it reached zero. The checker does "
        "not count on an older regular reload still being valid (the conservative side).",
    ),
    "assumption.promo": (
        "促销套餐不适用 {rules[load_validity]}有效期的规则；它能否保号没有官方说法，计算器不替它推算日期。",
        "Promos are outside the {rules[load_validity]} rule; whether they keep the line alive "
        "is unknown, and the checker does not date them.",
    ),
    "assumption.deactivation": (
        "话费余额用完或到期 {rules[deactivation_after_balance_ends]}后，号码可能被销号"
        "（官方数字；非官方网站说 {conflicts[deactivation_after_balance_ends]}，"
        "计算器取更保守的官方数字）。",
        "The line may be disconnected {rules[deactivation_after_balance_ends]} after the balance "
        "ends (the official figure; community sites say {conflicts[deactivation_after_balance_ends]}, "
        "and the checker takes the conservative official one).",
    ),
    "assumption.incoming_not_activity": (
        "接收短信或来电不算使用号码，不会延长有效期。",
        "Receiving texts or calls does not count as activity and extends nothing.",
    ),
    "assumption.margin": (
        "最晚充值日 = 话费余额结束日 − 提前天数 {margin} 天。提前天数最多占这笔话费有效天数的 "
        "{rules[safety_margin_share]}，所以刚到账的话费不会第一天就显示已过最晚充值日。",
        "Reload-by date = the day the balance ends − a safety margin of {margin} days. The "
        "margin is at most {rules[safety_margin_share]} of the days the load lasts, so a fresh "
        "load is never overdue on its first day.",
    ),
    # How sure a rule or a source is (checker.rules.Confidence)
    "confidence.official": ("官方", "Official"),
    "confidence.news": ("新闻报道", "News report"),
    "confidence.community": ("非官方网站", "Community"),
    "confidence.conflict": ("说法不一", "Conflicting"),
    "confidence.unknown": ("未知", "Unknown"),
    "confidence.assumption": ("计算器的假设", "Checker's assumption"),
    # Labels for the CLI, the copied summary and the calendar
    "label.e164": ("国际格式", "International format"),
    "label.national": ("菲律宾境内写法", "Within the Philippines"),
    "label.network": ("号段最初分配给", "Prefix originally allocated to"),
    "label.amount": ("金额", "Amount"),
    "label.number": ("号码", "Number"),
    "label.last_reload": ("最近一次充值", "Last reload"),
    "label.reload_kind": ("充值种类", "Kind of reload"),
    "label.zero_balance_since": ("你填写的余额用完日", "Balance reached zero (your date)"),
    "label.reload_by": ("最晚充值日", "Reload by"),
    "label.days_text": ("距最晚充值日", "When"),
    "label.status": ("状态", "Status"),
    "label.load_expires": ("普通充值有效期至", "Regular load valid until"),
    "label.load_expires.regular": ("普通充值有效期至", "Regular load valid until"),
    "label.load_expires.pasaload": ("PasaLoad 话费有效期至", "PasaLoad valid until"),
    "label.load_expires.promo": ("普通充值有效期至", "Regular load valid until"),
    "label.balance_ends": ("话费余额结束日", "Balance ends"),
    "label.deactivates_on": ("最早可能被销号日", "Earliest disconnection"),
    "label.warnings": ("提醒", "Warnings"),
    "label.assumptions": ("假设", "Assumptions"),
    "label.sources": ("来源", "Sources"),
    "summary.title": ("{carrier} 保号提醒", "Keeping my {carrier} number"),
    "ics.reload_by.summary": (
        "{carrier} 保号：今天是最晚充值日",
        "{carrier} number: last day to reload",
    ),
    "ics.reload_by.description": (
        "今天之内做一次普通充值（Regular Load，不是促销套餐），保住号码。"
        "话费余额结束日：{balance_ends}；最早可能被销号日：{deactivates_on}。",
        "Make a regular reload (not a promo) today to keep the number. Balance ends: "
        "{balance_ends}; earliest disconnection: {deactivates_on}.",
    ),
    "ics.reload_now.summary": ("{carrier} 保号：今天就充值", "{carrier} number: reload now"),
    "ics.reload_now.overdue.description": (
        "已过最晚充值日。今天就做一次普通充值（Regular Load）。"
        "话费余额结束日：{balance_ends}；最早可能被销号日：{deactivates_on}。",
        "The reload-by date has passed. Make a regular reload today. Balance ends: "
        "{balance_ends}; earliest disconnection: {deactivates_on}.",
    ),
    "ics.reload_now.grace.description": (
        "话费余额已在 {balance_ends} 用完或到期。今天就做一次普通充值（Regular Load）；"
        "从 {deactivates_on} 起号码可能被销号，无法取回。",
        "The balance ended on {balance_ends}. Make a regular reload today; from "
        "{deactivates_on} the number may be disconnected for good.",
    ),
    "ics.reload_now.deactivated.description": (
        "从 {deactivates_on} 起号码可能已被销号，号码被回收后无法取回。如果号码还能用，今天就做一次普通充值；"
        "没有来源说销号之后再充值能恢复号码。",
        "From {deactivates_on} the number may have been disconnected, and a disconnected number "
        "cannot be reacquired. If the line still works, make a regular reload today; no source "
        "says a reload brings back a disconnected line.",
    ),
    "ics.reload_now.unknown.description": (
        "促销套餐（Promo）无法推算保号日期。今天做一次普通充值（Regular Load），"
        "再用计算器按这次充值算出下一次的日期。",
        "A promo cannot be dated. Make a regular reload today, then let the checker date the "
        "next one from it.",
    ),
    "ics.balance_ends.summary": (
        "{carrier} 保号：话费余额今天用完",
        "{carrier} number: balance ends today",
    ),
    "ics.balance_ends.description": (
        "话费余额今天用完或到期。Smart 说之后还能接电话、收短信"
        "（人在国外漫游时是否也能收到，没有来源说明），但从 {deactivates_on} 起可能被销号。"
        "请立即做一次普通充值。",
        "The balance ends today. Smart says the line still receives calls and texts after "
        "this (whether that holds while roaming abroad is not known), but it may be "
        "disconnected from {deactivates_on}. Reload now.",
    ),
    "ics.deactivates_on.summary": (
        "{carrier} 保号：最早可能被销号日",
        "{carrier} number: earliest disconnection",
    ),
    "ics.deactivates_on.description": (
        "从今天起号码可能被销号（号码被回收），无法取回。如果还没充值，而号码还能用，请马上充值。",
        "From today the line may be disconnected, and a disconnected number cannot be "
        "reacquired. If you have not reloaded and the line still works, reload now.",
    ),
    "ics.alarm": ("{carrier} 保号提醒：{summary}", "{carrier} number reminder: {summary}"),
    # The saved lines (checker/lines.py) and their export file
    "lines.default_label": ("尾号 {last4}", "ending {last4}"),
    "ics.line_summary": ("号码“{label}”：{summary}", "{label}: {summary}"),
    "lines.need_number": (
        "要保存这个号码，请先填写手机号码。",
        "To save this line, enter its mobile number first.",
    ),
    "lines.need_last_reload": (
        "要保存这个号码，请先填写最近一次充值的日期。",
        "To save this line, enter the date of its last reload first.",
    ),
    "lines.label_too_long": (
        "备注名太长（最多 {limit} 个字符）。",
        "The label is too long (at most {limit} characters).",
    ),
    "lines.label_bad": (
        "备注名里有不能正常显示的字符（控制字符、换行符或零宽字符等），请删掉它们。",
        "The label contains characters that are not shown as they are (control, line-break "
        "or zero-width characters): remove them.",
    ),
    "lines.label_not_text": ("备注名必须是文字。", "The label must be text."),
    "lines.saved": ("已保存在本设备上。", "Saved on this device."),
    "lines.saved_updated": (
        "这个号码已经保存过，已更新。",
        "This number was already saved: it has been updated.",
    ),
    "lines.none": ("还没有保存任何号码。", "No line is saved yet."),
    "import.too_large": (
        "文件太大（最多 {limit} KB），不是本站导出的号码文件。",
        "The file is too large (at most {limit} KB) to be a file of saved lines.",
    ),
    "import.not_json": (
        "无法读取这个文件：它不是 JSON 格式。",
        "This file cannot be read: it is not JSON.",
    ),
    "import.not_ours": (
        "这不是本站导出的号码文件。",
        "This is not a file of saved lines from this site.",
    ),
    "import.version": (
        "文件的格式版本是 {version}，本页只能读取版本 {supported}。",
        "The file's format version is {version}; this page reads version {supported} only.",
    ),
    "import.bad_shape": (
        "文件内容不完整或已损坏。",
        "The file is incomplete or damaged.",
    ),
    "import.bad_field": (
        "字段 {name} 的值无效。",
        "The value of the field {name} is not valid.",
    ),
    "import.too_many": (
        "最多只能保存 {limit} 个号码。",
        "At most {limit} lines can be saved.",
    ),
    "import.bad_line": (
        "文件里的第 {index} 个号码无效：{reason}",
        "Line {index} in the file is not valid: {reason}",
    ),
    "import.unchanged": ("保存的号码没有改变。", "Your saved lines are unchanged."),
    "import.done": (
        "已导入：新增 {added} 个号码，更新 {updated} 个。",
        "Imported: {added} lines added, {updated} updated.",
    ),
    "import.version_bad": (
        "文件的格式版本 {version} 无效：本站导出的文件写的是数字 {supported}。",
        "The file's format version {version} is not valid: files exported here say the "
        "number {supported}.",
    ),
    "import.not_utf8": (
        "无法读取这个文件：它不是 UTF-8 编码的文本，而本站导出的文件都是 UTF-8。",
        "This file cannot be read: it is not UTF-8 text, and files exported here always are.",
    ),
    "import.duplicate": (
        "文件里的第 {first} 个和第 {second} 个是同一个号码（{number}），不知道该用哪一个。",
        "Lines {first} and {second} in the file are the same number ({number}): which one to "
        "keep is unclear.",
    ),
    # The list kept in this browser (checker/saved.py): words for storage, not for a file.
    "saved.damaged": (
        "本设备上保存的号码列表已损坏，无法读取（可能被浏览器、扩展程序或手动修改过）。"
        "原来的内容已原样另存，可以导出留底；之后保存的号码会存入一个新的列表。",
        "The list of lines saved in this browser is damaged and cannot be read (a browser, "
        "an extension or a hand edit may have changed it). Its content has been set aside as "
        "it was and can be exported; lines you save from now on start a new list.",
    ),
    "saved.line_damaged": (
        "这一条保存的内容已损坏，无法读取。",
        "This saved line is damaged and cannot be read.",
    ),
    # {reason} is a whole sentence, with its full stop.
    "saved.attention": (
        "需要处理：{reason}可以打开这条记录，改正后重新保存，或者直接删除。",
        "Needs attention: {reason} Open it, correct it and save it again, or delete it.",
    ),
    # A line saved "today" where the date had already changed (Kiritimati, UTC+14) and read
    # where it has not (Los Angeles): it reads again once that day comes here.
    "saved.attention.in_future": (
        "需要处理：{reason}这条记录可能是在别的时区保存的，等你这边的日期也到了那一天，"
        "就会自动恢复正常显示。也可以现在打开它，改正后重新保存，或者直接删除。",
        "Needs attention: {reason} It may have been saved in another time zone; it will read"
        " normally once that day comes here. Or open it, correct it and save it again, or"
        " delete it.",
    ),
    "saved.deleted": ("已删除“{label}”。", "Deleted “{label}”."),
    "saved.deleted_all": ("已删除 {deleted} 个号码。", "{deleted} lines deleted."),
    "saved.deleted_kept": (
        "已删除你看到的 {deleted} 个号码；另一个页面刚保存的 {kept} 个号码保留了下来。",
        "The {deleted} lines you saw were deleted; {kept} lines just saved in another page "
        "were kept.",
    ),
    "saved.unnamed": ("无法识别的一条", "an unreadable line"),
    "saved.restored": ("已恢复“{label}”。", "“{label}” is back."),
    "cli.ics_not_written": (
        "无法写入日历文件 {path}：{reason}。上面的结果不受影响。",
        "The calendar file {path} could not be written: {reason}. The answer above stands.",
    ),
    # The carriers (checker.carriers): the reader's choice, and what a number's prefix says
    "carrier.unknown": (
        "请在列表里选运营商：“按号码判断”“Smart、TNT、Sun”“Globe、TM”“GOMO”或“DITO”。",
        "Choose a carrier from the list: from the number, Smart/TNT/Sun, Globe/TM, GOMO or DITO.",
    ),
    "carrier.smart": ("Smart、TNT、Sun", "Smart / TNT / Sun"),
    "carrier.globe": ("Globe、TM", "Globe / TM"),
    "carrier.gomo": ("GOMO", "GOMO"),
    "carrier.dito": ("DITO", "DITO"),
    # The short name in a title: "Smart 保号提醒", "Globe 保号：今天就充值"
    "carrier.short.smart": ("Smart", "Smart"),
    "carrier.short.globe": ("Globe", "Globe"),
    "carrier.short.gomo": ("GOMO", "GOMO"),
    "carrier.short.dito": ("DITO", "DITO"),
    "label.carrier": ("按哪家运营商的规则计算", "Carrier's rules used"),
    "phone.unconfirmed_prefix": (
        "我们没能确认这个号段：我们的号段资料里都没有它，计算照常进行；"
        "它属于哪家运营商，请在“运营商”里自己选。",
        "We could not confirm this prefix: none of our prefix sources lists it. The number is "
        "accepted; choose its carrier yourself.",
    ),
    "phone.networks_disagree": (
        "各来源对这个号段最初分配给谁说法不一：{networks}。",
        "Sources disagree on which network this prefix was first allocated to: {networks}.",
    ),
    "phone.carrier_mismatch": (
        "注意：该号段最初分配给 {network}，而日期按你选的 {carrier} 的规则计算。"
        "号码如果没有转过网，请把运营商改回“按号码判断”。",
        "Note: this prefix was first allocated to {network}, but the dates follow the rules "
        "of {carrier}, as you chose. If the number has not moved networks, set the carrier "
        "back to “from the number”.",
    ),
    "pasaload.smart_only": (
        "只有 Smart 公布了别人转来的话费（PasaLoad）能用多久；其他运营商的这类话费，计算器推算不了日期。"
        "请填最近一次普通充值的日期（自己充或亲友代充都算）。",
        "Only Smart says how long load sent by someone else (PasaLoad) lasts; for another "
        "carrier the checker cannot date it. Enter the date of your last regular reload (made by "
        "you or by someone for you).",
    ),
    "assumption.carrier.number": (
        "按 {carrier} 的规则计算：号段最初分配给 {network}。携号转网（RA 11202）后号码可能已在别家，"
        "可以在“运营商”里改。",
        "The dates follow {carrier}'s rules: the prefix was first allocated to {network}. A "
        "number may have moved networks (RA 11202); change the carrier if so.",
    ),
    "assumption.carrier.chosen": (
        "按你选的 {carrier} 的规则计算。",
        "The dates follow {carrier}'s rules, as you chose.",
    ),
    "assumption.carrier.conflict": (
        "各来源对号段说法不一（{networks}），计算器按算出的日期最早（最保守）的 {carrier} 计算；"
        "知道号码在哪家，请在“运营商”里选。",
        "Sources disagree on the prefix ({networks}), so the checker uses {carrier}, whose "
        "dates come soonest (the conservative side); if you know the carrier, choose it.",
    ),
    "assumption.carrier.default": (
        "没有填号码或号段无法确认，按 {carrier} 的规则计算；不是这家，请在“运营商”里改。",
        "No number, or a prefix we could not confirm: the dates follow {carrier}'s rules; "
        "choose another carrier if that is not yours.",
    ),
    "assumption.deactivation.globe": (
        "话费到期或用完 {rules[globe.deactivation_after_balance_ends]}后，号码可能被销号。"
        "Globe 没有现行的官方说法，网友说法有 {rules[globe.deactivation_after_balance_ends]}、"
        "{conflicts[globe.deactivation_after_balance_ends:all]}，计算器取最保守的一个。",
        "The number may be lost {rules[globe.deactivation_after_balance_ends]} after the load "
        "ends or runs out. Globe publishes no current figure; community sources say "
        "{rules[globe.deactivation_after_balance_ends]} or "
        "{conflicts[globe.deactivation_after_balance_ends:all]}, and the checker takes the "
        "most conservative.",
    ),
    "assumption.deactivation.gomo": (
        "GOMO 的 SIM 卡在 {rules[gomo.no_paid_transaction]}内没有付费操作（充值或买套餐）就会失效"
        "（网友说法），号码被回收；计算器把最近一次充值当作最近一次付费操作。",
        "A GOMO SIM ends after {rules[gomo.no_paid_transaction]} without a paid transaction "
        "(community sources); the checker takes your last reload as the last paid one.",
    ),
    "assumption.deactivation.dito": (
        "余额低于 1 比索、又没有有效的促销套餐，{rules[dito.deactivation_after_balance_ends]}后"
        "号码被销号（SIM 卡永久停用），无法取回。这是网友转述的 DITO 条款；也有说 "
        "{conflicts[dito.deactivation_after_balance_ends]}，计算器从严计算。",
        "Under PHP 1 of balance with no active promo, the SIM is disabled for good after "
        "{rules[dito.deactivation_after_balance_ends]} (community pages paraphrasing DITO's "
        "terms; one says {conflicts[dito.deactivation_after_balance_ends]}, and the checker "
        "takes the conservative side).",
    ),
}


def lang_or_default(lang: object) -> str:
    return lang if lang in LANGS else DEFAULT_LANG


class _RuleFigures(dict[str, str]):
    """``{rules[key]}`` in a template: the rule's value with its unit, in one language."""

    def __init__(self, lang: str, *, conflicts: bool) -> None:
        super().__init__()
        for rule in every_rule():
            if not conflicts:
                self[rule.key] = format_rule(rule, lang)
                if rule.by_amount:  # "{rules[pasaload_validity:range]}": "15～60 天"
                    self[f"{rule.key}:range"] = format_range(rule, lang)
            for item in rule.conflicts[:1] if conflicts else ():
                self[rule.key] = format_value(item.value, rule.unit, lang)
            # "{conflicts[KEY:all]}": every conflicting figure, "120 天、365 天"
            figures = [format_value(c.value, rule.unit, lang) for c in rule.conflicts if c.value]
            if conflicts and figures:
                self[f"{rule.key}:all"] = pick(("、", ", "), lang).join(figures)


_FIGURES = {
    (lang, conflicts): _RuleFigures(lang, conflicts=conflicts)
    for lang in LANGS
    for conflicts in (False, True)
}


def message(code: str, lang: str = DEFAULT_LANG, **params: object) -> str:
    """The text for ``code`` in ``lang``; unknown codes fall back to ``internal.error``."""
    return render(CATALOG.get(code, CATALOG["internal.error"]), lang, **params)


_PAGE_CATALOG: dict[str, tuple[str, str]] = {}


def page_catalog() -> dict[str, tuple[str, str]]:
    """The words only the built pages show (``page_words.json``); read once, at build time.

    Not in the wheel: inside Pyodide this would raise, and nothing there asks for it.
    """
    if not _PAGE_CATALOG:
        import json  # here, not at the top: the browser's import of this module stays lean
        from pathlib import Path

        path = Path(__file__).with_name("page_words.json")
        data = json.loads(path.read_text(encoding="utf-8"))
        _PAGE_CATALOG.update({code: (zh, en) for code, (zh, en) in data.items()})
    return _PAGE_CATALOG


def text(code: str, lang: str, **params: object) -> str:
    """The words for ``code`` from the whole catalogue, page words included; for the build.

    Unlike :func:`message`, an unknown code raises ``KeyError``: a typo fails the build.

    >>> text("rules.carrier_heading", "en", name="Smart")
    'Carrier rules: Smart'
    """
    texts = CATALOG[code] if code in CATALOG else page_catalog()[code]
    return render(texts, lang, **params)


def words(prefix: str, lang: str) -> dict[str, str]:
    """Every code under ``prefix`` (``"form."``, ``"label."``), without it, in ``lang``.

    For words that take no parameters but rule figures (a page's labels, a form's words);
    the others are rendered one by one with :func:`text`.

    >>> words("confidence.", "zh")["official"]
    '官方'
    """
    return {
        code[len(prefix) :]: render(texts, lang)
        for code, texts in {**CATALOG, **page_catalog()}.items()
        if code.startswith(prefix)
    }


def render(texts: tuple[str, str], lang: str, **params: object) -> str:
    """Pick the ``(zh, en)`` text for ``lang`` and fill in its parameters and rule figures.

    >>> render(("最多 {rules[safety_margin_max]}", "at most {rules[safety_margin_max]}"), "en")
    'at most 90 days'
    """
    lang = lang_or_default(lang)
    template = pick(texts, lang)
    return template.format(rules=_FIGURES[lang, False], conflicts=_FIGURES[lang, True], **params)
