"""docs/log-rules-for-packs.md: every quote is verbatim in its seed, every rule is valid."""

import re
from pathlib import Path

import yaml

from policycheck.models.pack import Parameter, Rule

DOC = Path("docs/log-rules-for-packs.md").read_text(encoding="utf-8")
SEEDS = {"tro": "000_31657a1c8d20de63.txt", "vest": "004_39f66894db50802c.txt"}
SEED_DIR = Path("/work/shared/seeds")


def _fold(text: str) -> str:
    return " ".join(text.split())


def _blocks() -> list:
    return [yaml.safe_load(block) for block in re.findall(r"```yaml\n(.*?)```", DOC, re.S)]


def _rules() -> list[Rule]:
    return [Rule.model_validate(item) for block in _blocks() if isinstance(block, list) for item in block]


def test_every_rule_validates_and_quotes_its_seed_verbatim():
    rules = _rules()
    assert len(rules) == 16
    for rule in rules:
        seed = SEED_DIR / SEEDS[rule.id.split("-")[0]]
        if seed.exists():
            assert _fold(rule.source.quote) in _fold(seed.read_text(encoding="utf-8")), rule.id


def test_every_parameter_a_rule_uses_is_offered():
    offered = {name for block in _blocks() if isinstance(block, dict) for name in block}
    for block in _blocks():
        if isinstance(block, dict):
            for spec in block.values():
                Parameter.model_validate(spec)
    used = {name for rule in _rules() for name in rule.check.parameter_names()}
    assert used <= offered
