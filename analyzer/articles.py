"""News articles: read saved pages and text files into :class:`Article` objects.

Three kinds of file are read:

- plain text or Markdown (anything that decodes as text);
- saved HTML pages (and single-file MHTML saves), whose main text is
  extracted and page chrome dropped (see :mod:`analyzer.article_html`);
- files that only list URLs, which are refused with a clear message, since
  the tool never goes online.

Text is cleaned the same way whatever its source: Markdown links and emphasis
are unwrapped, chrome lines (share prompts, "Region:"/"Tags:" lines, image
credits) are dropped, and the site boilerplate at the end of a page (reader
notes, copyright, disclaimers, "Related articles", ...) is cut. Title, outlet
and date come from page metadata where there is some, otherwise from the
header lines of the text (a heading, a byline, a "Site, July 30, 2019" line, a
"[Outlet Staff Reporter]" attribution or a "CITY (Outlet) -" dateline).
"""

from __future__ import annotations

import html
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from analyzer import article_meta as meta
from analyzer.errors import InputError
from analyzer.model import Article
from analyzer.parsers.decoding import decode

log = logging.getLogger(__name__)

_ASSET_SUFFIXES = frozenset({
    ".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".ico", ".bmp", ".css", ".js",
    ".woff", ".woff2", ".ttf", ".otf", ".mp3", ".mp4", ".pdf", ".zip", ".gz",
})

# --- Markdown -------------------------------------------------------------------------

_MD_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, flags), repl) for pattern, flags, repl in (
        (r"!\[[^\]]*\]\((?:[^()\s]|\([^()]*\))*(?:\s+\"[^\"]*\")?\)", 0, ""),  # images
        (r"\[([^\]\n]+)\]\((?:[^()\s]|\([^()]*\))*(?:\s+\"[^\"]*\")?\)", 0, r"\1"),  # links
        (r"\[([^\]\n]+)\]\[[^\]\n]*\]", 0, r"\1"),  # reference links
        (r"^[ \t]*\[[^\]\n]+\]:[ \t]*\S+.*$", re.M, ""),  # reference definitions
        (r"<(https?://[^>\s]+)>", 0, r"\1"),  # autolinks
        (r"</?(?:br|p|div|span|em|strong|b|i|u|a|sup|sub)\b[^>\n]*>", re.I, ""),  # stray tags
        (r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1", 0, r"\2"),  # bold
        (r"(?<![\w*])\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*(?![\w*])", 0, r"\1"),  # italic *x*
        (r"(?<![\w_])_(?=[^\s_])([^_\n]+?)(?<=[^\s_])_(?![\w_])", 0, r"\1"),  # italic _x_
        (r"~~(?=\S)(.+?)(?<=\S)~~", 0, r"\1"),  # strike-through
        (r"`([^`\n]+)`", 0, r"\1"),  # inline code
        (r"^[ \t]*>[ \t]?", re.M, ""),  # block quotes
        (r"^[ \t]*[-*+•][ \t]+(?=\S)", re.M, ""),  # bullets
        (r"^[ \t]*(?:[-*_][ \t]*){3,}$", re.M, ""),  # horizontal rules
        (r"^[ \t]*[*#~•·]+[ \t]*$", re.M, ""),  # lone separators ("*")
    )
)
_HEADING = re.compile(r"^[ \t]*#{1,6}[ \t]+(.*?)[ \t#]*$")

# --- Boilerplate ----------------------------------------------------------------------

_SOCIAL = (r"facebook|twitter|x|linkedin|reddit|whatsapp|telegram|email|e-mail|print|"
           r"pinterest|tumblr|vk|weibo|wechat|flipboard|pocket|copy link|share|tweet|mastodon")


def _rx(*patterns: str) -> re.Pattern[str]:
    return re.compile("|".join(patterns), re.IGNORECASE)


# Chrome: lines dropped wherever they stand. Patterns in the _SHORT groups only
# count on a line of at most _SHORT_WORDS words, so a sentence that merely
# contains such words is never taken for chrome.
_CHROME = _rx(
    rf"^(?:(?:{_SOCIAL})[\s,|/·•]*)+$",
    r"^(?:region|theme|tags?|topics?|categor(?:y|ies)|keywords?|filed under|section|"
    r"posted in)\s*:",
    r"^(?:featured image|image|photo|picture|caption|credit|photo credit|image credit|"
    r"illustration|video|file photo|top image|header image)\s*:",
    r"^[(\[]?(?:photo|image|picture|credit|file photo)\s*(?::|/|by\b|courtesy\b)",
    r"^in this (?:\w+ )?(?:photo|image|picture|handout|video|file)\b.*\)\s*$",
    r"^(?:advertisement|advertising|sponsored(?: content)?|promoted|ad)$",
    r"^(?:listen to (?:this|the) article|\d+\s*(?:min(?:ute)?s?) read|reading time\b.*)$",
    r"^(?:loading|load more|show more|show comments|view comments|print this|email this)"
    r"\W*$",
    r"^(?:https?://|www\.)\S+$",
    r"^[\w.+-]+@[\w-]+\.[\w.]+$",
    r"^(?:previous|next|prev)(?: (?:article|post|story|page))?\s*(?:[:>»|].*)?$",
)
_CHROME_SHORT = _rx(
    r"^(?:please )?share (?:this|the|on|via)\b",
    r"\bshare buttons\b|\bforward this article\b|\bcross-?post (?:it|this|on)\b",
    r"^(?:click|tap) (?:here )?to (?:share|print|email|tweet|subscribe|comment|read)",
    r"^(?:read more|read also|also read|see also|related|recommended|watch|listen)\s*[:>|»-]",
)
# Closing boilerplate. Once one of these starts a tail that holds nothing
# article-like, the tail is cut.
_END = _rx(
    r"^note to (?:our )?readers\b",
    r"^(?:the )?original source of this (?:article|story|post)\b",
    r"^(?:this|the) (?:article|story|post|piece) (?:was |is |first |originally )+"
    r"(?:published|posted|appeared)\b",
    r"^(?:originally|first) (?:published|appeared|posted) (?:on|in|at|by)\b",
    r"^(?:republished|reprinted|cross-?posted) (?:from|with)\b",
    r"^(?:copyright|\(c\)|©)\s*(?:©|\(c\)|\d{4}|by\b)",
    r"^©",
    r"^disclaimer\b",
    r"\bcontains copyrighted material\b",
    r"^for (?:media|press|editorial) (?:inquiries|enquiries|contacts?)\b",
    r"^the views (?:and opinions )?expressed in (?:this|the) (?:article|piece|post)\b",
)
_END_SHORT = _rx(
    r"\ball rights reserved\b",
    r"^(?:become|join us as) an? (?:member|subscriber|patron|supporter)\b",
    r"^(?:support|donate to|help) (?:us|our|independent)\b",
    r"^donate\b",
    r"^comment on\b.*\b(?:articles?|page|facebook)\b",
    r"^(?:\d+\s+)?(?:comments?|responses?|replies|discussion)(?:\s*\(\d+\))?\s*:?$",
    r"^(?:leave|post|add|write) a (?:comment|reply|response)\b",
    r"^(?:articles|stories|posts|more) (?:by|from)\s*:?",
    r"^about the (?:author|writer|authors)\b",
    r"^(?:related|recommended|more|similar|further|popular|trending|latest|top)"
    r"(?: \w+)? (?:articles?|stories|posts|news|reads?|reading|coverage|content|links)\s*:?$",
    r"^(?:you|we think you) (?:may|might|will|would) (?:also )?(?:like|enjoy|be interested)",
    r"^(?:most (?:read|popular|viewed|shared)|trending now|editor'?s picks?)\b",
    r"^(?:subscribe|sign up|signup|newsletter|get (?:our|the) newsletter)\b",
    r"^follow (?:us|me|our|the author)\b",
    r"^(?:like us|join us|find us) on\b",
    r"^(?:contact us|about us|privacy(?: policy)?|terms (?:of|and) (?:use|service|conditions)|"
    r"cookie(?:s| policy| settings)?)\b",
    r"^(?:tags?|topics?|filed under)\b",
    r"^(?:source|sources|via)\s*:",
)
# End markers strong enough to cut everything after them, article-like or not
# (author bios, teaser paragraphs of related stories), once past mid-page.
_HARD_END = _rx(
    r"^note to (?:our )?readers\b",
    r"^(?:the )?original source of this\b",
    r"^(?:copyright|\(c\)|©)\s*(?:©|\(c\)|\d{4}|by\b)",
    r"^©",
    r"^disclaimer\b",
    r"^about the (?:author|writer|authors)\s*:?$",
    r"^(?:related|recommended|more|similar|further)(?: \w+)? (?:articles?|stories|posts|"
    r"news|reads?|reading|coverage)\s*:?$",
    r"^(?:you|we think you) (?:may|might|will|would) (?:also )?(?:like|enjoy)\b.{0,30}$",
    r"^(?:articles|stories|posts) by\s*:?",
    r"^(?:leave|post|add|write) a (?:comment|reply|response)\W*$",
    r"^(?:\d+\s+)?comments?(?:\s*\(\d+\))?\s*:?$",
)
_SHORT_WORDS = 40
_END_SHORT_WORDS = 20

_TERMINAL = re.compile(r"[.!?:;…\"'”’)\]]\s*$")
_ARTICLE_LIKE_WORDS = 15
_HARD_END_FROM = 0.4  # share of the text after which a hard end marker cuts


def is_boilerplate(line: str) -> bool:
    """Return True if ``line`` on its own is page chrome or site boilerplate.

    Covers share prompts, social-media button rows, "Region:"/"Tags:" lines,
    image credits, reader notes, copyright and disclaimer lines, membership
    and newsletter prompts, "Related articles" headers and the like.
    """
    return _is_chrome(line) or _is_end(line)


def _is_chrome(line: str) -> bool:
    line = line.strip()
    return bool(line) and bool(_CHROME.search(line) or (
        len(line.split()) <= _SHORT_WORDS and _CHROME_SHORT.search(line)))


def _is_end(line: str) -> bool:
    line = line.strip()
    return bool(line) and bool(_END.search(line) or (
        len(line.split()) <= _END_SHORT_WORDS and _END_SHORT.search(line)))


# --- Loading --------------------------------------------------------------------------


def load_articles(paths: Sequence[str | Path]) -> tuple[Article, ...]:
    """Read news articles from files and folders.

    Args:
        paths: Files, or folders whose regular, non-hidden files are read in
            natural order ("2" before "10"). Inside a folder, binary files and
            page assets (images, style sheets, scripts) are skipped.

    Returns:
        One article per file, in the order given. ``Article.id`` is the file
        stem, made unique with the file name where two stems collide.

    Raises:
        InputError: If a path is missing, a folder holds no readable file, a
            file only lists URLs, or a file yields no article text.
    """
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            members = [p for p in path.iterdir() if p.is_file() and not p.name.startswith(".")
                       and p.suffix.lower() not in _ASSET_SUFFIXES]
            members.sort(key=lambda p: _natural_key(p.name))
            readable = [p for p in members if not _is_binary(p)]
            if not readable:
                raise InputError(f"{path}: no article files in this folder")
            files.extend(readable)
        elif path.is_file():
            files.append(path)
        else:
            raise InputError(f"{path}: no such file or directory")
    articles: list[Article] = []
    used: set[str] = set()
    for path in files:
        article = read_article(path)
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


def read_article(path: str | Path) -> Article:
    """Read one article file (text, Markdown, HTML or MHTML).

    Raises:
        InputError: If the file cannot be read, only lists URLs, or holds no
            article text.
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    text = _decode(data, str(path))
    if _lists_urls(text):
        raise InputError(f"{path}: lists URLs; fetch the pages and pass the saved files")
    page = _mhtml_html(data) if _looks_like_mhtml(path, text) else None
    if page is not None or _looks_like_html(text):
        article = article_from_html(page or text, path.stem, source=str(path))
    else:
        article = article_from_text(text, path.stem, source=str(path))
    if not article.text.strip():
        raise InputError(f"{path}: no article text found")
    return article


def article_from_html(page: str, article_id: str, source: str | None = None) -> Article:
    """Build an article from a saved HTML page: main text, metadata, no chrome."""
    from analyzer.article_html import extract

    found = extract(page)
    body = _clean(found.text)
    header = _read_header(body.split("\n\n"), title_known=found.title)
    stripped = _strip_attribution("\n\n".join(header.rest))
    return Article(
        id=article_id,
        title=found.title or header.title,
        outlet=found.outlet or header.outlet or stripped.outlet or header.author,
        date=found.date or header.date,
        text=stripped.text,
        source=source,
    )


def article_from_text(text: str, article_id: str, source: str | None = None) -> Article:
    """Build an article from plain text or Markdown.

    The header lines give title, outlet and date; the body is cleaned of
    Markdown, chrome lines and the closing site boilerplate.
    """
    text, front = meta.front_matter(_normalise(text))
    lines = text.split("\n")
    heading = next((m.group(1) for line in lines[:8] if (m := _HEADING.match(line))), None)
    body = _clean(text)
    header = _read_header(body.split("\n\n"), title_known=front.get("title") or heading)
    stripped = _strip_attribution("\n\n".join(header.rest))
    outlet = front.get("outlet") or header.outlet or stripped.outlet or header.author
    return Article(
        id=article_id,
        title=front.get("title") or (_clean(heading) if heading else None) or header.title,
        outlet=outlet,
        date=meta.find_date(front["date"]) if front.get("date") else header.date,
        text=stripped.text,
        source=source,
    )


# --- Cleaning -------------------------------------------------------------------------


def _normalise(text: str) -> str:
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    text = re.sub(r"[\u00a0\u2007\u202f]", " ", text)
    return re.sub(r"[\u200b-\u200d\u2060]", "", text)


def _clean(text: str) -> str:
    """Unwrap Markdown, drop chrome lines, repair paragraphs and cut the tail."""
    text = _normalise(text)
    text = "\n".join(_HEADING.sub(r"\1", line) for line in text.split("\n"))
    for pattern, repl in _MD_RULES:
        text = pattern.sub(repl, text)
    text = html.unescape(text)
    text = re.sub(r"[ \t]+(?=[.,;:!?](?:\s|$))", "", text)  # "a map and ." once an image went
    units = _units(text)
    units = _cut_tail(units)
    units = [u for u in units if not _is_chrome(u)]
    return "\n\n".join(_join_broken(units))


def _units(text: str) -> list[str]:
    """Split text into paragraphs; lines of a paragraph stay together if hard-wrapped."""
    units: list[str] = []
    for block in re.split(r"\n[ \t]*\n", text):
        lines = [re.sub(r"[ \t]+", " ", line).strip() for line in block.split("\n")]
        lines = [line for line in lines if line]
        if not lines:
            continue
        if len(lines) > 1 and _hard_wrapped(lines):
            units.append(" ".join(lines))
        else:
            units.extend(lines)
    return units


def _hard_wrapped(lines: list[str]) -> bool:
    inner = lines[:-1]
    if any(is_boilerplate(line) for line in lines):
        return False
    open_ended = sum(1 for line in inner if not _TERMINAL.search(line))
    return open_ended * 2 >= len(inner) and min(len(line) for line in inner) >= 40


def _cut_tail(units: list[str]) -> list[str]:
    """Cut the closing boilerplate of a page.

    A hard end marker ("Note to readers", "Copyright ©", "About the author",
    "Related articles") past :data:`_HARD_END_FROM` of the text cuts everything
    after it. Otherwise the tail is cut from the first boilerplate line that is
    followed by nothing article-like.
    """
    total = sum(len(u) for u in units) or 1
    seen = 0
    for i, unit in enumerate(units):
        if seen / total >= _HARD_END_FROM and _HARD_END.search(unit):
            return units[:i]
        seen += len(unit)
    last_prose = -1
    for i, unit in enumerate(units):
        if not is_boilerplate(unit) and len(unit.split()) >= _ARTICLE_LIKE_WORDS:
            last_prose = i
    for i in range(last_prose + 1, len(units)):
        if is_boilerplate(units[i]):
            return units[:i]
    return units


def _join_broken(units: list[str]) -> list[str]:
    """Rejoin a sentence split by a stray blank line ("over the\\n\\nislands")."""
    joined: list[str] = []
    for unit in units:
        if joined and not _TERMINAL.search(joined[-1]) and unit[:1].islower() \
                and len(joined[-1].split()) >= 6:
            joined[-1] = f"{joined[-1]} {unit}"
        else:
            joined.append(unit)
    return joined


# --- Header ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Header:
    title: str | None
    outlet: str | None
    author: str | None
    date: str | None
    rest: tuple[str, ...]


_HEADER_LINES = 12
_TITLE_WORDS = 30


def _read_header(units: list[str], title_known: str | None) -> _Header:
    """Take title, byline, outlet and date lines off the top of the text."""
    title = outlet = author = date = None
    rest = list(units)
    i = 0
    while i < min(len(rest), _HEADER_LINES):
        unit = rest[i]
        words = len(unit.split())
        if words > _TITLE_WORDS or (words >= _ARTICLE_LIKE_WORDS and _sentences_in(unit) > 1):
            break  # the body has started
        found = meta.header_line(unit)
        if found is not None:
            outlet = outlet or found.outlet
            author = author or found.author
            date = date or found.date
        elif title is None and _is_title(unit, title_known, first=i == 0, more=len(rest) > 1):
            title = unit
        else:
            i += 1
            continue
        del rest[i]
    return _Header(title, outlet, author, date, tuple(rest))


def _is_title(unit: str, known: str | None, first: bool, more: bool) -> bool:
    """True if ``unit`` is the known title, or (none known) a headline opening the text.

    A headline is the first line, followed by more text, with no closing full
    stop and no dateline or attribution opening.
    """
    if known:
        return _same(unit, known)
    return (first and more and not re.search(r"[.,;:]['\"”’)]*$", unit)
            and meta.attribution(unit) is None)


def _sentences_in(unit: str) -> int:
    return len(re.findall(r"[.!?][\"'”’)]*(?:\s|$)", unit))


def _same(a: str, b: str) -> bool:
    """True if ``a`` is the title ``b`` (ignoring punctuation and case)."""
    def key(s: str) -> str:
        return re.sub(r"\W+", " ", s).strip().lower()
    ka, kb = key(a), key(b)
    return bool(ka) and (ka == kb or (len(ka) > 20 and kb.startswith(ka)))


@dataclass(frozen=True)
class _Stripped:
    text: str
    outlet: str | None


def _strip_attribution(text: str) -> _Stripped:
    """Remove a leading "[Outlet Staff Reporter ...]" or "CITY (Outlet) -" attribution."""
    found = meta.attribution(text)
    if found is None:
        return _Stripped(text, None)
    outlet, end = found
    return _Stripped(text[end:].lstrip(), outlet)



# --- Detection and decoding -----------------------------------------------------------

_URL_LINE = re.compile(
    r"^\s*(?:[-*+•]|\d+[.)])?\s*(?:<?https?://\S+?>?|\[[^\]]*\]\(https?://[^)\s]+\)"
    r"|[^\t]{0,200}\thttps?://\S+)\s*$", re.IGNORECASE)


def _lists_urls(text: str) -> bool:
    lines = [line for line in text.splitlines()
             if line.strip() and not line.lstrip().startswith(("#", "//"))]
    return bool(lines) and all(_URL_LINE.match(line) for line in lines)


def _looks_like_html(text: str) -> bool:
    head = text[:4096].lstrip("\ufeff \t\r\n").lower()
    return head.startswith(("<!doctype html", "<html", "<?xml", "<!--")) or any(
        tag in head for tag in ("<body", "<head", "<article", "<div", "<p>", "<meta "))


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
            payload = part.get_payload(decode=True) or b""
            charset = part.get_content_charset()
            return _decode(payload, "mhtml part", charset)
    return None


def _is_binary(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return b"\x00" in handle.read(8192)
    except OSError:
        return False


def _natural_key(name: str) -> tuple[tuple[int, int | str], ...]:
    return tuple((0, int(part)) if part.isdigit() else (1, part.lower())
                 for part in re.split(r"(\d+)", name) if part)


def _decode(data: bytes, name: str, charset: str | None = None) -> str:
    """Decode bytes with a declared charset if it works, else the shared decoder."""
    if charset:
        try:
            return data.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass
    return decode(data, name)
