"""One exception family for everything a user can get wrong.

Each error carries a stable code (``phone.not_mobile``) that tests, the CLI's
JSON and the page rely on, and the parameters its message needs. The words
live in :mod:`checker.messages`, so an error never carries a language.
"""

from __future__ import annotations


class CheckerError(ValueError):
    """Invalid input, named by a stable ``code``.

    >>> error = CheckerError("amount.too_large", limit="10000")
    >>> error.code, error.params
    ('amount.too_large', {'limit': '10000'})
    """

    def __init__(self, code: str, **params: str) -> None:
        super().__init__(code)
        self.code = code
        self.params = params
