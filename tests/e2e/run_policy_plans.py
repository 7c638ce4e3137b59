#!/usr/bin/env python3
"""End-to-end tests of Terraform plan JSON (src/infra/terraform_plan.hpp): `keylint policy` on a plan written in
the format `terraform show -json` documents audits every module instance with the values Terraform resolved, and
points each finding at the .tf line that writes it (fixtures/policy/plans/expected.tsv, in JSON and SARIF); a
plan beside its configuration audits the .tf files once, through the plan; a plan whose configuration is not in
the tree points into the plan; a plan of another format version, a truncated plan and hostile plans end with a
diagnostic naming the file. Prints TAP.

usage: run_policy_plans.py KEYLINT SOURCE_ROOT SARIF_SCHEMA
"""
import json
import os
import pathlib
import shutil
import sys
import tempfile

import jsonschema

from policy_trees import diagnostics_of, findings_of, read_expected, run_keylint
from tap import expect, expect_equal, run_tests, test

KEYLINT, SOURCE_ROOT, SCHEMA_PATH = os.path.abspath(sys.argv[1]), pathlib.Path(sys.argv[2]), pathlib.Path(sys.argv[3])
FIXTURES = SOURCE_ROOT / "fixtures" / "policy" / "plans"
EXPECTED = read_expected(FIXTURES / "expected.tsv")


def run(*args, cwd=FIXTURES):
    return run_keylint(KEYLINT, *args, cwd=cwd)


def plan(resources, configuration=None, version="1.2", child_modules=None):
    root = {"resources": resources}
    if child_modules is not None:
        root["child_modules"] = child_modules
    document = {"format_version": version, "terraform_version": "1.9.8", "planned_values": {"root_module": root}}
    if configuration is not None:
        document["configuration"] = {"root_module": configuration}
    return json.dumps(document)


def secret(address, name, values):
    return {"address": address, "mode": "managed", "type": "aws_secretsmanager_secret", "name": name, "values": values}


@test
def the_plan_gives_exactly_the_expected_findings_at_their_tf_lines():
    result = run("policy", "basic/plan.json", "--format", "json")
    expect_equal(result.returncode, 1, result.stderr)
    expect_equal(findings_of(result), EXPECTED)
    expect_equal(diagnostics_of(result), [])


@test
def sarif_of_the_plan_is_valid_and_holds_the_same_findings():
    result = run("policy", "basic/plan.json", "--format", "sarif")
    document = json.loads(result.stdout)
    jsonschema.validate(document, json.loads(SCHEMA_PATH.read_text()))
    found = sorted((r["ruleId"], r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
                    r["locations"][0]["physicalLocation"]["region"]["startLine"], r["properties"].get("module", ""))
                   for r in document["runs"][0]["results"])
    expect_equal(found, EXPECTED)


@test
def a_plan_beside_its_configuration_audits_the_tf_files_once():
    result = run("policy", "basic", "--format", "json")
    # The only root is a directory: paths are relative to it.
    expect_equal(findings_of(result), sorted((c, p.removeprefix("basic/"), n, m) for c, p, n, m in EXPECTED))
    expect_equal(json.loads(result.stdout)["summary"]["files_scanned"], 3)
    # Alone, the same .tf files cannot know what the plan knows.
    with tempfile.TemporaryDirectory() as scratch:
        shutil.copytree(FIXTURES / "basic", pathlib.Path(scratch) / "basic")
        (pathlib.Path(scratch) / "basic" / "plan.json").unlink()
        alone = run("policy", "basic", "--format", "json", cwd=scratch)
    rotation = [f for f in json.loads(alone.stdout)["findings"] if f["rule_id"] == "secret-rotation-interval"]
    expect("cannot resolve (var.rotation_days)" in rotation[0]["message"], rotation[0]["message"])


@test
def findings_name_the_place_in_the_plan_and_what_terraform_resolved():
    result = run("policy", "basic/plan.json", "--format", "json")
    findings = {(f["rule_id"], f["path"], f["start_line"]): f for f in json.loads(result.stdout)["findings"]}
    rotation = findings[("secret-rotation-interval", "basic/main.tf", 42)]
    expect_equal((rotation["properties"]["plan"], rotation["properties"]["planLine"]), ("basic/plan.json", "223"))
    expect_equal(rotation["snippet"], "automatically_after_days = var.rotation_days")
    expect("every 400 days" in rotation["message"], rotation["message"])
    trust = findings[("iam-trust-whole-account", "basic/main.tf", 48)]
    expect("arn:aws:iam::444455556666:root" in trust["message"], trust["message"])
    path = findings[("data-access-secrets-manager", "basic/main.tf", 46)]
    expect_equal([(r["path"], r["start_line"]) for r in path["related_locations"]], [("basic/main.tf", 59)])


@test
def a_sensitive_password_from_a_variable_is_judged_by_its_source_not_its_plan_value():
    result = run("policy", "basic/plan.json", "--format", "json", "--checks", "rds-literal-password")
    messages = [(f["path"], f["start_line"], f["message"]) for f in json.loads(result.stdout)["findings"]]
    expect_equal([m[:2] for m in messages], [("basic/main.tf", 97)])
    expect("correct-horse" not in result.stdout and "Legacy-Db-Passw0rd-2019" not in result.stdout, result.stdout)


@test
def a_plan_without_its_configuration_points_into_the_plan():
    result = run("policy", "without-configuration", "--format", "json")
    expect_equal(result.returncode, 1, result.stderr)
    found = sorted((f["rule_id"], f["path"], f["start_line"], f["start_column"]) for f in json.loads(result.stdout)["findings"])
    expect_equal(found, [
        ("iam-anyone-principal", "plan.json", 1, 291),
        ("secret-aws-managed-key", "plan.json", 1, 755),
        ("secret-no-rotation", "plan.json", 1, 755),
        ("secret-untagged", "plan.json", 1, 755),
    ])
    snippets = [f["snippet"] for f in json.loads(result.stdout)["findings"]]
    expect(all(len(snippet) < 1000 for snippet in snippets), [len(s) for s in snippets])


@test
def a_plan_of_another_format_version_is_reported_not_audited():
    result = run("policy", "wrong-version", "--format", "json")
    expect_equal((result.returncode, findings_of(result)), (0, []))
    expect_equal(diagnostics_of(result), [(
        "warning", "plan.json",
        'Terraform plan format_version "2.0" is not one keylint reads (0.x or 1.x); the plan was not audited')])


@test
def a_truncated_plan_is_a_parse_diagnostic():
    with tempfile.TemporaryDirectory() as scratch:
        text = (FIXTURES / "basic" / "plan.json").read_text()
        (pathlib.Path(scratch) / "plan.json").write_text(text[: len(text) // 2])
        result = run("policy", "plan.json", "--format", "json", cwd=scratch)
        expect_equal(findings_of(result), [])
        expect_equal([(kind, path) for kind, path, _ in diagnostics_of(result)], [("warning", "plan.json")])


@test
def hostile_plans_end_without_a_crash():
    deep = {"address": "module.m0", "resources": []}
    node = deep
    for depth in range(1, 100):
        child = {"address": ".".join(f"module.m{i}" for i in range(depth + 1)), "resources": []}
        node["child_modules"] = [child]
        node = child
    node["resources"] = [secret(node["address"] + ".aws_secretsmanager_secret.s", "s", {"kms_key_id": None})]
    cases = {
        "deep.json": plan([], child_modules=[deep]),
        "shapes.json": json.dumps({"format_version": "1.0", "planned_values": {"root_module": {
            "resources": [1, "x", None, {"type": "aws_iam_policy"}, {"type": "aws_iam_policy", "name": "p", "values": []},
                          secret("aws_secretsmanager_secret.s", "s", {"tags": [None, {"a": [[]]}], "replica": [{}, 3]})],
            "child_modules": {"not": "a list"}}},
            "resource_changes": [{"address": "aws_secretsmanager_secret.s", "change": {"after_unknown": True}}],
            "configuration": {"root_module": {"resources": "nope", "module_calls": []}, "provider_config": []}}),
        "outside.json": plan([], configuration={"module_calls": {"far": {"source": "../../../../../../../../nowhere",
                                                                          "module": {}}}},
                             child_modules=[{"address": "module.far", "resources": [
                                 secret("module.far.aws_secretsmanager_secret.s", "s", {"kms_key_id": None})]}]),
    }
    with tempfile.TemporaryDirectory() as scratch:
        for name, text in cases.items():
            (pathlib.Path(scratch) / name).write_text(text)
        result = run("policy", ".", "--format", "json", "--checks", "secret-aws-managed-key", cwd=scratch)
        expect_equal(result.returncode, 1, result.stderr)
        expect_equal(findings_of(result), [
            ("secret-aws-managed-key", "outside.json", 1, "module.far"),
            ("secret-aws-managed-key", "shapes.json", 1, ""),  # the secret
            ("secret-aws-managed-key", "shapes.json", 1, ""),  # its replica {}, which names no key either
        ])
        depth_limit = [d for d in diagnostics_of(result) if d[1] == "deep.json"]
        expect_equal(len(depth_limit), 1, diagnostics_of(result))
        expect("nested deeper than 64 modules; they were not audited" in depth_limit[0][2], depth_limit)


if __name__ == "__main__":
    run_tests()
