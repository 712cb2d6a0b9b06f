"""Turn the bytes of an input file into text, once, before any parser runs.

The order follows what a browser does with a saved page, then falls back to
guessing:

1. a byte order mark (UTF-8, UTF-16, UTF-32);
2. for HTML, the ``<meta charset>``, ``http-equiv`` content type or XML
   declaration in the first few kilobytes;
3. strict UTF-8;
4. charset-normalizer's best guess;
5. windows-1252, which decodes every byte.

Like browsers, ISO-8859-1 (and US-ASCII) declarations are read as
windows-1252, so curly quotes saved from Windows come out right. Binary files
and empty files are refused with an :class:`~analyzer.errors.InputError`.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from analyzer.errors import InputError

_SNIFF_BYTES = 4096
_BINARY_SAMPLE = 4096
_CONTROL_SHARE = 0.10
_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v\x1b")

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Labels browsers read as windows-1252 (WHATWG Encoding Standard).
_WINDOWS_1252_ALIASES = frozenset({
    "ascii", "us-ascii", "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1",
    "l1", "cp819", "ibm819", "iso-ir-100", "csisolatin1", "x-cp1252", "windows-1252",
    "cp1252", "ansi_x3.4-1968",
})

_HTML_START = re.compile(rb"^\s*<(?:!doctype\s+html|html|head|meta|\?xml|!--|body)", re.IGNORECASE)
_META_TAG = re.compile(rb"<meta\b[^>]*>", re.IGNORECASE)
_META_CHARSET = re.compile(rb"""charset\s*=\s*["']?\s*([A-Za-z0-9._:\-]+)""", re.IGNORECASE)
_XML_DECL = re.compile(rb"""^\s*<\?xml\b[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._\-]+)["']""",
                       re.IGNORECASE)
_NEWLINES = re.compile(r"\r\n?")
_LATIN1_FALLBACK = "analyzer-latin1-fallback"


def _latin1_fallback(error: UnicodeError) -> tuple[str, int]:
    """Map bytes windows-1252 leaves undefined to the same code points, as browsers do."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    return error.object[error.start:error.end].decode("latin-1"), error.end


codecs.register_error(_LATIN1_FALLBACK, _latin1_fallback)


def decode(data: bytes, name: str) -> str:
    """Decode the raw bytes of an input file.

    Args:
        data: The file's bytes.
        name: The path as the user gave it, used in error messages.

    Returns:
        The text, with newlines normalised to ``\\n`` and no byte order mark.

    Raises:
        InputError: If the file is empty (or only white space), or looks like
            a binary file rather than a saved page or text.
    """
    if not data.strip():
        raise InputError(f"{name}: file is empty")
    text = _decode(data, name)
    text = _NEWLINES.sub("\n", text)
    if _looks_binary(text):
        raise _binary(name)
    if not text.strip():
        raise InputError(f"{name}: file is empty")
    return text


def _binary(name: str) -> InputError:
    return InputError(f"{name}: looks like a binary file, not a saved page or text")


def _decode(data: bytes, name: str) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(encoding, errors="replace")
    wide = _sniff_wide(data[:_BINARY_SAMPLE])
    if wide is not None:
        try:
            return data.decode(wide)
        except UnicodeDecodeError:
            raise _binary(name) from None
    if b"\x00" in data[:_BINARY_SAMPLE]:
        raise _binary(name)
    declared = declared_encoding(data)
    if declared is not None:
        text = _try_decode(data, declared)
        if text is not None:
            return text
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    guessed = _guess(data)
    if guessed is not None:
        return guessed
    return data.decode("cp1252", errors=_LATIN1_FALLBACK)


def declared_encoding(data: bytes) -> str | None:
    """Return the Python codec an HTML page declares for itself, if any.

    Looks at the first few kilobytes for an XML declaration, ``<meta
    charset>`` or ``<meta http-equiv="Content-Type" content="...; charset=...">``.
    ISO-8859-1 and US-ASCII are reported as ``cp1252``; a page claiming UTF-16
    (which cannot be true of bytes that read as ASCII) as ``utf-8``.

    Args:
        data: The start of the file (or the whole file).

    Returns:
        A codec name Python knows, or None if the page declares nothing usable
        or does not look like HTML or XML.
    """
    head = data[:_SNIFF_BYTES]
    if not _HTML_START.search(head):
        return None
    labels: list[bytes] = []
    xml = _XML_DECL.search(head)
    if xml:
        labels.append(xml.group(1))
    for tag in _META_TAG.finditer(head):
        match = _META_CHARSET.search(tag.group(0))
        if match:
            labels.append(match.group(1))
    for label in labels:
        codec = _codec(label.decode("ascii", errors="ignore"))
        if codec is not None:
            return codec
    return None


def _codec(label: str) -> str | None:
    label = label.strip().lower()
    if label in _WINDOWS_1252_ALIASES:
        return "cp1252"
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    if name in ("latin-1", "iso8859-1", "ascii"):
        return "cp1252"
    if name.startswith(("utf-16", "utf-32")):
        return "utf-8"
    return name


def _try_decode(data: bytes, codec: str) -> str | None:
    if codec == "cp1252":
        return data.decode("cp1252", errors=_LATIN1_FALLBACK)
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _guess(data: bytes) -> str | None:
    from charset_normalizer import from_bytes  # only for bytes that are not UTF-8: loaded then

    try:
        best = from_bytes(data).best()
    except Exception:  # a detector failure just means "no guess"
        return None
    if best is None or not best.encoding:
        return None
    codec = _codec(best.encoding)
    if codec is None:
        return None
    return _try_decode(data, codec)


def _sniff_wide(sample: bytes) -> str | None:
    """Recognise UTF-16 or UTF-32 text without a byte order mark."""
    if len(sample) < 8:
        return None
    size = len(sample)
    sample = sample[: size - size % 4]
    quads = len(sample) // 4
    zero_at = [sum(1 for i in range(k, len(sample), 4) if sample[i] == 0) for k in range(4)]
    if quads and zero_at[1] == zero_at[2] == zero_at[3] == quads and zero_at[0] < quads // 2:
        return "utf-32-le"
    if quads and zero_at[0] == zero_at[1] == zero_at[2] == quads and zero_at[3] < quads // 2:
        return "utf-32-be"
    pairs = len(sample) // 2
    even = zero_at[0] + zero_at[2]
    odd = zero_at[1] + zero_at[3]
    if odd >= 0.3 * pairs and even <= 0.02 * pairs:
        return "utf-16-le"
    if even >= 0.3 * pairs and odd <= 0.02 * pairs:
        return "utf-16-be"
    return None


def _looks_binary(text: str) -> bool:
    sample = text[:_BINARY_SAMPLE]
    if "\x00" in sample:
        return True
    controls = sum(
        1 for ch in sample
        if ch not in _ALLOWED_CONTROLS and unicodedata.category(ch) == "Cc" and ord(ch) < 0x80
    )
    return bool(sample) and controls / len(sample) > _CONTROL_SHARE
