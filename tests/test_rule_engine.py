"""Specification of the rule engine: the registry, rule selection and per-rule configuration."""

from __future__ import annotations

import re

import pytest

from qa.checks import load_rules, run_checks, selected_rules
from qa.checks.base import FAMILIES, CheckContext, Rule, run_rules
from qa.config import Config, RuleConfig
from qa.errors import QaInputError
from qa.findings import Severity
from qa.pipeline import parse_source
from qa.source import SourceText

RULE_ID = re.compile(r"(?P<family>[a-z]+)\.[a-z]+(?:_[a-z]+)*")
REGISTRY = load_rules()

# The ids of these families are a public interface: configs, suppressions and baselines name them.
STABLE_IDS = {
    "artifact.boilerplate",
    "artifact.duplicate_paragraph",
    "artifact.meta_commentary",
    "artifact.missing_source",
    "artifact.placeholder",
    "artifact.unfinished",
    "lang.japanese_in_english",
    "lang.untranslated",
    "lang.wrong_section",
    "structure.broken_link",
    "structure.duplicate_paper",
    "structure.empty_section",
    "structure.id_date",
    "structure.length",
    "structure.missing_section",
    "structure.title_mismatch",
    "style.doubled_word",
    "style.halfwidth_kana",
    "style.mixed_politeness",
    "style.mixed_punctuation",
    "style.mixed_width_alnum",
    "style.unbalanced_brackets",
}


def ids(rules) -> list[str]:
    return [rule.id for rule in rules]


def family_ids(family: str) -> list[str]:
    return sorted(rule_id for rule_id in REGISTRY if rule_id.startswith(family + "."))


# --- the registry ----------------------------------------------------------------------------


def test_the_ids_of_the_offline_families_are_stable():
    assert {rule_id for rule_id in REGISTRY if rule_id.split(".")[0] in ("artifact", "lang", "structure", "style")} == STABLE_IDS


@pytest.mark.parametrize("rule_id", sorted(REGISTRY))
def test_every_rule_is_documented_and_filed_under_its_family(rule_id):
    rule = REGISTRY[rule_id]
    match = RULE_ID.fullmatch(rule.id)
    assert match and rule.id == rule_id
    assert match["family"] in FAMILIES
    assert rule.__module__ == f"qa.checks.{match['family']}"
    assert isinstance(rule.severity, Severity)
    assert rule.description.strip() and "\n" not in rule.description
    assert rule.example.strip()


def test_a_helper_class_without_an_id_is_not_registered():
    class Unregistered(Rule):
        severity = Severity.INFO

    assert Unregistered not in load_rules().values()


# --- selection -------------------------------------------------------------------------------


def test_all_rules_run_by_default():
    assert ids(selected_rules()) == sorted(REGISTRY)


def test_select_by_id():
    assert ids(selected_rules(select=["style.halfwidth_kana", "structure.length"])) == ["structure.length", "style.halfwidth_kana"]


def test_select_by_family():
    assert ids(selected_rules(select=["structure"])) == family_ids("structure")


def test_a_family_is_a_whole_word_not_a_prefix():
    with pytest.raises(QaInputError, match="unknown rule or family 'style.mixed'"):
        selected_rules(select=["style.mixed"])
    with pytest.raises(QaInputError, match="unknown rule or family 'struct'"):
        selected_rules(select=["struct"])


def test_ignore_by_id_and_family():
    chosen = ids(selected_rules(ignore=["style", "artifact.placeholder"]))
    assert chosen == [r for r in sorted(REGISTRY) if not r.startswith("style.") and r != "artifact.placeholder"]


def test_ignore_wins_over_select():
    assert ids(selected_rules(select=["artifact"], ignore=["artifact.unfinished"])) == [
        r for r in family_ids("artifact") if r != "artifact.unfinished"
    ]


def test_command_line_select_replaces_the_config_select():
    config = Config(select=["lang"])
    assert ids(selected_rules(config=config)) == family_ids("lang")
    assert ids(selected_rules(select=["structure.length"], config=config)) == ["structure.length"]


def test_config_ignore_adds_to_the_command_line_ignore():
    config = Config(ignore=["lang.untranslated"])
    assert ids(selected_rules(select=["lang"], ignore=["lang.wrong_section"], config=config)) == ["lang.japanese_in_english"]


def test_config_disables_a_rule():
    config = Config(rules={"style.doubled_word": RuleConfig(enabled=False)})
    assert ids(selected_rules(select=["style"], config=config)) == [r for r in family_ids("style") if r != "style.doubled_word"]


# --- running ---------------------------------------------------------------------------------

# samples/digests/paper-summaries-2025-04.md line 505
PLACEHOLDER_PAPER = SourceText(
    "digest.md",
    "# Exploring the Effect of Reinforcement Learning on Video Understanding\n\n"
    "[View Paper](http://arxiv.org/abs/2503.24376v1)\n\n"
    "## 5. 技術的な詳細について\n\n"
    "*   フレーム解像度を`(フレーム解像度の具体的な数値)`に設定\n",
)


def check(config: Config | None = None, select=("artifact.placeholder",)):
    return run_checks([(PLACEHOLDER_PAPER, parse_source(PLACEHOLDER_PAPER))], config=config, select=list(select))


def test_findings_carry_the_default_severity():
    assert [(f.rule, f.severity) for f in check()] == [("artifact.placeholder", Severity.ERROR)]


def test_config_overrides_the_severity():
    config = Config(rules={"artifact.placeholder": RuleConfig(severity=Severity.INFO)})
    assert [(f.rule, f.severity) for f in check(config)] == [("artifact.placeholder", Severity.INFO)]


def test_findings_come_sorted_by_place():
    findings = check(select=["artifact", "structure"])
    assert [(f.line, f.column, f.rule) for f in findings] == [
        (1, 1, "structure.missing_section"),
        (7, 14, "artifact.placeholder"),
    ]


def test_config_thresholds_reach_the_rule():
    seen = {}

    class ReadsItsOption(Rule):  # no id: not registered, run directly
        def check(self, context):
            seen["min_majority"] = context.option("style.mixed_politeness", "min_majority", 2)
            return []

    config = Config(rules={"style.mixed_politeness": RuleConfig(**{"min-majority": 4})})
    context = CheckContext(parsed=[], options={rid: rc.thresholds() for rid, rc in config.rules.items()})
    list(run_rules([ReadsItsOption], context))
    assert seen == {"min_majority": 4}


@pytest.mark.parametrize(("needs", "field"), [("alignments", "alignments"), ("glossary", "glossary")])
def test_a_rule_is_skipped_when_what_it_needs_is_missing(needs, field):
    class NeedsSomething(Rule):  # no id: not registered, run directly
        def check(self, context):
            yield f"ran with {field}"

    NeedsSomething.needs = (needs,)
    assert list(run_rules([NeedsSomething], CheckContext(parsed=[]))) == []
    assert list(run_rules([NeedsSomething], CheckContext(parsed=[], **{field: ["given"]}))) == [f"ran with {field}"]
