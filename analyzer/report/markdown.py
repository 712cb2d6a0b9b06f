"""The Markdown report: one function per section, joined by :func:`render`."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from analyzer.model import Analysis, Post, RepostCluster, Stance, TargetSummary, cluster_of
from analyzer.report import comparison
from analyzer.report.chart_data import ChartLink
from analyzer.report.escape import blockquote, code, escape_cell, escape_inline, short
from analyzer.report.format import (
    author,
    image,
    leaning,
    post_ref,
    posts_by_id,
    score,
    table,
)
from analyzer.text import words

QUOTE_CHARS = 200
"""Longest quotation of a representative post, in characters."""
MAX_REFS = 10
"""Most post numbers a summary line lists; the rest are counted."""
MAX_GLANCE_ROWS = 200
"""Most posts the at-a-glance table lists; the rest are counted, and are in the JSON."""
MAX_CLUSTERS = 20
"""Most repost clusters described one by one (the most copied first)."""
MAX_COPY_ROWS = 20
"""Most copies a cluster's table lists."""
IN_JSON = "every one is in the JSON output (`--json`)"


def render(analysis: Analysis, charts: Sequence[ChartLink] = ()) -> str:
    """Render the whole report as Markdown.

    Every piece of forum or news text in it is escaped, so the report is
    safe to publish as it is.

    Args:
        analysis: What to report.
        charts: Charts to link from their sections (reposts, stance, framing),
            by slug; a report without them reads the same, tables and all.
    """
    links = {link.slug: link for link in charts}
    parts = [
        _title(analysis),
        summary(analysis),
        glance(analysis),
        reposts(analysis, links),
        stance(analysis, links),
        comparison.framing(analysis, links),
        comparison.distinctive_terms(analysis),
        representative_posts(analysis),
        comparison.method(analysis),
    ]
    return "\n\n".join(p.strip() for p in parts if p) + "\n"


def _title(analysis: Analysis) -> str:
    name = analysis.thread.title or analysis.thread.id
    return f"# Forum analysis: {escape_inline(name)}"


def _opinion(analysis: Analysis) -> list[Post]:
    return [p for p in analysis.thread.posts if p.kind == "opinion"]


def summary(analysis: Analysis) -> str:
    """Section: the findings in a few bullets."""
    thread = analysis.thread
    opinion = _opinion(analysis)
    news = [p for p in thread.posts if p.kind == "news"]
    speakers = {p.author for p in thread.posts if p.author}
    unknown = sum(1 for p in thread.posts if not p.author)
    lines = ["## Summary", ""]
    who = f"{len(speakers)} named speaker{'s' if len(speakers) != 1 else ''}"
    if unknown:
        who += f" ({unknown} post{'s' if unknown != 1 else ''} with no author in the copy)"
    lines.append(f"- **{len(thread.posts)} posts** by {who}: {len(opinion)} opinion, "
                 f"{len(news)} pasted news article{'s' if len(news) != 1 else ''}.")
    if analysis.clusters:
        biggest = max(analysis.clusters, key=lambda c: len(c.post_ids))
        by_id = posts_by_id(analysis)
        refs = _refs([by_id[pid] for pid in biggest.post_ids])
        lines.append(
            f"- **Reposts:** {len(analysis.clusters)} comment"
            f"{'s were' if len(analysis.clusters) != 1 else ' was'} posted more than once; "
            f"the most repeated appears {len(biggest.post_ids)} times ({refs}), "
            f"{_spread(biggest)}.")
    else:
        lines.append("- **Reposts:** no comment was posted more than once.")
    band = analysis.method.neutral_band
    for s in analysis.summary:
        if s.forum is None and s.forum_naive is None:
            continue
        label = escape_inline(analysis.settings.target(s.target).label)
        line = (f"- **{label}:** forum {leaning(s.forum, band)} ({score(s.forum)}, each repeated "
                f"comment counted once; {score(s.forum_naive)} counting every copy)")
        news_scores = [v for _, v in s.news if v is not None]
        if news_scores:
            mean = sum(news_scores) / len(news_scores)
            line += f"; news {leaning(mean, band)} ({score(mean)})"
        lines.append(line + "." + _few_voices(s, analysis))
    lines.extend(comparison.summary_lines(analysis))
    return "\n".join(lines)


def _refs(posts: Sequence[Post], limit: int = MAX_REFS) -> str:
    """Post numbers, the first ``limit`` of them, then how many more."""
    shown = ", ".join(post_ref(p) for p in posts[:limit])
    more = len(posts) - limit
    return shown + (f" and {more} more" if more > 0 else "")


def _spread(cluster: RepostCluster) -> str:
    named = [a for a in cluster.authors if a]
    if not named:
        return "by posters the copy does not name"
    if len(cluster.authors) == 1:
        return f"every copy by {escape_inline(named[0])} (a self-repost)"
    return f"spread by {len(cluster.authors)} accounts"


def glance(analysis: Analysis) -> str:
    """Section: one row per post."""
    clusters = cluster_of(analysis.clusters)
    targets = [t.name for t in analysis.settings.targets]
    shown = analysis.thread.posts[:MAX_GLANCE_ROWS]
    listed = {p.id for p in shown}
    stance_of: dict[tuple[str, str], float] = {
        (s.post_id, s.target): s.score for s in analysis.stances if s.post_id in listed}
    header = ["#", "Author", "Date", "Kind", "Words", "Quotes", "Repost"] + [
        escape_cell(analysis.settings.target(t).label) for t in targets] + ["Opening words"]
    rows = []
    for p in shown:
        rows.append([
            post_ref(p), author(p),
            p.timestamp.strftime("%Y-%m-%d %H:%M") if p.timestamp else "–",
            p.kind, str(len(words(p.text))), str(len(p.quotes)),
            f"cluster {clusters[p.id]}" if p.id in clusters else "",
            *[score(stance_of.get((p.id, t))) for t in targets],
            short(p.text, 70),
        ])
    align = ["r", "l", "l", "l", "r", "r", "l"] + ["r"] * len(targets) + ["l"]
    layout = analysis.thread.layout
    copy = f" (copy layout: {escape_inline(layout)})" if layout else ""
    intro = (f"Read by the {code(analysis.thread.engine)} parser{copy}. Stance scores run from −1 "
             "(hostile) to +1 (favourable); a dash means the post does not mention the target.")
    lines = ["## The thread at a glance", "", intro, "", table(header, rows, align)]
    more = len(analysis.thread.posts) - len(rows)
    if more > 0:
        lines += ["", f"The first {len(rows)} posts of {len(analysis.thread.posts)} are listed; "
                  f"{more} more are not, and {IN_JSON}."]
    return "\n".join(lines)


def reposts(analysis: Analysis, links: Mapping[str, ChartLink] | None = None) -> str:
    """Section: each repost cluster, with its copies and its text."""
    lines = ["## Reposts", ""]
    if not analysis.clusters:
        lines.append("No comment was posted more than once (at the similarity threshold of "
                     f"{analysis.settings.threshold:.2f}).")
        return "\n".join(lines)
    lines += image(links, "reposts")
    by_id = posts_by_id(analysis)
    moved = _moved_targets(analysis)
    shown = sorted(analysis.clusters, key=lambda c: (-len(c.post_ids), c.id))[:MAX_CLUSTERS]
    for cluster in sorted(shown, key=lambda c: c.id):
        copies = [by_id[pid] for pid in cluster.post_ids]
        lines += [f"### Cluster {cluster.id}: {len(copies)} copies", ""]
        lines.append(table(
            ["Copy", "Post", "Author", "Words", "Kind"],
            [[str(n + 1), post_ref(p), author(p), str(len(words(p.text))), p.kind]
             for n, p in enumerate(copies[:MAX_COPY_ROWS])],
            ["r", "l", "l", "r", "l"]))
        if len(copies) > MAX_COPY_ROWS:
            lines += ["", f"The first {MAX_COPY_ROWS} copies are listed; "
                      f"{len(copies) - MAX_COPY_ROWS} more are not, and {IN_JSON}."]
        lines += ["", f"Lowest Jaccard similarity to the first copy: **{cluster.similarity:.2f}**;"
                  f" {_spread(cluster)}.", "", blockquote(copies[0].text, limit=600), ""]
        effect = _cluster_effect(analysis, cluster, moved)
        if effect:
            lines += [effect, ""]
    hidden = len(analysis.clusters) - len(shown)
    if hidden:
        copies_left = sum(len(c.post_ids) for c in analysis.clusters) - sum(
            len(c.post_ids) for c in shown)
        lines.append(f"The {len(shown)} most copied clusters are shown; {hidden} smaller "
                     f"cluster{'s' if hidden != 1 else ''} ({copies_left} copies) are not, "
                     f"and {IN_JSON}.")
    return "\n".join(lines)


def _moved_targets(analysis: Analysis) -> dict[str, set[str]]:
    """Targets whose forum figure moves when copies count once, by opinion copy mentioning them.

    Worked out once for all clusters: one pass over the stances. Only the
    copies of repost clusters are keys.
    """
    moving = {s.target for s in analysis.summary
              if s.forum is not None and s.forum_naive is not None
              and score(s.forum) != score(s.forum_naive)}
    if not moving:
        return {}
    copies = cluster_of(analysis.clusters)
    # Only opinion copies count toward the forum figures; pasted news never moves them.
    opinion = {p.id for p in analysis.thread.posts if p.kind == "opinion" and p.id in copies}
    found: dict[str, set[str]] = {}
    for st in analysis.stances:
        if st.post_id in opinion and st.target in moving:
            found.setdefault(st.post_id, set()).add(st.target)
    return found


def _cluster_effect(analysis: Analysis, cluster: RepostCluster,
                    moved: Mapping[str, set[str]]) -> str:
    targets = set().union(*(moved.get(pid, set()) for pid in cluster.post_ids))
    parts = []
    for s in analysis.summary:
        if s.target in targets:
            label = escape_inline(analysis.settings.target(s.target).label)
            parts.append(f"{label} {score(s.forum_naive)} → {score(s.forum)}")
    if not parts:
        return ""
    return ("Counting this comment once instead of every copy moves forum stance: "
            + "; ".join(parts) + " (all clusters counted once).")


def stance(analysis: Analysis, links: Mapping[str, ChartLink] | None = None) -> str:
    """Section: stance per target, forum against each news source."""
    lines = ["## Stance by target", ""]
    method = analysis.method.interval
    lines.append("Forum figures average opinion posts only (pasted news is left out). "
                 "*Deduplicated* counts each repost cluster as one voice; *naive* counts "
                 f"every copy. The {method.level:.0%} interval is a "
                 f"{escape_inline(method.name)} interval "
                 f"over the voices ({method.description}); with fewer than "
                 f"{method.min_voices} voices there is none (*too few voices*).")
    articles = analysis.articles
    header = ["Target", "Forum (deduplicated)", f"{method.level:.0%} interval",
              "Forum (naive)", "Voices", "Posts"]
    header += [escape_cell(a.outlet or a.id) for a in articles]
    rows = []
    for s in analysis.summary:
        news = dict(s.news)
        rows.append([escape_cell(analysis.settings.target(s.target).label), score(s.forum),
                     _interval_cell(s), score(s.forum_naive), str(s.forum_voices),
                     str(s.forum_posts)]
                    + [score(news.get(a.id)) for a in articles])
    lines += ["", table(header, rows, ["l"] + ["r"] * (len(header) - 1))]
    if not articles:
        lines += ["", "No news articles were supplied, so there are no news columns."]
    charts = image(links, "stance-by-target") + image(links, "stance-along-thread")
    if charts:
        lines += ["", *charts[:-1]]
    evidence = _evidence_examples(analysis)
    if evidence:
        lines += ["", "Strongest evidence in forum opinion, per target:", "", *evidence]
    return "\n".join(lines)


def _interval_cell(s: TargetSummary) -> str:
    if s.forum_interval is not None:
        return f"{score(s.forum_interval[0])} to {score(s.forum_interval[1])}"
    return "too few voices" if s.forum_voices else "–"


def _few_voices(s: TargetSummary, analysis: Analysis) -> str:
    """What the summary says of a forum figure's support: its voices and interval."""
    method = analysis.method.interval
    if s.forum_voices == 0:
        return ""
    if s.forum_voices < method.min_voices:
        voices = "one voice" if s.forum_voices == 1 else "two voices"
        return f" **Rests on {voices} only**, too few for an interval."
    assert s.forum_interval is not None
    low, high = s.forum_interval
    text = (f" {s.forum_voices} voices; {method.level:.0%} interval {score(low)} to "
            f"{score(high)}")
    if low < 0 < high and leaning(s.forum, analysis.method.neutral_band) != "neutral":
        text += ", which includes zero"
    return text + "."


def _evidence_examples(analysis: Analysis) -> list[str]:
    opinion = {p.id for p in _opinion(analysis)}
    by_id = posts_by_id(analysis)
    lines = []
    of_target = _of_target(analysis)
    for target in analysis.settings.targets:
        scored = [s for s in of_target.get(target.name, ())
                  if s.post_id in opinion and s.evidence]
        if not scored:
            continue
        strongest = max(scored, key=lambda s: abs(s.score))
        lines.append(f"- **{escape_inline(target.label)}** ({score(strongest.score)}, "
                     f"{post_ref(by_id[strongest.post_id])}): "
                     f"“{short(' '.join(strongest.evidence), 220)}”")
    return lines


def representative_posts(analysis: Analysis) -> str:
    """Section: the most favourable and most hostile voice per target, in its own words.

    A comment posted more than once is one voice: it is shown once, with its
    number of copies, where they stand and who posted them, and ranked by
    the mean of its copies' scores, as the forum figure counts it.
    """
    lines = ["## Representative posts", "",
             "For each target, the opinion posts at either end of the scale, quoted where "
             "they mention the target. A comment posted more than once counts as one voice "
             "and is shown once, with its number of copies.", ""]
    clusters = cluster_of(analysis.clusters)
    opinion = {p.id for p in _opinion(analysis)}
    by_id = posts_by_id(analysis)
    found = False
    of_target = _of_target(analysis)
    for target in analysis.settings.targets:
        voices: dict[object, list[Stance]] = {}
        for s in of_target.get(target.name, ()):
            if s.post_id in opinion:
                voices.setdefault(clusters.get(s.post_id, s.post_id), []).append(s)
        if not voices:
            continue
        found = True
        ranked = [(_voice_score(v), by_id[v[0].post_id].position, v) for v in voices.values()]
        # The two ends of the ranking sort by (score, position) would give.
        low = min(ranked, key=lambda r: r[:2])[2]
        high = max(reversed(ranked), key=lambda r: r[:2])[2]
        picks = [("Most hostile" if _voice_score(low) < 0 else "Least favourable", low)]
        if len(ranked) > 1:
            picks.append(("Most favourable" if _voice_score(high) > 0 else "Least hostile",
                          high))
        lines += [f"### {escape_inline(target.label)}", ""]
        lines += [_voice_line(label, voice, by_id) for label, voice in picks]
        lines.append("")
    if not found:
        lines.append("No opinion post mentions any target.")
    return "\n".join(lines)


def _of_target(analysis: Analysis) -> dict[str, list[Stance]]:
    """The post stances of each target, in their order, gathered in one pass."""
    found: dict[str, list[Stance]] = {}
    for s in analysis.stances:
        found.setdefault(s.target, []).append(s)
    return found


def _voice_score(voice: Sequence[Stance]) -> float:
    if len(voice) == 1:
        return voice[0].score + 0.0  # what fsum gives for one value (-0.0 becomes 0.0)
    return math.fsum(s.score for s in voice) / len(voice)


def _voice_line(label: str, voice: Sequence[Stance], by_id: Mapping[str, Post]) -> str:
    """One voice: its score, where it stands, who posted it, and its words, quoted short."""
    first = voice[0]
    posts = [by_id[s.post_id] for s in voice]
    if len(posts) == 1:
        where = f"{post_ref(posts[0])} by {author(posts[0])}"
    else:
        names = list(dict.fromkeys(author(p) for p in posts))
        more = len(names) - MAX_REFS
        where = (f"posted {len(posts)} times ({_refs(posts)}) by "
                 + ", ".join(names[:MAX_REFS]) + (f" and {more} more" if more > 0 else ""))
    said = " ".join(first.evidence) or posts[0].text
    return (f"- **{label}** ({score(_voice_score(voice))}), {where}: "
            f"“{short(said, QUOTE_CHARS)}”")

