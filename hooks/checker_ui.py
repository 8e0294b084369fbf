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
    "last_reload": ("最近一次普通充值的日期", "Date of your last regular reload"),
    "last_reload.hint": (
        "例如 2026-03-15、2026/3/15 或 2026年3月15日。",
        "For example 2026-03-15 or 2026/3/15.",
    ),
    "amount": ("充值金额（比索，可选）", "Amount reloaded (PHP, optional)"),
    "amount.hint": ("例如 100 或 ₱100。", "For example 100 or ₱100."),
    "promo": ("最近一次充值只买了促销套餐（promo）", "My last reload was a promo only"),
    "promo.hint": (
        "例如 GIGA、Magic Data。促销套餐不适用 {rules[load_validity]}有效期的规则。",
        "For example GIGA or Magic Data. Promos are not covered by the rule that a regular "
        "reload lasts {rules[load_validity]}.",
    ),
    "zero_balance_since": ("余额归零的日期（可选）", "Date the balance reached zero (optional)"),
    "zero_balance_since.hint": (
        "如果余额在到期前就用完了，填写用完的那一天。",
        "If you used up the balance before it expired, the day it ran out.",
    ),
    "margin_days": ("安全余量（天）", "Safety margin (days)"),
    "margin_days.hint": (
        "提前多少天充值；默认 {rules[safety_margin]}，最多 {rules[safety_margin_max]}。",
        "How early to reload: {rules[safety_margin]} by default, at most "
        "{rules[safety_margin_max]}.",
    ),
    "needs_js": (
        "检查器需要 JavaScript。如果这句话一直在，说明浏览器关闭了 JavaScript，或页面还没加载完。",
        "The checker needs JavaScript. If this note stays, JavaScript is off or the page has not "
        "finished loading.",
    ),
    "needs_js.link": (
        "不用检查器，也可以按下面的规则自己算出日期",
        "Without it, work out the dates yourself with the rules below",
    ),
    "submit": ("检查", "Check"),
    "results": ("结果", "Results"),
    "results.empty": (
        "填写最近一次普通充值的日期，这里就会显示最晚充值日。",
        "Enter the date of your last regular reload to see your reload-by date here.",
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
