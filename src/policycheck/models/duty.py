"""Who owes a rule's duty, and how binding the rule may be (after LegalRuleML's Bearer).

Half of a school-home text binds the home: parents, FAU, the elected class parents. A school
cannot fail a duty that is not its own, so every rule names its `bearer` and the school's part in
it (`school_part`), and its severity may not exceed what the modal verb and the bearer allow:

- the modal's ceiling (`MODAL_CEILING`): "skal" can make a rule required, "bør" recommended,
  an expectation to parents advisory;
- the bearer's ceiling: only a duty of the school's own people can be required; for anyone
  else the school can at most facilitate or communicate it, which is `recommended` at most.
"""

from __future__ import annotations

from enum import Enum

from policycheck.messages import Message
from policycheck.models.common import Severity


class Bearer(str, Enum):
    """Who the source statement obliges."""

    school = "school"                              # skolen; Skolen (skolebestyrelsen, ledelsen og personalet)
    school_leader = "school_leader"                # rektor, skoleleder, skoleledelsen
    contact_teacher = "contact_teacher"            # kontaktlærer
    teachers = "teachers"                          # kontaktlærer og faglærere, lærere fra klassen
    parents = "parents"                            # foreldrene, foresatte, forældrene, den enkelte klasse (its parents)
    class_contacts = "class_contacts"              # foreldrekontakt / klassekontakt, kontaktforælder
    fau = "fau"                                    # foreldrenes arbeidsutvalg
    class_parents_council = "class_parents_council"  # klasseforældreråd
    pupils_council = "pupils_council"              # elevråd
    pupils = "pupils"                              # eleven, elevene
    municipality = "municipality"                  # kommunen, Tromsøskolen as school owner
    national_body = "national_body"                # FUG and other national bodies

    @property
    def is_school(self) -> bool:
        """Whether the duty is the school's own (its leadership or staff)."""
        return self in SCHOOL_BEARERS


SCHOOL_BEARERS = frozenset({Bearer.school, Bearer.school_leader, Bearer.contact_teacher, Bearer.teachers})


class SchoolPart(str, Enum):
    """What the school itself does about the statement."""

    does = "does"                  # the school's own duty: it performs what the statement says
    facilitates = "facilitates"    # another's duty the school makes possible (invites, sets up, gives time)
    communicates = "communicates"  # another's duty the school makes known (an expectation to parents)


class Modal(str, Enum):
    """The verb or form a rule's bindingness is read from (see docs/pack-format.md)."""

    skal = "skal"                # skal / skal (da)
    maa = "må"
    indikativ = "indikativ"      # what is done: "afholder", "indkalder", "sikrer", "gjennomføres",
                                 # and Tromsø 2.1 "Foreldrene kan forvente at skolen ..." undertakings
    plikt = "plikt"              # "har ... plikt"
    ansvar = "ansvar"            # "har ... ansvar"
    imperativ = "imperativ"      # "Ta kontakt med skolen ..."
    boer = "bør"
    vil = "vil"                  # a declared practice: "vil primært foregå via Aula"
    maal = "mål"                 # a goal: "har som overordnet mål", "Målet med ... er"
    kan = "kan"                  # a permission or a right
    forventning = "forventning"  # an expectation to the home: "Skolen forventer at foreldrene ..."
    oppfordring = "oppfordring"  # an encouragement or wish: "oppfordrer", "ønsker"
    beskrivende = "beskrivende"  # a description: what a website contains
    henvisning = "henvisning"    # a pointer to another document or body


MODAL_CEILING: dict[Modal, Severity] = {
    **{modal: Severity.required for modal in
       (Modal.skal, Modal.maa, Modal.indikativ, Modal.plikt, Modal.ansvar, Modal.imperativ)},
    **{modal: Severity.recommended for modal in (Modal.boer, Modal.vil, Modal.maal, Modal.kan)},
    **{modal: Severity.advisory for modal in
       (Modal.forventning, Modal.oppfordring, Modal.beskrivende, Modal.henvisning)},
}


UNCONFIRMED_CEILING = Severity.recommended  # a rule resting on a number neither the text nor a decision states


def capped(severity: Severity, ceiling: Severity) -> Severity:
    """The lower of a severity and a ceiling."""
    return min(severity, ceiling, key=lambda each: each.rank)


def severity_ceiling(modal: Modal, bearer: Bearer) -> Severity:
    """The highest severity the modal verb and the bearer allow."""
    by_modal = MODAL_CEILING[modal]
    by_bearer = Severity.required if bearer.is_school else Severity.recommended
    return capped(by_modal, by_bearer)


def duty_problems(modal: Modal, bearer: Bearer, school_part: SchoolPart, severity: Severity) -> list[str]:
    """Why a rule's severity or school part contradicts its modal and bearer (empty when it does not)."""
    problems = []
    ceiling = severity_ceiling(modal, bearer)
    if severity.rank > ceiling.rank:
        why = f"modal '{modal.value}'" if MODAL_CEILING[modal] is ceiling else f"bearer '{bearer.value}' is not the school"
        problems.append(f"severity '{severity.value}' is above '{ceiling.value}' ({why}; see docs/pack-format.md)")
    if bearer.is_school and school_part is not SchoolPart.does:
        problems.append(f"bearer '{bearer.value}' is the school's own: school_part must be 'does'")
    if not bearer.is_school and school_part is SchoolPart.does:
        problems.append(f"bearer '{bearer.value}' is not the school: school_part must be 'facilitates' or 'communicates'")
    return problems


def duty_message(bearer: Bearer, school_part: SchoolPart, key: str = "duty.note") -> Message:
    """'addressed to the parents; the school's part is to communicate it' (`duty.line`: without 'addressed to')."""
    return Message(key, {"bearer": Message(f"bearer.{bearer.value}"), "part": Message(f"school_part.{school_part.value}")})
