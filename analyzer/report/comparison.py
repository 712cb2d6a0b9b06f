"""Report sections that set the forum beside the news, and the method section."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from datetime import date
from importlib.metadata import PackageNotFoundError, version

from analyzer.model import Analysis, Article, NewsVerdict
from analyzer.report.chart_data import ChartLink
from analyzer.report.escape import code, escape_cell, escape_inline, short
from analyzer.report.format import article_name, image, post_ref, posts_by_id, share, table
from analyzer.serialize import accounting
from analyzer.settings import Settings

NO_NEWS = ("No news articles were supplied, so this report does not compare the forum with "
           "news. Pass `--news FILE_OR_FOLDER` to add the comparison.")


def summary_lines(analysis: Analysis) -> list[str]:
    """Summary bullets about framing, claims and how far the news dates lie."""
    framing = analysis.framing
    if framing is None:
        return []
    labels = {f.name: f.label for f in analysis.settings.frames}
    lines = []
    forum_total = sum(n for _, n in framing.forum_hits)
    shown = [(name, value) for name, value in framing.forum if value]
    if shown:
        top, top_share = max(shown, key=lambda fs: fs[1])
        line = (f"- **Framing:** forum opinion leans most on *{escape_inline(labels[top])}*"
                f" ({share(top_share)} of {forum_total} frame-term hits)")
        news_means = _news_means(analysis)
        if news_means:
            name, value = max(news_means.items(), key=lambda kv: kv[1])
            line += (f"; the news on *{escape_inline(labels[name])}* ({share(value)} on "
                     "average)")
        lines.append(line + ".")
    elif framing.frames and framing.forum_hits:
        lines.append(f"- **Framing:** too few frame terms in forum opinion ({forum_total} "
                     f"hit{'s' if forum_total != 1 else ''}; shares need at least "
                     f"{framing.min_hits}).")
    if analysis.articles and framing.claims:
        counts = Counter(c.verdict for c in framing.claims)
        lines.append(f"- **Claims:** the forum takes up {len(framing.claims)} news claim"
                     f"{'s' if len(framing.claims) != 1 else ''} (naming its actors and "
                     f"sharing its predicate): it echoes {counts['echoed']} and contests "
                     f"{counts['contested']}.")
    elif analysis.articles:
        lines.append("- **Claims:** no forum sentence takes up a news claim (names its "
                     "actors and shares its predicate).")
    gap = date_note(analysis)
    if gap:
        lines.append(f"- **Dates:** {gap}")
    if not analysis.articles:
        lines.append("- No news articles were supplied, so there is no forum–news comparison.")
    return lines


def date_note(analysis: Analysis) -> str:
    """A sentence saying that the news and the thread are far apart in time, or ""."""
    gap = analysis.framing.dates if analysis.framing is not None else None
    if gap is None or not gap.far:
        return ""
    news = _span(gap.news_first, gap.news_last)
    thread = _span(gap.thread_first, gap.thread_last)
    where = ("its posts" if gap.thread_source == "posts"
             else "the news pasted into it, as its posts carry no dates")
    text = (f"the news articles are dated {news} and the thread {thread} (from {where}): "
            f"{gap.days} days apart, more than {gap.limit_days}. They may be about "
            "different events.")
    if gap.undated_articles:
        many = gap.undated_articles != 1
        text += f" {gap.undated_articles} article{'s have' if many else ' has'} no date."
    return text[0].upper() + text[1:]


def _span(first: date, last: date) -> str:
    return first.isoformat() if first == last else f"{first.isoformat()} to {last.isoformat()}"


def _news_means(analysis: Analysis) -> dict[str, float]:
    return analysis.framing.news_means() if analysis.framing is not None else {}


def framing(analysis: Analysis, links: Mapping[str, ChartLink] | None = None) -> str:
    """Section: frame shares with their hits, forum against each article, and the claims."""
    lines = ["## Framing comparison", ""]
    result = analysis.framing
    if result is None:
        return "\n".join(lines + ["Framing was not measured."])
    if not analysis.articles:
        lines += [NO_NEWS, ""]
    gap = date_note(analysis)
    if gap:
        lines += [f"**Dates:** {gap}", ""]
    lines.append("Share of each frame among the frame-term hits of a text (forum: opinion "
                 "posts, each repost counted once), with the hits in brackets. A text with "
                 f"fewer than {result.min_hits} hits gets no shares (*too few frame terms*).")
    labels = {f.name: f.label for f in analysis.settings.frames}
    columns = [(dict(result.forum), dict(result.forum_hits))]
    news = {aid: dict(shares) for aid, shares in result.news}
    news_hits = {aid: dict(hits) for aid, hits in result.news_hits}
    columns += [(news.get(a.id, {}), news_hits.get(a.id, {})) for a in analysis.articles]
    header = ["Frame", "Forum"] + [article_name(a) for a in analysis.articles]
    rows = [[escape_cell(labels[name])] + [_share_cell(shares.get(name), hits.get(name))
                                           for shares, hits in columns]
            for name in result.frames]
    totals = ["**All frame terms**"]
    for _, hits in columns:
        total = sum(hits.values())
        totals.append(f"{total} hit{'s' if total != 1 else ''}"
                      + ("" if total >= result.min_hits else ": too few frame terms"))
    rows.append(totals)
    lines += ["", table(header, rows, ["l"] + ["r"] * (len(header) - 1))]
    chart = image(links, "frame-shares")
    if chart:
        lines += ["", *chart[:-1]]
    if analysis.articles:
        lines += ["", *_claims(analysis)]
    return "\n".join(lines)


def _share_cell(value: float | None, hits: int | None) -> str:
    if value is None:
        return "–" if not hits else f"– ({hits})"
    return f"{share(value)} ({hits or 0})"


def _claims(analysis: Analysis) -> list[str]:
    result = analysis.framing
    assert result is not None
    intro = ("A forum sentence takes up a news claim when it names one of the claim's "
             "actors and shares a good part of its predicate (its other content words); "
             "shared vocabulary alone does not count.")
    if not result.claims:
        return [intro + " No forum sentence does."]
    names = {a.id: article_name(a) for a in analysis.articles}
    by_id = posts_by_id(analysis)
    lines = [intro, ""]
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
                         f"{c.similarity:.2f}; shared actors: {_actors(analysis, c.actors)}; "
                         f"shared predicate: {escape_inline(', '.join(c.predicate))}): "
                         f"“{short(c.forum_text, 200)}”")
        lines.append("")
    return lines


def _actors(analysis: Analysis, actors: tuple[str, ...]) -> str:
    labels = {t.name: t.label for t in analysis.settings.targets}
    return escape_inline(", ".join(labels.get(a, a) for a in actors))


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


def _min_hits(analysis: Analysis) -> int:
    return analysis.framing.min_hits if analysis.framing is not None else 0


def target_origin(s: Settings) -> str:
    """Where the targets and topic came from, and how to set them."""
    topic = (f"; topic {s.target(s.topic).label} (from {s.topic_from})"
             if s.topic is not None else "")
    origin = (s.targets_from if s.targets_from.startswith("found")
              else f"from {s.targets_from or 'nowhere'}")
    return (f"{origin}{topic}; set them with --preset NAME, "
            "--config FILE ([targets.NAME] label, aliases, rivals; [thread] topic) or --topic")


def _layout(layout: str | None) -> str:
    """The copy layout a plain-text copy was read with, as the Parser row says it."""
    if layout is None:
        return ""
    kind = "no engine's layout fitted; read by layout and text alone" if layout == "generic" \
        else f"a text copy read with the {escape_inline(layout)} layout"
    return f" ({kind})"


def method(analysis: Analysis) -> str:
    """Section: how every figure was made, with the parameters."""
    s = analysis.settings
    thread = analysis.thread
    interval = analysis.method.interval
    lsh = analysis.method.lsh
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
        ["Parser", f"{code(thread.engine)}{_layout(thread.layout)} on {files}"],
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
        ["Forum interval", f"{interval.level:.0%} {escape_inline(interval.name)} interval "
         f"({escape_inline(interval.description)}); none under {interval.min_voices} voices"],
        ["Framing", f"{len(s.frames)} frames matched by term lists; shares among frame-term "
         f"hits, given for a text with at least {_min_hits(analysis)} hits"],
        ["Claims", "a forum sentence takes up a news claim only when it names one of the "
         "claim's actors (targets or named entities) and shares a good part of its "
         "predicate (its other content words), then by TF-IDF similarity; contested when "
         "polarity or negation differs"],
    ]
    targets = "; ".join(f"{escape_inline(t.label)} ({len(t.aliases)} aliases)" for t in s.targets)
    origin = escape_inline(target_origin(s))
    if not targets and s.targets_from.startswith("found"):
        origin = ("looked for in the thread, but no name is mentioned by enough speakers "
                  "(none found in the thread); " + origin.split("; ", 1)[-1])
    rows.append(["Targets", f"{targets or 'none'} — {origin}"])
    lines = ["## Method and parameters", "", table(["Step", "Detail"], rows)]
    verdicts = news_verdicts(analysis)
    if verdicts:
        lines += ["", "Why each pasted-news post was taken for news:", "", *verdicts]
    return "\n".join(lines)


def news_verdicts(analysis: Analysis) -> list[str]:
    """One line per pasted-news post: its containment in the closest article, or its register."""
    by_id = posts_by_id(analysis)
    articles = {a.id: a for a in analysis.articles}
    threshold = analysis.settings.news_containment
    lines = []
    for verdict in analysis.news_verdicts:
        post = by_id.get(verdict.post_id)
        if post is not None:
            lines.append(f"- {post_ref(post)}: {_verdict_reason(verdict, articles, threshold)}")
    return lines


def _verdict_reason(verdict: NewsVerdict, articles: Mapping[str, Article],
                    threshold: float) -> str:
    match = ""
    if verdict.article_id is not None:
        article = articles.get(verdict.article_id)
        name = article_name(article) if article else escape_inline(verdict.article_id)
        title = f" “{short(verdict.article_title, 80)}”" if verdict.article_title else ""
        match = f"{share(verdict.containment)} of its shingles are in {name}{title}"
    if verdict.containment >= threshold:
        return match + f" (at least {share(threshold)} counts as pasted)."
    reason = "it reads like a news article (masthead or attribution, long third-person prose)"
    return f"{reason}; {match}." if match else f"{reason}; no supplied article contains it."
