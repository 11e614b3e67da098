"""The one place where check kinds are registered.

A pack names a kind with `check: {kind: ...}`; `AnyCheck` is the tagged union of all
registered kinds, so validating a pack (and its JSON Schema) knows every kind's fields.
"""

from __future__ import annotations

from typing import Annotated, Union

from pydantic import Field

from policycheck.checks.attestation import AttestationCheck
from policycheck.checks.base import Check
from policycheck.checks.compare import CompareCheck
from policycheck.checks.composite import AllCheck, AnyOfCheck, NotCheck, ListOfChecks
from policycheck.checks.contains import ContainsCheck
from policycheck.checks.count import CountCheck
from policycheck.checks.forbidden import ForbiddenCheck
from policycheck.checks.lead_time import LeadTimeCheck
from policycheck.checks.participants import ParticipantsCheck
from policycheck.checks.per_grade import PerGradeCheck
from policycheck.checks.present import PresentCheck
from policycheck.checks.reply_within import ReplyWithinCheck
from policycheck.checks.share import ShareCheck
from policycheck.checks.within_window import WithinWindowCheck
from policycheck.registry import build_registry


CHECK_KINDS: dict[str, type[Check]] = build_registry(
    [PresentCheck, CompareCheck, ContainsCheck, PerGradeCheck, AttestationCheck, AllCheck, AnyOfCheck, NotCheck,
     CountCheck, WithinWindowCheck, ReplyWithinCheck, ParticipantsCheck, ForbiddenCheck, ShareCheck, LeadTimeCheck],
    lambda kind: kind.model_fields["kind"].default,
    "check kind",
)

AnyCheck = Annotated[Union[tuple(CHECK_KINDS.values())], Field(discriminator="kind")]

for _kind in (ListOfChecks, AllCheck, AnyOfCheck, NotCheck):
    _kind.model_rebuild(_types_namespace={"AnyCheck": AnyCheck})
