"""Sentence vectors that are kept (the cache, the follow stage's profiles) own their memory: a
row view of an embedding batch keeps the whole batch alive for as long as any one row lives,
and the writer of a long run held tens of megabytes of such half-dead batches."""

from __future__ import annotations

from suivi.follow.evidence import Profile, ProfileIndex
from suivi.reconcile import vectors


def test_cached_vectors_are_not_views_of_their_batch():
    texts = ["Norway will build a hospital in Accra.", "La Norvège construira un hôpital à Accra.",
             "Ghana will host the next fisheries summit."]
    vectors.embed(texts)
    for text in texts:
        assert vectors._cache[text].base is None


def test_profile_vectors_are_not_views_of_their_batch():
    profiles = [
        Profile(commitment_id=i, key=f"k{i}", parties={"NOR"}, names=set(), texts=[t], stems=set(),
                action_stems=set(), first_published=None, deadline=None, sums=[], families=frozenset())
        for i, t in enumerate(["Norway will train 300 nurses in Ghana.", "Norway will fund two clinics in Tamale."])
    ]
    index = ProfileIndex(profiles)
    assert len(index.profiles) == 2
    for p in profiles:
        assert p.vectors is not None and p.vectors.shape == (1, 512) and p.vectors.base is None
