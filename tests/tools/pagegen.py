"""Synthetic thread pages, one skin per forum engine, for text-copy fixtures.

Each engine's template mirrors the structure of that engine's default post
markup (member block, post head, body, quotes, edit note, signature, action
bar, page chrome); the threads themselves are made up from the word lists
below and a seeded random generator, so a page is fully ours and its truth
(authors in order, post texts) is known. ``tests/tools/make_copies.py``
renders the pages with :mod:`innertext` and writes the copies and truth.

Skins vary on purpose (member titles, locations, post counts, signatures,
edit notes, app footers, date formats, action bars, inline or stacked
layouts), so that a parser fitted to one copy does not pass by luck.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from html import escape

NAMES = ["Borealis", "Ivan_D", "Lena K.", "Old Navigator", "Skywatcher", "krstep",
         "Jürgen Müller", "PacificRim", "taiga77", "Marek", "Сергей", "Dr. Strangelove",
         "north_wind", "Kestrel", "Harbour Watcher", "Anna B", "mike1984", "Zhou Wei",
         "Quiet Observer", "Feldgrau", "Seabird", "ObiWan", "Rusty", "Bayou Bob",
         "Tomasz", "Kalinka", "grey_owl", "Pierre L.", "Ahmet", "Lurker"]
TITLES = ["Member", "Senior Member", "Junior Member", "Well-Known Member", "New member",
          "Moderator", "Registered User", "Armchair Admiral", "Full Member", "Banned",
          "Active member", "Veteran"]
LOCATIONS = ["Moscow", "Köln, Germany", "UK", "Texas", "Near the coast", "Vladivostok",
             "Somewhere over the rainbow", "Sydney, Australia", "Lyon", "Kraków"]
SIGNATURES = ["Si vis pacem, para bellum.", "Per aspera ad astra.",
              "Watching the straits since 2009.", "My photos: photos.example.net",
              "Opinions are my own.", "Clear skies and tailwinds",
              "Nothing is certain but uncertainty itself", "-- Sent from the bunker --",
              "Proud owner of a 1987 Volvo 240", "If you can read this, thank a teacher"]
FOOTERS = ["Posted via Mobile Device", "Sent from my iPhone using Tapatalk",
           "Sent from my SM-G950F using Tapatalk", "Sent from my Pixel 4 using Forum Runner"]
SENTENCES = [
    "The bombers flew over the sea for several hours before turning back.",
    "I doubt this means anything beyond a photo opportunity.",
    "Both sides have done this before, so why is everyone surprised now?",
    "The route was chosen to annoy everyone at once, in my opinion.",
    "Fighters were scrambled from two airbases within minutes.",
    "Nobody in the region wants an open confrontation.",
    "It is a message to Washington, nothing more and nothing less.",
    "Cooperation on practical grounds has been growing for a decade.",
    "We will see what happens at the next summit.",
    "Source? I only saw the photos of the escort aircraft.",
    "The tanker support is the interesting part here.",
    "Honestly this thread is going in circles.",
    "Training together is not the same as fighting together.",
    "The ministry said the flight was planned well in advance.",
    "That is not what the official statement says at all.",
    "Good point, I had not thought of the refuelling question.",
    "Let us wait for the satellite pictures before judging.",
    "They want to show that the partnership is more than words.",
    "Prices for fuel went up again last month, which matters for patrols.",
    "I live near the coast and we heard them going over.",
    "History shows that such alliances rarely last.",
    "Interesting read, thanks for posting it.",
    "The numbers quoted in the article look wrong to me.",
    "Why do people keep posting the same link?",
    "There were four aircraft, not six as the first report said.",
    "Can someone translate the original statement?",
    "Exactly. That was my point in the first place.",
    "lol, the usual suspects are here again",
    "This is the second such flight since last year.",
    "Maps of the route are on the ministry website.",
]
POST_TITLES = ["Re: Joint patrol", "Bombers over the sea", "", "", "", "Re: Joint patrol"]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
LONG_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December"]
DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]


@dataclass
class Member:
    """A forum member as the member block shows them."""

    name: str
    title: str | None
    joined: tuple[int, int, int]
    posts: int
    location: str | None
    signature: str | None


@dataclass
class PostSpec:
    """One post of a synthetic thread."""

    number: int
    member: Member
    when: tuple[int, int, int, int, int]  # y, m, d, h, min
    paragraphs: list[str]
    quote: tuple[str, str] | None = None  # (author, text)
    edited: bool = False
    footer: str | None = None
    likes: list[str] = field(default_factory=list)


def make_thread(rng: random.Random, n_posts: int, *, sig_rate: float = 0.5,
                loc_rate: float = 0.5, title_rate: float = 0.8) -> list[PostSpec]:
    """A thread of ``n_posts`` posts by a handful of members, some repeating."""
    names = rng.sample(NAMES, min(len(NAMES), max(3, n_posts // 2 + 1)))
    members = [Member(name, rng.choice(TITLES) if rng.random() < title_rate else None,
                      (rng.randint(2004, 2019), rng.randint(1, 12), rng.randint(1, 28)),
                      rng.choice([rng.randint(1, 99), rng.randint(100, 9999),
                                  rng.randint(10_000, 60_000)]),
                      rng.choice(LOCATIONS) if rng.random() < loc_rate else None,
                      rng.choice(SIGNATURES) if rng.random() < sig_rate else None)
               for name in names]
    posts: list[PostSpec] = []
    used: set[str] = set()
    day, hour, minute = rng.randint(1, 20), rng.randint(0, 12), rng.randint(0, 59)
    for number in range(1, n_posts + 1):
        member = rng.choice(members)
        if posts and member is posts[-1].member:
            member = rng.choice(members)
        minute += rng.randint(3, 170)
        hour, minute = hour + minute // 60, minute % 60
        day, hour = day + hour // 24, hour % 24
        paragraphs = [" ".join(_sentence(rng, used) for _ in range(rng.randint(1, 3)))
                      for _ in range(rng.choice([1, 1, 2, 3]))]
        quote = None
        if posts and rng.random() < 0.3:
            quoted = rng.choice(posts)
            quote = (quoted.member.name, quoted.paragraphs[0])
        posts.append(PostSpec(number, member, (2020, 12, min(day, 28), hour, minute),
                              paragraphs, quote, edited=rng.random() < 0.25,
                              footer=rng.choice(FOOTERS) if rng.random() < 0.12 else None,
                              likes=rng.sample(names, rng.randint(0, 3))))
    return posts


OPENERS = ["", "", "Well, ", "Frankly, ", "To be fair, ", "Still, ", "Also, ", "Then again, ",
           "Besides, ", "Look, ", "Anyway, ", "In short, "]


def _sentence(rng: random.Random, used: set[str]) -> str:
    """A sentence no other post of the thread has (people rarely repeat each other)."""
    for attempt in range(10_000):
        opener = rng.choice(OPENERS)
        base = rng.choice(SENTENCES)
        text = opener + (base[0].lower() + base[1:] if opener else base)
        if attempt > 50:  # a long thread has used every pairing: number it
            text = f"{text[:-1]} (point {len(used)}){text[-1]}"
        if text not in used:
            used.add(text)
            return text
    raise AssertionError("unreachable: numbered sentences are unique")


def fmt_date(when: tuple[int, ...], style: str) -> str:
    """A post date in one of several engine formats."""
    y, m, d = when[0], when[1], when[2]
    h, mi = (when[3], when[4]) if len(when) > 3 else (12, 0)
    ampm = f"{(h % 12) or 12}:{mi:02d} {'AM' if h < 12 else 'PM'}"
    return {
        "us": f"{m:02d}-{d:02d}-{y}, {ampm}",
        "de": f"{d:02d}.{m:02d}.{y}, {h:02d}:{mi:02d}",
        "mdy": f"{MONTHS[m - 1]} {d}, {y}",
        "mdy_at": f"{MONTHS[m - 1]} {d}, {y} at {ampm}",
        "phpbb": f"{DAYS[(d + m) % 7]} {MONTHS[m - 1]} {d:02d}, {y} {ampm.lower()}",
        "phpbb_eu": f"{d:02d} {MONTHS[m - 1]} {y}, {h:02d}:{mi:02d}",
        "long": f"{LONG_MONTHS[m - 1]} {d}, {y}, {h:02d}:{mi:02d}",
        "iso_like": f"{d} {MONTHS[m - 1]} {y}, {h:02d}:{mi:02d}",
        "month_year": f"{MONTHS[m - 1]} {y}",
        "long_month_year": f"{LONG_MONTHS[m - 1]} {y}",
    }[style]


def body_html(paragraphs: list[str], sep: str = "<br><br>") -> str:
    """Post paragraphs as bbcode-rendered HTML (line breaks, as most engines do)."""
    return sep.join(escape(p) for p in paragraphs)


def page(chrome_top: str, posts_html: str, chrome_bottom: str, title: str) -> str:
    """A whole page around the posts."""
    return (f"<!DOCTYPE html><html><head><title>{escape(title)}</title>"
            "<style>.x{display:none}</style></head><body>"
            f"{chrome_top}{posts_html}{chrome_bottom}</body></html>")
