"""Digital platforms the filings fund or name, and their lineage across jurisdictions.

Modules, one job each (data flows top to bottom):

* ``registry``      the curated registry ``data/platforms/registry.ttl`` → typed entries; name resolution
* ``names``         the normal form names are compared in; edit distance for misprints
* ``mentions``      platform names in one text (registry names, names built like platform names)
* ``discovered``    one node per unknown platform however spelled; family/place inferred from the name
* ``lineage_text``  relations a sentence states (试点, 分平台, 包括, 1+5+1+N, 依托, 对接, 升级为 …)
* ``evidence``      narrowing a record's lines to the lines that print a phrase
* ``links``         one filing: passages of every record → links, stated relations
* ``graph``         RDF: ``platform_graphs(filings, base_iri)`` → ``PlatformGraphs(.registry, .per_filing)``
* ``analysis``      ``load_lineage(store)`` → ``Lineage`` (networkx; trees, components, path, matrix, JSON)

The web layer and ``budgetkg lineage`` use ``analysis.load_lineage``; ``budgetkg build`` uses
``graph.platform_graphs``.
"""
