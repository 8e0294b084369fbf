"""Questions a reader types into the search box, and where the answer is (issue 19).

Shared by the browser test (Material's real search box in Chromium) and the site test (the
same worker on the same index, in Node). An answer is a page ("guide/reload/": any of its
sections comes first) or one place on it ("faq/#faq-zero-balance": that FAQ answer comes
first). Locations are those of the search index: the Chinese site at the root, English
under en/.
"""

from __future__ import annotations

ZH_QUESTIONS: list[tuple[str, str]] = [
    ("我的号码还能收验证码吗", "faq/"),
    ("TNT 在国外怎么充值", "guide/reload/"),
    ("话费为零怎么办", "faq/#faq-zero-balance"),
    ("一次充值能管多久", "faq/#faq-one-reload"),
    ("没有 SIM 卡能充值吗", "faq/#faq-lost-sim"),
    ("0917", "guide/numbers/"),
    ("0917 123 4567", "guide/numbers/"),
    ("停用", "faq/"),
    ("2月29日", "checker/"),
    ("出国后怎么充值", "guide/reload/"),
    ("号码被回收了还能找回吗", "faq/#faq-recover"),
    ("PasaLoad 能保号吗", "faq/#faq-pasaload"),
    ("怎么查余额", "guide/balance/"),
    ("*123#", "guide/balance/"),
    ("游客卡能保号吗", "faq/#faq-tourist"),
    ("能用支付宝充值吗", "faq/#faq-alipay"),
    ("在迪拜怎么充值", "guide/reload/"),
    ("收不到验证码", "faq/#faq-codes-missing"),
    ("宽限期有多少天", "guide/validity/"),
    ("PIN 输错了", "guide/avoid-failures/"),
    ("保号计算器", "checker/"),
]

EN_QUESTIONS: list[tuple[str, str]] = [
    ("How long is a reload valid", "en/guide/validity/"),
    ("Can I reload without my SIM", "en/faq/"),
    ("roaming", "en/faq/"),
    ("Feb 29", "en/checker/"),
    ("0917", "en/guide/numbers/"),
    ("+63 917 123 4567", "en/guide/numbers/"),
    ("How do I reload in Dubai", "en/guide/reload/"),
    ("Will I still get verification codes", "en/faq/"),
    ("How do I reload TNT from abroad", "en/guide/reload/"),
    ("My balance is zero, what now", "en/faq/#faq-zero-balance"),
    ("Is my number disconnected", "en/faq/"),
    ("Can I use GCash", "en/faq/#faq-gcash"),
    ("What happens after 120 days", "en/faq/#faq-grace"),
    ("Does PasaLoad keep my number", "en/faq/#faq-pasaload"),
    ("lost my SIM abroad", "en/faq/#faq-lost-sim"),
    ("tourist SIM", "en/guide/validity/"),
    ("*123#", "en/guide/balance/"),
    ("Alipay", "en/faq/#faq-alipay"),
    ("I missed the date", "en/faq/#faq-missed"),
    ("check balance", "en/guide/balance/"),
    ("Does the checker send my number anywhere", "en/faq/#faq-privacy"),
]


def answers(location: str, expected: str) -> bool:
    """Is the search result at ``location`` the answer ``expected``?

    >>> answers("faq/#faq-grace", "faq/"), answers("faq/#faq-grace", "faq/#faq-missed")
    (True, False)
    """
    if "#" in expected:
        return location == expected
    return location.split("#", 1)[0] == expected
