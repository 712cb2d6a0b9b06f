"""App footers: the lines a phone app adds to the end of a post.

Tapatalk and the forum apps of many boards end every post written with them
with a line such as "Sent from my iPhone using Tapatalk", "Gesendet von
meinem SM-G930F mit Tapatalk" or "Mit der kostenlosen … App geschrieben.".
They are the app's words, not the speaker's, and would make every post
written with the app look alike to repost detection. :func:`drop_app_footer`
takes such lines off the end of a post's text, in English, German, French,
Spanish, Portuguese, Russian and Italian; a line that only resembles one in
the middle of a post is left alone.
"""

from __future__ import annotations

import re

# A device or app name: a few words, no clause punctuation ("Sent from my office, and ..."
# is a sentence, not a footer).
_DEVICE = r"[^,;:!?\n]{1,50}?"
_APP = r"[^,;:!?\n]{1,40}?"
_FOOTER = re.compile(
    r"^\s*(?:"
    rf"sent (?:from|with|via) (?:my )?{_DEVICE}(?: (?:using|with|via) {_APP})?"
    rf"|posted (?:from|via|using|with) {_APP}(?:app|mobile|tapatalk)"
    rf"|gesendet (?:von|mit) (?:meine[mn]? )?{_DEVICE}(?: (?:mit|über) {_APP})?"
    rf"|mit der kostenlosen {_APP}app geschrieben"
    rf"|envoy[ée] (?:de|depuis) (?:mon )?{_DEVICE}(?: (?:en utilisant|avec|via) {_APP})?"
    rf"|enviado (?:desde|con) (?:mi )?{_DEVICE}(?: (?:usando|con|mediante) {_APP})?"
    rf"|enviado d[oe] (?:meu |minha )?{_DEVICE}(?: (?:usando|com) {_APP})?"
    rf"|отправлено (?:с|со) (?:моего )?{_DEVICE}(?: (?:через|с помощью) {_APP})?"
    rf"|inviato (?:dal|dalla|da) (?:mio |mia )?{_DEVICE}(?: (?:con|usando|tramite) {_APP})?"
    r")\s*[.!]?\s*$",
    re.IGNORECASE)


def is_app_footer(line: str) -> bool:
    """True if ``line`` is, in full, an app's "Sent from my ..." footer."""
    return len(line) <= 160 and bool(_FOOTER.match(line))


# A footer run on after the last sentence, on the same line: "... next week. Sent from my ..."
_TAIL = re.compile(r"(?<=[.!?…)])\s+(?P<footer>(?:sent|posted|gesendet|mit der kostenlosen|"
                   r"envoy|enviado|отправлено|inviato)\b.*)$", re.IGNORECASE)


def drop_app_footer(text: str) -> str:
    """``text`` without the app footer lines at its end (see the module notes).

    A footer that ends the last line, after its last sentence, goes too.
    """
    lines = text.rstrip().split("\n")
    while lines and (not lines[-1].strip() or is_app_footer(lines[-1])):
        lines.pop()
    if lines:
        tail = _TAIL.search(lines[-1])
        if tail and is_app_footer(tail.group("footer")):
            lines[-1] = lines[-1][:tail.start()]
    return "\n".join(lines).rstrip()


__all__ = ["drop_app_footer", "is_app_footer"]
