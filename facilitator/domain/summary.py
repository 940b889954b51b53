"""From classified points to the take-aways of a summary report. Qt-free, pure.

The app proposes a first draft: the points of a session grouped by topic and kind (the
"Challenges / Promising practices / Recommendations / Pledges" lists of the seed report), with
near-duplicates gathered into one line that keeps the ids of every point it stands for. The
rapporteur then edits, reorders and relinks; every take-away can be traced back through its
points to the interventions and stakeholder groups it came from.

Near-duplicates are found by token-set (Jaccard) similarity of the points' words: simple,
language-independent and fast enough with an inverted index for thousands of points.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field

from facilitator.domain import model as m
from facilitator.domain.vocab import NARRATIVE

# The kinds of point a summary lists, in the order of the seed report; questions are not
# take-aways.
SUMMARY_KINDS: tuple[str, ...] = ("challenge", "practice", "recommendation", "pledge")
# Two points are the same idea when this share of their (distinct, meaningful) words is shared.
SIMILARITY = 0.6

_WORD = re.compile(r"\w+", re.UNICODE)
# Words too common to tell two statements apart (English; other languages rarely matter here
# because a threshold on the remaining words is forgiving).
_STOP = frozenset(
    "a an and are as at be by for from in is it of on or the this that to with its their".split()
)


def tokens(text: str) -> frozenset[str]:
    """The distinct meaningful words of `text`, case- and accent-folded."""
    folded = text.casefold()
    if not folded.isascii():  # ASCII has nothing to decompose (and no accents to drop)
        folded = unicodedata.normalize("NFKD", folded)
        folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return frozenset(w for w in _WORD.findall(folded) if w not in _STOP and len(w) > 1)


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 1.0 if a == b else 0.0
    return len(a & b) / len(a | b)


def cluster(points: list[m.Point], threshold: float = SIMILARITY) -> list[list[m.Point]]:
    """Greedy clustering in order: each point joins the first earlier cluster it resembles
    (similarity of its words to the cluster's first point's at least `threshold`)."""
    clusters: list[list[m.Point]] = []
    heads = _Heads(threshold)
    for point in points:
        words = tokens(point.text)
        found = heads.first_alike(words)
        if found is None:
            heads.add(words)
            clusters.append([point])
        else:
            clusters[found].append(point)
    return clusters


class _Heads:
    """The clusters' first points' words, searched as bit sets (bit n: cluster n).

    similarity(words, head) >= threshold depends only on the words shared and the two sizes:
    for heads of h words it holds from some count of shared words on (`_needed`). Each word
    has the set of heads holding it; adding those sets bit-sliced counts, for every head at
    once, the words it shares; the first head of any size with enough is the cluster found.
    Exactly the greedy first-match of comparing the point with every head in turn, without
    the comparisons (thousands of points of one topic and kind compared pairwise)."""

    def __init__(self, threshold: float) -> None:
        self.threshold = threshold
        self.count = 0
        self.by_word: dict[str, int] = {}
        self.by_size: dict[int, int] = {}
        self.needed: dict[tuple[int, int], int | None] = {}

    def add(self, words: frozenset[str]) -> None:
        bit = 1 << self.count
        self.count += 1
        for w in words:
            self.by_word[w] = self.by_word.get(w, 0) | bit
        self.by_size[len(words)] = self.by_size.get(len(words), 0) | bit

    def _needed(self, size: int, head: int) -> int | None:
        """The fewest shared words that make a point of `size` words like a head of `head`."""
        key = (size, head)
        if key not in self.needed:
            self.needed[key] = next(
                (
                    c
                    for c in range(1, min(size, head) + 1)
                    if similarity_of_counts(c, size, head) >= self.threshold
                ),
                None,
            )
        return self.needed[key]

    def first_alike(self, words: frozenset[str]) -> int | None:
        if not words:  # a point without words joins the first cluster without any
            empty = self.by_size.get(0, 0)
            return (empty & -empty).bit_length() - 1 if empty else None
        planes: list[int] = []  # bit-sliced counts: plane i holds bit i of each count
        for w in words:
            carry = self.by_word.get(w, 0)
            for i in range(len(planes)):
                if not carry:
                    break
                planes[i], carry = planes[i] ^ carry, planes[i] & carry
            if carry:
                planes.append(carry)
        everyone, most = (1 << self.count) - 1, 1 << len(planes)
        found, alike = 0, {}
        for head, members in self.by_size.items():
            need = self._needed(len(words), head)
            if need is not None and need < most:
                if need not in alike:
                    alike[need] = _at_least(planes, need, everyone)
                found |= members & alike[need]
        return (found & -found).bit_length() - 1 if found else None


def similarity_of_counts(shared: int, size: int, head: int) -> float:
    """similarity() of two non-empty word sets from their sizes and the words they share."""
    return shared / (size + head - shared)


def _at_least(planes: list[int], need: int, everyone: int) -> int:
    """The heads whose bit-sliced count is at least `need` (a comparator over the planes)."""
    greater, equal = 0, everyone
    for i in range(len(planes) - 1, -1, -1):
        if need >> i & 1:
            equal &= planes[i]
        else:
            greater |= equal & planes[i]
            equal &= ~planes[i]
    return greater | equal


def _representative(points: list[m.Point]) -> str:
    """The text standing for a cluster: its most complete wording (longest, then first)."""
    return max(points, key=lambda p: len(p.text.strip())).text.strip()


def propose_takeaways(content: m.SessionContent, topic_order: list[str]) -> list[m.Takeaway]:
    """A draft of take-aways for one session, in report order (topic, kind, first mention).

    `topic_order` lists topic ids in the series' order; points without a known topic come last.
    """
    groups: dict[tuple[str | None, str], list[m.Point]] = defaultdict(list)
    for point in content.points:
        if point.kind in SUMMARY_KINDS and point.text.strip():
            topic = point.topic_id if point.topic_id in topic_order else None
            groups[(topic, point.kind)].append(point)
    rank = {t: n for n, t in enumerate(topic_order)}
    proposals: list[m.Takeaway] = []
    for topic, kind in sorted(
        groups, key=lambda k: (rank.get(k[0], len(rank)), SUMMARY_KINDS.index(k[1]))
    ):
        for position, members in enumerate(cluster(groups[(topic, kind)])):
            proposals.append(
                m.Takeaway(
                    session_id=content.session.id,
                    text=_representative(members),
                    kind=kind,
                    topic_id=topic,
                    point_ids=[p.id for p in members],
                    position=position,
                )
            )
    return proposals


def report_takeaways(content: m.SessionContent, topic_order: list[str]) -> list[m.Takeaway]:
    """What a report lists: the curated take-aways, or the proposals when none were curated.
    Narratives (kind "narrative") are a topic's paragraphs, not lines of its lists."""
    curated = [t for t in content.takeaways if t.kind != NARRATIVE]
    if curated:
        return curated
    return propose_takeaways(content, topic_order)


def narrative(content: m.SessionContent, topic_id: str | None) -> str:
    """The narrative the rapporteur wrote for a topic of the session (None: the whole
    session's opening paragraphs), "" when none was written."""
    texts = [
        t
        for t in content.takeaways
        if t.kind == NARRATIVE and t.topic_id == topic_id and t.text.strip()
    ]
    return "\n\n".join(t.text for t in sorted(texts, key=lambda t: t.position))


@dataclass
class SummarySection:
    topic_id: str | None
    kind: str
    takeaways: list[m.Takeaway] = field(default_factory=list)


def sections(takeaways: list[m.Takeaway], topic_order: list[str]) -> list[SummarySection]:
    """Take-aways as report sections: by topic (series order), then kind, then position."""
    rank = {t: n for n, t in enumerate(topic_order)}
    grouped: dict[tuple[str | None, str], list[m.Takeaway]] = defaultdict(list)
    for takeaway in takeaways:
        if takeaway.kind == NARRATIVE:
            continue
        topic = takeaway.topic_id if takeaway.topic_id in rank else None
        kind = takeaway.kind if takeaway.kind in SUMMARY_KINDS else "recommendation"
        grouped[(topic, kind)].append(takeaway)
    keys = sorted(grouped, key=lambda k: (rank.get(k[0], len(rank)), SUMMARY_KINDS.index(k[1])))
    return [
        SummarySection(topic, kind, sorted(grouped[(topic, kind)], key=lambda t: t.position))
        for topic, kind in keys
    ]


@dataclass
class Provenance:
    """Where a take-away came from: its points, their interventions and stakeholder groups."""

    point_ids: list[str] = field(default_factory=list)
    intervention_ids: list[str] = field(default_factory=list)
    stakeholder_groups: dict[str, int] = field(default_factory=dict)  # group -> interventions


def speaker_group(intervention: m.Intervention, people: dict[str, m.Participant]) -> str:
    """The stakeholder group an intervention is attributed to: what the note-taker recorded
    for it, else the speaker's group in the roster, else "" (not recorded: reports say so, and
    do not count it as 'Other'). A group chosen for one intervention is not overruled by the
    roster."""
    if intervention.stakeholder_group:
        return intervention.stakeholder_group
    person = people.get(intervention.participant_id or "")
    if person is not None and person.stakeholder_group:
        return person.stakeholder_group
    return ""


def provenance(
    takeaway: m.Takeaway, content: m.SessionContent, participants: list[m.Participant]
) -> Provenance:
    points = {p.id: p for p in content.points}
    interventions = {i.id: i for i in content.interventions}
    people = {p.id: p for p in participants}
    found = Provenance()
    for point_id in takeaway.point_ids:
        point = points.get(point_id)
        if point is None:  # a point deleted since it was linked
            continue
        found.point_ids.append(point_id)
        if point.intervention_id in found.intervention_ids:
            continue
        intervention = interventions.get(point.intervention_id)
        if intervention is None:
            continue
        found.intervention_ids.append(intervention.id)
        group = speaker_group(intervention, people)
        found.stakeholder_groups[group] = found.stakeholder_groups.get(group, 0) + 1
    return found


def reorder(takeaways: list[m.Takeaway], moved_id: str, new_index: int) -> list[m.Takeaway]:
    """The list with one take-away moved to `new_index`, positions renumbered from 0."""
    ordered = sorted(takeaways, key=lambda t: t.position)
    moving = next(t for t in ordered if t.id == moved_id)
    ordered.remove(moving)
    ordered.insert(max(0, min(new_index, len(ordered))), moving)
    for position, takeaway in enumerate(ordered):
        takeaway.position = position
    return ordered
