"""Take-aways are clustered with bit sets (summary._Heads): the same clusters as comparing
each point with every earlier cluster's first point in turn, for any texts and threshold."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from facilitator.domain import model as m
from facilitator.domain import summary

WORDS = "water food health routes migrants families data the of and é É Água".split()


def one_by_one(points: list[m.Point], threshold: float) -> list[list[m.Point]]:
    """The definition: each point joins the first earlier cluster whose first point shares
    words with it, at least `threshold` alike (Jaccard); a point without words joins the first
    without any."""
    clusters: list[list[m.Point]] = []
    heads: list[frozenset[str]] = []
    for point in points:
        words = summary.tokens(point.text)
        found = next(
            (
                n
                for n, head in enumerate(heads)
                if (words & head and summary.similarity(words, head) >= threshold)
                or (not words and not head)
            ),
            None,
        )
        if found is None:
            heads.append(words)
            clusters.append([point])
        else:
            clusters[found].append(point)
    return clusters


texts = st.one_of(
    st.lists(st.sampled_from(WORDS), max_size=9).map(" ".join),
    st.text(max_size=12),
)


@settings(max_examples=300)
@given(
    st.lists(texts, max_size=60),
    st.sampled_from([0.0, 0.2, 1 / 3, 0.5, 0.6, 2 / 3, 0.75, 1.0, 1.5]),
)
def test_clusters_are_those_of_comparing_one_by_one(texts, threshold):
    points = [m.Point("i", text, "challenge") for text in texts]
    got = [[p.id for p in c] for c in summary.cluster(points, threshold)]
    assert got == [[p.id for p in c] for c in one_by_one(points, threshold)]
