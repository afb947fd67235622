"""Turn a file into text: plain text in the encodings Chinese files come in, .docx, .html, .pdf.

The text returned is what every offset indexes into: it is decoded, never
normalized (no newline translation, no width folding).
"""

from __future__ import annotations

import codecs
import io
import re
from pathlib import Path

from .errors import LoadError, UnsupportedFormatError

# Signatures of binary formats people rename to .txt by mistake.
_MAGIC = {
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive",
    b"\xd0\xcf\x11\xe0": "an old binary Office document (.doc/.wps/.xls: save it as .docx)",
    b"\x7fELF": "an executable",
    b"\x1f\x8b": "a gzip archive",
    b"Rar!": "a RAR archive",
}

# Very frequent characters in Chinese prose, simplified and traditional. Text
# decoded with the wrong legacy codec turns into rare characters, so the share
# of these tells the right codec from the wrong one.
_COMMON = set(
    "的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发后作里"
    "用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心她本前开但因只从想实"
    "日军者意无力它与长把机十民第公此已工使情明性知全三又关点正业外将两高间由问很最重并物手应战向头文体政"
    "美相见被利什二等产或新己制身果加西斯月话合回特代内信表化老给世位次度门任常先海通教儿原东声提立及比员"
    "解水名真论处走义各入几口认条平系气题活尔更别打女变四神总何电数安少报才结反受目太量再感建务做接必场件"
    "计划工作校师生德育课程管理质量提高加强开展活动组织全面落实进一步培养促进"
    "這個們來為國說時會對於著過發後裡現當動麼還進從實與經當點業將兩間問從關係學師計劃與體課組織開展活動"
)


def load_text(path: str | Path) -> str:
    """Read a file and return its decoded text, raising LoadError naming the file on failure."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except IsADirectoryError:
        raise LoadError("is a directory, not a file", str(p)) from None
    except FileNotFoundError:
        raise LoadError("no such file", str(p)) from None
    except OSError as exc:
        raise LoadError(f"cannot be read ({exc.strerror or exc})", str(p)) from None

    suffix = p.suffix.lower()
    if suffix == ".docx":
        return _docx_text(data, str(p))
    if suffix in (".html", ".htm", ".xhtml"):
        return html_to_text(decode_bytes(data, str(p)))
    if suffix == ".pdf":
        return _pdf_text(data, str(p))
    if data.startswith(b"PK\x03\x04") and b"word/document.xml" in data[:65536]:
        return _docx_text(data, str(p))
    if data.startswith(b"%PDF"):
        return _pdf_text(data, str(p))
    text = decode_bytes(data, str(p))
    if _HTML_PAGE.match(text):
        return html_to_text(text)  # a web page saved under another name (.txt)
    return text


_HTML_PAGE = re.compile(r"\ufeff?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)[\s>]", re.IGNORECASE | re.DOTALL)


def decode_bytes(data: bytes, source: str | None = None) -> str:
    """Decode bytes of a Chinese text file: BOM, UTF-8, UTF-16, GB18030 (GBK/GB2312) or Big5."""
    if not data:
        raise LoadError("the file is empty", source)
    for bom, codec in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as exc:
                raise LoadError(f"starts with a {codec} byte-order mark but is not {codec} ({exc.reason})", source) from None
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            raise UnsupportedFormatError(f"is {what}, not a text document", source)

    utf16 = _bomless_utf16(data)
    if utf16 is not None:
        return utf16
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = _decode_legacy(data, source)
    if _looks_binary(text):
        raise UnsupportedFormatError("looks like a binary file, not text", source)
    return text


def _bomless_utf16(data: bytes) -> str | None:
    # ASCII-heavy UTF-16 without a BOM has NULs on one side of every pair;
    # CJK-only UTF-16 has none and is left to the scoring in _decode_legacy.
    sample = data[:4096]
    if len(sample) < 4 or len(data) % 2:
        return None
    even_nul = sample[0::2].count(0) / len(sample[0::2])
    odd_nul = sample[1::2].count(0) / len(sample[1::2])
    if odd_nul > 0.3 and even_nul < 0.05:
        codec = "utf-16-le"
    elif even_nul > 0.3 and odd_nul < 0.05:
        codec = "utf-16-be"
    else:
        return None
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


def _decode_legacy(data: bytes, source: str | None) -> str:
    candidates: list[tuple[float, str]] = []
    for codec in ("gb18030", "big5", "utf-16-le", "utf-16-be"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        candidates.append((_chinese_score(text), text))
    # Bytes that decode only into rare characters are not text in any of these codecs.
    good = [c for c in candidates if c[0] >= _MIN_SCORE]
    if not good:
        raise LoadError("cannot be decoded as UTF-8, UTF-16, GB18030 or Big5 text", source)
    return max(good, key=lambda c: c[0])[1]


_MIN_SCORE = 0.2


def _chinese_score(text: str) -> float:
    """Share of common Chinese characters among the hanzi (or of printable ASCII when there are few)."""
    sample = text[:20000]
    hanzi = [c for c in sample if "\u4e00" <= c <= "\u9fff"]
    if len(hanzi) < 20:
        printable = sum(c.isprintable() or c in "\r\n\t" for c in sample)
        return 0.5 * printable / max(1, len(sample)) if not _looks_binary(sample) else 0.0
    return sum(c in _COMMON for c in hanzi) / len(hanzi)


def _looks_binary(text: str) -> bool:
    sample = text[:8192]
    if not sample:
        return False
    bad = sum(1 for c in sample if (ord(c) < 32 and c not in "\t\n\r\f\v\x00") or "\ue000" <= c <= "\uf8ff")
    nul = sample.count("\x00")
    return (bad + nul) / len(sample) > 0.1


def html_to_text(html: str) -> str:
    """Visible text of an HTML page, one block element a line."""
    try:
        from bs4 import BeautifulSoup
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise LoadError("reading HTML needs beautifulsoup4 (pip install 'planparse[formats]')") from exc
    soup = BeautifulSoup(html, "html.parser")
    for tag in soup(["script", "style", "noscript", "template"]):
        tag.decompose()
    for br in soup.find_all("br"):
        br.replace_with("\n")
    _draw_list_numbers(soup)
    for cell in soup.find_all(["td", "th"]):
        if cell.find_previous_sibling(["td", "th"]) is not None:
            cell.insert_before(" | ")  # cells of a row on one line, apart (as .docx tables)
    for tag in soup.find_all(_BLOCKS):
        tag.insert_before("\n")
        tag.insert_after("\n")
    lines = [line.strip() for line in soup.get_text().splitlines()]
    return "\n".join(line for line in lines if line)


_BLOCKS = "p div li h1 h2 h3 h4 h5 h6 tr table section article header footer blockquote pre dt dd".split()
# The numbers a browser draws before the items of an ordered list: <ol type=…> or its
# list-style-type, as a number format (see `docx_lists.format_number`) and what follows it.
_OL_TYPES = {"1": ("decimal", "."), "a": ("lowerLetter", "."), "A": ("upperLetter", "."),
             "i": ("lowerRoman", "."), "I": ("upperRoman", ".")}
_LIST_STYLES = {"decimal": ("decimal", "."), "decimal-leading-zero": ("decimalZero", "."),
                "lower-alpha": ("lowerLetter", "."), "lower-latin": ("lowerLetter", "."),
                "upper-alpha": ("upperLetter", "."), "upper-latin": ("upperLetter", "."),
                "lower-roman": ("lowerRoman", "."), "upper-roman": ("upperRoman", "."),
                "cjk-ideographic": ("chineseCounting", "、"), "simp-chinese-informal": ("chineseCounting", "、"),
                "trad-chinese-informal": ("chineseCounting", "、"), "cjk-decimal": ("decimal", "、"),
                "none": ("none", "")}
_LIST_STYLE = re.compile(r"list-style(?:-type)?\s*:\s*([a-z-]+)", re.IGNORECASE)


def _draw_list_numbers(soup) -> None:
    """Write the numbers of ordered-list items into the text, as a browser shows them."""
    from .docx_lists import format_number, int_attr

    for ol in soup.find_all("ol"):
        style = _LIST_STYLE.search(ol.get("style") or "")
        fmt, after = (_LIST_STYLES.get(style.group(1).lower(), ("decimal", ".")) if style
                      else _OL_TYPES.get(ol.get("type") or "1", ("decimal", ".")))
        n = int_attr(ol.get("start"), 1) - 1
        for li in ol.find_all("li", recursive=False):
            n = int_attr(li.get("value"), n + 1)
            if fmt != "none":
                _first_block(li).insert(0, f"{format_number(n, fmt)}{after}")


def _first_block(tag):
    """Where an item's text begins: inside its first paragraph when it opens with one
    (<li><p>…</p></li>), so that the number stays on the text's line."""
    while True:
        first = next((c for c in tag.contents if not (isinstance(c, str) and not c.strip())), None)
        if first is None or isinstance(first, str) or first.name not in _BLOCKS:
            return tag
        tag = first


def _docx_text(data: bytes, source: str) -> str:
    try:
        import docx  # python-docx
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise LoadError("reading .docx needs python-docx (pip install 'planparse[formats]')", source) from exc
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises many types on corrupt files
        raise LoadError(f"is not a readable .docx file ({type(exc).__name__})", source) from None
    from .docx_lists import ListLabels

    labels = ListLabels(_part_element(document.part, "numbering_part"), _part_element(document, "styles"))
    lines: list[str] = []
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(labels.label(child) + _runs_text(child))
        elif tag == "tbl":
            for row in child.iter():
                if row.tag.endswith("}tr"):
                    cells = []
                    for cell in row.iterchildren():
                        if cell.tag.endswith("}tc"):
                            cells.append("".join(map(_runs_text, cell.iter(_WP))).replace("\n", " "))
                    lines.append(" | ".join(cells))
    return "\n".join(lines)


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_WP, _WR = _W + "p", _W + "r"
# What a run draws: its text, tabs, and line breaks (shift-enter) that start a new line;
# not deleted text or field codes.
_RUN_PIECES = {_W + "t": None, _W + "tab": "\t", _W + "br": "\n", _W + "cr": "\n"}


def _runs_text(paragraph) -> str:
    out = []
    for run in paragraph.iter(_WR):
        for el in run:
            if el.tag in _RUN_PIECES:
                piece = _RUN_PIECES[el.tag]
                out.append((el.text or "") if piece is None else piece)
    return "".join(out)


def _part_element(owner, attribute: str):
    """The XML element of a .docx part (numbering, styles), or None when the file has none."""
    try:
        return getattr(owner, attribute).element
    except (KeyError, NotImplementedError, AttributeError):
        return None


def _pdf_text(data: bytes, source: str) -> str:
    try:
        from pypdf import PdfReader
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise LoadError("reading .pdf needs pypdf (pip install 'planparse[formats]')", source) from exc
    try:
        reader = PdfReader(io.BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages]
    except Exception as exc:  # pypdf raises many types on corrupt files
        raise LoadError(f"is not a readable PDF ({type(exc).__name__})", source) from None
    text = "\n".join(pages)
    if not text.strip():
        raise LoadError("PDF has no extractable text (scanned image?)", source)
    return text
