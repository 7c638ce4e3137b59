#!/usr/bin/env python3
"""End-to-end tests of the Secrets Manager and KMS hygiene checks (src/checks/secrets_manager/, kms/, inputs/): `keylint policy` on
fixtures/hygiene/secrets must report exactly the findings of its expected.tsv (check, file, line, level)
in JSON and in schema-valid SARIF, nothing in the passing files, every check in both CloudFormation and
Terraform, the documented rule metadata, and --max-rotation-days with its errors. Prints TAP.

usage: run_hygiene_secrets.py KEYLINT SOURCE_ROOT SARIF_SCHEMA
"""
import json
import os
import pathlib
import subprocess
import sys

import jsonschema

from tap import expect, expect_equal, run_tests, test

KEYLINT, SOURCE_ROOT, SCHEMA_PATH = os.path.abspath(sys.argv[1]), pathlib.Path(sys.argv[2]), pathlib.Path(sys.argv[3])
FIXTURES = SOURCE_ROOT / "fixtures" / "hygiene" / "secrets"

# The tags each check documents in its SARIF rule metadata.
CHECK_TAGS = {
    "secret-aws-managed-key": ["secrets-manager", "kms", "encryption"],
    "secret-no-rotation": ["secrets-manager", "rotation"],
    "secret-rotation-interval": ["secrets-manager", "rotation"],
    "secret-plaintext-value": ["secrets-manager", "plaintext"],
    "parameter-no-echo": ["cloudformation", "plaintext", "parameters"],
    "variable-not-sensitive": ["terraform", "plaintext", "variables"],
    "secret-policy-wildcard-principal": ["secrets-manager", "resource-policy"],
    "secret-policy-public-access-allowed": ["secrets-manager", "resource-policy"],
    "secret-policy-no-vpc-restriction": ["secrets-manager", "resource-policy", "network"],
    "secret-untagged": ["secrets-manager", "organisation"],
    "kms-key-rotation-disabled": ["kms", "rotation", "encryption"],
    "kms-policy-wildcard-decrypt": ["kms", "resource-policy", "encryption"],
    "kms-policy-no-via-service": ["kms", "resource-policy", "encryption"],
}
CLOUDFORMATION_ONLY = {"parameter-no-echo"}
TERRAFORM_ONLY = {"variable-not-sensitive"}


def read_expected():
    rows = []
    for line in (FIXTURES / "expected.tsv").read_text().splitlines():
        if not line or line.startswith("#"):
            continue
        check, path, number, level, _why = line.split("\t")
        rows.append((check, path, int(number), level))
    return sorted(rows)


EXPECTED = read_expected()
EXPECTED_FINDINGS = sorted((check, path, line) for check, path, line, _ in EXPECTED)


# This file's fixtures hold exactly the findings of the Secrets Manager and KMS checks: other families' checks (which
# have fixtures of their own) are not selected, so a fixture needs no change when a check of
# another family is added.
FAMILY = "secret-*,parameter-no-echo,variable-not-sensitive,kms-*"


def run(*args):
    if args and args[0] == "policy":
        args = ("policy", "--checks", FAMILY, *args[1:])
    environment = dict(os.environ)
    environment.pop("KEYLINT_CONFIG", None)
    return subprocess.run([KEYLINT, *args], capture_output=True, text=True, env=environment, timeout=120)


def json_findings(result):
    return sorted((f["rule_id"], f["path"], f["start_line"], f["level"]) for f in json.loads(result.stdout)["findings"])


def validate_sarif(text):
    document = json.loads(text)
    jsonschema.validate(document, json.loads(SCHEMA_PATH.read_text()))
    return document


@test
def the_fixtures_give_exactly_the_expected_findings_in_json():
    result = run("policy", str(FIXTURES), "--format", "json")
    expect_equal((result.returncode, result.stderr), (1, ""))
    expect_equal(json_findings(result), EXPECTED)


@test
def the_fixtures_give_exactly_the_expected_findings_in_valid_sarif():
    result = run("policy", str(FIXTURES), "--format", "sarif")
    expect_equal(result.returncode, 1)
    document = validate_sarif(result.stdout)
    results = document["runs"][0]["results"]
    found = sorted((r["ruleId"], r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
                    r["locations"][0]["physicalLocation"]["region"]["startLine"], r["level"]) for r in results)
    expect_equal(found, EXPECTED)


@test
def passing_fixtures_have_no_finding_and_every_check_fails_in_both_languages():
    expect_equal([row for row in EXPECTED if "passing" in row[1]], [])
    for check in CHECK_TAGS:
        files = {path for rule, path, _, _ in EXPECTED if rule == check}
        if check not in TERRAFORM_ONLY:
            expect(any(path.startswith("cloudformation/") for path in files), f"{check}: no CloudFormation failing case")
        if check not in CLOUDFORMATION_ONLY:
            expect(any(path.startswith("terraform/") for path in files), f"{check}: no Terraform failing case")
    for passing in ("cloudformation/passing.yaml", "cloudformation/passing.json", "terraform/passing",
                    "terraform/passing-instances"):
        result = run("policy", str(FIXTURES / passing), "--format", "json")
        expect_equal((passing, result.returncode, json.loads(result.stdout)["findings"]), (passing, 0, []))


@test
def every_check_documents_its_tags_help_and_fix_in_sarif():
    document = validate_sarif(run("policy", str(FIXTURES), "--format", "sarif").stdout)
    rules = {rule["id"]: rule for rule in document["runs"][0]["tool"]["driver"]["rules"]}
    for check, tags in CHECK_TAGS.items():
        expect(check in rules, f"{check} missing from the SARIF rules")
        rule = rules[check]
        expect_equal((check, rule["properties"]["tags"]), (check, tags))
        expect("**Fix:**" in rule["help"]["markdown"], f"{check}: no **Fix:** paragraph")
        documentation = "https://developer.hashicorp.com/" if check in TERRAFORM_ONLY else "https://docs.aws.amazon.com/"
        expect(rule["helpUri"].startswith(documentation), f"{check}: {rule['helpUri']}")
        expect(rule["shortDescription"]["text"] and rule["fullDescription"]["text"], check)
        expect(0.0 < float(rule["properties"]["security-severity"]) <= 10.0, check)


@test
def count_and_for_each_instances_are_checked_one_by_one_and_named():
    result = run("policy", str(FIXTURES / "terraform" / "failing-instances"), "--format", "json")
    found = sorted((f["rule_id"], f["start_line"], f["properties"]["resource"]) for f in json.loads(result.stdout)["findings"])
    expect_equal(found, sorted([
        ("kms-key-rotation-disabled", 13, 'aws_kms_key.per_secret["api"]'),
        ("secret-rotation-interval", 28, 'aws_secretsmanager_secret_rotation.app["api"]'),
        ("secret-aws-managed-key", 32, "aws_secretsmanager_secret.counted[0]"),
        ("secret-aws-managed-key", 32, "aws_secretsmanager_secret.counted[1]"),
        ("secret-no-rotation", 32, "aws_secretsmanager_secret.counted[1]"),
        ("secret-aws-managed-key", 56, 'aws_secretsmanager_secret.token["ci"]'),
        ("secret-plaintext-value", 63, 'aws_secretsmanager_secret_version.token["ci"]'),
        ("secret-rotation-interval", 71, 'aws_secretsmanager_secret_rotation.token["deploy"]'),
        ("secret-rotation-interval", 80, "aws_secretsmanager_secret.legacy"),
        ("variable-not-sensitive", 85, "var.stripe_api_key"),
        ("kms-policy-wildcard-decrypt", 103, "aws_kms_key.separate_policy"),
        ("secret-aws-managed-key", 142, "aws_secretsmanager_secret.replicated"),
    ]))
    messages = {f["properties"]["resource"]: f["message"] for f in json.loads(result.stdout)["findings"]
                if f["rule_id"] == "secret-rotation-interval"}
    expect("every 120 days" in messages['aws_secretsmanager_secret_rotation.app["api"]'], messages)
    expect("has the schedule 'rate(120 days)'" in messages['aws_secretsmanager_secret_rotation.token["deploy"]'],
           messages)
    expect("The inline rotation of secret aws_secretsmanager_secret.legacy rotates the secret every 180 days"
           in messages["aws_secretsmanager_secret.legacy"], messages)


@test
def unknown_values_are_warnings_that_name_them():
    findings = json.loads(run("policy", str(FIXTURES), "--format", "json").stdout)["findings"]
    messages = {(f["rule_id"], f["path"], f["start_line"]): f["message"] for f in findings}
    expect("Ref ExternalKmsKeyArn (a parameter without a default)" in
           messages[("secret-aws-managed-key", "cloudformation/failing.yaml", 58)], messages)
    expect("var.kms_key_arn" in messages[("secret-aws-managed-key", "terraform/failing/main.tf", 59)], messages)
    expect("var.rotation_days" in messages[("secret-rotation-interval", "terraform/failing/main.tf", 130)], messages)
    expect("'every now and then'" in messages[("secret-rotation-interval", "cloudformation/failing.yaml", 108)],
           messages)
    expect("184 days" in messages[("secret-rotation-interval", "cloudformation/failing.yaml", 101)], messages)


@test
def max_rotation_days_changes_the_maximum():
    def rotation_findings(*options):
        result = run("policy", str(FIXTURES), "--format", "json", *options)
        return sorted((f[1], f[2]) for f in json_findings(result) if f[0] == "secret-rotation-interval")

    default = [(path, line) for check, path, line, _ in EXPECTED if check == "secret-rotation-interval"]
    expect_equal(rotation_findings(), sorted(default))
    expect_equal(rotation_findings("--max-rotation-days", "90"), sorted(default))
    # 365 days accepts every interval; what stays are the unreadable and unknown schedules and the one that stops.
    expect_equal(rotation_findings("--max-rotation-days", "365"),
                 [("cloudformation/failing.yaml", 108), ("terraform/failing/main.tf", 122),
                  ("terraform/failing/main.tf", 130)])
    # 30 days: the monthly cron of passing.json (31 days) and the 35-day first-Monday cron of failing.json go over.
    thirty = rotation_findings("--max-rotation-days", "30")
    expect(("cloudformation/passing.json", 26) in thirty, thirty)
    expect(("cloudformation/failing.json", 19) in thirty, thirty)
    expect(("cloudformation/passing.yaml", 95) not in thirty, thirty)  # weekly


@test
def invalid_max_rotation_days_is_a_usage_error():
    for value in ("0", "abc", "3651", "-5", "12.5", ""):
        result = run("policy", str(FIXTURES), "--max-rotation-days", value)
        expect_equal((value, result.returncode, result.stdout, result.stderr),
                     (value, 2, "", f"keylint: error: --max-rotation-days: '{value}' is not a number of days from 1 "
                                    "to 3650\n"))
    help_text = run("policy", "--help").stdout
    expect("--max-rotation-days DAYS" in help_text and "(=90)" in help_text, help_text)


sys.exit(run_tests())
