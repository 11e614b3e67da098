"""Loading the roster (YAML; see docs/activity-log.md)."""

from __future__ import annotations

from pathlib import Path

from policycheck.loading.validate import validate_document
from policycheck.loading.yamlfile import YamlLimits, load_yaml
from policycheck.models.roster import Roster

# A large school's roster is tens of thousands of values: more than the default plan limit.
ROSTER_LIMITS = YamlLimits(max_bytes=50 * 1024 * 1024, max_nodes=2_000_000)


def load_roster(path: Path) -> Roster:
    return validate_document(load_yaml(Path(path), ROSTER_LIMITS), Roster, "roster")
