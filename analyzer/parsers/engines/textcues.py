"""How a paragraph opens: as a reply to someone, or going on from the paragraph before.

In a copied thread without member blocks, a blank line may part two
paragraphs of one post or two posts. A reader tells them apart by how the
paragraph opens. One that addresses or answers someone ("@name", "Agreed.",
"Yes, but ...", "Thanks for posting") opens a post; one that goes on from
the paragraph before ("But ...", "Also, ...", "That said, ...") continues
one. These are general English discourse markers, not words of any thread.
"""

from __future__ import annotations

import re

# A reply's first words: a mention, agreement or disagreement, thanks, a
# greeting, or a short verdict on what was said above.
_REPLY = re.compile(
    r"^(?:@[\w.\-]{2,}"
    r"|(?:i\s+)?(?:totally\s+|fully\s+|completely\s+)?(?:agree[ds]?|disagree[ds]?)\b"
    r"|(?:exactly|indeed|correct|precisely|absolutely|agreed|this|same|true|wrong|nope|nah|"
    r"yep|yup|yeah|yes|no|lol|lmao|haha+|rofl|ok|okay|well said|good point|fair point|"
    r"great post|nice post|good post|spot on|so true|not really|not quite|not so fast|"
    r"not sure|i doubt it|source|link|citation needed|bump|\+1)\s*[.!?,:]"
    r"|(?:yes|no|yeah|nah|true|sure|well),?\s+but\b"
    r"|(?:thanks|thank you|thx|cheers)\b(?:\s+for\b)?"
    r"|(?:hi|hello|hey|welcome)\b[\s,!]"
    r"|(?:you(?:'re| are) (?:right|wrong)|you have a point|i see your point|"
    r"what do you mean|are you (?:serious|sure|kidding)|how (?:so|come)\b))",
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


def continues(paragraph: str) -> bool:
    """Return True if ``paragraph`` opens by going on from the one before ("But", "Also,")."""
    return bool(_CONTINUES.match(paragraph.lstrip(" \"“'(")))
