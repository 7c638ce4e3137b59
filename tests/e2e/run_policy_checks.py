#!/usr/bin/env python3
"""End-to-end tests of the policy checks on fixtures/policy/checks: the exact set of findings
(check, file, line) listed in fixtures/policy/checks/expected.tsv, in JSON and in SARIF (validated
against the SARIF 2.1.0 schema), the levels of findings about values keylint cannot resolve, and
the rule metadata (tags, help with a Fix paragraph, help URI) in SARIF. Prints TAP.

usage: run_policy_checks.py KEYLINT SOURCE_ROOT SARIF_SCHEMA
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
CHECKS = SOURCE_ROOT / "fixtures" / "policy" / "checks"

# Each check's tags as its metadata file says (src/checks/iam/<id>.toml); the test checks that
# SARIF carries them and that they start with the family's tags.
EXPECTED_TAGS = {
    data["id"]: data["tags"]
    for data in (tomllib.loads(path.read_text()) for path in sorted((SOURCE_ROOT / "src" / "checks" / "iam").glob("*.toml")))
}
CATEGORIES = {"overbroad-access", "correctness"}

# Findings about a value keylint cannot resolve are warnings even where the check is an error.
UNRESOLVED_WARNINGS = {
    ("iam-sensitive-service-wildcard", "sensitive-service-wildcard/template.yaml", 16): "Ref ExtraActions",
    ("iam-write-on-any-resource", "write-on-any-resource/main.tf", 6): "var.table_arn",
    ("iam-passrole-any-resource", "passrole-any-resource/template.yaml", 12): "Ref PassableRoles",
    ("iam-anyone-principal", "anyone-principal/main.tf", 28): "var.reader_arns",
}


# This file's fixtures hold exactly the findings of the IAM policy checks of src/checks/iam/: other families' checks (which
# have fixtures of their own) are not selected, so a fixture needs no change when a check of
# another family is added.
FAMILY = "iam-*"


def run(*args):
    if args and args[0] == "policy":
        args = ("policy", "--checks", FAMILY, *args[1:])
    return subprocess.run([KEYLINT, *args], capture_output=True, text=True, timeout=120)


def expected_findings():
    rows = []
    for line in (CHECKS / "expected.tsv").read_text().splitlines():
        if line and not line.startswith("#"):
            check, path, number = line.split("\t")
            rows.append((check, path, int(number)))
    return sorted(rows)


def sarif_document():
    result = run("policy", str(CHECKS), "--format", "sarif")
    expect_equal((result.returncode, result.stderr), (1, ""))
    document = json.loads(result.stdout)
    jsonschema.validate(document, json.loads(SCHEMA_PATH.read_text()))
    return document


@test
def json_findings_are_exactly_the_expected_ones():
    result = run("policy", str(CHECKS), "--format", "json")
    expect_equal((result.returncode, result.stderr), (1, ""))
    report = json.loads(result.stdout)["findings"]
    expect_equal(sorted((f["rule_id"], f["path"], f["start_line"]) for f in report), expected_findings())


@test
def sarif_validates_and_its_results_are_exactly_the_expected_ones():
    results = sarif_document()["runs"][0]["results"]
    found = sorted((r["ruleId"], r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
                    r["locations"][0]["physicalLocation"]["region"]["startLine"]) for r in results)
    expect_equal(found, expected_findings())


@test
def every_check_has_a_failing_fixture_and_no_passing_file_has_findings():
    expected = expected_findings()
    expect_equal(sorted({check for check, _, _ in expected}), sorted(EXPECTED_TAGS))
    expect_equal([row for row in expected if pathlib.PurePath(row[1]).name.startswith("pass")], [])
    for folder in sorted(p for p in CHECKS.iterdir() if p.is_dir()):
        expect(any(p.name.startswith("pass") for p in folder.iterdir()), f"{folder.name} has no passing case")
        expect(any(p.suffix in (".yaml", ".tf") for p in folder.iterdir()), f"{folder.name} has no CloudFormation or Terraform case")


@test
def unresolved_values_give_warnings_that_name_them():
    report = json.loads(run("policy", str(CHECKS), "--format", "json").stdout)["findings"]
    by_key = {(f["rule_id"], f["path"], f["start_line"]): f for f in report}
    for key, value in UNRESOLVED_WARNINGS.items():
        finding = by_key.get(key)
        expect(finding is not None, f"no finding {key}")
        expect_equal((key, finding["level"]), (key, "warning"))
        expect(value in finding["message"], f"{key}: {finding['message']!r} does not name {value!r}")
    # Checks whose level is error report a warning only for an unresolved value.
    error_checks = {"iam-full-admin", "iam-sensitive-service-wildcard", "iam-secret-read-on-any-resource", "iam-passrole-any-resource",
                    "iam-allow-not-principal", "iam-anyone-principal", "iam-trust-oidc-unrestricted", "iam-invalid-effect"}
    warnings = sorted(k for k, f in by_key.items() if f["level"] == "warning" and k[0] in error_checks)
    expect_equal(warnings, sorted(k for k in UNRESOLVED_WARNINGS if k[0] in error_checks))


@test
def version_levels_follow_the_kind_of_problem():
    report = json.loads(run("policy", str(CHECKS / "policy-version"), "--format", "json").stdout)["findings"]
    levels = sorted((f["path"], f["start_line"], f["level"]) for f in report)
    expect_equal(levels, [("invalid.json", 2, "error"), ("main.tf", 2, "warning"), ("main.tf", 24, "warning"),
                          ("missing-with-variable.json", 6, "warning"), ("old.json", 2, "warning")])


@test
def sarif_rules_carry_tags_help_with_a_fix_and_a_help_uri():
    rules = {rule["id"]: rule for rule in sarif_document()["runs"][0]["tool"]["driver"]["rules"]}
    expect_equal(sorted(rules), sorted(EXPECTED_TAGS))
    for check, tags in EXPECTED_TAGS.items():
        rule = rules[check]
        expect_equal((check, rule["properties"]["tags"]), (check, tags))
        expect(tags[:2] == ["policy", "iam"] and tags[2] in CATEGORIES, f"{check}: tags {tags}")
        expect("\n**Fix:** " in rule["help"]["markdown"], f"{check}: no Fix paragraph")
        expect(rule["helpUri"].startswith("https://docs.aws.amazon.com/"), f"{check}: {rule['helpUri']}")
        expect(rule["properties"]["precision"] in ("very-high", "high"), check)
        expect(0.0 < float(rule["properties"]["security-severity"]) <= 10.0, check)


@test
def messages_say_what_was_found():
    report = json.loads(run("policy", str(CHECKS), "--format", "json").stdout)["findings"]
    messages = {(f["rule_id"], f["path"], f["start_line"]): f["message"] for f in report}
    expect_equal(messages[("iam-secret-read-on-any-resource", "secret-read-on-any-resource/fail.json", 4)],
                 "Statement 'ReadAllSecrets' can read every secret in reach (\"Resource\": \"*\"): "
                 "secretsmanager:GetSecretValue.")
    expect_equal(messages[("iam-sensitive-service-wildcard", "sensitive-service-wildcard/fail.json", 4)],
                 "Statement 'ManageOneKey' allows every kms action ('KMS:*'), including the ones that change "
                 "permissions, keys or secrets.")
    expect_equal(messages[("iam-trust-oidc-unrestricted", "trust-oidc-unrestricted/main.tf", 2)],
                 "Statement lets tokens of the identity provider aws_iam_openid_connect_provider.github.arn assume "
                 "this role with no condition on PROVIDER:aud: any identity that provider issues tokens for can "
                 "become the role.")
    # The statement granting "iam:*" and "*" on "*" is reported once, as full administrator access.
    expect_equal([k for k in messages if k[1] == "full-admin/fail.json"], [("iam-full-admin", "full-admin/fail.json", 4)])
    expect_equal(messages[("iam-duplicate-sid", "duplicate-sid/fail.json", 5)],
                 "Sid 'Reports' is used again (first on line 4); Sids must be unique within a policy.")


if __name__ == "__main__":
    sys.exit(run_tests())
