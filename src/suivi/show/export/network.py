"""The actor network (`views.explore.network`) as GEXF and GraphML, for Gephi and friends.

Edges are directed: "commitment" edges go from the party that commits to the one that
benefits; "event" edges join actors who took part in the same dated event (stored in both
files as one edge, from the first key to the second, with kind=event). Parallel edges of
the two kinds are kept apart (a multigraph keyed by kind). With a filter, only links that
touch a party of the selected commitments are kept.
"""

from __future__ import annotations

from typing import BinaryIO

import networkx as nx
from sqlalchemy import Connection

from suivi.show.export import Exporter, register_exporter
from suivi.views.dataset import Selection
from suivi.views.explore import network


def graph(conn: Connection, selection: Selection) -> nx.MultiDiGraph:
    data = network(conn, selection.items, max_nodes=100_000)
    if selection.filtered:  # events of other actors stay out: only links that touch a selected party
        parties = {k for i in selection.items for k in (*i.agents, *i.beneficiaries)}
        data["links"] = [x for x in data["links"] if x["source"] in parties or x["target"] in parties]
        linked = {k for x in data["links"] for k in (x["source"], x["target"])}
        data["nodes"] = [n for n in data["nodes"] if n["id"] in linked or n["id"] in parties]
    g = nx.MultiDiGraph(name="Suivi actor network", as_of=selection.as_of.isoformat())
    for n in data["nodes"]:
        g.add_node(n["id"], label=n["name"] or n["id"], kind=n["kind"], weight=int(n["weight"]))
    for link in data["links"]:
        g.add_edge(link["source"], link["target"], key=link["kind"], kind=link["kind"], weight=int(link["weight"]))
    return g


def write_gexf(conn: Connection, selection: Selection, out: BinaryIO) -> int:
    g = graph(conn, selection)
    nx.write_gexf(g, out, encoding="utf-8", prettyprint=True)
    return g.number_of_nodes()


def write_graphml(conn: Connection, selection: Selection, out: BinaryIO) -> int:
    g = graph(conn, selection)
    nx.write_graphml(g, out, encoding="utf-8", prettyprint=True)
    return g.number_of_nodes()


register_exporter(Exporter("gexf", ".gexf", "actor network (commitments and shared events) for Gephi", write_gexf))
register_exporter(Exporter("graphml", ".graphml", "actor network as GraphML", write_graphml))
