"""News articles: read saved pages and text files into :class:`Article` objects.

Three kinds of file are read:

- plain text or Markdown (anything that decodes as text);
- saved HTML pages (and single-file MHTML saves), whose main text is
  extracted and page chrome dropped (see :mod:`analyzer.articles.extract`);
- files that only list URLs, which are refused with a clear message, since
  the tool never goes online.

Text is cleaned the same way whatever its source: Markdown links and emphasis
are unwrapped, chrome lines (share prompts, "Region:"/"Tags:" lines, image
credits) are dropped, and the site boilerplate at the end of a page (reader
notes, copyright, disclaimers, "Related articles", ...) is cut. Title, outlet
and date come from page metadata where there is some, otherwise from the
header lines of the text (a heading, a byline, a "Site, July 30, 2019" line, a
"[Outlet Staff Reporter]" attribution or a "CITY (Outlet) -" dateline).
"""

from analyzer.articles.boilerplate import is_boilerplate
from analyzer.articles.load import load_articles, read_article
from analyzer.articles.text import article_from_html, article_from_text

__all__ = ["article_from_html", "article_from_text", "is_boilerplate", "load_articles",
           "read_article"]
