"""Which network each Philippine mobile prefix was first allocated to, source by source.

libphonenumber (copied into :mod:`checker._prefixes` by ``scripts/generate_prefixes.py``) is
one source among others: its Philippine pattern has not changed since 2021 and refuses
prefixes that prefix lists published in 2024-2026 give as live (0904, 0913, 0940, 0941;
giggsey/libphonenumber-for-php#455, daddyz/phonelib#166), and it gives 0924, 0934 and 0944
to DITO where those lists give them to Sun. So a prefix's allocation is a list of names,
each with the sources that give it, and the checker never refuses a ``9`` prefix only
because libphonenumber does not know it (``shared/facts/smart-prepaid.md``, section 11).

A ported number keeps its prefix (RA 11202), so none of this says which network a number
is on today: it is a hint the reader may overrule (the checker's ``carrier`` field).

>>> [(a.name, a.sources) for a in allocations("9131234567")]
[('Smart', ('simregistrationph-2025', 'buzzerdaily-2017'))]
>>> [a.name for a in allocations("9241234567")]
['DITO', 'Sun']
>>> allocations("9801234567") == () and could_be_mobile("980")
True
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ._prefixes import MOBILE_PREFIXES, NETWORKS, PHONENUMBERS_VERSION

__all__ = ["SOURCES", "Allocation", "PrefixSource", "allocations", "could_be_mobile", "known"]

# libphonenumber spells DITO "Dito"; every other source and DITO itself write DITO.
_CANONICAL = {"Dito": "DITO"}


@dataclass(frozen=True)
class PrefixSource:
    """A published list of mobile prefixes: where it is, when, and what it lists.

    ``prefixes`` maps a network name to the national prefixes (no trunk 0) the source gives
    it, as it prints them; a prefix may be under two names in one source.
    """

    key: str
    title: str
    url: str
    published: str
    checked: date
    prefixes: tuple[tuple[str, tuple[str, ...]], ...]


@dataclass(frozen=True)
class Allocation:
    """One network a prefix was first allocated to, and the sources (keys) that say so."""

    name: str
    sources: tuple[str, ...]


def _split(text: str) -> tuple[str, ...]:
    return tuple(text.split())


CHECKED = date(2026, 12, 3)
LIBPHONENUMBER = "libphonenumber"

# The community lists, as read on CHECKED (section 11 of the facts file). Only what was read
# in each is here: a list seen in part contributes only that part.
COMMUNITY: tuple[PrefixSource, ...] = (
    PrefixSource(
        key="simregistrationph-2025",
        title="SIM Registration PH: Complete Philippines mobile network prefixes 2025",
        url="https://simregistrationph.com/?p=170",
        published="2025",
        checked=CHECKED,
        prefixes=(
            (
                "Globe",
                _split(
                    "817 904 905 906 915 916 917 926 927 935 936 937 945 953 954 955 956 965 "
                    "966 967 975 976 977 978 979 994 995 996 997"
                ),
            ),
            (
                "Smart",
                _split(
                    "813 907 908 909 910 911 912 913 914 918 919 920 921 928 929 930 938 939 "
                    "946 947 948 949 950 951 960 961 963 968 969 970 981 985 989 992 998 999"
                ),
            ),
            ("DITO", _split("895 896 897 898 991 992 993 994")),
            ("Sun", _split("922 923 924 925 931 932 933 934 940 941 942 943 944 962 973 974")),
        ),
    ),
    PrefixSource(
        key="wiseph-2026",
        title="WisePH: Philippine mobile prefixes, 2026 list (the part read)",
        url="https://wiseph.net/?p=4162",
        published="2026",
        checked=CHECKED,
        prefixes=(
            ("Smart", _split("929 961 908 939 930 907 909 938 910 912")),
            ("Sun", _split("931 932 933 973 934 974 940")),
        ),
    ),
    PrefixSource(
        key="buzzerdaily-2017",
        title="BuzzerDaily (2017-08): full list of mobile number prefixes (the part read)",
        url="http://www.buzzerdaily.com/2017/08/what-network-globe-smart-sun.html",
        published="2017-08",
        checked=CHECKED,
        prefixes=(
            ("Smart", _split("813 900 907 908 909 910 911 912 913 914 918 919 920 921")),
            ("Globe", _split("817 905 906 915 916 917")),
            ("Sun", _split("922")),
        ),
    ),
)

SOURCES: dict[str, tuple[str, str]] = {
    LIBPHONENUMBER: (
        f"libphonenumber {PHONENUMBERS_VERSION}: PH metadata and carrier/en/63.txt",
        "https://github.com/google/libphonenumber/blob/master/resources/carrier/en/63.txt",
    ),
    **{source.key: (source.title, source.url) for source in COMMUNITY},
}


def _index(sources: tuple[PrefixSource, ...]) -> dict[str, list[tuple[str, str]]]:
    """Prefix -> every (name, source key) the lists give it."""
    index: dict[str, list[tuple[str, str]]] = {}
    for source in sources:
        for name, listed in source.prefixes:
            for prefix in listed:
                index.setdefault(prefix, []).append((name, source.key))
    return index


_COMMUNITY_NAMES = _index(COMMUNITY)


def _libphonenumber(national: str) -> str | None:
    """libphonenumber's network for a whole national number: a name, "" if it names none,
    None if it does not take the number as mobile."""
    if not any(national.startswith(prefix) for prefix in MOBILE_PREFIXES):
        return None
    for end in range(len(national), 0, -1):
        name = NETWORKS.get(national[:end])
        if name is not None:
            return _CANONICAL.get(name, name)
    return ""


def allocations(national: str) -> tuple[Allocation, ...]:
    """Every network some source gives the whole national number's prefix, sorted by name."""
    found: dict[str, list[str]] = {}
    name = _libphonenumber(national)
    if name:
        found.setdefault(name, []).append(LIBPHONENUMBER)
    for listed, key in _COMMUNITY_NAMES.get(national[:3], []):
        found.setdefault(listed, []).append(key)
    return tuple(Allocation(name, tuple(keys)) for name, keys in sorted(found.items()))


def known(national: str) -> bool:
    """Does any source list this whole national number's prefix as mobile?"""
    return _libphonenumber(national) is not None or national[:3] in _COMMUNITY_NAMES


def could_be_mobile(start: str) -> bool:
    """Can a national number starting with ``start`` (or ``start`` itself, cut short) be a
    mobile number? Every ``9`` prefix can; an ``8`` prefix only where a source lists it."""
    if start.startswith("9") or start == "":
        return True
    listed = (*MOBILE_PREFIXES, *_COMMUNITY_NAMES)
    return any(start.startswith(prefix) or prefix.startswith(start) for prefix in listed)
