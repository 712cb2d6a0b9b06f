"""How a paragraph opens: as a reply to someone, or going on from the paragraph before.

In a copied thread without member blocks, a blank line may part two
paragraphs of one post or two posts. A reader tells them apart by how the
paragraph opens. One that addresses or answers someone ("@name", "Agreed.",
"Yes, but ...", "Thanks for posting") opens a post; one that goes on from
the paragraph before ("But ...", "Also, ...", "That said, ...") continues
one. A sign-off ("Thanks in advance.", "Cheers") closes a post, so the
paragraph after it opens the next. These are general English discourse
markers, not words of any thread.
"""

from __future__ import annotations

import re

# A reply's first words: a mention, agreement or disagreement, thanks for the
# post above, a greeting, or a short verdict on what was said above. A verdict
# word must end its sentence ("Exactly." but not "This, in turn, ..."); the
# commonest answers may also go on after a comma ("Yes, ...", "Agreed, ...").
_REPLY = re.compile(
    r"^(?:@[\w.\-]{2,}"
    r"|(?:i\s+)?(?:totally\s+|fully\s+|completely\s+)?(?:agree[ds]?|disagree[ds]?)\b"
    r"|(?:exactly|precisely|agreed|this|same|true|wrong|nope|nah|yep|yup|yeah|yes|no|lol|"
    r"lmao|haha+|rofl|ok|okay|well said|good point|fair point|great post|nice post|"
    r"good post|spot on|so true|not really|not quite|not so fast|not sure|i doubt it|source|"
    r"link|citation needed|bump|\+1)\s*[.!?:]"
    r"|(?:exactly|agreed|absolutely|nope|nah|yep|yeah|yes|no|lol|haha+|ok|okay|good point|"
    r"fair point|spot on|not really|not quite),"
    r"|(?:yes|no|yeah|nah|true|sure|well),?\s+but\b"
    r"|(?:thanks|thank you|thx|cheers)\s+(?:for\s+(?:posting|sharing|the|this|that|your)|"
    r"\w+,?\s+for\s+(?:posting|sharing|the|this|that|your))\b"
    r"|(?:hi|hello|hey|welcome)\b[\s,!]"
    r"|(?:you(?:'re| are) (?:right|wrong)|you have a point|i see your point|"
    r"what do you mean|are you (?:serious|sure|kidding)|how (?:so|come)\b))",
    re.IGNORECASE,
)

# A sign-off closes a post: "Thanks in advance.", "Cheers", "Regards, Sam".
_SIGN_OFF = re.compile(
    r"^(?:thanks|thank you|thx|cheers|regards|best regards|kind regards|best wishes|"
    r"all the best|take care)\b(?:\s+(?:in advance|again|all|everyone|guys|folks))?"
    r"[\s,.!\-–—]*(?:[A-Z][\w.\-]{0,20})?[.!]?$",
    re.IGNORECASE,
)

# A paragraph that goes on from the one before: a connective at its head.
_CONTINUES = re.compile(
    r"^(?:but|and|or|so|also|still|plus|yet|hence|thus|therefore|then|anyway|anyhow|"
    r"besides|moreover|furthermore|however|meanwhile|otherwise|additionally|"
    r"nevertheless|nonetheless|instead|likewise|similarly|consequently|finally|lastly|"
    r"secondly|thirdly|first(?:ly)?|second|third|next|because|which|whereas|"
    r"that said|then again|on top of that|in addition|on the other hand|in any case|"
    r"at the same time|even so|after all|as a result|for example|for instance|in fact|"
    r"edit|p\.?s\.?)\b",
    re.IGNORECASE,
)


def replies(paragraph: str) -> bool:
    """Return True if ``paragraph`` opens as a reply to someone ("@name", "Agreed.")."""
    return bool(_REPLY.match(paragraph.lstrip(" \"“'(")))


def signs_off(paragraph: str) -> bool:
    """Return True if ``paragraph`` is a sign-off that closes a post ("Thanks in advance.")."""
    text = paragraph.strip()
    return len(text.split()) <= 6 and bool(_SIGN_OFF.match(text))


def continues(paragraph: str) -> bool:
    """Return True if ``paragraph`` opens by going on from the one before ("But", "Also,")."""
    return bool(_CONTINUES.match(paragraph.lstrip(" \"“'(")))
