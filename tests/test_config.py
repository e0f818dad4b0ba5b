"""Specification of the check configuration: `qa.toml` or `[tool.qa]` in `pyproject.toml`."""

from __future__ import annotations

import pytest

from qa.config import Config, RuleConfig, load_config
from qa.errors import QaInputError
from qa.findings import Severity

FULL = """\
abstracts = "data/abstracts.jsonl"
glossary = ["glossaries/ml-ja.yaml", "glossaries/house.yaml"]
select = ["numbers", "terms.forbidden"]
ignore = ["style.halfwidth_kana"]
fail-on = "warning"
baseline = ".qa-baseline.json"

[rules."style.mixed_politeness"]
severity = "info"
min-majority = 3

[rules."artifact.boilerplate"]
enabled = false
"""


def test_qa_toml_in_the_working_directory(tmp_path):
    (tmp_path / "qa.toml").write_text(FULL, encoding="utf-8")
    config = load_config(start=tmp_path)
    assert config.select == ["numbers", "terms.forbidden"]
    assert config.ignore == ["style.halfwidth_kana"]
    assert config.fail_on == "warning"
    assert config.rules == {
        "style.mixed_politeness": RuleConfig(severity=Severity.INFO, **{"min-majority": 3}),
        "artifact.boilerplate": RuleConfig(enabled=False),
    }
    assert config.path == str(tmp_path / "qa.toml")


def test_paths_are_relative_to_the_config_file(tmp_path):
    (tmp_path / "qa.toml").write_text(FULL, encoding="utf-8")
    config = load_config(start=tmp_path)
    assert config.abstracts == [str(tmp_path / "data/abstracts.jsonl")]
    assert config.glossary == [str(tmp_path / "glossaries/ml-ja.yaml"), str(tmp_path / "glossaries/house.yaml")]
    assert config.baseline == str(tmp_path / ".qa-baseline.json")


def test_thresholds_reach_the_rules_under_their_python_names():
    rule = RuleConfig(severity="info", **{"min-majority": 3, "blocks": ["paragraph"]})
    assert rule.thresholds() == {"min_majority": 3, "blocks": ["paragraph"]}


def test_tool_qa_section_of_pyproject(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "digests"\n\n[tool.qa]\nfail-on = "never"\n', encoding="utf-8")
    assert load_config(start=tmp_path).fail_on == "never"


def test_qa_toml_wins_over_pyproject(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.qa]\nfail-on = "never"\n', encoding="utf-8")
    (tmp_path / "qa.toml").write_text('fail-on = "info"\n', encoding="utf-8")
    assert load_config(start=tmp_path).fail_on == "info"


def test_pyproject_without_tool_qa_gives_the_defaults(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "digests"\n', encoding="utf-8")
    assert load_config(start=tmp_path) == Config()


def test_no_config_file_gives_the_defaults(tmp_path):
    config = load_config(start=tmp_path)
    assert (config.fail_on, config.select, config.ignore, config.rules, config.baseline) == ("error", [], [], {}, None)


def test_an_explicit_file_must_exist(tmp_path):
    with pytest.raises(QaInputError, match=r"missing\.toml: config file not found$"):
        load_config(tmp_path / "missing.toml")


def test_an_explicit_pyproject_must_have_tool_qa(tmp_path):
    path = tmp_path / "pyproject.toml"
    path.write_text('[project]\nname = "digests"\n', encoding="utf-8")
    with pytest.raises(QaInputError, match=r"pyproject\.toml: no \[tool\.qa\] section$"):
        load_config(path)


def test_invalid_toml_is_an_input_error(tmp_path):
    (tmp_path / "qa.toml").write_text('fail-on = "error\n', encoding="utf-8")
    with pytest.raises(QaInputError, match=r"qa\.toml: invalid TOML \("):
        load_config(start=tmp_path)


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ('[rules."style.mixed_politeness"]\nseverity = "fatal"\n', r"\[tool\.qa\] rules\.style\.mixed_politeness\.severity: Input should be 'info', 'warning' or 'error'$"),
        ('fail-on = "warn"\n', r"\[tool\.qa\] fail-on: Input should be 'error', 'warning', 'info' or 'never'$"),
        ('selct = ["numbers"]\n', r"\[tool\.qa\] selct: Extra inputs are not permitted$"),
        ('[rules."artifact.boilerplate"]\nenabled = "sometimes"\n', r"\[tool\.qa\] rules\.artifact\.boilerplate\.enabled: Input should be a valid boolean"),
    ],
    ids=["severity", "fail-on", "unknown key", "enabled"],
)
def test_a_bad_setting_is_one_line_naming_it(tmp_path, toml, message):
    (tmp_path / "qa.toml").write_text(toml, encoding="utf-8")
    with pytest.raises(QaInputError, match=message) as raised:
        load_config(start=tmp_path)
    assert "\n" not in str(raised.value)
