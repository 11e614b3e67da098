"""tools/port_messages.py: a branch's new CATALOG keys become .po entries in en, nb and da; changed ones are named."""

import importlib.util
import shutil
import subprocess
import sys

from babel.messages.pofile import read_po
from conftest import ROOT

SPEC = importlib.util.spec_from_file_location("port_messages", ROOT / "tools" / "port_messages.py")
port_messages = importlib.util.module_from_spec(SPEC)
SPEC.loader.exec_module(port_messages)

BASE = '''
CATALOG: dict[str, dict[str, str]] = {
    "present.empty": {"en": "'{path}' is empty", "nb": "'{path}' er tom", "da": "'{path}' er tom"},
}
TERMS: dict[str, dict[str, str]] = {"elev": {"en": "pupil", "nb": "elev", "da": "elev"}}
'''
BRANCH = '''
CATALOG: dict[str, dict[str, str]] = {
    "present.empty": {"en": "'{path}' is empty", "nb": "'{path}' står tom", "da": "'{path}' er tom"},
    "bearer.facilitates": {"en": "the school facilitates {duty}", "nb": "skolen legger til rette for {duty}",
                           "da": "skolen faciliterer {duty}"},
}
TERMS: dict[str, dict[str, str]] = {"elev": {"en": "pupil", "nb": "elev", "da": "elev"},
                                    "sosiallaerer": {"en": "pastoral-care teacher", "nb": "sosiallærer", "da": "AKT-lærer"}}
'''


def test_new_keys_are_added_to_each_catalogue_and_changed_ones_named(tmp_path):
    locale = tmp_path / "locale"
    shutil.copytree(ROOT / "src" / "policycheck" / "locale", locale)
    (tmp_path / "base.py").write_text(BASE, encoding="utf-8")
    (tmp_path / "branch.py").write_text(BRANCH, encoding="utf-8")
    added, changed = port_messages.port(tmp_path / "branch.py", tmp_path / "base.py", locale)
    assert (added, changed) == (["bearer.facilitates", "term.sosiallaerer"], ["present.empty"])
    with open(locale / "da" / "LC_MESSAGES" / "policycheck.po", "rb") as file:
        danish = read_po(file, locale="da")
    assert (danish["bearer.facilitates"].string, danish["term.sosiallaerer"].string) == \
        ("skolen faciliterer {duty}", "AKT-lærer")
    assert danish["present.empty"].string == "'{path}' er tom"
    shipped = (ROOT / "src/policycheck/locale/nb/LC_MESSAGES/policycheck.po").read_text(encoding="utf-8")
    ported = (locale / "nb" / "LC_MESSAGES" / "policycheck.po").read_text(encoding="utf-8")
    assert ported.startswith(shipped.rstrip("\n")) and "skolen legger til rette for {duty}" in ported


def test_the_command_line_prints_what_it_did(tmp_path):
    locale = tmp_path / "locale"
    shutil.copytree(ROOT / "src" / "policycheck" / "locale", locale)
    (tmp_path / "base.py").write_text(BASE, encoding="utf-8")
    (tmp_path / "branch.py").write_text(BRANCH, encoding="utf-8")
    result = subprocess.run([sys.executable, str(ROOT / "tools" / "port_messages.py"), str(tmp_path / "branch.py"),
                             "--base", str(tmp_path / "base.py"), "--locale-dir", str(locale)],
                            capture_output=True, text=True)
    assert (result.returncode, result.stdout.splitlines()) == (0, [
        "added bearer.facilitates", "added term.sosiallaerer",
        "changed present.empty: carry the branch's wording over by hand"])
