"""docs/log-rules-for-packs.md names exactly the log rules of the bundled packs."""

import re

from conftest import ROOT

from policycheck.loading.packs import bundled_pack_names, load_pack

DOC = (ROOT / "docs" / "log-rules-for-packs.md").read_text(encoding="utf-8")


def test_the_doc_lists_every_log_rule_of_the_packs_and_no_other():
    listed = re.findall(r"^\| `([a-z0-9-]+)` \|", DOC, re.M)
    log_rules = [rule.id for name in bundled_pack_names() for rule in load_pack(name).rules if rule.check.reads_log()]
    assert listed == log_rules


def test_every_log_rule_has_log_rows_as_example():
    for name in bundled_pack_names():
        for rule in load_pack(name).rules:
            if rule.check.reads_log():
                assert rule.example and rule.example.startswith("date,type"), rule.id
