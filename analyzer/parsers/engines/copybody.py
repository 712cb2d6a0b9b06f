"""A post's own words in a copied page: quotes out, signature and app footers off.

:func:`read_body` takes the lines between a post's head and its first
furniture line, lifts quote blocks out ("Name said:" ... "Click to
expand...", "Originally Posted by Name", "Name wrote:", "@Name said in
...:"), and rebuilds paragraphs from the copy's blank lines. A quote with no
end marker runs as long as its lines follow each other in the quoted member's
earlier posts.
:func:`strip_signatures` then drops the closing lines every post of one
member ends with (their signature) and app footers ("Sent from my ...").
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from analyzer.model import Quote
from analyzer.parsers.engines.copyprofiles import APP_FOOTER, CopyProfile
from analyzer.parsers.engines.textlines import QUOTE_HEADERS

_QUOTE_END = re.compile(r"^click to (?:expand|shrink)\.*$", re.IGNORECASE)


@dataclass(frozen=True)
class Body:
    """A post's text lines and quotes, and the role of each line it left out.

    Attributes:
        kept: (non-blank line number, copy line number, text) of each line
            of the post's own words, in order.
        quotes: The quotes, in order.
        roles: (non-blank line number, role) for each line left out.
    """

    kept: tuple[tuple[int, int, str], ...]
    quotes: tuple[Quote, ...]
    roles: tuple[tuple[int, str], ...]

    @property
    def text(self) -> str:
        """The words, a blank line between paragraphs as in the copy."""
        out: list[str] = []
        previous = None
        for _, line_no, text in self.kept:
            if previous is not None:
                out.append("\n\n" if line_no > previous + 1 else "\n")
            out.append(text)
            previous = line_no
        return "".join(out)


class EarlierWords:
    """Which line followed which in each member's posts so far, to tell quoted lines.

    A quote is a run of someone's earlier lines: a line after a quote's first
    line belongs to the quote only if it followed the previous quoted line in
    a post by the quoted member (anyone's, if the quote names nobody).
    """

    def __init__(self) -> None:
        self._pairs: dict[str | None, set[tuple[str, str]]] = {}

    def add_post(self, lines: list[str], author: str | None) -> None:
        """Remember the lines of a post by ``author``, in order."""
        for who in {author, None}:
            pairs = self._pairs.setdefault(who, set())
            pairs.update(zip(lines, lines[1:], strict=False))

    def follows(self, previous: str, line: str, author: str | None) -> bool:
        """True if ``line`` came right after ``previous`` in a post by ``author``."""
        return (previous, line) in self._pairs.get(author, ())


def read_body(ls: list[str], index: list[int], lo: int, hi: int, profile: CopyProfile,
              earlier: EarlierWords, author: str | None) -> Body:
    """The post made of non-blank lines ``lo`` to ``hi`` (exclusive)."""
    kept: list[tuple[int, int, str]] = []
    quotes: list[Quote] = []
    roles: list[tuple[int, str]] = []
    j = lo
    while j < hi:
        head = _quote_head(ls, j, hi)
        if head is None:
            if profile.edit.match(ls[j]):
                roles.append((j, "edit note"))
            else:
                kept.append((j, index[j], ls[j]))
            j += 1
            continue
        quoted, first = head
        end, last = _quote_end(ls, first, hi, earlier, quoted)
        text = "\n".join(ls[first:last]).strip()
        roles.extend((k, "quote") for k in range(j, end))
        if text:
            quotes.append(Quote(text=text, post_id=None, author=quoted))
        j = end
    earlier.add_post([line for _, _, line in kept], author)
    return Body(tuple(kept), tuple(quotes), tuple(roles))


def _quote_head(ls: list[str], j: int, hi: int) -> tuple[str | None, int] | None:
    """A quote header at ``ls[j]``: (its author, the quote's first line)."""
    for pattern in QUOTE_HEADERS:
        match = pattern.match(ls[j])
        if not match:
            continue
        author = match.group("author").strip() or None
        if author is not None and (len(author.split()) > 5 or author[-1:] in "!?"
                                   or author.endswith(".") and len(author.split()[-1]) > 3):
            return None  # a sentence, not a name ("Lena K." is a name)
        if author is None:  # vBulletin 3: "Quote:" then "Originally Posted by NAME"
            if j + 1 < hi and (named := QUOTE_HEADERS[1].match(ls[j + 1])):
                return named.group("author").strip(), j + 2
            if j + 1 >= hi:
                return None
        return author, j + 1
    return None


def _quote_end(ls: list[str], first: int, hi: int, earlier: EarlierWords,
               quoted: str | None) -> tuple[int, int]:
    """(first line after the quote block, end of the quote's own text)."""
    depth = 1
    for k in range(first, min(hi, first + 400)):
        if _QUOTE_END.match(ls[k]):
            depth -= 1
            if depth == 0:
                return k + 1, k
        elif any(p.match(ls[k]) for p in QUOTE_HEADERS[:1]):
            depth += 1
    end = min(first + 1, hi)
    while end < hi and earlier.follows(ls[end - 1], ls[end], quoted) \
            and _quote_head(ls, end, hi) is None:
        end += 1
    return end, end


def strip_signatures(bodies: list[Body], authors: list[str | None],
                     known: dict[str, set[str]]) -> list[Body]:
    """Drop each member's signature and app footers from their posts.

    A member's signature is the line that ends at least two of their posts
    and most of them (a post of one line and no quote keeps its line: it is
    the post, not a signature); it is peeled off again while that holds, so
    several signature lines go too. ``known`` holds each member's signature
    lines seen where the page marks them (after an edit note or a rule);
    those go from the end of every post of theirs.
    """
    by_author: dict[str, list[int]] = {}
    for k, author in enumerate(authors):
        if author is not None:
            by_author.setdefault(author, []).append(k)
    out = list(bodies)
    for author, posts in by_author.items():
        for k in posts:
            while bodies_last(out[k]) in known.get(author, ()) and len(out[k].kept) > 1:
                out[k] = _drop_last(out[k], "signature")
        while len(posts) >= 2:
            lasts = Counter(last for k in posts if (last := bodies_last(out[k])) is not None)
            if not lasts:
                break
            line, count = lasts.most_common(1)[0]
            if count < 2 or count * 3 < len(posts) * 2:
                break
            peel = [k for k in posts if bodies_last(out[k]) == line
                    and (len(out[k].kept) > 1 or out[k].quotes)]
            if not peel:
                break
            for k in peel:
                out[k] = _drop_last(out[k], "signature")
    return [_drop_footers(b) for b in out]


def bodies_last(body: Body) -> str | None:
    """The last line of a post's own words."""
    return body.kept[-1][2] if body.kept else None


def _drop_last(body: Body, role: str) -> Body:
    j = body.kept[-1][0]
    return replace(body, kept=body.kept[:-1], roles=(*body.roles, (j, role)))


def _drop_footers(body: Body) -> Body:
    kept = list(body.kept)
    roles = list(body.roles)
    for item in list(kept[-3:]):
        if APP_FOOTER.match(item[2]) and (len(kept) > 1 or body.quotes):
            kept.remove(item)
            roles.append((item[0], "app footer"))
    return replace(body, kept=tuple(kept), roles=tuple(roles))
