"""Post templates per engine for :mod:`pagegen` (default skins, with variations)."""

from __future__ import annotations

import random
from collections.abc import Callable
from html import escape as e

from pagegen import PostSpec, body_html, fmt_date, page

Skin = Callable[[list[PostSpec], random.Random, int, int, str], str]
HIDDEN = ' style="display:none"'


def _today(p: PostSpec, posts: list[PostSpec], rng: random.Random, style: str) -> str:
    """The post date, or for the thread's last posts now and then "Today, 10:15 AM"."""
    if p is posts[-1] and rng.random() < 0.5:
        word = rng.choice(["Today", "Yesterday"])
        return f"{word}, {p.when[3] % 12 or 12}:{p.when[4]:02d} {'AM' if p.when[3] < 12 else 'PM'}"
    return fmt_date(p.when, style)


def _nav(rng: random.Random, page_no: int, pages: int, style: str) -> str:
    if pages <= 1:
        return ""
    if style == "page_of":
        links = f"Page {page_no} of {pages}"
    else:
        links = " ".join(str(n) for n in range(1, pages + 1))
    nxt = " <a>Next</a>" if page_no < pages else ""
    prev = "<a>Prev</a> " if page_no > 1 else ""
    return f"<div class='pageNav'>{prev}{links}{nxt}</div>"


def xenforo2(posts: list[PostSpec], rng: random.Random, page_no: int, pages: int,
             title: str) -> str:
    inline = rng.random() < 0.4
    date_style = rng.choice(["mdy", "mdy", "mdy_at"])
    items = []
    for p in posts:
        m = p.member
        extras = [("Joined", fmt_date(m.joined, "mdy")), ("Messages", f"{m.posts:,}"),
                  ("Reaction score", f"{m.posts // 3:,}")]
        if rng.random() < 0.4:
            extras.append(("Points", str(m.posts % 500)))
        if m.location:
            extras.append(("Location", m.location))
        dl = "".join(f"<dl class='pairs pairs--justified'><dt>{k}</dt><dd>{e(v)}</dd></dl>"
                     for k, v in extras)
        li = "span" if inline else "li"
        quote = ""
        if p.quote:
            quote = ("<blockquote class='bbCodeBlock bbCodeBlock--quote'><div class="
                     f"'bbCodeBlock-title'><a>{e(p.quote[0])} said:</a></div><div "
                     f"class='bbCodeBlock-content'><div>{e(p.quote[1])}</div><div "
                     "class='bbCodeBlock-expandLink'><a>Click to expand...</a></div></div>"
                     "</blockquote>")
        edit = (f"<div class='message-lastEdit'>Last edited: {fmt_date(p.when, 'mdy')}</div>"
                if p.edited else "")
        sig = (f"<aside class='message-signature'><div>{e(m.signature)}</div></aside>"
               if m.signature else "")
        footer = f"<br><br>{e(p.footer)}" if p.footer else ""
        reactions = (f"<div class='reactionsBar'>Reactions: {e(', '.join(p.likes))}</div>"
                     if p.likes else "")
        title_html = f"<h5 class='userTitle'>{e(m.title)}</h5>" if m.title else ""
        items.append(
            f"<article class='message message--post' data-author='{e(m.name)}'>"
            "<div class='message-cell message-cell--user'><section class='message-user'>"
            f"<div class='message-userDetails'><h4 class='message-name'><a>{e(m.name)}</a></h4>"
            f"{title_html}</div><div class='message-userExtras'>{dl}</div></section></div>"
            "<div class='message-cell message-cell--main'><header class='message-attribution'>"
            f"<ul><{li}><time>{_today(p, posts, rng, date_style)}</time></{li}></ul><ul>"
            f"<{li}><a>Add bookmark</a></{li}> <{li}><a>#{p.number}</a></{li}></ul></header>"
            f"<div class='message-content'><article class='message-body'><div class='bbWrapper'>"
            f"{quote}{body_html(p.paragraphs)}{footer}</div></article>{edit}{sig}</div>"
            "<footer class='message-footer'><div class='actionBar'><div><a>Like</a> "
            "<a>Quote</a> <a>Reply</a></div><div><a>Report</a></div></div>"
            f"{reactions}</footer></div></article>")
    nav = _nav(rng, page_no, pages, "numbers")
    top = ("<div class='p-nav'><a>Forums</a> <a>What's new</a> <a>Members</a></div>"
           "<ul class='breadcrumbs'><li>Forums</li><li>World Affairs</li></ul>"
           f"<h1>{e(title)}</h1><div>Thread starter {e(posts[0].member.name)}</div>"
           f"<div>Start date {fmt_date(posts[0].when, 'mdy')}</div>{nav}")
    bottom = (f"{nav}<div>You must log in or register to reply here.</div>"
              "<h3>Similar threads</h3><div>Contact us Terms and rules Privacy policy "
              "Help Home</div><div>Community platform by XenForo® © 2010-2020 XenForo Ltd."
              "</div>")
    return page(top, "".join(items), bottom, title)


def xenforo1(posts: list[PostSpec], rng: random.Random, page_no: int, pages: int,
             title: str) -> str:
    stacked = rng.random() < 0.5
    date_style = rng.choice(["mdy", "mdy_at"])
    items = []
    for p in posts:
        m = p.member
        pairs = [("Messages:", f"{m.posts:,}"), ("Likes Received:", f"{m.posts // 4:,}")]
        if rng.random() < 0.5:
            pairs.append(("Trophy Points:", str(m.posts % 200)))
        if m.location:
            pairs.append(("Location:", m.location))
        dl = "".join(f"<dl class='pairsJustified'><dt>{k}</dt> <dd>{e(v)}</dd></dl>"
                     for k, v in pairs)
        title_html = (("<br>" if stacked else "") + f"<em class='userTitle'>{e(m.title)}</em>"
                      if m.title else "")
        quote = ""
        if p.quote:
            quote = (f"<div class='bbCodeBlock bbCodeQuote'><aside><div class='attribution'>"
                     f"{e(p.quote[0])} said: ↑</div><blockquote class='quoteContainer'><div "
                     f"class='quote'>{e(p.quote[1])}</div><div class='quoteExpand'>Click to "
                     "expand...</div></blockquote></aside></div>")
        edit = (f"<div class='editDate'>Last edited: {fmt_date(p.when, 'mdy')}</div>"
                if p.edited else "")
        sig = (f"<div class='signature'><aside>{e(m.signature)}</aside></div>"
               if m.signature else "")
        footer = f"<br><br>{e(p.footer)}" if p.footer else ""
        likes = (f"<div class='likesSummary'>{e(' and '.join(p.likes))} like"
                 f"{'s' if len(p.likes) == 1 else ''} this.</div>" if p.likes else "")
        items.append(
            f"<li class='message' data-author='{e(m.name)}'><div class='messageUserInfo'>"
            f"<h3 class='userText'><a class='username'>{e(m.name)}</a>{title_html}</h3>"
            f"<div class='extraUserInfo'>{dl}</div></div><div class='messageInfo'>"
            f"<div class='messageContent'><article><blockquote class='messageText'>{quote}"
            f"{body_html(p.paragraphs)}{footer}</blockquote></article></div>{edit}{sig}"
            "<div class='messageMeta'><div class='privateControls'><span class='item muted'>"
            f"<span class='authorEnd'><a>{e(m.name)}</a>,</span> <a><span class='DateTime'>"
            f"{fmt_date(p.when, date_style)}</span></a></span> <a>Report</a></div>"
            f"<div class='publicControls'><a>#{p.number}</a> <a>Like</a> <a>Reply</a></div>"
            f"</div>{likes}</div></li>")
    nav = _nav(rng, page_no, pages, "page_of")
    top = (f"<div class='breadcrumb'>Home Forums World News</div><h1>{e(title)}</h1>"
           f"<p>Discussion in 'World News' started by {e(posts[0].member.name)}, "
           f"{fmt_date(posts[0].when, 'mdy')}.</p>{nav}")
    bottom = f"{nav}<div>Share This Page</div><div>Forum software by XenForo™ ©2010-2016</div>"
    return page(top, "<ol class='messageList'>" + "".join(items) + "</ol>", bottom, title)


def _vb_quote(p: PostSpec) -> str:
    if not p.quote:
        return ""
    return ("<div style='margin:20px'><div class='smallfont'>Quote:</div><table><tr>"
            f"<td class='alt2'><div>Originally Posted by <strong>{e(p.quote[0])}</strong>"
            f"</div><div style='font-style:italic'>{e(p.quote[1])}</div></td></tr></table>"
            "</div>")


def vbulletin3(posts: list[PostSpec], rng: random.Random, page_no: int, pages: int,
               title: str) -> str:
    date_style = rng.choice(["us", "de", "us"])
    items = []
    for p in posts:
        m = p.member
        info = [f"Join Date: {fmt_date(m.joined, 'month_year')}"]
        if m.location:
            info.append(f"Location: {e(m.location)}")
        info.append(f"Posts: {m.posts:,}")
        if rng.random() < 0.5:
            info.append(f"Rep Power: {m.posts % 30}")
        ptitle = rng.choice(["", "", f"Re: {title}"])
        sig = f"<div>__________________<br>{e(m.signature)}</div>" if m.signature else ""
        edit = (f"<div class='smallfont'><hr><em>Last edited by {e(m.name)}; "
                f"{fmt_date(p.when, date_style).replace(', ', ' at ')}.</em></div>"
                if p.edited else "")
        footer = f"<br><br>{e(p.footer)}" if p.footer else ""
        ttl = f"<div class='smallfont'>{e(m.title)}</div>" if m.title else ""
        items.append(
            "<div><table class='tborder'><tr><td class='thead'>"
            f"{fmt_date(p.when, date_style)}</td><td class='thead' align='right'>#<a><strong>"
            f"{p.number}</strong></a></td></tr><tr><td class='alt2'><div><a class="
            f"'bigusername'>{e(m.name)}</a></div>{ttl}<div class='smallfont'>&nbsp;<br>"
            + "".join(f"<div>{x}</div>" for x in info)
            + "</div></td><td class='alt1'>"
            + (f"<div class='smallfont'><strong>{e(ptitle)}</strong></div><hr>" if ptitle else "")
            + f"<div id='post_message'>{_vb_quote(p)}{body_html(p.paragraphs)}{footer}</div>"
            f"{sig}{edit}</td></tr><tr><td class='alt2'><img alt='offline'></td>"
            "<td class='alt1' align='right'><a><img alt='Reply With Quote'></a></td></tr>"
            "</table></div>")
    nav = _nav(rng, page_no, pages, "page_of")
    top = (f"<div class='navbar'>Forum &gt; World Affairs &gt; {e(title)}</div>"
           f"<table><tr><td>{nav}</td></tr></table>")
    bottom = (f"{nav}<div>« Previous Thread | Next Thread »</div><div>All times are GMT. "
              "The time now is 10:15 AM.</div><div>Powered by vBulletin® Version 3.8.7</div>")
    return page(top, "".join(items), bottom, title)


def vbulletin4(posts: list[PostSpec], rng: random.Random, page_no: int, pages: int,
               title: str) -> str:
    date_style = rng.choice(["us", "de"])
    thanks = rng.random() < 0.5
    items = []
    for p in posts:
        m = p.member
        pairs = [("Join Date", fmt_date(m.joined, "month_year"))]
        if m.location:
            pairs.append(("Location", m.location))
        pairs.append(("Posts", f"{m.posts:,}"))
        if rng.random() < 0.3:
            pairs.append(("Rep Power", str(m.posts % 20)))
        dl = "".join(f"<dt>{k}</dt> <dd>{e(v)}</dd>" for k, v in pairs)
        quote = ""
        if p.quote:
            quote = ("<div class='bbcode_container'><div class='bbcode_quote'><div class="
                     "'bbcode_postedby'><img alt='Originally Posted'> Originally Posted by "
                     f"<strong>{e(p.quote[0])}</strong><a><img alt='View Post'></a></div>"
                     f"<div class='message'>{e(p.quote[1])}</div></div></div>")
        edit = (f"<blockquote class='postcontent lastedited'>Last edited by {e(m.name)}; "
                f"{fmt_date(p.when, date_style).replace(', ', ' at ')}. Reason: typo"
                "</blockquote>" if p.edited else "")
        sig = (f"<blockquote class='signature restore'><div class='signaturecontainer'>"
               f"{e(m.signature)}</div></blockquote>" if m.signature else "")
        footer = f"<br><br>{e(p.footer)}" if p.footer else ""
        ttl = f"<span class='usertitle'>{e(m.title)}</span>" if m.title else ""
        ptitle = rng.choice(["", f"<h2 class='title'>Re: {e(title)}</h2>"])
        extra = " <a>Multi-Quote</a>" + (" <a>Thanks</a>" if thanks else "")
        items.append(
            "<li class='postbitlegacy postcontainer'><div class='posthead'><span class='postdate'>"
            f"<span class='date'>{_today(p, posts, rng, date_style)}</span></span> <span class="
            f"'nodecontrols'><a class='postcounter'>#{p.number}</a></span></div><div "
            "class='postdetails'><div class='userinfo'><div class='username_container'><div "
            f"class='popupmenu'><a class='username'><strong>{e(m.name)}</strong></a><ul{HIDDEN}>"
            "<li>View Profile</li><li>View Forum Posts</li></ul></div></div>"
            f"{ttl}<hr><dl class='userinfo_extra'>{dl}</dl></div><div class='postbody'>"
            f"<div class='postrow'>{ptitle}<div class='content'><blockquote class='postcontent'>"
            f"{quote}{body_html(p.paragraphs)}{footer}</blockquote></div></div><div class="
            f"'after_content'>{edit}{sig}</div></div></div><div class='postfoot'><span class="
            f"'postcontrols'><a><img alt='Reply With Quote'> Reply With Quote</a>{extra}</span>"
            "</div></li>")
    nav = _nav(rng, page_no, pages, "page_of")
    top = (f"<div class='breadcrumb'><ul><li>Forum</li><li>World Affairs</li></ul></div>"
           f"<h1>Thread: {e(title)}</h1>{nav}<div>Results 1 to {len(posts)} of "
           f"{len(posts) * pages}</div>")
    bottom = (f"{nav}<div>Quick Navigation World Affairs Top</div><div>Posting Permissions</div>"
              "<div>Powered by vBulletin® Version 4.2.5</div>")
    return page(top, "<ol id='posts'>" + "".join(items) + "</ol>", bottom, title)


def phpbb3(posts: list[PostSpec], rng: random.Random, page_no: int, pages: int,
           title: str) -> str:
    v30 = rng.random() < 0.4
    date_style = rng.choice(["phpbb", "phpbb_eu"])
    items = []
    for p in posts:
        m = p.member
        dds = [f"<dd class='profile-rank'>{e(m.title)}</dd>"] if m.title else []
        dds.append(f"<dd><strong>Posts:</strong> <a>{m.posts}</a></dd>")
        dds.append(f"<dd><strong>Joined:</strong> {fmt_date(m.joined + (10, 5), date_style)}"
                   "</dd>")
        if m.location:
            dds.append(f"<dd><strong>Location:</strong> {e(m.location)}</dd>")
        profile = (f"<dl class='postprofile'><dt><a class='username'>{e(m.name)}</a></dt>"
                   f"{''.join(dds)}</dl>")
        quote = ""
        if p.quote:
            quote = (f"<blockquote><div><cite>{e(p.quote[0])} wrote:"
                     + ("" if v30 else f" <a>↑</a><span>{fmt_date(p.when, date_style)}</span>")
                     + f"</cite>{e(p.quote[1])}</div></blockquote>")
        edit = (f"<div class='notice'>Last edited by {e(m.name)} on "
                f"{fmt_date(p.when, date_style)}, edited 1 time in total.</div>"
                if p.edited else "")
        sig = (f"<div class='signature'>{e(m.signature)}</div>" if m.signature else "")
        footer = f"<br><br>{e(p.footer)}" if p.footer else ""
        head = "" if p.number == 1 else "Re: "
        author = ("<p class='author'><img alt='Post'>by <strong><a>" if v30 else
                  "<p class='author'><a><i></i><span>Post</span></a> <span>by <strong><a>")
        author += (f"{e(m.name)}</a></strong> » " + ("" if v30 else "</span>")
                   + f"{fmt_date(p.when, date_style)}</p>")
        buttons = ("<ul class='post-buttons'><li><a><span>Quote</span></a></li></ul>"
                   if not v30 or rng.random() < 0.5 else "")
        body = (f"<div class='postbody'><h3><a>{head}{e(title)}</a></h3>{buttons}{author}"
                f"<div class='content'>{quote}{body_html(p.paragraphs)}{footer}</div>"
                f"{edit}{sig}</div>")
        inner = body + profile if v30 else profile + body
        items.append(f"<div class='post'><div class='inner'>{inner}</div>"
                     "<div class='back2top'><a>Top</a></div></div><hr class='divider'>")
    count = f"{len(posts) * pages} posts • " + (f"Page {page_no} of {pages}" if pages > 1
                                                 else "Page 1 of 1")
    top = (f"<div class='navbar'>Board index ‹ World affairs</div><h2>{e(title)}</h2>"
           f"<div class='action-bar'><a>Post Reply</a> <div>Search this topic…</div> "
           f"<div class='pagination'>{count}</div></div>")
    bottom = (f"<div class='action-bar'><a>Post Reply</a> <div>{count}</div></div>"
              "<div>Return to “World affairs”</div><div>Jump to</div><div>Who is online"
              "</div><div>Powered by phpBB® Forum Software © phpBB Limited</div>")
    return page(top, "".join(items), bottom, title)


def mybb(posts: list[PostSpec], rng: random.Random, page_no: int, pages: int,
         title: str) -> str:
    date_style = rng.choice(["us", "de"])
    items = []
    for p in posts:
        m = p.member
        ttl = f"{e(m.title)}<br>" if m.title else ""
        edited = (f" <span class='post_edit'>(This post was last modified: "
                  f"{fmt_date(p.when, date_style)} by {e(m.name)}.)</span>" if p.edited else "")
        quote = ""
        if p.quote:
            quote = ("<blockquote class='mycode_quote'><cite><span> ("
                     f"{fmt_date(p.when, date_style)})</span>{e(p.quote[0])} Wrote: <a></a></cite>"
                     f"{e(p.quote[1])}</blockquote>")
        sig = f"<div class='signature'>{e(m.signature)}</div>" if m.signature else ""
        footer = f"<br><br>{e(p.footer)}" if p.footer else ""
        loc = f"<br>Location: {e(m.location)}" if m.location and rng.random() < 0.5 else ""
        author_buttons = rng.choice(["<a><span>Find</span></a>",
                                     "<a><span>Website</span></a><a><span>Find</span></a>",
                                     "<a><span>PM</span></a><a><span>Find</span></a>"])
        items.append(
            f"<div class='post'><div class='post_author'><div class='author_information'>"
            f"<strong><span class='largetext'><a>{e(m.name)}</a></span></strong><br>"
            f"<span class='smalltext'>{ttl}<img><img><br></span></div><div class="
            f"'author_statistics'><div>Posts: {m.posts:,}<br>Threads: {m.posts // 20}</div>"
            f"<div>Joined: {fmt_date(m.joined, 'month_year')}<br>Reputation: {m.posts % 40}"
            f"{loc}</div></div></div><div class='post_content'><div class='post_head'><div>"
            f"<strong><a>#{p.number}</a></strong></div><span class='post_date'>"
            f"{_today(p, posts, rng, date_style)}{edited}</span></div><div class='post_body'>"
            f"{quote}{body_html(p.paragraphs)}{footer}</div>{sig}</div><div class="
            f"'post_controls'><div class='author_buttons'>{author_buttons}</div><div "
            "class='post_management_buttons'><a><span>Reply</span></a> <a><span>Quote</span>"
            "</a> <a><span>Report</span></a></div></div></div>")
    nav = f"<div class='pagination'>Pages ({pages}): {page_no}</div>" if pages > 1 else ""
    top = (f"<div class='navigation'>Strategy Forum › World affairs › {e(title)}</div>"
           f"{nav}<div>Thread Modes</div><h1>{e(title)}</h1>")
    bottom = (f"{nav}<div>« Next Oldest | Next Newest »</div><div>Users browsing this thread:"
              " 1 Guest(s)</div><div>Powered By MyBB, © 2002-2023 MyBB Group.</div>")
    return page(top, "".join(items), bottom, title)


#: NodeBB shows a member's group as a badge after the name, on every post.
GROUPS = ["Global Moderator", "administrators", "Moderator", "Verified Member", "Supporter",
          None, None, None]


def nodebb(posts: list[PostSpec], rng: random.Random, page_no: int, pages: int,
           title: str) -> str:
    date_style = rng.choice(["iso_like", "mdy_at"])
    letters = rng.random() < 0.6
    blockified = rng.random() < 0.5  # flex items: each part of the head on a line
    recent = rng.random() < 0.5
    items = []
    previous = None
    for p in posts:
        m = p.member
        avatar = (f"<a class='avatar'><span class='avatar'>{e(m.name[0].upper())}</span></a>"
                  if letters else "<a class='avatar'><img></a>")
        group = GROUPS[sum(map(ord, m.name)) % len(GROUPS)] if m.title else None
        badge = f" <span class='badge'>{e(group)}</span>" if group else ""
        verb = (f"replied to <a>{e(previous)}</a> on" if previous and rng.random() < 0.4
                else "wrote on")
        edited = (f" <span>last edited by {e(m.name)} {fmt_date(p.when, date_style)}</span>"
                  if p.edited else "")
        quote = ""
        if p.quote:
            quote = (f"<blockquote><p>@{e(p.quote[0])} said in <a>{e(title)}</a>:</p>"
                     f"<p>{e(p.quote[1])}</p></blockquote>")
        sig = f"<div class='post-signature'>{e(m.signature)}</div>" if m.signature else ""
        footer = f"<p>{e(p.footer)}</p>" if p.footer else ""
        votes = rng.randint(0, 9)
        tag = "div" if blockified else "span"
        when = fmt_date(p.when, date_style) if p.number < len(posts) - 1 or not recent \
            else f"{len(posts) - p.number + 1} hours ago"
        items.append(
            f"<li component='post' data-username='{e(m.name)}'><div class='post-header'>"
            f"{avatar}<div><{tag}><a href='/user/x'>{e(m.name)}</a>{badge}</{tag}> <{tag}>"
            f"{verb} <a class='timeago'>{when}</a></{tag}>{edited}</div>"
            f"<a class='post-index'>#{p.number}</a></div><div class='content'>{quote}"
            + "".join(f"<p>{e(x)}</p>" for x in p.paragraphs)
            + f"{footer}</div>{sig}<div class='post-footer'><span>{votes}</span> "
            "<a>Reply</a> <a>Quote</a></div></li>")
        previous = m.name
    nav = _nav(rng, page_no, pages, "numbers")
    top = (f"<div>Categories Recent Tags Popular</div><ol class='breadcrumb'><li>Home</li>"
           f"<li>World Affairs</li></ol><h1>{e(title)}</h1><div>World Affairs "
           f"{len(posts) * pages} posts {rng.randint(2, 9)} Posters 120 Views</div>"
           "<div>Sort by</div>")
    bottom = f"{nav}<div>Powered by NodeBB</div>"
    return page(top, "<ul component='topic'>" + "".join(items) + "</ul>", bottom, title)


from skins_other import invision, smf  # noqa: E402

SKINS: dict[str, Skin] = {
    "smf": smf, "invision": invision,
    "xenforo2": xenforo2, "xenforo1": xenforo1, "vbulletin3": vbulletin3,
    "vbulletin4": vbulletin4, "phpbb3": phpbb3, "mybb": mybb, "nodebb": nodebb,
}
