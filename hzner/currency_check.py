"""Checking ``yuan``: the currency a bare 元 stands for.

`check_yuan` is shared by `hzner.load`, the spaCy components' config and
`hzner.Extractor`, so that all three accept and refuse the same values.

The yuan currencies are those whose unit is written 元 (or 圓) in Chinese,
by their ISO 4217 codes: the renminbi (CNY), the New Taiwan dollar (TWD),
the Hong Kong dollar (HKD, 港元) and the Macanese pataca (MOP, 澳门元).
"""

from __future__ import annotations

from .errors import Errors

__all__ = ["YUAN_CURRENCIES", "check_yuan"]

YUAN_CURRENCIES = frozenset({"CNY", "HKD", "MOP", "TWD"})


def check_yuan(yuan: object, where: str = "yuan") -> str | None:
    """Return ``yuan`` if it is None or the ISO code of a yuan currency.

    Parameters
    ----------
    yuan
        The value to check.
    where
        What received it, for the message (``"hzner.load"``).

    Raises
    ------
    TypeError
        [E100] if ``yuan`` is neither a str nor None.
    ValueError
        [E101] if it is a str but not one of `YUAN_CURRENCIES`.

    Examples
    --------
    >>> check_yuan("TWD")
    'TWD'
    >>> check_yuan("USD")
    Traceback (most recent call last):
    ...
    ValueError: [E101] yuan: yuan='USD' is not the ISO 4217 code of a yuan currency; \
expected one of CNY, HKD, MOP, TWD.

    """
    if yuan is None:
        return None
    if not isinstance(yuan, str):
        raise TypeError(Errors.E100.format(where=where, type=type(yuan).__name__))
    if yuan not in YUAN_CURRENCIES:
        allowed = ", ".join(sorted(YUAN_CURRENCIES))
        raise ValueError(Errors.E101.format(where=where, value=yuan, allowed=allowed))
    return yuan
