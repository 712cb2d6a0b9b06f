"""Pasted news: containment in a supplied article, or the register of news prose."""

from __future__ import annotations

from analyzer.model import Article, Post, Thread
from analyzer.news import judge, mark_news
from analyzer.news_register import newsiness, reads_like_article
from analyzer.settings import default_settings

WIRE = (
    "PARIS (Reuters) -- The French foreign ministry said on Monday that talks with Berlin "
    "would resume in June, according to a statement released by the ministry.\n\n"
    "Officials told reporters that the treaty, signed in March 2019, would be reviewed by the "
    "European Commission before the summit in Brussels.\n\n"
    "The minister added that France and Germany had agreed to expand joint exercises, the "
    "statement said. Talks last collapsed in October 2018, when negotiators said the terms "
    "were unacceptable."
)
COMMENT = (
    "Honestly I do not believe a word of it. They always promise talks and nothing ever "
    "happens, you know it and I know it. We should stop wasting money on these summits and "
    "fix the roads at home first! What is the point of all this? Never trust them."
)


def post(pid: str, text: str) -> Post:
    return Post(id=pid, position=int(pid) - 1, author=None, timestamp=None, text=text)


def test_wire_story_reads_like_an_article_and_a_comment_does_not():
    assert reads_like_article(WIRE)
    assert not reads_like_article(COMMENT)
    assert newsiness(WIRE) > newsiness(COMMENT)


def test_post_contained_in_a_supplied_article_is_news_even_without_news_register():
    text = COMMENT + " " + COMMENT.upper().lower()
    article = Article(id="a1", title=None, outlet=None, date=None,
                      text="Preface. " + text + " Afterword.")
    verdict = judge(post("1", text), [article], default_settings())
    assert verdict.is_news and verdict.article_id == "a1" and verdict.containment == 1.0


def test_mark_news_marks_only_pasted_articles_and_returns_a_new_thread():
    thread = Thread(id="t", title=None, engine="test", url=None,
                    posts=(post("1", WIRE), post("2", COMMENT)))
    marked = mark_news(thread, (), default_settings())
    assert [p.kind for p in marked.posts] == ["news", "opinion"]
    assert [p.kind for p in thread.posts] == ["opinion", "opinion"]


def test_long_opinion_with_many_names_is_not_news():
    rant = ("Great news. However, Spain must never rely on Portugal as an ally. Italy and "
            "Austria were allies in 1882 and then Italy turned on Austria in 1915. France and "
            "Britain promised Greece and Italy the same land. Portugal is too happy to play "
            "Spain against Britain and has no friends, not even Brazil. Never rely on Lisbon "
            "in a war. That said, friendly terms with Portugal help Spain's security.")
    assert not reads_like_article(rant)


def test_the_analysis_keeps_each_news_posts_verdict_and_the_report_shows_it():
    from analyzer.pipeline import analyse
    from analyzer.report import render_markdown
    from analyzer.serialize import analysis_to_dict

    text = COMMENT + " " + COMMENT.upper().lower()
    article = Article(id="a1", title="Talks <resume>", outlet="Wire", date=None,
                      text="Preface. " + text + " Afterword.")
    thread = Thread(id="t", title=None, engine="test", url=None,
                    posts=(post("1", text), post("2", "I disagree with all of that, sorry.")))
    analysis = analyse(thread, [article], default_settings())
    [verdict] = analysis.news_verdicts
    assert (verdict.post_id, verdict.containment, verdict.article_id,
            verdict.article_title) == ("1", 1.0, "a1", "Talks <resume>")
    report = render_markdown(analysis)
    assert ("- #1: 100% of its shingles are in Wire “Talks &lt;resume&gt;” "
            "(at least 50% counts as pasted).") in report
    assert analysis_to_dict(analysis)["news_verdicts"] == [
        {"post_id": "1", "containment": 1.0, "article_id": "a1",
         "article_title": "Talks <resume>", "reads_like_article": False}]


def test_a_post_taken_for_news_by_its_register_says_so():
    from analyzer.pipeline import analyse
    from analyzer.report import render_markdown

    thread = Thread(id="t", title=None, engine="test", url=None,
                    posts=(post("1", WIRE), post("2", COMMENT)))
    analysis = analyse(thread, (), default_settings())
    assert [v.post_id for v in analysis.news_verdicts] == ["1"]
    assert ("- #1: it reads like a news article (masthead or attribution, long third-person "
            "prose); no supplied article contains it.") in render_markdown(analysis)
