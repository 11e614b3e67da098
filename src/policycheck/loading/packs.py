"""Finding and loading policy packs: bundled ones by name, others by path."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from pathlib import Path

from policycheck.errors import InputError, Problem, UsageError, did_you_mean
from policycheck.loading.overrides import is_override_file, load_override
from policycheck.loading.questions import QUESTIONS_FOLDER, VOCABULARIES_FILE, load_questions, resolve_rule_choices
from policycheck.loading.validate import validate_document
from policycheck.loading.yamlfile import YamlDocument, load_yaml
from policycheck.models.duty import duty_problems
from policycheck.models.pack import PackMeta, PackVersion, PolicyPack, Rule, RulesFile
from policycheck.resources import bundled_packs_dir

PACK_FILE = "pack.yaml"
VERSIONS_DIR = "versions"  # earlier versions of a pack, each a pack folder of its own: versions/<name>/


def bundled_pack_names() -> list[str]:
    root = bundled_packs_dir()
    return sorted(p.name for p in root.iterdir() if (p / PACK_FILE).is_file()) if root.is_dir() else []


def resolve_pack_folder(reference: str) -> Path:
    """The folder of a pack given by bundled name, folder path or path to its pack.yaml."""
    path = Path(reference)
    if path.is_file() and path.name == PACK_FILE:
        return path.parent
    if (path / PACK_FILE).is_file():
        return path
    bundled = bundled_packs_dir() / reference
    if "/" not in reference and (bundled / PACK_FILE).is_file():
        return bundled
    names = bundled_pack_names()
    raise UsageError(
        f"unknown policy pack '{reference}'{did_you_mean(reference, names)}; "
        f"give a bundled pack ({', '.join(names) or 'none installed'}) or a folder holding {PACK_FILE}"
    )


def load_pack(reference: str, on: dt.date | None = None) -> PolicyPack:
    """Load a pack by name or folder, or an override file that extends one.

    `name@version` loads that version; otherwise the version in force on `on` (the newest one
    when `on` is None), with parameter values as they stood that day.
    """
    reference, pinned = split_version(reference)
    if is_override_file(Path(reference)):
        return load_override(Path(reference), lambda base: load_pack(base, on))
    folder = resolve_pack_folder(reference)
    versions = pack_versions(folder)
    chosen = _choose_version(versions, pinned, on, reference)
    pack = _loaded_pack_folder(Path(chosen.folder), on)
    chosen_on = on if len(versions) > 1 and pinned is None else None
    return pack.model_copy(update={"versions": versions, "chosen_on": chosen_on})


_LOADED: dict[tuple, PolicyPack] = {}
LOADED_PACKS_KEPT = 16


def _loaded_pack_folder(folder: Path, on: dt.date | None) -> PolicyPack:
    """`_load_pack_folder`, remembered while none of the pack's files changes (by path, size and time).

    Parsing a pack's YAML with line marks takes most of a second; a process that loads one pack
    many times (the web app after each save, an audit's workers, the test suite) reads it once.
    The caller gets a deep copy, since an override file changes the pack it extends.
    """
    key = (str(folder.resolve()), on or dt.date.today(), _files_state(folder))
    if key not in _LOADED:
        if len(_LOADED) >= LOADED_PACKS_KEPT:
            _LOADED.clear()
        _LOADED[key] = _load_pack_folder(folder, on)
    return _LOADED[key].model_copy(deep=True)


def _files_state(folder: Path) -> tuple:
    files = [folder / PACK_FILE, folder / VOCABULARIES_FILE, *(folder / "rules").glob("*.yaml"),
             *(folder / QUESTIONS_FOLDER).glob("*.yaml")]
    return tuple(sorted((str(path), stat.st_size, stat.st_mtime_ns) for path in files if path.is_file()
                        for stat in [path.stat()]))


def split_version(reference: str) -> tuple[str, str | None]:
    """'vest@1.0.0' -> ('vest', '1.0.0'); a reference without '@' has no pinned version."""
    name, at, version = reference.rpartition("@")
    return (name, version) if at and name and "/" not in version else (reference, None)


def pack_versions(folder: Path) -> list[PackVersion]:
    """The pack folder's versions, oldest first: its `versions/*/` and the folder itself."""
    folders = [path for path in sorted((folder / VERSIONS_DIR).glob("*")) if (path / PACK_FILE).is_file()] + [folder]
    versions = []
    for path in folders:
        meta = validate_document(load_yaml(path / PACK_FILE), PackMeta, "pack")
        versions.append(PackVersion(version=meta.version, effective_date=meta.effective_date, folder=str(path)))
    return sorted(versions, key=lambda version: version.effective_date)


def _choose_version(versions: list[PackVersion], pinned: str | None, on: dt.date | None,
                    reference: str) -> PackVersion:
    """The version asked for, else the newest in force on the day (None: the newest of all)."""
    if pinned is not None:
        for version in versions:
            if pinned in (version.version, Path(version.folder).name):
                return version
        known = [version.version for version in versions]
        raise UsageError(f"pack '{reference}' has no version '{pinned}'{did_you_mean(pinned, known)}; "
                         f"its versions: {', '.join(known)}")
    in_force = [version for version in versions if on is None or version.effective_date <= on]
    if not in_force:
        raise UsageError(f"pack '{reference}' has no version in force on {on}: its earliest, "
                         f"{versions[0].version}, takes effect on {versions[0].effective_date}")
    return in_force[-1]


def _load_pack_folder(folder: Path, on: dt.date | None) -> PolicyPack:
    """Load and cross-check a pack: metadata, every rules file, unique ids, known parameters."""
    meta = validate_document(load_yaml(folder / PACK_FILE), PackMeta, "pack")
    rules: list[Rule] = []
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    rules_paths = sorted((folder / "rules").glob("*.yaml"), key=_section_order)
    for rules_path in rules_paths:
        document = load_yaml(rules_path)
        rules_file = validate_document(document, RulesFile, "rules file")
        problems += _cross_check(rules_file, document, meta, seen)
        rules += rules_file.rules
    questions, vocabularies, question_problems = load_questions(folder, _section_order)
    problems += question_problems
    if problems:
        raise InputError(problems)
    resolve_rule_choices(rules, questions, vocabularies)
    parameters = {name: parameter.value_on(on) for name, parameter in meta.parameters.items()}
    return PolicyPack(meta=meta, rules=rules, folder=str(folder), parameters=parameters,
                      questions=questions, vocabularies=vocabularies, revision=_revision(folder, rules_paths))


def _revision(folder: Path, rules_paths: list[Path]) -> str:
    """A digest of the files a pack was loaded from (metadata, rules, questions, vocabularies):
    two reports with the same revision used the same rules and read the plan the same way."""
    files = [folder / PACK_FILE, *rules_paths, *sorted((folder / QUESTIONS_FOLDER).glob("*.yaml")),
             folder / VOCABULARIES_FILE]
    digest = hashlib.sha256()
    for path in filter(Path.is_file, files):
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:12]


def _section_order(path: Path) -> list:
    """Files named by section sort as the document numbers them: 3.2 before 3.10."""
    return [(0, int(part), "") if part.isdigit() else (1, 0, part) for part in re.split(r"[.\-_]", path.stem)]


def _cross_check(rules_file: RulesFile, document: YamlDocument, meta: PackMeta, seen: dict[str, str]) -> list[Problem]:
    """Problems no schema can see: duplicate ids, undefined parameters, missing pack language,
    a severity or school part that contradicts the rule's modal and bearer (the pack lint, `duty_lint`)."""
    problems = []
    for index, rule in enumerate(rules_file.rules):
        def problem(message: str, *path: str | int) -> None:
            line, column = document.locate(("rules", index, *path))
            problems.append(Problem(document.file, f"rule '{rule.id}': {message}", line, column))

        if rule.id in seen:
            problem(f"duplicate rule id (first defined at {seen[rule.id]})", "id")
        seen.setdefault(rule.id, f"{document.file}:{document.locate(('rules', index, 'id'))[0]}")
        for name in sorted(rule.check.parameter_names() - set(meta.parameters)):
            problem(f"check uses undefined parameter '{name}'{did_you_mean(name, meta.parameters)}", "check")
        for field in ("title", "remediation"):
            if meta.language not in getattr(rule, field):
                problem(f"{field} needs a text in the pack's language '{meta.language}'", field)
    return problems + duty_lint(rules_file, document)


def duty_lint(rules_file: RulesFile, document: YamlDocument) -> list[Problem]:
    """Rules whose severity or school part contradicts their modal verb and bearer, at the rule's severity."""
    problems = []
    for index, rule in enumerate(rules_file.rules):
        line, column = document.locate(("rules", index, "severity"))
        problems += [Problem(document.file, f"rule '{rule.id}': {message}", line, column)
                     for message in duty_problems(rule.modal, rule.bearer, rule.school_part, rule.severity)]
    return problems
