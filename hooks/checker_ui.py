"""The words of the in-page checker's form and states, in Simplified Chinese and English.

They are page text, rendered into overrides/checker.html and handed to the page's
JavaScript by hooks/checker_assets.py at build time. They live here, not in
checker.messages, so they do not ride in the wheel the browser downloads; they are
filled in by the same :func:`checker.messages.render`, so a figure such as
``{rules[safety_margin_max]}`` still comes from the rules data.
"""

from __future__ import annotations

UI_TEXT: dict[str, tuple[str, str]] = {
    "form": ("填写你的号码信息", "Your number"),
    "phone": ("手机号码（可选）", "Mobile number (optional)"),
    "phone.hint": (
        "例如 0918 123 4567 或 +63 918 123 4567。",
        "For example 0918 123 4567 or +63 918 123 4567.",
    ),
    "last_reload": ("最近一次充值的日期", "Date of your last reload"),
    "last_reload.hint": (
        "例如 2026-03-15、2026/3/15 或 2026年3月15日。",
        "For example 2026-03-15 or 2026/3/15.",
    ),
    "amount": ("充值金额（比索；PasaLoad 必填）", "Amount (PHP; needed for PasaLoad)"),
    "amount.hint": ("例如 100 或 ₱100。", "For example 100 or ₱100."),
    "reload_kind": ("最近一次充值是哪种", "What was your last reload?"),
    "reload_kind.regular": ("普通话费充值（Regular Load）", "A regular reload (Regular Load)"),
    "reload_kind.promo": (
        "只买了促销套餐（Promo，如 GIGA、Magic Data）",
        "A promo only (GIGA, Magic Data, ...)",
    ),
    "reload_kind.pasaload": ("别人用 PasaLoad 转来的话费", "PasaLoad someone sent me"),
    "reload_kind.hint": (
        "只有普通话费充值有效 {rules[load_validity]}；PasaLoad 转给漫游号码的话费按金额只有 "
        "{rules[pasaload_validity:range]}；促销套餐无法推算日期。",
        "Only a regular reload lasts {rules[load_validity]}; PasaLoad sent to a roaming number "
        "lasts {rules[pasaload_validity:range]} by amount; a promo cannot be dated.",
    ),
    "zero_balance_since": (
        "话费余额用完的日期（可选）",
        "Date the balance reached zero (optional)",
    ),
    "zero_balance_since.hint": (
        "如果话费在到期前就用完了，填写用完的那一天。",
        "If you used up the balance before it expired, the day it ran out.",
    ),
    "margin_days": ("安全余量（天）", "Safety margin (days)"),
    "margin_days.hint": (
        "提前多少天充值；默认 {rules[safety_margin]}，最多 {rules[safety_margin_max]}。",
        "How early to reload: {rules[safety_margin]} by default, at most "
        "{rules[safety_margin_max]}.",
    ),
    "submit": ("检查", "Check"),
    "results": ("结果", "Results"),
    "results.empty": (
        "填写最近一次充值的日期，这里就会显示最晚充值日。",
        "Enter the date of your last reload to see your reload-by date here.",
    ),
    "estimate": ("保号日期", "Keeping the number"),
    "rules_link": ("查看规则", "See the rules"),
    "actions": ("保存结果", "Keep the result"),
    "calendar": ("添加到日历（.ics）", "Add to calendar (.ics)"),
    "calendar.done": ("日历文件已下载。", "The calendar file was downloaded."),
    "copy": ("复制摘要", "Copy summary"),
    "copied": ("已复制到剪贴板。", "Copied to the clipboard."),
    "copy_failed": (
        "无法自动复制；请手动选中并复制下面的文字。",
        "Could not copy automatically; select and copy the text below.",
    ),
    "share": ("分享或收藏这个链接", "Link to share or bookmark"),
    "share.note": (
        "你填写的内容只放在链接的 # 后面，不会发送到任何服务器。",
        "What you entered is kept after the # in the link and is never sent to a server.",
    ),
    "copy_link": ("复制链接", "Copy link"),
    "offline": (
        "已保存在本设备上：下次没有网络也能打开并使用这个检查器。",
        "Saved on this device: next time this checker opens and works with no network.",
    ),
    "loading": ("正在加载检查器……", "Loading the checker…"),
    "progress.runtime": (
        "正在下载并启动 Python 运行环境（第一次需要几秒）……",
        "Downloading and starting the Python runtime (a few seconds the first time)…",
    ),
    "progress.checker": ("正在加载检查器……", "Loading the checker…"),
    "ready": ("检查器已就绪。", "The checker is ready."),
    "timeout": (
        "检查器加载超时，可能是网络较慢。请重试；下面的规则摘要仍然适用。",
        "The checker took too long to load; the connection may be slow. Try again; the rules "
        "summary below still applies.",
    ),
    "load_failed": (
        "检查器无法加载。请重试；下面的规则摘要仍然适用。",
        "The checker could not load. Try again; the rules summary below still applies.",
    ),
    "no_wasm": (
        "你的浏览器不支持 WebAssembly，检查器无法运行。"
        "下面的规则摘要仍然适用；也可以换一个较新的浏览器。",
        "Your browser does not support WebAssembly, so the checker cannot run. The rules "
        "summary below still applies; or try a recent browser.",
    ),
    "call_failed": (
        "检查时出错了。请刷新页面再试。",
        "The check failed. Reload the page and try again.",
    ),
    "error_detail": ("技术细节：", "Technical detail:"),
    "retry": ("重试", "Try again"),
}
