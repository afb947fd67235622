"""Numbers as plans write them: 98, 3.5, 一, 两, 十二, 百分之九十, 二〇二三.

Only plausible quantities become numbers: a run of more than nine digits (or
of Chinese numerals longer than a plausible count) is left as text.

>>> parse_number("98"), parse_number("两"), parse_number("十二"), parse_number("一百二十")
(98.0, 2.0, 12.0, 120.0)
>>> parse_number("9" * 400) is None
True
"""

from __future__ import annotations

from functools import lru_cache

# The character classes other modules build patterns from.
CN_DIGITS = "零〇一二两三四五六七八九"
CN_NUMERAL = f"[{CN_DIGITS}十百千万]"
# An Arabic number: at most nine integer digits, not part of a longer digit run.
ARABIC = r"(?<![\d.])\d{1,9}(?:\.\d{1,3})?(?![\d])"
CHINESE = rf"{CN_NUMERAL}{{1,6}}"
NUMBER = rf"(?:{ARABIC}|{CHINESE})"
# Largest value taken as a quantity; anything above stays text.
MAX_VALUE = 1e8

_SMALL = {c: float(i) for i, c in enumerate("零一二三四五六七八九")}
_SMALL.update({"〇": 0.0, "两": 2.0, "十": 10.0})  # a lone 百/千/万 is a word (千方百计), not a number


def parse_number(text: str) -> float | None:
    """The value of an Arabic or Chinese number, or None when it is not a plausible one."""
    text = text.strip()
    if not text:
        return None
    if text[0].isascii():
        if len(text.split(".")[0]) > 9:
            return None
        try:
            value = float(text)
        except ValueError:
            return None
    else:
        value = _chinese(text)
    if value is None or not 0 <= value <= MAX_VALUE:
        return None
    return value


@lru_cache(maxsize=4096)
def _chinese(text: str) -> float | None:
    if len(text) == 1:
        return _SMALL.get(text)
    if len(text) > 8 or text[0] in "百千万":
        return None
    if all(c in "零〇一二三四五六七八九" for c in text):  # 二〇二三: digit by digit
        return float("".join(str(int(_SMALL[c])) for c in text))
    import cn2an  # only numbers longer than one character need it

    try:
        return float(cn2an.cn2an(text.replace("两", "二"), "smart"))
    except (ValueError, KeyError, TypeError, IndexError, AttributeError):
        return None


def percent_value(text: str) -> float | None:
    """百分之九十 → 90.0, 百分之百 → 100.0.

    >>> percent_value("百分之九十"), percent_value("百分之百"), percent_value("百分之九十五点五")
    (90.0, 100.0, 95.5)
    """
    if not text.startswith("百分之"):
        return None
    rest = text[3:]
    if rest == "百":
        return 100.0
    whole, _, frac = rest.partition("点")
    value = parse_number(whole)
    if value is None:
        return None
    if frac:
        if not all(c in _SMALL for c in frac):
            return None
        value += float("0." + "".join(str(int(_SMALL[c])) for c in frac))
    return value
