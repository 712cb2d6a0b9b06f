"""Site boilerplate in news articles: chrome lines and the closing tail.

Chrome lines (share prompts, "Region:"/"Tags:" lines, image credits) are
dropped wherever they stand; closing boilerplate (reader notes, copyright,
disclaimers, "Related articles") ends the article once nothing article-like
follows it.
"""

from __future__ import annotations

import re

_SOCIAL = (r"facebook|twitter|x|linkedin|reddit|whatsapp|telegram|email|e-mail|print|"
           r"pinterest|tumblr|vk|weibo|wechat|flipboard|pocket|copy link|share|tweet|mastodon")


def _rx(*patterns: str) -> re.Pattern[str]:
    return re.compile("|".join(patterns), re.IGNORECASE)


# Chrome: lines dropped wherever they stand. Patterns in the _SHORT groups only
# count on a line of at most _SHORT_WORDS words, so a sentence that merely
# contains such words is never taken for chrome.
_CHROME = _rx(
    rf"^(?:(?:{_SOCIAL})[\s,|/·•]*)+$",
    r"^(?:region|theme|tags?|topics?|categor(?:y|ies)|keywords?|filed under|section|"
    r"posted in)\s*:",
    r"^(?:featured image|image|photo|picture|caption|credit|photo credit|image credit|"
    r"illustration|video|file photo|top image|header image)\s*:",
    r"^[(\[]?(?:photo|image|picture|credit|file photo)\s*(?::|/|by\b|courtesy\b)",
    r"^in this (?:\w+ )?(?:photo|image|picture|handout|video|file)\b.*\)\s*$",
    r"^(?:advertisement|advertising|sponsored(?: content)?|promoted|ad)$",
    r"^(?:listen to (?:this|the) article|\d+\s*(?:min(?:ute)?s?) read|reading time\b.*)$",
    r"^(?:loading|load more|show more|show comments|view comments|print this|email this)"
    r"\W*$",
    r"^(?:https?://|www\.)\S+$",
    r"^[\w.+-]+@[\w-]+\.[\w.]+$",
    r"^(?:previous|next|prev)(?: (?:article|post|story|page))?\s*(?:[:>»|].*)?$",
)
_CHROME_SHORT = _rx(
    r"^(?:please )?share (?:this|the|on|via)\b",
    r"\bshare buttons\b|\bforward this article\b|\bcross-?post (?:it|this|on)\b",
    r"^(?:click|tap) (?:here )?to (?:share|print|email|tweet|subscribe|comment|read)",
    r"^(?:read more|read also|also read|see also|related|recommended|watch|listen)\s*[:>|»-]",
)
# Closing boilerplate. Once one of these starts a tail that holds nothing
# article-like, the tail is cut.
_END = _rx(
    r"^note to (?:our )?readers\b",
    r"^(?:the )?original source of this (?:article|story|post)\b",
    r"^(?:this|the) (?:article|story|post|piece) (?:was |is |first |originally )+"
    r"(?:published|posted|appeared)\b",
    r"^(?:originally|first) (?:published|appeared|posted) (?:on|in|at|by)\b",
    r"^(?:republished|reprinted|cross-?posted) (?:from|with)\b",
    r"^(?:copyright|\(c\)|©)\s*(?:©|\(c\)|\d{4}|by\b)",
    r"^©",
    r"^disclaimer\b",
    r"\bcontains copyrighted material\b",
    r"^for (?:media|press|editorial) (?:inquiries|enquiries|contacts?)\b",
    r"^the views (?:and opinions )?expressed in (?:this|the) (?:article|piece|post)\b",
)
_END_SHORT = _rx(
    r"\ball rights reserved\b",
    r"^(?:become|join us as) an? (?:member|subscriber|patron|supporter)\b",
    r"^(?:support|donate to|help) (?:us|our|independent)\b",
    r"^donate\b",
    r"^comment on\b.*\b(?:articles?|page|facebook)\b",
    r"^(?:\d+\s+)?(?:comments?|responses?|replies|discussion)(?:\s*\(\d+\))?\s*:?$",
    r"^(?:leave|post|add|write) a (?:comment|reply|response)\b",
    r"^(?:articles|stories|posts|more) (?:by|from)\s*:?",
    r"^about the (?:author|writer|authors)\b",
    r"^(?:related|recommended|more|similar|further|popular|trending|latest|top)"
    r"(?: \w+)? (?:articles?|stories|posts|news|reads?|reading|coverage|content|links)\s*:?$",
    r"^(?:you|we think you) (?:may|might|will|would) (?:also )?(?:like|enjoy|be interested)",
    r"^(?:most (?:read|popular|viewed|shared)|trending now|editor'?s picks?)\b",
    r"^(?:subscribe|sign up|signup|newsletter|get (?:our|the) newsletter)\b",
    r"^follow (?:us|me|our|the author)\b",
    r"^(?:like us|join us|find us) on\b",
    r"^(?:contact us|about us|privacy(?: policy)?|terms (?:of|and) (?:use|service|conditions)|"
    r"cookie(?:s| policy| settings)?)\b",
    r"^(?:tags?|topics?|filed under)\b",
    r"^(?:source|sources|via)\s*:",
)
# End markers strong enough to cut everything after them, article-like or not
# (author bios, teaser paragraphs of related stories), once past mid-page.
_HARD_END = _rx(
    r"^note to (?:our )?readers\b",
    r"^(?:the )?original source of this\b",
    r"^(?:copyright|\(c\)|©)\s*(?:©|\(c\)|\d{4}|by\b)",
    r"^©",
    r"^disclaimer\b",
    r"^about the (?:author|writer|authors)\s*:?$",
    r"^(?:related|recommended|more|similar|further)(?: \w+)? (?:articles?|stories|posts|"
    r"news|reads?|reading|coverage)\s*:?$",
    r"^(?:you|we think you) (?:may|might|will|would) (?:also )?(?:like|enjoy)\b.{0,30}$",
    r"^(?:articles|stories|posts) by\s*:?",
    r"^(?:leave|post|add|write) a (?:comment|reply|response)\W*$",
    r"^(?:\d+\s+)?comments?(?:\s*\(\d+\))?\s*:?$",
)
_SHORT_WORDS = 40
_END_SHORT_WORDS = 20

TERMINAL = re.compile(r"[.!?:;…\"'”’)\]]\s*$")
ARTICLE_LIKE_WORDS = 15
_HARD_END_FROM = 0.4  # share of the text after which a hard end marker cuts


def is_boilerplate(line: str) -> bool:
    """Return True if ``line`` on its own is page chrome or site boilerplate.

    Covers share prompts, social-media button rows, "Region:"/"Tags:" lines,
    image credits, reader notes, copyright and disclaimer lines, membership
    and newsletter prompts, "Related articles" headers and the like.
    """
    return is_chrome(line) or _is_end(line)


def is_chrome(line: str) -> bool:
    line = line.strip()
    return bool(line) and bool(_CHROME.search(line) or (
        len(line.split()) <= _SHORT_WORDS and _CHROME_SHORT.search(line)))


def _is_end(line: str) -> bool:
    line = line.strip()
    return bool(line) and bool(_END.search(line) or (
        len(line.split()) <= _END_SHORT_WORDS and _END_SHORT.search(line)))


def cut_tail(units: list[str]) -> list[str]:
    """Cut the closing boilerplate of a page.

    A hard end marker ("Note to readers", "Copyright ©", "About the author",
    "Related articles") past :data:`_HARD_END_FROM` of the text cuts everything
    after it. Otherwise the tail is cut from the first boilerplate line that is
    followed by nothing article-like.
    """
    total = sum(len(u) for u in units) or 1
    seen = 0
    for i, unit in enumerate(units):
        if seen / total >= _HARD_END_FROM and _HARD_END.search(unit):
            return units[:i]
        seen += len(unit)
    last_prose = -1
    for i, unit in enumerate(units):
        if not is_boilerplate(unit) and len(unit.split()) >= ARTICLE_LIKE_WORDS:
            last_prose = i
    for i in range(last_prose + 1, len(units)):
        if is_boilerplate(units[i]):
            return units[:i]
    return units
