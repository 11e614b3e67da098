"""`--redact`: replacing every pupil, guardian and contact-teacher pseudonym in a report with a stable hash.

A report names pupils only by the pseudonyms given in the input; `--redact` replaces even those,
so a report can leave the school (to the municipality, to a consultant) without a key back to
the school's pupil list. The hash is stable across runs (the same pseudonym gives the same
token), so two years' reports can still be compared. Because pseudonyms are often short and
guessable (P001..P999), set POLICYCHECK_REDACT_KEY to a secret kept at the school: the token is
then an HMAC under that key, and nobody without the key can recompute it. See docs/privacy.md.

Redaction is a step over the finished report, like waivers: structured fields (event ids,
group labels) are hashed by their known shape, and any roster identifier left in free-standing
text (messages, notes, log problems) is replaced wherever it stands as a whole word.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
from typing import Any, Iterable

from policycheck.models.report import Report
from policycheck.models.roster import Roster

KEY_VARIABLE = "POLICYCHECK_REDACT_KEY"
GROUP = re.compile(r"^(pupil|thread) (.+?)( \([^()]*\))?$")
QUOTED = re.compile(r"'([^']*)'")
PROBLEM = re.compile(r"^(.*?:\d+: column '[^']*': )(.*)$")


def token(value: str, key: str | None = None) -> str:
    """`h-` and 10 hex digits: HMAC-SHA256 under the key when one is set, else plain SHA-256."""
    key = os.environ.get(KEY_VARIABLE) if key is None else key
    data = value.encode("utf-8")
    digest = hmac.new(key.encode("utf-8"), data, hashlib.sha256) if key else hashlib.sha256(data)
    return "h-" + digest.hexdigest()[:10]


def roster_identifiers(roster: Roster | None) -> set[str]:
    """Every pseudonym a roster holds: pupils, their guardians (when named) and contact teachers."""
    if roster is None:
        return set()
    found: set[str] = set()
    for school_class in roster.classes:
        found.update(filter(None, [school_class.contact_teacher]))
        for pupil in school_class.pupils:
            found.add(pupil if isinstance(pupil, str) else pupil.id)
            if not isinstance(pupil, str) and isinstance(pupil.guardians, list):
                found.update(pupil.guardians)
    return found


class Redactor:
    """Replaces identifiers in strings; built once per report."""

    def __init__(self, identifiers: Iterable[str]) -> None:
        words = sorted({word for word in identifiers if word.strip()}, key=len, reverse=True)
        self.pattern = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, words)) + r")(?![\w-])") if words else None

    def text(self, value: str) -> str:
        return self.pattern.sub(lambda match: token(match.group(0)), value) if self.pattern else value

    def group(self, value: str) -> str:
        match = GROUP.match(value)
        if match is None:
            return self.text(value)
        kind, name, rest = match.groups()
        return f"{kind} {token(name)}{rest or ''}"

    def problem(self, value: str) -> str:
        """A rejected row's message: the quoted cell values (which may be ids) hashed too."""
        match = PROBLEM.match(value)
        if match is None:
            return self.text(value)
        return match.group(1) + QUOTED.sub(lambda m: f"'{token(m.group(1))}'", self.text(match.group(2)))


def redact_report(report: Report, identifiers: Iterable[str]) -> Report:
    """The report with every pseudonym replaced by its token, in every field every format shows."""
    redactor = Redactor(identifiers)
    findings = [finding.model_copy(update={
        "message": redactor.text(finding.message),
        "notes": [redactor.text(note) for note in finding.notes],
        "evidence": [_evidence(evidence, redactor) for evidence in finding.evidence]}) for finding in report.findings]
    update: dict[str, Any] = {"findings": findings}
    if report.log is not None:
        files = [file.model_copy(update={"problems": [redactor.problem(p) for p in file.problems]})
                 for file in report.log.files]
        update["log"] = report.log.model_copy(update={"files": files})
    return report.model_copy(update=update)


def _evidence(evidence: Any, redactor: Redactor) -> Any:
    return evidence.model_copy(update={
        "event_id": token(evidence.event_id) if evidence.event_id else None,
        "group": redactor.group(evidence.group) if evidence.group else None,
        "note": redactor.text(evidence.note) if evidence.note else None})
