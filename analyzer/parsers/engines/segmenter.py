"""Where one post ends and the next begins, in a plain-text copy of a thread.

A copied thread has lost its markup, so post boundaries are inferred from
evidence, strongest first:

1. **Member blocks and action bars.** A name followed by a join date or
   "Reaction score" opens a post; a "Like Reply Report" line closes one.
2. **Layout.** Most copies separate paragraphs in one way and posts in
   another. Whichever separator is the more common (blank line or single
   line break) is taken for paragraphs; the other marks posts. Gaps that
   are surely inside a post (between two paragraphs of news prose, before a
   connective) decide alone when there are at least three. So in a copy
   whose paragraphs are blank-line separated, two sentences that meet at a
   single line break belong to different posts (so does a long line without
   final punctuation, "... again lol", and the capitalised line under it),
   and two or more blank lines also end a post. Hard-wrapped text is unwrapped first.
3. **Repeated runs.** A run of paragraphs that appears elsewhere in the
   thread word for word (sentence ends too) is a reposted comment: it
   starts and ends a post wherever the same paragraphs are not adjacent in
   the other copies.
4. **Register shift.** A post that opens as a news report (masthead,
   dateline, attributed third-person prose) ends where the prose turns into
   short first-person or evaluative comment for the rest of the run.
5. **How a paragraph opens** (:mod:`analyzer.parsers.engines.textcues`),
   only in a bare copy (no member blocks between posts), where a blank line
   alone cannot tell a paragraph from a post. A post starts at:

   - a quote block ("Name said:") after post text, as a reply opens with
     the words it answers (a second quote of a multi-quote reply is cut
     too: a known cost);
   - a paragraph that answers or addresses someone ("@name", "Agreed.",
     "Yes, but"), or the one after a sign-off ("Thanks in advance.");
   - news prose after clear comment, or a masthead (dateline, byline) not
     within a few paragraphs of the post's own;
   - clear comment after two paragraphs of news (a short pasted article).

   A paragraph that goes on from the one before ("But", "Also,", "That
   said,") never starts a post on this evidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate

from analyzer.model import Quote
from analyzer.news_register import has_masthead, newsiness
from analyzer.parsers.engines.textcues import continues, replies, signs_off
from analyzer.parsers.engines.textlines import Header, ends_sentence

MIN_REPEAT_WORDS = 8
# A paragraph's register is read by several steps; each reads it once.
_newsiness = lru_cache(maxsize=8192)(newsiness)
# A comment may end without a full stop, on a chat word or an emoticon; a headline never does.
_CHAT_END = re.compile(r"(?:\b(?:lol|lmao|rofl|haha+|imo|imho|tbh|smh|xd)|[:;]-?[()DPp])\W*$",
                       re.IGNORECASE)


@dataclass(frozen=True)
class Item:
    """One element of a copied page, in order.

    Attributes:
        kind: ``line``, ``header`` (member block), ``quote`` or ``separator``
            (an action bar or post number that closes a post).
        text: The line, for ``line`` items.
        gap: Blank lines before the item.
        header: The member block, for ``header`` items.
        quote: The quote, for ``quote`` items.
    """

    kind: str
    text: str = ""
    gap: int = 0
    header: Header | None = None
    quote: Quote | None = None


@dataclass
class Segment:
    """The lines and quotes of one post, with its member block if any."""

    header: Header | None = None
    paragraphs: list[str] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)


@dataclass
class _Para:
    text: str
    start_reason: str | None
    header: Header | None
    quotes: list[Quote]


def segment(items: list[Item]) -> list[Segment]:
    """Group the items of a copied page into posts.

    Args:
        items: Lines, member blocks, quotes and separators, in page order.

    Returns:
        One segment per post, in order. Segments may be empty of text (a
        member block with nothing after it); the caller decides what to keep.
    """
    items = _unwrap(items)
    paragraph_gap = _paragraph_gap(items)
    bare = _is_bare(items)
    paras = _paragraphs(items, paragraph_gap, bare)
    _mark_repeats(paras)
    if paragraph_gap == 1 and bare:
        _mark_openings(paras)
    segments = _split(paras)
    result: list[Segment] = []
    for seg in segments:
        result.extend(_split_register(seg))
    return [s for s in result if s.paragraphs or s.quotes or s.header]


def _unwrap(items: list[Item]) -> list[Item]:
    """Join hard-wrapped lines (email-style copies) into whole lines."""
    lengths = [len(it.text.rstrip()) for it in items if it.kind == "line"]
    if len(lengths) < 8:
        return items
    width = sorted(lengths)[int(len(lengths) * 0.9)]
    if not 50 <= width <= 100:
        return items
    near = sum(1 for n in lengths if n >= width * 0.8)
    if near < len(lengths) * 0.5:
        return items
    out: list[Item] = []
    for it in items:
        prev = out[-1] if out else None
        if (it.kind == "line" and it.gap == 0 and prev is not None and prev.kind == "line"
                and len(prev.text.rstrip().split("\n")[-1]) >= width * 0.8):
            out[-1] = Item("line", prev.text.rstrip() + " " + it.text.strip(), prev.gap)
        else:
            out.append(it)
    return out


def _paragraph_gap(items: list[Item]) -> int:
    """Return the blank lines that separate paragraphs: 1, or 0 for single breaks."""
    pairs = [(a, b) for a, b in zip(items, items[1:], strict=False)
             if a.kind == "line" and b.kind == "line"]
    # Surely inside one post: between two paragraphs of news prose (a pasted
    # article), or before a paragraph that goes on from the one before. When
    # there are enough of these, they alone decide.
    inside = [b.gap for a, b in pairs if continues(b.text) or (_newsy(a.text) and _newsy(b.text))]
    gaps = inside if len(inside) >= 3 else [b.gap for _, b in pairs]
    tight = sum(1 for g in gaps if g == 0)
    blank = sum(1 for g in gaps if g >= 1)
    return 1 if blank >= tight else 0


def _newsy(line: str) -> bool:
    """A line of news prose: long, and reading as a report (checked only when long)."""
    return len(line.split()) >= 12 and _newsiness(line) >= 1.5


def _paragraphs(items: list[Item], paragraph_gap: int, bare: bool = False) -> list[_Para]:
    """Group lines into paragraphs, each with the reason it opens a post, if it does.

    In a bare copy a quote after post text opens a post: a reply opens with
    the words it answers.
    """
    wide_gaps = [it.gap for it in items if it.kind == "line" and it.gap >= 1]
    wide_is_rare = (sum(1 for g in wide_gaps if g >= 2) <= max(1, len(wide_gaps) // 4))
    paras: list[_Para] = []
    pending_reason: str | None = "start"
    pending_header: Header | None = None
    pending_quotes: list[Quote] = []
    prev_line: str | None = None
    for it in items:
        if it.kind == "header":
            pending_reason, pending_header, prev_line = "member block", it.header, None
            continue
        if it.kind == "separator":
            pending_reason, prev_line = "action bar", None
            continue
        if it.kind == "quote":
            assert it.quote is not None
            pending_quotes.append(it.quote)
            if bare and pending_reason is None and prev_line is not None:
                pending_reason = "quote"
            prev_line = None
            continue
        reason = pending_reason
        if reason is None and prev_line is not None:
            reason = _gap_boundary(prev_line, it, paragraph_gap, wide_is_rare)
        joins = (reason is None and prev_line is not None and paragraph_gap == 1
                 and it.gap == 0 and paras)
        if joins:
            paras[-1].text += "\n" + it.text.strip()
        else:
            paras.append(_Para(it.text.strip(), reason, pending_header, pending_quotes))
            pending_header, pending_quotes = None, []
        pending_reason = None
        prev_line = it.text
    if pending_quotes and paras:
        paras[-1].quotes.extend(pending_quotes)
    elif pending_quotes or pending_header:
        paras.append(_Para("", pending_reason or "start", pending_header, pending_quotes))
    return paras


def _gap_boundary(prev: str, it: Item, paragraph_gap: int, wide_is_rare: bool) -> str | None:
    """Decide whether the gap before ``it`` separates two posts."""
    if paragraph_gap == 1:
        if it.gap >= 2 and wide_is_rare:
            return "wide gap"
        if it.gap == 0 and (ends_sentence(prev) or len(prev.split()) >= 6) \
                and _starts_sentence(it.text) and not signs_off(it.text):
            return "single line break"
        return None
    if it.gap >= 1:
        return "blank line"
    return None


def _starts_sentence(line: str) -> bool:
    text = line.lstrip()
    return bool(text) and (text[0].isupper() or text[0].isdigit() or text[0] in "\"“'([@")


def _key(text: str) -> str | None:
    """The words of a paragraph and its sentence ends: a repost keeps both word for word."""
    words = re.findall(r"\w+", text.lower())
    if len(words) < MIN_REPEAT_WORDS:
        return None
    return " ".join(re.findall(r"\w+|[.!?]", text.lower()))


def _mark_repeats(paras: list[_Para]) -> None:
    """Start a post at each edge of a run of paragraphs repeated elsewhere."""
    keys = [_key(p.text) for p in paras]
    counts: dict[str, int] = {}
    for k in keys:
        if k:
            counts[k] = counts.get(k, 0) + 1
    repeated = [bool(k and counts[k] > 1) for k in keys]
    pairs: dict[tuple[str | None, str | None], int] = {}
    for a, b in zip(keys, keys[1:], strict=False):
        pairs[(a, b)] = pairs.get((a, b), 0) + 1
    for i in range(1, len(paras)):
        if paras[i].start_reason or not (repeated[i] or repeated[i - 1]):
            continue
        if pairs[(keys[i - 1], keys[i])] == 1:
            paras[i].start_reason = "repeated text"


def _is_bare(items: list[Item]) -> bool:
    """True if no member block or action bar marks the posts after the first."""
    lines = [n for n, it in enumerate(items) if it.kind == "line"]
    if not lines:
        return False
    return not any(it.kind in ("header", "separator") for it in items[lines[0]:lines[-1]])


def _mark_openings(paras: list[_Para]) -> None:
    """Start a post at a reply's opening, at news prose right after clear comment, or at a
    pasted article's masthead."""
    scores = [_newsiness(p.text) if p.text else 0.0 for p in paras]
    masthead: int | None = None  # the current post's last paragraph with a masthead
    for i in range(1, len(paras)):
        para = paras[i]
        if para.text and not para.start_reason and not continues(para.text):
            para.start_reason = _opening(paras, scores, i, masthead)
        if para.start_reason:
            masthead = None
        if para.text and has_masthead(para.text):
            masthead = i


def _opening(paras: list[_Para], scores: list[float], i: int, masthead: int | None) -> str | None:
    """Why paragraph ``i`` opens a post, judged by how it opens (None: it does not)."""
    if replies(paras[i].text):
        return "reply"
    if signs_off(paras[i - 1].text) and not signs_off(paras[i].text):
        return "after a sign-off"
    before = scores[i - 1]
    earlier = scores[i - 2] if i >= 2 and not paras[i - 1].start_reason else before
    # A headline above its article is no comment: the comment must be prose.
    last = paras[i - 1].text.split("\n")[-1]
    if not (ends_sentence(last) or _CHAT_END.search(last)):
        return None
    if scores[i] >= 2.0 and (before < 0.3 or max(before, earlier) < 0.8):
        return "news after comment"
    after = scores[i + 1] if i + 1 < len(paras) and not paras[i + 1].start_reason else 0.0
    if (scores[i] < 0 and len(paras[i].text.split()) >= 8 and min(before, earlier) >= 1.5
            and after < 1.5 and not paras[i - 1].start_reason):
        return "comment after news"  # first-person or evaluative prose ends a pasted article
    # A dateline or byline opens a pasted article, unless the post's own
    # masthead is a paragraph or two above (headline, byline, caption, dateline).
    if has_masthead(paras[i].text) and (masthead is None or i - masthead >= 3):
        return "masthead"
    return None


def _split(paras: list[_Para]) -> list[Segment]:
    segments: list[Segment] = []
    for p in paras:
        if p.start_reason or not segments:
            segments.append(Segment(header=p.header))
        seg = segments[-1]
        seg.quotes.extend(p.quotes)
        if p.text:
            seg.paragraphs.append(p.text)
    return segments


def _split_register(seg: Segment) -> list[Segment]:
    """Split a post that opens as a pasted article and ends as a comment."""
    paras = seg.paragraphs
    if len(paras) < 4:
        return [seg]
    # Scores have four decimals, so sums in ten-thousandths are exact; prefix
    # sums keep the search linear in the number of paragraphs.
    units = [round(_newsiness(p) * 10_000) for p in paras]
    n = len(units)
    head_sum = list(accumulate(units, initial=0))
    head_strong = list(accumulate((u >= 10_000 for u in units), initial=0))
    tail_max = list(accumulate(reversed(units), max))[::-1]
    for j in range(3, n):
        # head: paragraphs [0, j), its mean at least 1.5; tail: [j, n)
        if units[j] >= 8_000 or head_sum[j] < 15_000 * j:
            continue
        if head_strong[j] < 0.6 * j:
            continue
        if head_sum[n] - head_sum[j] < 9_000 * (n - j) and tail_max[j] < 15_000:
            first = Segment(header=seg.header, paragraphs=paras[:j], quotes=seg.quotes)
            rest = Segment(paragraphs=paras[j:])
            return [first, rest]
    return [seg]
