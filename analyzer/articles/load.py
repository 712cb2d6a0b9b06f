"""Reading news article files: text, Markdown, saved HTML and MHTML pages.

Files that only list URLs are refused with a clear message, since the tool
never goes online.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from analyzer.articles.text import article_from_html, article_from_text
from analyzer.errors import InputError
from analyzer.model import Article
from analyzer.parsers.base import looks_like_html
from analyzer.reading.decoding import decode
from analyzer.reading.limits import DEFAULT_MAX_SIZE, check_size
from analyzer.reading.paths import expand_paths

log = logging.getLogger(__name__)

_ASSET_SUFFIXES = frozenset({
    ".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".ico", ".bmp", ".css", ".js",
    ".woff", ".woff2", ".ttf", ".otf", ".mp3", ".mp4", ".pdf", ".zip", ".gz",
})


def load_articles(paths: Sequence[str | Path],
                  max_size: int | None = DEFAULT_MAX_SIZE) -> tuple[Article, ...]:
    """Read news articles from files and folders.

    Args:
        paths: Files, or folders whose regular, non-hidden files are read in
            natural order ("2" before "10"). Inside a folder, binary files and
            page assets (images, style sheets, scripts) are skipped.
        max_size: Refuse a file larger than this many bytes, before reading
            it (None: no limit).

    Returns:
        One article per file, in the order given. ``Article.id`` is the file
        stem, made unique with the file name where two stems collide.

    Raises:
        InputError: If a path is missing, a folder holds no readable file, a
            file is over the size limit, only lists URLs, or yields no
            article text.
    """
    files = expand_paths(paths, keep=_is_article_file)
    articles: list[Article] = []
    used: set[str] = set()
    for path in files:
        article = read_article(path, max_size)
        article_id = article.id
        if article_id in used:
            article_id = path.name
            number = 2
            while article_id in used:
                article_id, number = f"{path.name}~{number}", number + 1
            article = replace(article, id=article_id)
        used.add(article_id)
        articles.append(article)
    return tuple(articles)


def read_article(path: str | Path, max_size: int | None = DEFAULT_MAX_SIZE) -> Article:
    """Read one article file (text, Markdown, HTML or MHTML).

    Raises:
        InputError: If the file cannot be read, is over ``max_size`` bytes,
            only lists URLs, or holds no article text.
    """
    path = Path(path)
    try:
        check_size(path, max_size)
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    text = _decode(data, str(path))
    if _lists_urls(text):
        raise InputError(f"{path}: lists URLs; fetch the pages and pass the saved files")
    page = _mhtml_html(data) if _looks_like_mhtml(path, text) else None
    if page is not None or looks_like_html(text):
        article = article_from_html(page or text, path.stem, source=str(path))
    else:
        article = article_from_text(text, path.stem, source=str(path))
    if not article.text.strip():
        raise InputError(f"{path}: no article text found")
    return article


# --- Detection and decoding -----------------------------------------------------------

_URL_LINE = re.compile(
    r"^\s*(?:[-*+•]|\d+[.)])?\s*(?:<?https?://\S+?>?|\[[^\]]*\]\(https?://[^)\s]+\)"
    r"|[^\t]{0,200}\thttps?://\S+)\s*$", re.IGNORECASE)


def _lists_urls(text: str) -> bool:
    lines = [line for line in text.splitlines()
             if line.strip() and not line.lstrip().startswith(("#", "//"))]
    return bool(lines) and all(_URL_LINE.match(line) for line in lines)


def _looks_like_mhtml(path: Path, text: str) -> bool:
    head = text[:2048].lower()
    return path.suffix.lower() in {".mht", ".mhtml"} or (
        "mime-version:" in head and "multipart/related" in head)


def _mhtml_html(data: bytes) -> str | None:
    """Return the first HTML part of a single-file (MHTML) page save."""
    import email
    from email import policy

    message = email.message_from_bytes(data, policy=policy.default)
    for part in message.walk():
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True)
            if not isinstance(payload, bytes):  # a multipart part has no payload of its own
                payload = b""
            charset = part.get_content_charset()
            return _decode(payload, "mhtml part", charset)
    return None


def _is_article_file(path: Path) -> bool:
    """Inside a folder, skip page assets (images, styles, scripts) and binaries."""
    return path.suffix.lower() not in _ASSET_SUFFIXES and not _is_binary(path)


def _is_binary(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return b"\x00" in handle.read(8192)
    except OSError:
        return False


def _decode(data: bytes, name: str, charset: str | None = None) -> str:
    """Decode bytes with a declared charset if it works, else the shared decoder."""
    if charset:
        try:
            return data.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass
    return decode(data, name)
