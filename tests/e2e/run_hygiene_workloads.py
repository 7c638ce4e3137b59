#!/usr/bin/env python3
"""End-to-end tests of the checks over a stack's workloads (src/checks/network/, workloads/, logging/: VPC endpoints, credentials
that belong in Secrets Manager, CloudTrail): `keylint policy` on fixtures/hygiene/workloads must
report exactly the findings of its expected.tsv (check, file, line, level), in JSON and in SARIF
(validated against the schema), with each rule's metadata, and never a credential's value. Prints TAP.

usage: run_hygiene_workloads.py KEYLINT SOURCE_ROOT SARIF_SCHEMA
"""
import json
import os
import pathlib
import re
import subprocess
import sys

import jsonschema

from tap import expect, expect_equal, run_tests, test

KEYLINT, SOURCE_ROOT, SCHEMA_PATH = os.path.abspath(sys.argv[1]), pathlib.Path(sys.argv[2]), pathlib.Path(sys.argv[3])
FIXTURES = SOURCE_ROOT / "fixtures" / "hygiene" / "workloads"

RULE_TAGS = {
    "vpc-endpoint-missing": ["secrets-manager", "network", "vpc-endpoint"],
    "vpc-endpoint-private-dns": ["secrets-manager", "network", "vpc-endpoint"],
    "vpc-endpoint-open-policy": ["secrets-manager", "network", "vpc-endpoint", "overbroad-access"],
    "source-vpce-undefined": ["secrets-manager", "network", "vpc-endpoint", "correctness"],
    "lambda-env-credential": ["secrets-manager", "hardcoded-credential", "lambda"],
    "ecs-env-credential": ["secrets-manager", "hardcoded-credential", "ecs"],
    "codebuild-plaintext-credential": ["secrets-manager", "hardcoded-credential", "codebuild"],
    "rds-literal-password": ["secrets-manager", "hardcoded-credential", "rds"],
    "cloudtrail-management-events": ["secrets-manager", "cloudtrail", "logging"],
    "cloudtrail-single-region": ["secrets-manager", "cloudtrail", "logging"],
}

# Every credential value planted in the failing fixtures; none may appear in any report.
PLANTED = ["Wint3r-Sky-2024", "tok_9fQ2xLr8Vw3Kp7Zs1Hd4", "sk_live_51Hc8QpLm2Vx7Rt3Nw9Kd4Fz", "Tr0ub4dor-Horse-77",
           "npm_Xq7Lm2Vb9Rt4Kw8Pz3Nd6Fh1Jc5Gs0Ya2Eu", "sqp_8f3a91c2d47e5b6a0f9e8d7c6b5a4f3e2d1c0b9a",
           "Gl4cier-Pine-3321", "Mapl3-Harbor-8812", "Qu4rtz-Falcon-5507", "Bas4lt-River-6620",
           "r3d1s-Kx9Vm2Qw7Lp4Zt8N", "ghp_R8kLm2Vx7Qw3Nz9Pt4Hd6Fb1Jc5Gs0Ya2Eu"]


# This file's fixtures hold exactly the findings of the workload, endpoint and trail checks: other families' checks (which
# have fixtures of their own) are not selected, so a fixture needs no change when a check of
# another family is added.
FAMILY = "vpc-endpoint-*,source-vpce-undefined,lambda-env-credential,ecs-env-credential,codebuild-plaintext-credential,rds-literal-password,cloudtrail-*"


def run(*args):
    if args and args[0] == "policy":
        args = ("policy", "--checks", FAMILY, *args[1:])
    environment = dict(os.environ)
    environment.pop("KEYLINT_CONFIG", None)
    return subprocess.run([KEYLINT, *args], capture_output=True, text=True, env=environment, timeout=120)


def expected():
    rows = []
    for line in (FIXTURES / "expected.tsv").read_text().splitlines():
        if not line or line.startswith("#") or line.startswith("check\t"):
            continue
        check, path, number, level = line.split("\t")
        rows.append((check, path, int(number), level))
    return sorted(rows)


def audit(output_format):
    result = run("policy", str(FIXTURES), "--format", output_format)
    expect_equal((result.returncode, result.stderr), (1, ""))
    return result.stdout


@test
def json_report_holds_exactly_the_expected_findings():
    report = json.loads(audit("json"))
    found = sorted((f["rule_id"], f["path"], f["start_line"], f["level"]) for f in report["findings"])
    expect_equal(found, expected())


@test
def sarif_report_validates_and_holds_exactly_the_expected_findings():
    document = json.loads(audit("sarif"))
    jsonschema.validate(document, json.loads(SCHEMA_PATH.read_text()))
    found = sorted((r["ruleId"], r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
                    r["locations"][0]["physicalLocation"]["region"]["startLine"], r["level"])
                   for r in document["runs"][0]["results"])
    expect_equal(found, expected())


@test
def sarif_rule_metadata_carries_each_checks_tags_help_and_severity():
    document = json.loads(audit("sarif"))
    rules = {rule["id"]: rule for rule in document["runs"][0]["tool"]["driver"]["rules"]}
    for rule_id, tags in RULE_TAGS.items():
        expect(rule_id in rules, f"{rule_id} missing from the SARIF rules")
        rule = rules[rule_id]
        expect_equal(rule["properties"]["tags"], tags, rule_id)
        expect("**Fix:**" in rule["help"]["markdown"], f"{rule_id}: help without a Fix paragraph")
        expect(rule["helpUri"].startswith("https://docs.aws.amazon.com/"), f"{rule_id}: {rule['helpUri']}")
        expect(float(rule["properties"]["security-severity"]) > 0, rule_id)


@test
def every_check_fires_in_cloudformation_and_terraform():
    for check in RULE_TAGS:
        files = [path for rule, path, _, _ in expected() if rule == check]
        expect(any(path.endswith(".tf") for path in files), f"{check}: no Terraform failing fixture")
        expect(any(path.endswith((".yaml", ".json")) for path in files), f"{check}: no CloudFormation failing fixture")


@test
def passing_fixtures_give_no_finding():
    for case in ["vpc-endpoints/pass.yaml", "vpc-endpoints/pass.json", "vpc-endpoints/shared-endpoint.yaml",
                 "vpc-endpoints/tf-pass", "vpc-endpoints/tf-pass-for-each", "credentials/pass.yaml", "credentials/tf-pass", "cloudtrail/pass.yaml",
                 "cloudtrail/no-secrets.yaml", "cloudtrail/tf-pass"]:
        result = run("policy", str(FIXTURES / case), "--format", "json")
        expect_equal((result.returncode, result.stderr, json.loads(result.stdout)["findings"]), (0, "", []), case)


@test
def expect_markers_in_the_fixtures_agree_with_expected_tsv():
    marked = []
    for path in sorted(FIXTURES.rglob("*")):
        if path.suffix not in (".yaml", ".tf"):
            continue
        for number, line in enumerate(path.read_text().splitlines(), 1):
            match = re.search(r"expect: (.*)$", line)
            if not match:
                continue
            for check in match.group(1).split(","):
                marked.append((check.split("(")[0].strip(), str(path.relative_to(FIXTURES)), number))
    listed = [(check, path, number) for check, path, number, _ in expected() if not path.endswith(".json")]
    # A finding inside a Terraform heredoc cannot carry a comment: it is listed in expected.tsv only.
    listed.remove(("ecs-env-credential", "credentials/tf-fail/main.tf", 49))
    expect_equal(sorted(marked), sorted(listed))


@test
def no_credential_value_appears_in_any_report_or_message():
    for output_format in ("text", "json", "sarif"):
        result = run("policy", str(FIXTURES), "--format", output_format, "--verbose")
        for value in PLANTED:
            expect(value not in result.stdout and value not in result.stderr, f"{value} leaked in {output_format}")
    report = json.loads(run("policy", str(FIXTURES / "credentials"), "--format", "json").stdout)
    credential_findings = [f for f in report["findings"] if f["rule_id"] != "rds-literal-password" or "secret" in f]
    expect(len(credential_findings) >= 10, len(credential_findings))
    for finding in credential_findings:
        expect(finding["secret"].endswith("*****"), finding)


@test
def credential_findings_say_what_to_use_instead():
    report = json.loads(run("policy", str(FIXTURES / "credentials"), "--format", "json").stdout)
    advice = {
        "lambda-env-credential": "Store it in Secrets Manager",
        "ecs-env-credential": "secrets list",
        "codebuild-plaintext-credential": "type SECRETS_MANAGER",
        "rds-literal-password": "anage",  # ManageMasterUserPassword / manage_master_user_password
    }
    for finding in report["findings"]:
        expect(advice[finding["rule_id"]] in finding["message"], finding["message"])
    by_key = {f["properties"].get("key"): f["message"] for f in report["findings"] if "key" in f.get("properties", {})}
    expect("DB_PASSWORD" in by_key, by_key)


if __name__ == "__main__":
    sys.exit(run_tests())
