"""Post templates for :mod:`pagegen`: SMF 2 (Curve) and Invision Community 4."""

from __future__ import annotations

import random
from html import escape as e

from pagegen import PostSpec, body_html, fmt_date, page


def smf(posts: list[PostSpec], rng: random.Random, page_no: int, pages: int,
        title: str) -> str:
    items = []
    for p in posts:
        m = p.member
        when = fmt_date(p.when, "long")
        on = "« on:" if p.number == 1 else f"« Reply #{p.number - 1} on:"
        quote = ""
        if p.quote:
            quote = (f"<div class='quoteheader'>Quote from: {e(p.quote[0])} on {when}</div>"
                     f"<blockquote class='bbc_standard_quote'>{e(p.quote[1])}</blockquote>"
                     "<div class='quotefooter'></div>")
        edit = (f"<div class='smalltext modified'>« <em>Last Edit:</em> {when} by "
                f"{e(m.name)} »</div>" if p.edited else "")
        sig = f"<div class='signature'>{e(m.signature)}</div>" if m.signature else ""
        footer = f"<br><br>{e(p.footer)}" if p.footer else ""
        loc = f"<li>Location: {e(m.location)}</li>" if m.location else ""
        ttl = f"<li class='membergroup'>{e(m.title)}</li>" if m.title else ""
        subject = title if p.number == 1 else f"Re: {title}"
        items.append(
            f"<div class='post_wrapper'><div class='poster'><h4><a>{e(m.name)}</a></h4><ul>"
            f"{ttl}<li class='stars'><img></li><li class='postcount'>Posts: {m.posts}</li>"
            f"{loc}</ul></div><div class='postarea'><div class='flow_hidden'><div "
            f"class='keyinfo'><h5><a>{e(subject)}</a></h5><div class='smalltext'>{on} "
            f"{when} »</div></div><ul class='quickbuttons'><li><a>Quote</a></li></ul></div>"
            f"<div class='post'><div class='inner'>{quote}{body_html(p.paragraphs)}{footer}"
            f"</div></div>{edit}</div><div class='moderatorbar'><div class='smalltext'>Logged"
            f"</div>{sig}</div></div>")
    nav = f"<div class='pagelinks'>Pages: [{page_no}] {pages if pages > 1 else ''}</div>"
    top = (f"<div class='navigate_section'>Strategy Forum » World affairs » {e(title)}</div>"
           f"{nav}<div>Author Topic: {e(title)} (Read 1234 times)</div>")
    bottom = f"{nav}<div>SMF 2.0.19 | SMF © 2021, Simple Machines</div>"
    return page(top, "".join(items), bottom, title)


def invision(posts: list[PostSpec], rng: random.Random, page_no: int, pages: int,
             title: str) -> str:
    items = []
    for p in posts:
        m = p.member
        when = fmt_date(p.when, "long").rsplit(",", 1)[0]
        quote = ""
        if p.quote:
            quote = (f"<blockquote class='ipsQuote'><div class='ipsQuote_citation'>"
                     f"{e(p.quote[0])} said:</div><div class='ipsQuote_contents'>"
                     f"{e(p.quote[1])}</div></blockquote>")
        edit = (f"<p class='ipsType_reset'><strong>Edited {when} by {e(m.name)}</strong></p>"
                if p.edited else "")
        sig = f"<div class='cSignature'>{e(m.signature)}</div>" if m.signature else ""
        footer = f"<p>{e(p.footer)}</p>" if p.footer else ""
        loc = f"<li>Location: {e(m.location)}</li>" if m.location else ""
        items.append(
            f"<article class='cPost'><aside class='cAuthorPane'><h3><strong><a>{e(m.name)}</a>"
            f"</strong></h3><ul><li>{e(m.title or 'Members')}</li><li><img></li>"
            f"<li class='cAuthorPane_info'>{m.posts:,} posts</li>{loc}</ul></aside>"
            f"<div class='cPost_contentWrap'><div class='ipsComment_meta'><div>Posted "
            f"<time>{when}</time></div><ul><li><a><i></i></a></li></ul></div><div "
            f"class='ipsType_richText'>{quote}"
            + "".join(f"<p>{e(x)}</p>" for x in p.paragraphs)
            + f"{footer}{edit}</div>{sig}<ul class='ipsComment_controls'><li><a>Quote</a></li>"
            "</ul></div></article>")
    nav = f"<ul class='ipsPagination'><li>Page {page_no} of {pages}</li></ul>" if pages > 1 \
        else ""
    top = (f"<nav>Home › Forums › World Affairs › {e(title)}</nav><h1>{e(title)}</h1>"
           f"<div>By {e(posts[0].member.name)}, {fmt_date(posts[0].when, 'long')}</div>{nav}")
    bottom = (f"{nav}<div>Reply to this topic...</div><div>Go to topic listing</div>"
              "<div>Powered by Invision Community</div>")
    return page(top, "".join(items), bottom, title)
