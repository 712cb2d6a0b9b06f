"""Seed-style copies: a XenForo 2 thread copied as bare post texts, with planted reposts.

Some copies keep the page's furniture only around the first post (a "What's
new" line, the title, the first member block) and give every other post as
bare paragraphs: posts meet at a blank line, two, or a single line break,
like paragraphs do. Some posts are pasted news reports; some comments are
posted again word for word (reposts); some replies open by quoting an earlier
post ("Name said: ... Click to expand..."). This module makes such copies from
made-up threads, with their truth: each post's text, and which posts are
reposts. Topics, names and sentences are ours, unrelated to any real thread.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

OPENERS = ["Honestly,", "I think", "To be fair,", "Frankly,", "In my view", "Sorry, but",
           "As usual,", "Well,", "Look,", "If you ask me,"]
CLAIMS = ["the council will never finish this on time", "their figures cannot be trusted",
          "we should wait before celebrating", "nobody at the port was consulted",
          "the cost overruns are being ignored", "this is the same story every election",
          "the old line needs fixing first", "the quotas are long overdue",
          "both sides are exaggerating", "the map in the article is wrong",
          "the fishermen will be furious", "the trams never ran on time anyway"]
TAILS = ["!", ".", "?", ", mark my words.", ", and you know it.", " lol", ", sadly.",
         ", at least for now.", " and that is that.", ", if anyone still cares."]
SUBJECTS = ["The city council", "The transport ministry", "The fisheries agency",
            "The regional government", "The dock workers' union", "The port authority",
            "The harbour board", "The national audit office"]
ACTIONS = ["approved the {n}-million tram extension", "announced new quotas for {n} vessels",
           "said funding for {n} new jobs had been secured", "delayed the vote by {n} weeks",
           "published a report covering {n} projects", "resumed talks with {n} delegates"]
WHEN = ["on Tuesday", "on Monday", "in October", "last week", "in March 2019", "on Friday"]
SOURCES = ["officials said in a statement", "a spokesman told reporters",
           "according to the agency", "the minister added", "the union said",
           "the report noted"]
MASTHEADS = ["HARBOURTOWN -- ", "NORTHPORT (Reuters) -- ", "", "By Jane Carter\n\n"]
NAMES = ["Quill", "Harbour Lights", "tramfan", "Old Salt", "Marguerite", "deepwater",
         "Council Watcher", "Ferryman"]
# What real threads carry and the first version lacked: a later paragraph of one
# post often goes on from the one before ("But ...", "Also, ..."), a reply often
# answers or addresses the post above, and some posts are one short line.
CONTINUATIONS = ["But", "Also,", "And", "Still,", "That said,", "Then again,", "Plus,",
                 "Anyway,", "On top of that,"]
REPLIES = ["Agreed.", "@{name}", "Exactly.", "Yes, but", "Not really.", "Good point.",
           "Nah,", "True,", "@{name} I doubt it.", "Thanks for posting this."]
SHORT = ["Well said.", "Interesting times.", "Not surprised at all.", "Source?",
         "We will see.", "Typical.", "Sad but true."]
TITLES = ["Council approves tram extension", "New fishing quotas announced",
          "Port strike talks resume"]


@dataclass(frozen=True)
class SeedPost:
    """One post of a seed-style copy: its paragraphs, and whether it is a repost."""

    paragraphs: tuple[str, ...]
    repost_of: int | None = None  # index of the post it repeats
    quote: tuple[str, str] | None = None  # (author, text) of the quote it opens with


def _comment_sentence(rng: random.Random, used: set[str]) -> str:
    while True:
        text = f"{rng.choice(OPENERS)} {rng.choice(CLAIMS)}{rng.choice(TAILS)}"
        if len(used) > 400:  # a long thread: number the points
            text = f"{text} ({len(used)})"
        if text not in used:
            used.add(text)
            return text[0].upper() + text[1:]


def _news_sentence(rng: random.Random, used: set[str]) -> str:
    while True:
        action = rng.choice(ACTIONS).format(n=rng.randint(2, 90))
        text = (f"{rng.choice(SUBJECTS)} {action} {rng.choice(WHEN)}, "
                f"{rng.choice(SOURCES)}.")
        if text not in used:
            used.add(text)
            return text


def make_posts(rng: random.Random, n_posts: int) -> list[SeedPost]:
    """A thread: a pasted report first, then comments, reports and reposts."""
    used: set[str] = set()
    posts = [_news(rng, used)]
    while len(posts) < n_posts:
        roll = rng.random()
        comments = [k for k, p in enumerate(posts) if p.repost_of is None and k > 0
                    and sum(len(x.split()) for x in p.paragraphs) >= 12]
        if roll < 0.2 and comments:
            k = rng.choice(comments)
            posts.append(SeedPost(posts[k].paragraphs, repost_of=k))
        elif roll < 0.3:
            posts.append(_news(rng, used))
        elif roll < 0.38:
            posts.append(SeedPost((rng.choice(SHORT),)))
        else:
            post = _comment(rng, used)
            if rng.random() < 0.25:  # a reply quoting an earlier post, as XenForo shows it
                quoted = rng.choice(posts).paragraphs
                post = SeedPost(post.paragraphs, quote=(rng.choice(NAMES), quoted[-1]))
            posts.append(post)
    return posts


def _comment(rng: random.Random, used: set[str]) -> SeedPost:
    """A comment: 1-3 paragraphs; later ones may go on from the one before; may reply."""
    paragraphs = [" ".join(_comment_sentence(rng, used) for _ in range(rng.randint(1, 3)))
                  for _ in range(rng.choice([1, 1, 2, 3]))]
    for k in range(1, len(paragraphs)):
        if rng.random() < 0.5:
            paragraphs[k] = f"{rng.choice(CONTINUATIONS)} {_lower_first(paragraphs[k])}"
    if rng.random() < 0.35:
        cue = rng.choice(REPLIES).format(name=rng.choice(NAMES))
        head = paragraphs[0] if cue[-1] in ".?!" else _lower_first(paragraphs[0])
        paragraphs[0] = f"{cue} {head}"
    return SeedPost(tuple(paragraphs))


def _lower_first(text: str) -> str:
    return text if text.startswith("I ") else text[0].lower() + text[1:]


def _news(rng: random.Random, used: set[str]) -> SeedPost:
    paragraphs = [" ".join(_news_sentence(rng, used) for _ in range(rng.randint(1, 2)))
                  for _ in range(rng.randint(3, 6))]
    paragraphs[0] = rng.choice(MASTHEADS) + paragraphs[0]
    return SeedPost(tuple("\n\n".join(paragraphs).split("\n\n")))


def render(rng: random.Random, posts: list[SeedPost]) -> str:
    """The copy: first-post furniture, then the posts, joined as a copy joins them."""
    title = rng.choice(TITLES)
    first = rng.choice(NAMES)
    out = [f"What's new\n\nFeatured {title}\n\n{first}\n\n{rng.randint(1, 28)} "
           f"{rng.choice(['Jan', 'May', 'Oct'])} {rng.randint(2008, 2019)}\nReaction score\n"]
    for k, post in enumerate(posts):
        text = "\n\n".join(post.paragraphs)
        if post.quote is not None:  # XenForo's quote block, as a browser copies it
            text = f"{post.quote[0]} said:\n{post.quote[1]}\nClick to expand...\n{text}"
        if k == 0:
            out.append(text)
            continue
        out.append(rng.choices(["\n", "\n\n", "\n\n\n"], weights=[5, 4, 1])[0] + text)
    return "".join(out[:1]) + "".join(out[1:]) + "\nTop Bottom\n"


def build(seed: str, n_posts: int | None = None) -> tuple[str, list[SeedPost]]:
    """One seed-style copy and its posts."""
    rng = random.Random(seed)
    posts = make_posts(rng, n_posts or rng.randint(8, 16))
    return render(rng, posts), posts
