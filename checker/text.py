"""Normalising what people paste: full-width digits, Chinese punctuation, odd spaces."""

from __future__ import annotations

import unicodedata

from .errors import CheckerError

MAX_INPUT_LENGTH = 64

# NFKC leaves these as they are, but people type them for "-" or as spaces.
_EXTRA_FOLDS = str.maketrans(
    {
        "\u2212": "-",  # minus sign
        "\u2010": "-",  # hyphen
        "\u2011": "-",  # non-breaking hyphen
        "\u2012": "-",  # figure dash
        "\u2013": "-",  # en dash
        "\u2014": "-",  # em dash
        "\u30fc": "-",  # katakana long vowel, typed for a dash by Japanese and Chinese IMEs
        "\u3002": ".",  # ideographic full stop
        "\u3001": ",",  # ideographic comma
    }
)


def normalise(text: object, *, field: str) -> str:
    """Fold the input to plain ASCII-ish text, or raise ``input.*``.

    Length is checked before any other work, so a megabyte paste costs nothing.

    >>> normalise("０９１８－１２３", field="phone")
    '0918-123'
    >>> normalise("  ₱１，０００ ", field="amount")
    '₱1,000'
    """
    if text is None:
        raise CheckerError(f"{field}.empty")
    if not isinstance(text, str):
        raise CheckerError("input.not_text")
    if len(text) > MAX_INPUT_LENGTH:
        raise CheckerError("input.too_long", limit=str(MAX_INPUT_LENGTH))
    folded = unicodedata.normalize("NFKC", text).translate(_EXTRA_FOLDS)
    cleaned = "".join(" " if ch.isspace() else ch for ch in folded).strip()
    if not cleaned:
        raise CheckerError(f"{field}.empty")
    return cleaned
