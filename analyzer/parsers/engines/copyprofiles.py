"""What a browser copy of each forum engine's thread page looks like, as evidence.

A copy ("select all, copy" of a page, innerText rules) keeps each post's
furniture as lines of its own. Each :class:`CopyProfile` says, declaratively,
how one engine's default skin lays that furniture out:

- the **anchor**: the line every post has once ("#4" under the date on
  XenForo 2, "07-23-2019, 09:12 AM #1" on vBulletin, "Post by NAME » date"
  on phpBB), and where the post's author and date sit relative to it;
- which side of the anchor the **member block** (name, member title, join
  date, post count, location) is on;
- the **action bars** and like summaries that close a post;
- the **edit note** and whether the signature follows it;
- the **signature rule** ("__________________") where the engine prints one.

:mod:`analyzer.parsers.engines.copyreader` scores every profile against a copy and
reads the posts with the best one. Patterns shared by all engines (member
fields, app footers, page chrome) live here too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Labels of member-block fields ("Join Date", "Posts: 4,512", "Location").
FIELD_LABELS = (
    r"joined|join date|registered|member since|messages|posts|threads|reaction score|"
    r"reactions?|points|trophy points|likes(?: received)?|reputation|rep power|location|"
    r"country|age|gender|credits|karma|solutions|rank|thanks(?: received| given)?|"
    r"thanked \d+ times?(?: in \d+ posts?)?|mentioned|tagged|status|real name|occupation"
)
#: A label alone on its line; its value is the next line.
FIELD_LABEL = re.compile(rf"^(?:{FIELD_LABELS})\s*:?$", re.IGNORECASE)
#: A label and its value on one line: "Posts: 4,512", "Join Date: Mar 2009".
FIELD_INLINE = re.compile(rf"^(?:{FIELD_LABELS})\s*:\s*\S.{{0,60}}$|^[\d.,]+\s*[kKmM]?\s+posts?$",
                          re.IGNORECASE)
#: Member titles use a small, engine-independent vocabulary.
TITLE_WORD_LIST = (
    r"member|user|moderator|mod|admin|administrator|staff|banned|guest|veteran|senior|"
    r"junior|newbie|rookie|registered|supporter|contributor|regular|elite|expert|legend|"
    r"team|founder|vip|premium|donor|retired|addict|guru|master|enthusiast"
)
TITLE_WORDS = re.compile(rf"\b(?:{TITLE_WORD_LIST})s?\b", re.IGNORECASE)
#: Lines that close a post: action bars, vote counts and like summaries.
ACTION_BAR = re.compile(
    r"^(?:\d+\s+)?(?:(?:likes?|unlike|reply|replies|reply with quote|quote|multi-?quote|report|"
    r"report post|share|bookmark|add bookmark|thanks?|find|pm|website|email|edit|delete|"
    r"top|permalink|save|follow|upvote|downvote|\+?quote|reply to this topic|logged|"
    r"modify|remove|report to moderator)\s*){1,8}$",
    re.IGNORECASE,
)
LIKES = re.compile(
    r"^(?:reactions?|likes?|thanks?)\s*:\s.{1,300}$|^.{1,300}\b(?:likes?|liked|thanked) "
    r"(?:this|this post)\.?$|^the following \d+ users? (?:says?|said) thank you.{0,200}$",
    re.IGNORECASE,
)
#: Dates a page prints relative to today: "Today at 10:15 AM", "3 hours ago", "Monday at 9:12".
RELATIVE_DATE = re.compile(
    r"^(?:today|yesterday|heute|gestern|aujourd'hui|hier|hoy|ayer|oggi|ieri|hoje|ontem|"
    r"сегодня|вчера|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b.{0,30}$|"
    r"^(?:an?|one|\d+)\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|"
    r"years?)\s+ago\b.{0,40}$|^(?:just now|a moment ago|moments ago)$",
    re.IGNORECASE,
)
#: App footers a phone app appends to a post.
APP_FOOTER = re.compile(
    r"^(?:posted via (?:mobile device|the .{1,40} app)|sent from my .{1,80}|"
    r"sent using .{1,60}|mit der .{1,60}app geschrieben\.?|"
    r"envoyé de mon .{1,60}|enviado desde mi .{1,60}|inviato dal mio .{1,60})$",
    re.IGNORECASE,
)
#: Page chrome that never belongs to a post: navigation, footers, counters.
PAGE_CHROME = re.compile(
    r"^(?:page \d+ of \d+.{0,40}|(?:(?:prev(?:ious)?|next|first|last|«|»)\s*)+|"
    r"(?:\d+\s+){1,12}(?:next|»|›)?\s*|pages \(\d+\):.{0,60}|results \d+ to \d+ of \d+|"
    r"\d+ posts? • page \d+ of \d+|powered by .{1,80}|forum software by .{1,80}|"
    r"community platform by .{1,80}|all times are .{1,80}|you must log in or register.{0,40}|"
    r"similar threads|share this page|jump to|who is online.{0,80}|"
    r"users browsing this thread.{0,80}|quick navigation.{0,80}|posting permissions|"
    r"« previous thread \| next thread »|« next oldest \| next newest »|thread modes|"
    r"post reply|sort by.{0,30}|return to .{1,80}|search this topic.{0,4}|"
    r"thread starter .{1,60}|start date .{1,40}|discussion in '.{1,80}' started by .{1,80}|"
    r"top\s*bottom|board index.{0,120}|thread: .{1,160}|.{0,40}©.{0,80})$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class CopyProfile:
    """How one engine's copied page lays out a post.

    Attributes:
        name: The profile's name, shown in the report (``Thread.layout``).
        anchor: The line each post has once. Named groups ``author``,
            ``date`` and ``number`` are read where present.
        author_line: A line that names the post's author (group ``author``,
            optional ``date``), searched in the ``author_window`` lines above
            the anchor. Where the group is empty ("wrote on" on a line of its
            own), the author is the name on the line above.
        author_window: How many lines above the anchor to search.
        date_before: Lines above the anchor searched for the post's date.
        date_after: Lines below the anchor searched for the post's date.
        block: Where the member block is: ``before`` the anchor (the post
            starts with it), ``after`` it, ``start`` (the post's first lines,
            the anchor closing the post), ``any`` (found by the author's
            name) or ``none`` (the anchor names the author; no block). An
            anchor whose ``author`` group is empty takes the name on the line
            above.
        head: Lines of the post head to drop (bookmark links, post titles).
        head_above: Lines of the post head right above the anchor (a post's
            subject, "Re: ..."); a line that is the subject of the replies
            (the first post's subject) counts too.
        edit: The edit note; it is never post text.
        signature_after_edit: True if the signature follows the edit note,
            so that everything from the note to the action bar is furniture.
        signature_rule: The line that opens a signature, if the engine has one.
    """

    name: str
    anchor: re.Pattern[str]
    author_line: re.Pattern[str] | None = None
    author_window: int = 1
    date_before: int = 0
    date_after: int = 0
    block: str = "before"
    head: re.Pattern[str] | None = None
    head_above: re.Pattern[str] | None = None
    edit: re.Pattern[str] = re.compile(r"^last edited\b.{0,160}$", re.IGNORECASE)
    signature_after_edit: bool = True
    signature_rule: re.Pattern[str] | None = None


_NUMBER = r"#\s?(?P<number>\d{1,7})"
_DATE = r"(?P<date>[^#]{4,48}?)"

PROFILES: tuple[CopyProfile, ...] = (
    CopyProfile(
        name="xenforo2",
        anchor=re.compile(rf"^(?:(?!add bookmark){_DATE}\s+)?(?:add bookmark\s+)?{_NUMBER}$",
                          re.IGNORECASE),
        date_before=2,
        block="before",
        head=re.compile(r"^(?:add bookmark|new|thread starter)$", re.IGNORECASE),
    ),
    CopyProfile(
        name="xenforo1",
        anchor=re.compile(rf"^{_NUMBER}(?:\s+(?:like|unlike|reply|quote|report|share))*$",
                          re.IGNORECASE),
        author_line=re.compile(rf"^(?P<author>[^,]{{1,60}}), {_DATE}(?:\s+(?:report|edit|"
                               r"delete|ip|warn|spam))*$", re.IGNORECASE),
        block="start",
        edit=re.compile(r"^last edited(?: by a moderator)?:.{0,80}$", re.IGNORECASE),
    ),
    CopyProfile(
        name="vbulletin",
        anchor=re.compile(rf"^{_DATE}\s+{_NUMBER}$", re.IGNORECASE),
        block="after",
        head=re.compile(r"^(?:re: .{1,160}|view profile|view forum posts|private message|"
                        r"find more posts by .{1,60}|add .{1,60} to your contacts|"
                        r".{1,60} is (?:offline|online))$", re.IGNORECASE),
        edit=re.compile(r"^last edited by .{1,60}; .{4,80}$", re.IGNORECASE),
        signature_after_edit=True,
        signature_rule=re.compile(r"^_{6,}$"),
    ),
    CopyProfile(
        name="phpbb",
        anchor=re.compile(r"^(?:(?:post|beitrag|message|mensaje|messaggio|bericht)\s+)?"
                          r"(?:by|von|par|por|da|door|от)\s+(?P<author>.{1,60}?)\s*[»›]\s*"
                          r"(?P<date>.{6,60})$", re.IGNORECASE),
        block="any",
        head=re.compile(r"^(?:re: .{1,160}|quote|top|post reply)$", re.IGNORECASE),
        edit=re.compile(r"^last edited by .{1,60} on .{4,80}$|^reason: .{0,120}$",
                        re.IGNORECASE),
    ),
    CopyProfile(
        name="mybb",
        anchor=re.compile(rf"^{_NUMBER}$"),
        date_after=1,
        block="before",
    ),
    CopyProfile(
        name="nodebb",
        anchor=re.compile(r"^(?:(?P<author>.{1,60}?)\s+)?(?:wrote|replied to .{1,60}?|posted)"
                          r"(?:\s+on\b(?:\s+(?P<date>[^#]{0,48}?))?|\s+(?:an?|one|\d+)\s+\w+\s+ago|"
                          r"(?=\s+last edited|\s*#|$))(?:\s+last edited by [^#]{0,100})?"
                          rf"(?:\s*{_NUMBER})?$", re.IGNORECASE),
        block="none",
        head=re.compile(rf"^{_NUMBER}$|^last edited by .{{1,100}}$", re.IGNORECASE),
    ),
    CopyProfile(
        name="smf",
        anchor=re.compile(r"^«\s*(?:reply\s+#(?P<number>\d+)\s+)?on:\s*(?P<date>.{4,60}?)\s*»$",
                          re.IGNORECASE),
        block="before",
        head_above=re.compile(r"^re: .{1,160}$", re.IGNORECASE),
        head=re.compile(r"^(?:re: .{1,160}|quote|modify|remove|split topic)$", re.IGNORECASE),
        edit=re.compile(r"^«\s*last edit:.{0,120}»$", re.IGNORECASE),
    ),
    CopyProfile(
        name="discourse",
        anchor=re.compile(
            r"^(?:(?P<author>[\w.\-]{2,40}?)(?:\s+\([^)]{1,60}\))?\s+)?(?P<date>"
            r"[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4}, \d{1,2}:\d\d\s?[ap]m|"
            r"[A-Z][a-z]{2} (?:'\d\d|\d{4})|[A-Z][a-z]{2} \d{1,2}|\d{1,2}[mhd])"
            r"(?:\s+(?P<number>\d{1,6}))?$"),
        block="none",
    ),
    CopyProfile(
        name="invision",
        anchor=re.compile(r"^posted (?P<date>.{3,60}?)(?:\s+\(edited\))?$", re.IGNORECASE),
        block="before",
        edit=re.compile(r"^edited .{1,80} by .{1,60}$", re.IGNORECASE),
    ),
)
