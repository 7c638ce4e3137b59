#!/usr/bin/env python3
"""End-to-end tests of the escalation analysis: the escalation checks' findings of `keylint policy
fixtures/escalation` must be exactly those of fixtures/escalation/expected.tsv (check id, file,
line) in JSON and in SARIF, a finding per signature fixture and the hard cases, nothing on the
negative cases; SARIF validates and carries relatedLocations pointing at every contributing
statement. Findings of the per-statement policy checks on these fixtures are theirs to test
(fixtures/policy) and are left out of the comparison. Prints TAP.

usage: run_escalation.py KEYLINT SOURCE_ROOT SARIF_SCHEMA
"""
import json
import os
import pathlib
import subprocess
import sys
import tomllib

import jsonschema

from tap import expect, expect_equal, run_tests, test

KEYLINT, SOURCE_ROOT, SCHEMA_PATH = os.path.abspath(sys.argv[1]), pathlib.Path(sys.argv[2]), pathlib.Path(sys.argv[3])
FIXTURES = SOURCE_ROOT / "fixtures" / "escalation"
SIGNATURES = tomllib.loads((SOURCE_ROOT / "rules" / "policy" / "escalation.toml").read_text())["signatures"]


def expected():
    rows = []
    for line in (FIXTURES / "expected.tsv").read_text().splitlines():
        if line and not line.startswith("#"):
            rule, path, number = line.split("\t")
            rows.append((rule, path, int(number)))
    return sorted(rows)


def run(*args):
    environment = dict(os.environ)
    environment.pop("KEYLINT_CONFIG", None)
    return subprocess.run([KEYLINT, *args], capture_output=True, text=True, env=environment, timeout=120)


_reports = {}


def report(format_name):
    if format_name not in _reports:
        result = run("policy", str(FIXTURES), "--format", format_name)
        expect_equal((result.returncode, result.stderr), (1, ""))
        _reports[format_name] = json.loads(result.stdout)
    return _reports[format_name]


def is_escalation_rule(rule_id):
    return rule_id == "escalation-full-access" or rule_id in {signature["id"] for signature in SIGNATURES}


def json_findings():
    return [f for f in report("json")["findings"] if is_escalation_rule(f["rule_id"])]


def finding(rule, path):
    matches = [f for f in json_findings() if f["rule_id"] == rule and f["path"] == path]
    expect_equal(len(matches), 1, f"{rule} in {path}")
    return matches[0]


def sarif_result(rule, uri):
    results = [r for r in report("sarif")["runs"][0]["results"]
               if r["ruleId"] == rule and r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == uri]
    expect_equal(len(results), 1, f"{rule} in {uri}")
    return results[0]


@test
def json_report_has_exactly_the_expected_findings():
    actual = sorted((f["rule_id"], f["path"], f["start_line"]) for f in json_findings())
    expect_equal(actual, expected())


@test
def sarif_report_validates_and_has_exactly_the_expected_findings():
    document = report("sarif")
    jsonschema.validate(document, json.loads(SCHEMA_PATH.read_text()))
    actual = sorted((r["ruleId"], r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
                     r["locations"][0]["physicalLocation"]["region"]["startLine"]) for r in document["runs"][0]["results"]
                    if is_escalation_rule(r["ruleId"]))
    expect_equal(actual, expected())


@test
def every_signature_has_a_fixture_that_gives_it():
    covered = {rule for rule, path, _ in expected() if path.startswith("signatures/")}
    expect_equal(sorted(covered), sorted(signature["id"] for signature in SIGNATURES))
    expect(len(SIGNATURES) >= 30, len(SIGNATURES))


@test
def split_path_points_at_both_statements_in_both_files():
    result = sarif_result("escalation-passrole-ec2", "cases/split-path/roles.tf")
    related = sorted((r["physicalLocation"]["artifactLocation"]["uri"], r["physicalLocation"]["region"]["startLine"],
                      r["message"]["text"]) for r in result["relatedLocations"])
    expect_equal(related, [
        ("cases/split-path/policies.tf", 2,
         "iam:PassRole granted by aws_iam_policy.pass, statement 'PassAnyRole'"),
        ("cases/split-path/roles.tf", 15,
         "ec2:RunInstances granted by aws_iam_role_policy.builder_run, statement 'Launch'"),
    ])
    expect_equal([r["id"] for r in result["relatedLocations"]], [0, 1])
    expect_equal(result["level"], "error")
    expect_equal(result["properties"]["principal"], "role")
    expect_equal(result["properties"]["category"], "privilege-escalation")


@test
def group_policies_reach_their_members():
    found = finding("escalation-passrole-lambda-invoke", "cases/split-group.yaml")
    related = sorted((r["start_line"], r["message"]) for r in found["related_locations"])
    expect_equal(related, [
        (13, "iam:PassRole granted by PassFunctionRole, statement 'PassFunctionRole' (through group Builders); "
             "iam:PassRole on FunctionRole, which lambda.amazonaws.com may assume"),
        (33, "lambda:CreateFunction granted by resource Dana (AWS::IAM::User) policy functions, statement 'Functions'"),
        (33, "lambda:InvokeFunction granted by resource Dana (AWS::IAM::User) policy functions, statement 'Functions'"),
    ])


@test
def a_restricting_condition_makes_a_warning_that_names_it():
    found = finding("escalation-ssm-start-session", "cases/conditions/main.tf")
    expect_equal(found["level"], "warning")
    expect("Only under the condition Bool aws:MultiFactorAuthPresent true." in found["message"], found["message"])
    expect_equal(finding("exposure-s3-bucket-policy", "cases/conditions/main.tf")["level"], "error")


@test
def aws_managed_policies_are_attributed_and_unknown_ones_named():
    found = finding("data-access-secrets-manager", "cases/managed/main.tf")
    expect_equal([(r["start_line"], r["message"]) for r in found["related_locations"]],
                 [(9, "secretsmanager:GetSecretValue granted by AWS managed policy SecretsManagerReadWrite"),
                  (9, "secretsmanager:BatchGetSecretValue granted by AWS managed policy SecretsManagerReadWrite")])
    expect("It also has arn:aws:iam::123456789012:policy/team-boundary, which keylint cannot read; they may grant more."
           in found["message"], found["message"])


@test
def an_administrator_gets_one_finding_pointing_at_the_attachment():
    found = finding("escalation-full-access", "cases/managed/main.tf")
    expect_equal(found["level"], "error")
    expect_equal([(r["start_line"], r["message"]) for r in found["related_locations"]],
                 [(37, "Every action granted by AWS managed policy AdministratorAccess")])
    expect("holds every escalation path keylint knows (40 signatures)" in found["message"], found["message"])


@test
def text_output_lists_the_contributing_statements():
    result = run("policy", str(FIXTURES / "cases" / "split-path"))
    expect_equal(result.returncode, 1)
    expect("escalation-passrole-ec2  Role aws_iam_role.builder can launch an EC2 instance with a more privileged role "
           "(iam:PassRole, ec2:RunInstances)." in result.stdout, result.stdout)
    expect("          via " in result.stdout and "policies.tf:2  iam:PassRole granted by aws_iam_policy.pass" in result.stdout,
           result.stdout)


@test
def every_signature_is_a_sarif_rule_with_its_category_tag():
    listing = json.loads(run("rules", "list", "--format", "json").stdout)
    tags = {rule["id"]: rule["tags"] for rule in listing if rule["kind"] == "policy"}
    for signature in SIGNATURES:
        expect_equal(tags.get(signature["id"]), ["policy", "iam", signature["category"]], signature["id"])
    rules = {rule["id"]: rule for rule in report("sarif")["runs"][0]["tool"]["driver"]["rules"]}
    expect_equal(rules["escalation-passrole-ec2"]["properties"]["tags"], ["policy", "iam", "privilege-escalation"])
    expect_equal(rules["escalation-passrole-ec2"]["properties"]["security-severity"], "8.5")


if __name__ == "__main__":
    sys.exit(run_tests())
