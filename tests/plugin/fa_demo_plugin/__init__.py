"""A third-party parser, as a plugin author would write one.

It reads "DEMO-BOARD" exports: a ``DEMO-BOARD 1`` first line, then posts
that each start with ``=== <id> | <author> | <ISO date>``.
"""

from __future__ import annotations

from datetime import datetime

from analyzer.errors import ParseError
from analyzer.model import Post, Thread
from analyzer.parsers.base import Document, Parser


class DemoBoardParser(Parser):
    """DEMO-BOARD text exports."""

    engine = "demo-board"
    description = "DEMO-BOARD exports (test plugin)"
    priority = 60

    @classmethod
    def can_parse(cls, doc: Document) -> bool:
        return doc.text.startswith("DEMO-BOARD 1\n")

    def parse(self, doc: Document) -> Thread:
        posts = []
        for block in doc.text.split("=== ")[1:]:
            header, _, body = block.partition("\n")
            try:
                post_id, author, when = (part.strip() for part in header.split("|"))
                timestamp = datetime.fromisoformat(when)
            except ValueError:
                raise ParseError(f"{doc.name}: bad post header {header!r}") from None
            posts.append(Post(id=post_id, position=len(posts), author=author,
                              timestamp=timestamp, text=body.strip(), source=doc.name))
        return Thread(id=doc.stem, title=None, engine=self.engine, url=None,
                      posts=tuple(posts))
