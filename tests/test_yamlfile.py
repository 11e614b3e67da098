"""The YAML reader: positions, and refusing what is unsafe or ambiguous."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policycheck.errors import InputError
from policycheck.loading.yamlfile import YamlLimits, load_yaml, parse_yaml


def error_of(text: str, limits: YamlLimits = YamlLimits()) -> str:
    with pytest.raises(InputError) as caught:
        parse_yaml(text, "f.yaml", limits)
    return str(caught.value)


def test_values_and_keys_have_positions():
    document = parse_yaml("a:\n  b: [1, 2]\n  c: x\n", "f.yaml")
    assert document.data == {"a": {"b": [1, 2], "c": "x"}}
    assert document.locate(("a", "b", 1)) == (2, 10)
    assert document.locate(("a", "c"), key=True) == (3, 3)
    assert document.locate(("a", "missing")) == (2, 3)


def test_duplicate_key_is_an_error_naming_both_lines():
    assert error_of("a: 1\nb: 2\na: 3\n") == "f.yaml:3:1: duplicate key 'a' (first given on line 1)"


def test_python_tags_are_refused():
    message = error_of("x: !!python/object/apply:os.system ['echo hi']\n")
    assert "tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed" in message


def test_invalid_date_is_located():
    assert error_of("date: 2024-02-31\n") == "f.yaml:1:7: '2024-02-31' is not a valid date (expected YYYY-MM-DD)"


def test_valid_date_is_a_date():
    assert parse_yaml("d: 2024-02-29\n", "f.yaml").data == {"d": dt.date(2024, 2, 29)}


def test_alias_bomb_is_refused_quickly():
    lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    for i in range(1, 10):
        lines.append(f"{chr(97 + i)}: &{chr(97 + i)} [" + ",".join([f"*{chr(96 + i)}"] * 9) + "]")
    assert "an alias expansion bomb?" in error_of("\n".join(lines))


def test_deep_nesting_is_refused():
    assert "nested deeper than 64 levels" in error_of("a: " + "[" * 100 + "]" * 100)


def test_extremely_deep_nesting_does_not_crash():
    assert "nested" in error_of("[" * 50_000 + "]" * 50_000)


def test_merge_keys_are_refused():
    assert "merge keys" in error_of("base: &b {x: 1}\nother:\n  <<: *b\n")


def test_windows_1252_is_named(tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_bytes("navn: Tromsø\n".encode("cp1252"))
    with pytest.raises(InputError) as caught:
        load_yaml(path)
    assert str(caught.value).startswith(f"{path}:1:12: byte 0xf8 is not UTF-8")


def test_utf8_bom_and_utf16_are_read(tmp_path):
    bom, utf16 = tmp_path / "a.yaml", tmp_path / "b.yaml"
    bom.write_bytes(b"\xef\xbb\xbfnavn: Troms\xc3\xb8\n")
    utf16.write_bytes("navn: Tromsø\n".encode("utf-16"))
    assert load_yaml(bom).data == load_yaml(utf16).data == {"navn": "Tromsø"}


def test_nul_byte_is_located():
    assert error_of("a: b\x00c\n").startswith("f.yaml:1:5: not valid YAML")


def test_oversized_file_is_refused(tmp_path):
    path = tmp_path / "big.yaml"
    path.write_text("a: " + "x" * 2000 + "\n")
    with pytest.raises(InputError, match="over the limit of 1,000 bytes"):
        load_yaml(path, YamlLimits(max_bytes=1000))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_any_text_loads_or_raises_input_error(text):
    try:
        parse_yaml(text, "f.yaml")
    except InputError as error:
        assert str(error).startswith("f.yaml")


def test_limits_are_configurable_from_the_environment(tmp_path, monkeypatch):
    path = tmp_path / "f.yaml"
    path.write_text("a: [[[1]]]\n")
    monkeypatch.setenv("POLICYCHECK_YAML_MAX_DEPTH", "2")
    with pytest.raises(InputError, match="nested deeper than 2 levels"):
        load_yaml(path)


def test_alias_bomb_is_refused_early_even_with_a_high_value_limit():
    """Rosters allow millions of values; repetition through aliases has its own, small bound."""
    lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    for i in range(1, 10):
        lines.append(f"{chr(97 + i)}: &{chr(97 + i)} [" + ",".join([f"*{chr(96 + i)}"] * 9) + "]")
    message = error_of("\n".join(lines), YamlLimits(max_nodes=5_000_000))
    assert "aliases repeat more than 10,000 values" in message


def test_a_few_aliases_are_fine():
    document = parse_yaml("base: &b {x: 1}\nother: *b\n", "f.yaml")
    assert document.data == {"base": {"x": 1}, "other": {"x": 1}}
