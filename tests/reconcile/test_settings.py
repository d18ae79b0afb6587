"""Reconcile data files load, and a malformed one fails loudly."""

from __future__ import annotations

import pytest
import yaml

from suivi.errors import DataFileError
from suivi.reconcile.settings import DATA, action_families, attribution_cues, settings


def test_shipped_settings_and_cues_load():
    cfg = settings()
    assert 0 < cfg["stories"]["join_threshold"] < 1
    assert "according to" in attribution_cues("en").before
    assert "selon" in attribution_cues("fr").before


@pytest.mark.parametrize(
    ("section", "key", "value"),
    [("stories", "join_threshold", "high"), ("duplicates", "bands", None), ("merge", "story_threshold", True)],
)
def test_malformed_settings_fail_loudly(tmp_path, section, key, value):
    data = yaml.safe_load((DATA / "settings.yaml").read_text(encoding="utf-8"))
    data[section][key] = value
    path = tmp_path / "settings.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    with pytest.raises(DataFileError, match=f"{section}.{key}"):
        settings.__wrapped__(path)


def test_bands_must_divide_permutations(tmp_path):
    data = yaml.safe_load((DATA / "settings.yaml").read_text(encoding="utf-8"))
    data["duplicates"]["bands"] = 33
    path = tmp_path / "settings.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    with pytest.raises(DataFileError, match="multiple"):
        settings.__wrapped__(path)


def test_shipped_action_families_load_and_tell_acts_apart():
    fr, en = action_families("fr"), action_families("en")
    assert fr.of(["livraison"]) == fr.of(["livrera"]) == {"deliver"}
    assert en.of(["training"]) == {"train"} and en.of(["trains"]) == frozenset()  # whole word, not a prefix
    assert en.of(["pledge", "provide"]) == frozenset()  # generic verbs name no act


@pytest.mark.parametrize(
    "text",
    ["families: [livrer]\n", "families:\n  deliver: []\n", "families:\n  deliver: [3]\n", "families: {}\n"],
)
def test_malformed_action_families_fail_loudly(tmp_path, text):
    path = tmp_path / "fr.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError):
        action_families.__wrapped__("fr", path)
