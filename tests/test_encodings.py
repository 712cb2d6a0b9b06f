"""The same thread saved in any common encoding gives the same posts.

One UTF-8 source of a small thread, as a plain-text copy and as a XenForo 2
page, is saved in memory as UTF-8, UTF-8 with a BOM, UTF-16 LE and BE with a
BOM, windows-1252 and ISO-8859-1 (German text that both Latin codecs can
hold), then read back through the real file reader. A committed
windows-1252 page that declares its charset in a ``<meta>`` tag, and uses the
characters windows-1252 has and ISO-8859-1 lacks, is checked too.
"""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from analyzer import parse_paths
from analyzer.model import Thread

FIXTURES = Path(__file__).parent / "fixtures" / "encodings"

COPY = """Übungen über dem Pazifik

Jürgen Müller
Joined: Dec 6, 2014
Messages: 1,234

Die Bomber flogen gemeinsam über das Japanische Meer. Schöne Grüße aus München!

Like Reply Report

Käthe Weiß
Joined: Mar 2, 2016
Messages: 87

Größere Übungen folgen sicher, und die Öffentlichkeit erfährt wenig darüber.

Like Reply Report
"""

PAGE = """<!DOCTYPE html>
<html id="XF" lang="de-DE" data-template="thread_view" data-content-key="thread-5151">
<head><title>Übungen über dem Pazifik | Beispiel-Forum</title></head>
<body>
<h1 class="p-title-value">Übungen über dem Pazifik</h1>
<article class="message message--post" data-author="Jürgen Müller" data-content="post-900">
 <header class="message-attribution"><ul class="message-attribution-main">
  <li><time class="u-dt" datetime="2020-12-22T18:02:11+0100">22.12.2020</time></li></ul></header>
 <div class="message-content"><div class="message-userContent">
  <article class="message-body"><div class="bbWrapper">Die Bomber flogen gemeinsam über das
  Japanische Meer.<br /><br />Schöne Grüße aus München!</div></article></div></div>
</article>
<article class="message message--post" data-author="Käthe Weiß" data-content="post-901">
 <header class="message-attribution"><ul class="message-attribution-main">
  <li><time class="u-dt" datetime="2020-12-23T09:15:00+0100">23.12.2020</time></li></ul></header>
 <div class="message-content"><div class="message-userContent">
  <article class="message-body"><div class="bbWrapper"><blockquote
   class="bbCodeBlock bbCodeBlock--quote" data-quote="Jürgen Müller" data-source="post: 900">
   <div class="bbCodeBlock-content"><div class="bbCodeBlock-expandContent">Schöne Grüße</div>
   </div></blockquote>Größere Übungen folgen sicher, und die Öffentlichkeit erfährt wenig.
  </div></article></div></div>
</article>
</body>
</html>
"""

ENCODINGS = {
    "utf-8": lambda text: text.encode("utf-8"),
    "utf-8 with BOM": lambda text: codecs.BOM_UTF8 + text.encode("utf-8"),
    "utf-16-le with BOM": lambda text: codecs.BOM_UTF16_LE + text.encode("utf-16-le"),
    "utf-16-be with BOM": lambda text: codecs.BOM_UTF16_BE + text.encode("utf-16-be"),
    "windows-1252": lambda text: text.encode("cp1252"),
    "iso-8859-1": lambda text: text.encode("iso-8859-1"),
}


def posts_of(thread: Thread) -> list[tuple[object, ...]]:
    """What must not depend on the encoding: every field of every post, and the title."""
    return [(thread.title, p.id, p.author, p.timestamp, p.text,
             tuple((q.text, q.post_id, q.author) for q in p.quotes)) for p in thread.posts]


def parse_saved(tmp_path: Path, name: str, data: bytes) -> Thread:
    path = tmp_path / name
    path.write_bytes(data)
    return parse_paths(path)


@pytest.fixture
def expected(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[tuple[object, ...]]]:
    folder = tmp_path_factory.mktemp("utf8")
    copy = parse_saved(folder, "thread.txt", COPY.encode("utf-8"))
    page = parse_saved(folder, "thread.html", PAGE.encode("utf-8"))
    return {"txt": posts_of(copy), "html": posts_of(page)}


def test_the_utf8_source_parses_into_the_two_posts_with_their_umlauts(
        expected: dict[str, list[tuple[object, ...]]]) -> None:
    for kind in ("txt", "html"):
        posts = expected[kind]
        assert [p[2] for p in posts] == ["Jürgen Müller", "Käthe Weiß"], kind
        assert "Schöne Grüße aus München!" in posts[0][4]
        assert posts[1][4].startswith("Größere Übungen folgen sicher")
        assert posts[0][0] == "Übungen über dem Pazifik"


@pytest.mark.parametrize("encoding", list(ENCODINGS))
@pytest.mark.parametrize("kind, source", [("txt", COPY), ("html", PAGE)])
def test_every_encoding_gives_the_same_posts(tmp_path: Path, expected: dict, encoding: str,
                                             kind: str, source: str) -> None:
    thread = parse_saved(tmp_path, f"thread.{kind}", ENCODINGS[encoding](source))
    assert posts_of(thread) == expected[kind]


def test_declared_windows_1252_page_keeps_the_characters_latin1_lacks() -> None:
    thread = parse_paths(FIXTURES / "thread-windows-1252.html")
    first, second = thread.posts
    assert (first.author, second.author) == ("Jürgen Müller", "Käthe Weiß")
    assert first.text == ("Die Bomber flogen gemeinsam über das Japanische Meer – „eine Übung“, "
                          "sagt Moskau.\n\nSchöne Grüße aus München; das kostet uns 5 € … "
                          "oder mehr.")
    assert second.quotes[0].text == "Schöne Grüße aus München"
    assert thread.title == "Gemeinsame Patrouille über dem Pazifik"


def test_declared_page_saved_again_as_utf16_gives_the_same_posts(tmp_path: Path) -> None:
    page = (FIXTURES / "thread-windows-1252.html").read_bytes().decode("cp1252")
    again = parse_saved(tmp_path, "thread.html", codecs.BOM_UTF16_LE + page.encode("utf-16-le"))
    assert posts_of(again) == posts_of(parse_paths(FIXTURES / "thread-windows-1252.html"))
