"""Read a copied page with the engine profile that fits it best.

Every profile in :data:`analyzer.parsers.engines.copyprofiles.PROFILES` is scored
on the copy: each anchor line it finds counts if the evidence the profile
expects around it is there (a date where the engine prints one, an author
line, a member block on the profile's side). The profile with the most
evidence reads the copy, when it found at least two posts (or one post with
its whole member block); otherwise :func:`read_copy` returns None and the
generic segmenter takes over.

Each line of the copy gets a role (post text, member block, post head,
action bar, edit note, signature, app footer, page chrome), so every line is
accounted for. Several pasted pages read as one: the chrome between pages
sits between two posts and gets the page-chrome role, and a post repeated
at the top of a later page is reported once (:attr:`CopyPost.repeat`).
Work is linear in the number of lines times the number of profiles.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from analyzer.parsers.engines.copyblocks import (
    TitleEvidence,
    block_after,
    block_before,
    drop_title_tail,
    is_field,
    name_like,
)
from analyzer.parsers.engines.copybody import Body, EarlierWords, read_body, strip_signatures
from analyzer.parsers.engines.copyprofiles import (
    ACTION_BAR,
    LIKES,
    PAGE_CHROME,
    PROFILES,
    RELATIVE_DATE,
    TITLE_WORDS,
    CopyProfile,
)
from analyzer.parsers.engines.textlines import parse_date, strip_title_label

_DATE_LIKE = re.compile(r"\b(?:19|20)\d\d\b|\b\d{1,2}:\d\d\b")

#: Lines that name a member alone: "replied to NAME on", "@NAME said in".
_MENTION = re.compile(r"^(?:.{0,60}?\breplied to (?P<name>.{1,60}?) on\b.*|"
                      r"@(?P<name2>\S.{0,60}?) said in .*)$", re.IGNORECASE)

#: Lines above or below an anchor searched for its member block.
BLOCK_WINDOW = 30


@dataclass(frozen=True)
class CopyPost:
    """One post read from a copy.

    Attributes:
        author: The member who wrote it, if the copy names them.
        timestamp: When it was posted, if the copy gives a readable date.
        number: The post number the page prints ("#4"), if any.
        body: Its text and quotes.
        repeat: True if it is the same post as an earlier one (a later
            page repeating the thread's first post).
    """

    author: str | None
    timestamp: datetime | None
    number: int | None
    body: Body
    repeat: bool = False


@dataclass(frozen=True)
class CopyReading:
    """A copy read with one profile: its posts, title and each line's role."""

    profile: str
    title: str | None
    posts: tuple[CopyPost, ...]
    roles: tuple[str, ...]


@dataclass
class _Anchor:
    at: int
    head_lo: int
    head_hi: int  # exclusive
    author: str | None
    date: datetime | None
    number: int | None
    evidence: float


def read_copy(lines: list[str]) -> CopyReading | None:
    """Read ``lines`` (white space collapsed) with the best-fitting profile, if any fits."""
    index = [i for i, line in enumerate(lines) if line.strip()]
    ls = [lines[i].strip() for i in index]
    best: tuple[float, CopyProfile, list[_Anchor]] | None = None
    for profile in PROFILES:
        anchors = _anchors(profile, ls)
        score = sum(a.evidence for a in anchors) / 3
        if best is None or score > best[0]:
            best = (score, profile, anchors)
    if best is None:
        return None
    score, profile, anchors = best
    if len(anchors) < 2 and not (anchors and anchors[0].evidence >= 3):
        return None
    return _read(profile, ls, index, len(lines), anchors)


def _anchors(profile: CopyProfile, ls: list[str]) -> list[_Anchor]:
    found: list[_Anchor] = []
    subjects = {line[4:].strip() for line in ls if line[:4].lower() == "re: "}
    for j, line in enumerate(ls):
        match = profile.anchor.match(line)
        if not match:
            continue
        groups = match.groupdict()
        lo, hi = j, j + 1
        author = (groups.get("author") or "").strip() or None
        if "author" in groups and author is None:
            if j == 0 or not name_like(ls[j - 1]):
                continue
            author, lo = ls[j - 1], j - 1  # "Name" above "wrote on ..."
        if author is not None and not name_like(author):
            continue
        if lo > 0 and author and len(ls[lo - 1]) == 1 and ls[lo - 1] == author[:1].upper():
            lo -= 1  # a letter avatar
        date = parse_date(groups["date"]) if groups.get("date") else None
        dated = date is not None or bool(groups.get("date") and (
            RELATIVE_DATE.match(groups["date"].strip())
            or _DATE_LIKE.search(groups["date"])))  # "23. Juli 2019": a date, unread
        if groups.get("date") and not dated and profile.block != "none":
            continue  # a head that prints a date prints a readable one
        evidence = 1.0
        if profile.author_line is not None:
            named = _author_line(profile, ls, j)
            if named is None:
                continue
            k, author, when = named
            date = date or when
            lo, evidence = min(lo, k), evidence + 1
            if lo > 0 and ls[lo - 1] == author:
                lo -= 1  # the name on its own line above "wrote on"
            if lo > 0 and len(ls[lo - 1]) == 1 and ls[lo - 1] == author[:1].upper():
                lo -= 1  # a letter avatar
        for k in range(j - 1, j - 1 - profile.date_before, -1):
            if k >= 0 and not dated and (RELATIVE_DATE.match(ls[k]) or parse_date(ls[k])):
                date, lo, dated = parse_date(ls[k]), min(lo, k), True
        for k in range(j + 1, j + 1 + profile.date_after):
            if k < len(ls) and not dated and (RELATIVE_DATE.match(ls[k].split(" (", 1)[0])
                                                  or _date_line(ls[k])):
                date, hi, dated = _date_line(ls[k]), k + 1, True
        while profile.head is not None and hi < len(ls) and profile.head.match(ls[hi]) \
                and not profile.anchor.match(ls[hi]):
            hi += 1
        if dated or date is not None:
            evidence += 1
        elif profile.date_before or profile.date_after:
            continue  # this engine always prints the date beside the number
        while profile.head_above is not None and lo > 0 and (
                profile.head_above.match(ls[lo - 1]) or ls[lo - 1] in subjects):
            lo -= 1
        evidence += _block_evidence(profile, ls, j, lo, hi)
        number = int(groups["number"]) if groups.get("number") else None
        found.append(_Anchor(j, lo, hi, author, date, number, evidence))
    return found


def _block_evidence(profile: CopyProfile, ls: list[str], j: int, lo: int, hi: int) -> float:
    """How clearly a member block sits on the profile's side of anchor ``j``.

    Fields there count 1; a lone name (or a name and a member title) half.
    """
    if profile.block == "after" and hi < len(ls) and name_like(ls[hi]):
        if any(is_field(ls[k]) for k in range(hi + 1, min(len(ls), hi + 6))):
            return 1.0
        return 0.5
    if profile.block == "before" and lo > 0:
        if any(is_field(ls[k]) for k in range(max(0, lo - 3), lo)):
            return 1.0
        return 0.5 if name_like(ls[lo - 1]) else 0.0
    return 0.0


def _author_line(profile: CopyProfile, ls: list[str], j: int
                 ) -> tuple[int, str, datetime | None] | None:
    """The line above anchor ``j`` naming the author: (its index, the author, the date)."""
    assert profile.author_line is not None
    for k in range(j - 1, max(-1, j - 1 - profile.author_window), -1):
        named = profile.author_line.match(ls[k])
        if named is None or parse_date(ls[k]) is not None:
            continue
        author = (named.group("author") or "").strip()
        if not author and k > 0 and name_like(ls[k - 1]):
            author = ls[k - 1]
        if not author or not name_like(author):
            return None
        date = named.groupdict().get("date")
        return k, author, parse_date(date) if date else None
    return None


def _date_line(line: str) -> datetime | None:
    """A date line, perhaps followed by an edit note in brackets (MyBB)."""
    head = line.split(" (", 1)[0]
    return parse_date(head)


def _read(profile: CopyProfile, ls: list[str], index: list[int], n_lines: int,
          anchors: list[_Anchor]) -> CopyReading:
    role = ["blank"] * n_lines
    nb_role = ["chrome"] * len(ls)
    starts, body_starts, authors = _boundaries(profile, ls, anchors, nb_role)
    ends = [*starts[1:], len(ls)]
    bodies: list[tuple[int, int]] = []
    for k, anchor in enumerate(anchors):
        lo = body_starts[k]
        hi = anchor.head_lo if profile.block == "start" else ends[k]
        if profile.block == "start" and k + 1 < len(anchors):
            ends[k] = anchor.head_hi
        stop = _first_stop(profile, ls, lo, hi, authors, k)
        bodies.append((lo, stop))
        _mark_tail(profile, ls, stop, ends[k] if profile.block != "start" else anchor.head_lo,
                   nb_role)
        for j in range(anchor.head_lo, anchor.head_hi):
            nb_role[j] = "post head"
    known: dict[str, set[str]] = {}  # signatures seen after edit notes and rules
    for k, (_, stop) in enumerate(bodies):
        j = stop
        while j < len(ls) and nb_role[j] in ("edit note", "signature", "chrome") and \
                j < (ends[k] if profile.block != "start" else anchors[k].head_lo):
            if nb_role[j] == "signature" and authors[k]:
                known.setdefault(authors[k] or "", set()).add(ls[j])
            j += 1
    earlier = EarlierWords()
    texts = strip_signatures([read_body(ls, index, lo, hi, profile, earlier, authors[k])
                              for k, (lo, hi) in enumerate(bodies)], authors, known)
    posts: list[CopyPost] = []
    seen: dict[tuple[str | None, int | None, str], int] = {}
    for k, anchor in enumerate(anchors):
        body = texts[k]
        for j, part in body.roles:
            nb_role[j] = part
        for j, _, _ in body.kept:
            nb_role[j] = "post text"
        key = (authors[k], anchor.number, body.text)
        repeat = anchor.number is not None and key in seen
        seen.setdefault(key, k)
        posts.append(CopyPost(authors[k], anchor.date, anchor.number, body, repeat))
    for j, i in enumerate(index):
        role[i] = nb_role[j]
    title = _title(ls[:starts[0]]) if anchors else None
    return CopyReading(profile.name, title, tuple(posts), tuple(role))


def _boundaries(profile: CopyProfile, ls: list[str], anchors: list[_Anchor],
                nb_role: list[str]) -> tuple[list[int], list[int], list[str | None]]:
    """Where each post starts, where its body starts, and who wrote it."""
    evidence = TitleEvidence()
    if profile.author_line is not None or profile.block == "none":  # badges after names
        plain = {a.author for a in anchors if a.author and not TITLE_WORDS.search(a.author)}
        plain |= {m.group("name") or m.group("name2") for line in ls
                  if (m := _MENTION.match(line))}
        for anchor in anchors:
            if anchor.author:
                anchor.author = drop_title_tail(anchor.author, plain)
    for anchor in anchors:
        if anchor.author:
            evidence.names.add(anchor.author)
    starts: list[int] = []
    body_starts: list[int] = []
    authors: list[str | None] = []
    if profile.block == "before":
        for learn in (True, False):
            starts, authors = [], []
            floor = 0
            for anchor in anchors:
                block = block_before(ls, anchor.head_lo, max(floor, anchor.head_lo - BLOCK_WINDOW),
                                     evidence, learn)
                start = block.start if block else anchor.head_lo
                starts.append(start)
                authors.append(anchor.author or (block.name if block else None))
                _mark(nb_role, start, anchor.head_lo, "member block")
                floor = anchor.head_hi
        body_starts = [a.head_hi for a in anchors]
    elif profile.block == "after":
        for anchor in anchors:
            block = block_after(ls, anchor.head_hi, anchor.head_hi + BLOCK_WINDOW, evidence)
            starts.append(anchor.head_lo)
            authors.append(block.name if block else None)
            body = block.end if block else anchor.head_hi
            while profile.head is not None and body < len(ls) and profile.head.match(ls[body]):
                body += 1
            body_starts.append(body)
            _mark(nb_role, anchor.head_hi, body, "member block")
    elif profile.block == "none":
        starts = [a.head_lo for a in anchors]
        body_starts = [a.head_hi for a in anchors]
        authors = [a.author for a in anchors]
    else:  # "start" (the anchor closes the post) or "any" (found by the author's name)
        prev_end = 0
        for anchor in anchors:
            lo = prev_end if profile.block == "start" else anchor.head_lo
            if profile.block == "start":
                while lo < anchor.head_lo and (ACTION_BAR.match(ls[lo]) or LIKES.match(ls[lo])):
                    lo += 1
                own = _own_line(ls, lo, anchor.head_lo, anchor.author)
                _mark(nb_role, lo, own, "page chrome")
                lo = own
            body = _skip_own_block(ls, lo, anchor.head_lo if profile.block == "start"
                                   else len(ls), anchor.author, evidence)
            if profile.block == "any":
                body = anchor.head_hi
            starts.append(lo)
            body_starts.append(body)
            authors.append(anchor.author)
            _mark(nb_role, lo, body if profile.block == "start" else lo, "member block")
            prev_end = anchor.head_hi
    return starts, body_starts, authors


def _own_line(ls: list[str], lo: int, hi: int, author: str | None) -> int:
    """The line opening a post's member block with its author's name (``lo`` if none)."""
    if author is None:
        return lo
    for i in range(lo, min(hi, lo + BLOCK_WINDOW)):
        if ls[i].startswith(author) and (name_like(ls[i]) or i + 1 < hi and is_field(ls[i + 1])):
            return i
    return lo


def _skip_own_block(ls: list[str], lo: int, hi: int, author: str | None,
                    evidence: TitleEvidence) -> int:
    """After a post's first line naming its author ("Name Title"), its fields."""
    if author is None or lo >= hi or not ls[lo].startswith(author):
        return lo
    block = block_after(ls, lo, hi, evidence)
    return block.end if block else lo + 1


def _first_stop(profile: CopyProfile, ls: list[str], lo: int, hi: int,
                authors: list[str | None], k: int) -> int:
    """Where a post's own words end: the first furniture line after ``lo``."""
    mine = authors[k]
    nxt = authors[k + 1] if k + 1 < len(authors) else None
    for j in range(lo, hi):
        line = ls[j]
        if ACTION_BAR.match(line) or LIKES.match(line) or PAGE_CHROME.match(line):
            return j
        if profile.edit.match(line) and profile.signature_after_edit:
            return j
        if profile.signature_rule is not None and profile.signature_rule.match(line):
            return j
        if profile.block == "any" and line in (mine, nxt) and _fields_follow(ls, j):
            return j
    return hi


def _fields_follow(ls: list[str], j: int) -> bool:
    return any(is_field(ls[i]) for i in range(j + 1, min(j + 4, len(ls))))


def _mark_tail(profile: CopyProfile, ls: list[str], lo: int, hi: int, nb_role: list[str]) -> None:
    """Roles for the furniture between a post's words and the next post."""
    signature = False
    for j in range(lo, hi):
        line = ls[j]
        if ACTION_BAR.match(line) or LIKES.match(line):
            nb_role[j] = "action bar"
        elif profile.edit.match(line):
            nb_role[j], signature = "edit note", profile.signature_after_edit
        elif profile.signature_rule is not None and profile.signature_rule.match(line):
            nb_role[j], signature = "signature", True
        elif PAGE_CHROME.match(line):
            nb_role[j] = "page chrome"
        else:
            nb_role[j] = "signature" if signature else "member block or chrome"


def _mark(nb_role: list[str], lo: int, hi: int, role: str) -> None:
    for j in range(lo, hi):
        nb_role[j] = role


def _title(preamble: list[str]) -> str | None:
    """The thread title: a "Thread:" line, else the longest line before the first post."""
    for line in preamble:
        if line.lower().startswith("thread: "):
            return line[8:].strip()
    lines = [line for line in preamble if not PAGE_CHROME.match(line)
             and len(line.split()) <= 20 and not line.endswith((".", "!", "?"))]
    if not lines:
        return None
    return strip_title_label(max(reversed(lines), key=lambda s: len(s.split())))
