#!/usr/bin/env python3
"""Write ``checker/_prefixes.py`` from libphonenumber's data (the ``phonenumbers`` package).

libphonenumber is one source of the checker's prefixes among others: ``checker/prefixes.py``
adds the community prefix lists, each name with its sources, and never refuses a ``09xx``
number only because libphonenumber does not list it.

``checker`` never imports ``phonenumbers``: it is a dev dependency, and the checker
also runs in the browser, where every kilobyte counts. This script copies the three
facts the checker needs into a small generated module:

* ``MOBILE_PREFIXES``: the national-number prefixes of valid Philippine mobile
  numbers, derived from the PH ``mobile`` pattern of the metadata (so 0813, 0817
  and 0895-0898 come from the data, not from memory), and ``MOBILE_LENGTH``.
* ``NETWORKS``: national-number prefix -> the carrier the range was originally
  allocated to, from the English carrier data for +63 (longest prefix wins).
* ``COUNTRY_CODES``: every country calling code, so ``+86 ...`` can be told
  apart from ``+852 ...`` (the codes are prefix-free).

Usage (from the repository root)::

    .venv/bin/python scripts/generate_prefixes.py          # rewrite checker/_prefixes.py
    .venv/bin/python scripts/generate_prefixes.py --check  # exit 1 if it is out of date

``tests/oracle/test_phone_oracle.py`` fails when the committed file drifts from
what this script produces.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import textwrap
from pathlib import Path

import phonenumbers
from phonenumbers.carrierdata import CARRIER_DATA

REGION = "PH"
LANG = "en"
OUTPUT = Path(__file__).resolve().parent.parent / "checker" / "_prefixes.py"
DIGITS = "0123456789"


def region() -> tuple[phonenumbers.PhoneMetadata, phonenumbers.PhoneNumberDesc]:
    """The PH metadata and its mobile numbers' description (both optional in the library)."""
    metadata = phonenumbers.PhoneMetadata.metadata_for_region(REGION)
    if metadata is None or metadata.mobile is None:
        raise SystemExit(f"phonenumbers has no mobile metadata for {REGION}")
    return metadata, metadata.mobile


def mobile_length() -> int:
    lengths: tuple[int, ...] = tuple(region()[1].possible_length)
    if len(lengths) != 1:
        raise SystemExit(f"PH mobile numbers have several lengths {lengths}; update the checker")
    return lengths[0]


def mobile_prefixes(pattern: str, length: int) -> list[str]:
    """The shortest prefixes P such that every ``length``-digit number starting with P matches.

    A prefix whose completions all agree is a leaf; a prefix whose sampled completions
    disagree is split into its ten children, down to whole numbers if need be. The
    samples are every next digit followed by runs of 0, 5 and 9 and by fixed
    pseudo-random digits; the oracle test then checks every prefix against
    ``phonenumbers`` itself.
    """
    matcher = re.compile(pattern)
    rng = random.Random(63)
    found: list[str] = []

    def verdict(prefix: str) -> bool | None:
        rest = length - len(prefix)
        if rest == 0:
            return matcher.fullmatch(prefix) is not None
        fills = [d * (rest - 1) for d in "059"]
        fills += ["".join(rng.choice(DIGITS) for _ in range(rest - 1)) for _ in range(4)]
        answers = {
            matcher.fullmatch(prefix + digit + fill) is not None
            for digit in DIGITS
            for fill in fills
        }
        return answers.pop() if len(answers) == 1 else None

    def walk(prefix: str) -> None:
        answer = verdict(prefix)
        if answer is None:
            for digit in DIGITS:
                walk(prefix + digit)
        elif answer:
            found.append(prefix)

    walk("")
    return found


def networks(country_code: int) -> dict[str, str]:
    prefix = str(country_code)
    table = {
        key[len(prefix) :]: names[LANG]
        for key, names in CARRIER_DATA.items()
        if key.startswith(prefix) and names.get(LANG)
    }
    return dict(sorted(table.items()))


def country_codes() -> list[str]:
    codes = sorted(phonenumbers.COUNTRY_CODE_TO_REGION_CODE, key=lambda c: (len(str(c)), c))
    strings = [str(code) for code in codes]
    for code in strings:
        for other in strings:
            if other != code and other.startswith(code):
                raise SystemExit(f"country codes are not prefix-free: {code} / {other}")
    return strings


def _lines(items: list[str]) -> str:
    """One quoted item a line, the layout ``ruff format`` keeps."""
    return "".join(f'    "{item}",\n' for item in items)


def render() -> str:
    metadata, mobile = region()
    if mobile.national_number_pattern is None or metadata.country_code is None:
        raise SystemExit(f"phonenumbers' {REGION} metadata lacks the mobile pattern or the code")
    length = mobile_length()
    prefixes = mobile_prefixes(mobile.national_number_pattern, length)
    table = networks(metadata.country_code)
    codes = country_codes()
    network_lines = "".join(f'    "{key}": "{name}",\n' for key, name in table.items())
    return f'''\
"""GENERATED by scripts/generate_prefixes.py from libphonenumber data: do not edit.

Source: the ``phonenumbers`` package {phonenumbers.__version__}: the PH metadata, the
carrier/en data and the country calling codes. Regenerate after upgrading it::

    .venv/bin/python scripts/generate_prefixes.py
"""

PHONENUMBERS_VERSION = "{phonenumbers.__version__}"
COUNTRY_CODE = "{metadata.country_code}"

# A Philippine mobile number has MOBILE_LENGTH national digits and starts with one
# of MOBILE_PREFIXES (national digits, without the trunk 0).
MOBILE_LENGTH = {length}
MOBILE_PREFIXES: tuple[str, ...] = (
{_lines(prefixes)})

# National-number prefix -> the carrier the range was originally allocated to.
# Look up the longest matching prefix.
NETWORKS: dict[str, str] = {{
{network_lines}}}

# Every country calling code; no code is a prefix of another.
COUNTRY_CODES: frozenset[str] = frozenset(
    {{
{textwrap.indent(_lines(codes), "    ")}    }}
)
'''


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the file is stale")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    text = render()
    if args.check:
        current = args.output.read_text(encoding="utf-8") if args.output.exists() else ""
        if current != text:
            print(f"{args.output} is stale: run scripts/generate_prefixes.py", file=sys.stderr)
            return 1
        return 0
    args.output.write_text(text, encoding="utf-8")
    print(f"wrote {args.output} ({len(text.encode())} bytes)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
