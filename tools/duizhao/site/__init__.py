"""The published site: pages generated at build time from ``corpus/`` and ``annotations/``.

``hooks.py`` is registered in ``mkdocs.yml``; :mod:`.build` drives the build,
:mod:`.data` reads the corpus, :mod:`.render` (with :mod:`.inline`, :mod:`.spans`,
:mod:`.projection`, :mod:`.charts` and ``templates/``) writes the pages, :mod:`.search`
the search index and :mod:`.downloads` the exports.
"""
