"""Add the messages of an old-style `messages.py` (a `CATALOG` dict, and `TERMS`) that the .po catalogues lack.

For merging a branch written before the catalogue moved to gettext (cdb3f9e is where it started):

    git show BRANCH:src/policycheck/messages.py > /tmp/branch.py
    git show cdb3f9e:src/policycheck/messages.py > /tmp/base.py
    python tools/port_messages.py /tmp/branch.py --base /tmp/base.py

Each key the branch added (it is not in the base) and the catalogues lack becomes a singular entry at
the end of en, nb and da (a term becomes `term.<id>`); the keys added are printed, and so are the keys
whose text the branch changed, to be carried over by hand. A text that prints a count must then be
made a plural entry by hand (docs/reports.md, "Translations"): tests/test_messages.py says which.
"""

from __future__ import annotations

import argparse
import ast
import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po

LOCALE_DIR = Path(__file__).resolve().parent.parent / "src" / "policycheck" / "locale"
LANGUAGES = ("en", "nb", "da")


def old_texts(source: Path) -> dict[str, dict[str, str]]:
    """The key -> {language: text} of the file's CATALOG and TERMS dicts (read, not run)."""
    tree = ast.parse(source.read_text(encoding="utf-8"))
    found: dict[str, dict[str, str]] = {}
    for node in tree.body:
        target = node.target if isinstance(node, ast.AnnAssign) else (node.targets[0] if isinstance(node, ast.Assign) else None)
        name = getattr(target, "id", None)
        if name in ("CATALOG", "TERMS") and node.value is not None:
            prefix = "term." if name == "TERMS" else ""
            found.update({prefix + key: texts for key, texts in ast.literal_eval(node.value).items()})
    return found


def port(source: Path, base: Path, locale_dir: Path = LOCALE_DIR) -> tuple[list[str], list[str]]:
    """Append the keys the branch added and the catalogues lack; return them, and the keys it changed."""
    texts, before = old_texts(source), old_texts(base)
    changed = [key for key in texts if key in before and texts[key] != before[key]]
    added: list[str] = []
    for language in LANGUAGES:
        path = locale_dir / language / "LC_MESSAGES" / "policycheck.po"
        with open(path, "rb") as file:
            catalogue = read_po(file, locale=language)
        known = {message.id[0] if message.pluralizable else message.id for message in catalogue}
        added = [key for key in texts if key not in before and key not in known]
        for key in added:
            catalogue.add(key, texts[key].get(language) or texts[key]["en"])
        if added:
            with open(path, "wb") as file:
                write_po(file, catalogue, width=0, sort_output=False, no_location=True)
    return added, changed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("messages_py", type=Path, help="the branch's messages.py, with a CATALOG dict")
    parser.add_argument("--base", type=Path, required=True, help="messages.py where the branch started")
    parser.add_argument("--locale-dir", type=Path, default=LOCALE_DIR, help="the catalogues' folder")
    args = parser.parse_args(argv)
    added, changed = port(args.messages_py, args.base, args.locale_dir)
    for key in added:
        print(f"added {key}")
    for key in changed:
        print(f"changed {key}: carry the branch's wording over by hand")
    return 0


if __name__ == "__main__":
    sys.exit(main())
