"""Main text and metadata of a saved HTML news page.

trafilatura (a dependency) does the extraction: it drops navigation, footers,
comment sections and link lists, and reads title, site name and publication
date from the page's metadata. Where it finds no text, a small
readability-style heuristic over BeautifulSoup is used: page chrome elements
are removed and the element holding the most paragraph text is taken as the
article.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from urllib.parse import urlparse

from bs4 import BeautifulSoup, Tag

from analyzer.articles.meta import find_date

log = logging.getLogger(__name__)

_CHROME_TAGS = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form",
                "iframe", "svg", "button", "template", "select", "figure", "menu")
_CHROME_HINT = re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|menu|footer|header|masthead|sidebar|share|sharing|social|"
    r"comments?|related|recommend\w*|advert\w*|ads?|promo|cookie|consent|subscribe|"
    r"newsletter|breadcrumbs?|tags|widget|popup|modal|banner)(?:$|[\s_-])", re.IGNORECASE)
_BLOCKS = ("p", "h1", "h2", "h3", "h4", "li", "blockquote", "pre")


@dataclass(frozen=True)
class Extracted:
    """An HTML page's article text (paragraphs separated by blank lines) and metadata."""

    text: str
    title: str | None
    outlet: str | None
    date: str | None


def extract(page: str) -> Extracted:
    """Return the main text, title, outlet and date of an HTML page."""
    found = _with_trafilatura(page)
    if found is None or not found.text.strip():
        fallback = _with_soup(page)
        if found is not None:
            fallback = Extracted(fallback.text, found.title or fallback.title,
                                 found.outlet or fallback.outlet, found.date or fallback.date)
        found = fallback
    return found


def _with_trafilatura(page: str) -> Extracted | None:
    # Imported here, not at the top: it takes about 0.15 s, and only HTML articles need it.
    import trafilatura

    doc = None
    for precision in (True, False):
        try:
            doc = trafilatura.bare_extraction(
                page, with_metadata=True, include_comments=False, include_tables=False,
                favor_precision=precision, favor_recall=not precision, deduplicate=False)
        except Exception as exc:  # noqa: BLE001 - a third-party extractor on arbitrary HTML
            log.debug("trafilatura failed: %s", exc)
            doc = None
        if doc is not None and (_get(doc, "text") or "").strip():
            break
    if doc is None:
        return None
    text = _get(doc, "text") or ""
    paragraphs = [line.strip() for line in text.split("\n") if line.strip()]
    outlet = _get(doc, "sitename") or _host(_get(doc, "url") or _get(doc, "hostname"))
    date = _get(doc, "date")
    return Extracted("\n\n".join(paragraphs), _get(doc, "title"), outlet,
                     find_date(date) if date else None)


def _get(doc: object, name: str) -> str | None:
    value = doc.get(name) if isinstance(doc, dict) else getattr(doc, name, None)
    return str(value).strip() or None if value else None


def _host(url: str | None) -> str | None:
    if not url:
        return None
    try:
        host = urlparse(url if "//" in url else f"//{url}").hostname or ""
    except ValueError:  # "[" starting a host that is not an IPv6 address, say
        return None
    return host.removeprefix("www.") or None


def _with_soup(page: str) -> Extracted:
    soup = BeautifulSoup(page, "lxml")
    title = _meta(soup, "og:title", "twitter:title") or (
        soup.title.get_text(" ", strip=True) if soup.title else None)
    outlet = _meta(soup, "og:site_name", "application-name", "publisher") or _host(
        _meta(soup, "og:url") or _link(soup, "canonical"))
    date = _meta(soup, "article:published_time", "datePublished", "pubdate", "date",
                 "dc.date", "sailthru.date", "parsely-pub-date")
    if not date and (stamp := soup.find("time")) is not None and isinstance(stamp, Tag):
        date = str(stamp.get("datetime") or stamp.get_text(" ", strip=True))
    for tag in soup.find_all(_CHROME_TAGS):
        tag.decompose()
    for tag in soup.find_all(True):
        if tag.decomposed or tag.name in ("html", "body", "article", "main"):
            continue
        hint = " ".join([*(tag.get("class") or []), str(tag.get("id") or ""),
                         str(tag.get("role") or "")])
        if hint.strip() and _CHROME_HINT.search(hint):
            tag.decompose()
    root = _main_element(soup)
    paragraphs = []
    for block in root.find_all(_BLOCKS) if root else []:
        if block.find(_BLOCKS):
            continue  # take the innermost blocks only
        line = re.sub(r"\s+", " ", block.get_text(" ", strip=True)).strip()
        if line:
            paragraphs.append(line)
    if not paragraphs and root is not None:
        paragraphs = [line.strip() for line in root.get_text("\n").split("\n") if line.strip()]
    if title and " | " in title:
        title = title.split(" | ")[0].strip()
    return Extracted("\n\n".join(paragraphs), title, outlet, find_date(date) if date else None)


def _main_element(soup: BeautifulSoup) -> Tag | None:
    for selector in ("[itemprop=articleBody]", "article", "main", "[role=main]"):
        found = soup.select_one(selector)
        if found is not None and len(found.get_text(" ", strip=True)) > 200:
            return found
    best, best_score = None, 0
    for candidate in soup.find_all(("div", "section", "td")):
        score = sum(len(p.get_text(" ", strip=True)) for p in candidate.find_all("p",
                                                                                 recursive=False))
        if score > best_score:
            best, best_score = candidate, score
    return best or soup.body


def _meta(soup: BeautifulSoup, *names: str) -> str | None:
    for name in names:
        tag = soup.find("meta", attrs={"property": name}) or soup.find(
            "meta", attrs={"name": name}) or soup.find("meta", attrs={"itemprop": name})
        if isinstance(tag, Tag) and tag.get("content"):
            return str(tag["content"]).strip() or None
    return None


def _link(soup: BeautifulSoup, rel: str) -> str | None:
    tag = soup.find("link", rel=rel)
    return str(tag["href"]) if isinstance(tag, Tag) and tag.get("href") else None
