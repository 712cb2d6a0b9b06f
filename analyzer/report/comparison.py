"""Report sections that set the forum beside the news, and the method section."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from importlib.metadata import PackageNotFoundError, version

from analyzer.model import Analysis
from analyzer.report.chart_data import ChartLink
from analyzer.report.escape import code, escape_cell, escape_inline, short
from analyzer.report.format import article_name, image, post_ref, posts_by_id, share, table
from analyzer.reposts import lsh_parameters
from analyzer.serialize import accounting
from analyzer.settings import Settings

NO_NEWS = ("No news articles were supplied, so this report does not compare the forum with "
           "news. Pass `--news FILE_OR_FOLDER` to add the comparison.")


def summary_lines(analysis: Analysis) -> list[str]:
    """Summary bullets about framing and claims."""
    framing = analysis.framing
    if framing is None:
        return []
    labels = {f.name: f.label for f in analysis.settings.frames}
    lines = []
    forum_top = max(framing.forum, key=lambda fs: fs[1], default=None)
    if forum_top and forum_top[1] > 0:
        label = escape_inline(labels[forum_top[0]])
        line = (f"- **Framing:** forum opinion leans most on *{label}*"
                f" ({share(forum_top[1])} of frame terms)")
        news_means = _news_means(analysis)
        if news_means:
            top = max(news_means.items(), key=lambda kv: kv[1])
            line += (f"; the news on *{escape_inline(labels[top[0]])}* ({share(top[1])} on "
                     "average)")
        lines.append(line + ".")
    if analysis.articles and framing.claims:
        counts = Counter(c.verdict for c in framing.claims)
        lines.append(f"- **Claims:** the forum echoes {counts['echoed']} news claim"
                     f"{'s' if counts['echoed'] != 1 else ''} and contests "
                     f"{counts['contested']}.")
    if not analysis.articles:
        lines.append("- No news articles were supplied, so there is no forum–news comparison.")
    return lines


def _news_means(analysis: Analysis) -> dict[str, float]:
    return analysis.framing.news_means() if analysis.framing is not None else {}


def framing(analysis: Analysis, links: Mapping[str, ChartLink] | None = None) -> str:
    """Section: frame shares, forum against each article, and the claims."""
    lines = ["## Framing comparison", ""]
    result = analysis.framing
    if result is None:
        return "\n".join(lines + ["Framing was not measured."])
    if not analysis.articles:
        lines += [NO_NEWS, ""]
    lines.append("Share of each frame among the frame terms a text uses (forum: opinion posts, "
                 "each repost counted once).")
    labels = {f.name: f.label for f in analysis.settings.frames}
    forum = dict(result.forum)
    news = {aid: dict(shares) for aid, shares in result.news}
    header = ["Frame", "Forum"] + [article_name(a) for a in analysis.articles]
    rows = [[escape_cell(labels[name]), share(forum.get(name))]
            + [share(news.get(a.id, {}).get(name)) for a in analysis.articles]
            for name in result.frames]
    lines += ["", table(header, rows, ["l"] + ["r"] * (len(header) - 1))]
    chart = image(links, "frame-shares")
    if chart:
        lines += ["", *chart[:-1]]
    if analysis.articles:
        lines += ["", *_claims(analysis)]
    return "\n".join(lines)


def _claims(analysis: Analysis) -> list[str]:
    result = analysis.framing
    assert result is not None
    if not result.claims:
        return ["No forum sentence is close enough to a news claim to count as echoing or "
                "contesting it."]
    names = {a.id: article_name(a) for a in analysis.articles}
    by_id = posts_by_id(analysis)
    lines = []
    for verdict, heading in (("echoed", "Claims the forum echoes"),
                             ("contested", "Claims the forum contests")):
        matches = [c for c in result.claims if c.verdict == verdict]
        lines += [f"### {heading}", ""]
        if not matches:
            lines += ["None found.", ""]
            continue
        for c in matches:
            post = by_id.get(c.post_id)
            where = post_ref(post) if post else escape_inline(c.post_id)
            lines.append(f"- {names.get(c.article_id, escape_inline(c.article_id))}: "
                         f"“{short(c.claim, 200)}”  \n  Forum {where} (similarity "
                         f"{c.similarity:.2f}): “{short(c.forum_text, 200)}”")
        lines.append("")
    return lines


def distinctive_terms(analysis: Analysis) -> str:
    """Section: words that set the forum apart from the news, and the reverse."""
    lines = ["## Distinctive terms", ""]
    result = analysis.framing
    if result is None or not analysis.articles:
        return "\n".join(lines + [NO_NEWS])
    if not result.distinctive_forum and not result.distinctive_news:
        return "\n".join(lines + ["Too little text on one side to compare vocabularies."])
    lines.append("Log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi & Quinn "
                 "2008); *z* above about 1.96 is unlikely by chance.")
    depth = max(len(result.distinctive_forum), len(result.distinctive_news))
    rows = []
    for i in range(depth):
        row = []
        for side in (result.distinctive_forum, result.distinctive_news):
            if i < len(side):
                t = side[i]
                row += [escape_cell(t.term), f"{abs(t.z):.2f}", f"{t.forum_count}/{t.news_count}"]
            else:
                row += ["", "", ""]
        rows.append(row)
    header = ["Forum term", "z", "forum/news", "News term", "z", "forum/news"]
    lines += ["", table(header, rows, ["l", "r", "r", "l", "r", "r"])]
    return "\n".join(lines)


def target_origin(s: Settings) -> str:
    """Where the targets and topic came from, and how to set them."""
    topic = (f"; topic {s.target(s.topic).label} (from {s.topic_from})"
             if s.topic is not None else "")
    origin = (s.targets_from if s.targets_from.startswith("found")
              else f"from {s.targets_from or 'nowhere'}")
    return (f"{origin}{topic}; set them with --preset NAME, "
            "--config FILE ([targets.NAME] label, aliases, rivals; [thread] topic) or --topic")


def method(analysis: Analysis) -> str:
    """Section: how every figure was made, with the parameters."""
    s = analysis.settings
    thread = analysis.thread
    lsh = lsh_parameters(s)
    counts = accounting(thread)
    skipped = ", ".join(f"{n} {escape_inline(r)}"
                        for r, n in counts["skipped"].items()) or "none"
    sources = sorted({p.source for p in thread.posts if p.source})
    files = ", ".join(code(src) for src in sources) or "–"
    try:
        vader = version("vaderSentiment")
    except PackageNotFoundError:  # run from a tree where it is vendored, say
        vader = "(version unknown)"
    rows = [
        ["Parser", f"{code(thread.engine)} on {files}"],
        ["Posts seen / kept / skipped", f"{counts['seen']} / {counts['kept']} / "
         f"{counts['seen'] - counts['kept']} ({skipped})"],
        ["News articles", ", ".join(article_name(a) for a in analysis.articles) or "none"],
        ["Shingles", f"{s.shingle} (word {s.shingle_size}-grams of each post's own words; "
         f"posts under {s.min_words} words are not candidates)"],
        ["MinHash", f"`num_perm` = {s.num_perm}, seed {s.seed}"],
        ["LSH", f"`threshold` = {s.threshold:.2f} Jaccard; {lsh.bands} bands × {lsh.rows} rows"],
        ["Expected error of the index", f"false positives {lsh.false_positive:.1%}, false "
         f"negatives {lsh.false_negative:.1%} (area under/over the S-curve); candidates are "
         "confirmed by exact Jaccard, so false positives never reach the clusters"],
        ["Pasted news", f"containment of ≥ {s.news_containment:.0%} of a post's shingles in a "
         "supplied article, or news register (masthead or attribution, long third-person "
         "prose)"],
        ["Stance", f"VADER {escape_inline(vader)} compound score on the sentences and "
         f"clauses that mention a target, with {len(s.lexicon)} domain words added; comparisons "
         "score the compared-against side with the opposite sign"],
        ["Aggregation", "mean of post scores over opinion posts; deduplicated counts each "
         "repost cluster once"],
        ["Framing", f"{len(s.frames)} frames matched by term lists; shares among frame terms"],
    ]
    targets = "; ".join(f"{escape_inline(t.label)} ({len(t.aliases)} aliases)" for t in s.targets)
    rows.append(["Targets", (targets or "none") + f" — {escape_inline(target_origin(s))}"])
    lines = ["## Method and parameters", "", table(["Step", "Detail"], rows)]
    return "\n".join(lines)
