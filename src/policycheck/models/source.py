"""Where in its source document a rule or a plan question comes from."""

from __future__ import annotations

from pydantic import Field

from policycheck.models.common import Strict


class Source(Strict):
    """The clause a rule encodes: section as the document numbers it, the quote verbatim."""

    section: str = Field(min_length=1)
    quote: str = Field(min_length=1)
