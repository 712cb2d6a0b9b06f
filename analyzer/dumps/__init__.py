"""Forum dumps: reposts across many threads.

- :mod:`analyzer.dumps.read`: posts of a dump, streamed (JSON Lines with a
  ``thread`` field; whole 4CAT and forum-dl datasets; folders of pages).
- :mod:`analyzer.dumps.search`: :func:`~analyzer.dumps.search.search_dump`,
  the search itself (signing in batches, band-key candidates, exact
  confirmation), over :mod:`analyzer.dumps.index` (signatures in memory,
  text on disk), :mod:`analyzer.dumps.banding` and :mod:`analyzer.dumps.overlap`.
- :mod:`analyzer.dumps.corpus`: the SQLite corpus (``corpus add``/``where``).
- :mod:`analyzer.dumps.distributed`: the same search on Dask (``--cluster``).
- :mod:`analyzer.dumps.report` and :mod:`analyzer.dumps.export`: Markdown and JSON.
- :mod:`analyzer.dumps.commands`: the ``reposts`` and ``corpus`` commands.
"""
