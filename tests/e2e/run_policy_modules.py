#!/usr/bin/env python3
"""End-to-end tests of Terraform module calls (src/infra/terraform_modules.hpp): `keylint policy` on
fixtures/policy/modules audits the root module with every module it instantiates, each instance
with its call's arguments, and must report exactly the findings of its expected.tsv (check, file,
line, module instance) in JSON and SARIF; a called directory audited alone works as a root; and
hostile module trees (a cycle, a 10,000-instance for_each, a missing directory, a source that is
not a literal, modules nested past the limit) end with a diagnostic naming the file. Prints TAP.

usage: run_policy_modules.py KEYLINT SOURCE_ROOT SARIF_SCHEMA
"""
import json
import os
import pathlib
import sys
import tempfile

import jsonschema

from policy_trees import diagnostics_of, findings_of, read_expected, run_keylint
from tap import expect, expect_equal, run_tests, test

KEYLINT, SOURCE_ROOT, SCHEMA_PATH = os.path.abspath(sys.argv[1]), pathlib.Path(sys.argv[2]), pathlib.Path(sys.argv[3])
FIXTURES = SOURCE_ROOT / "fixtures" / "policy" / "modules"
EXPECTED = read_expected(FIXTURES / "expected.tsv")


def run(*args):
    return run_keylint(KEYLINT, *args)


def write_tree(root, files):
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)


@test
def the_module_tree_gives_exactly_the_expected_findings_in_json():
    result = run("policy", str(FIXTURES), "--format", "json")
    expect_equal(result.returncode, 1, result.stderr)
    expect_equal(findings_of(result), EXPECTED)


@test
def a_registry_module_is_reported_as_not_followed():
    result = run("policy", str(FIXTURES), "--format", "json")
    expect_equal(diagnostics_of(result), [(
        "warning", "live/main.tf",
        'module "network" (line 28): source "terraform-aws-modules/vpc/aws" is not a local path; registry, git and '
        "archive sources are not downloaded, so its resources are not audited")])


@test
def findings_in_called_modules_name_the_instance_in_message_and_sarif():
    result = run("policy", str(FIXTURES), "--format", "json")
    messages = {(f["rule_id"], f["properties"].get("module", "")): f["message"] for f in json.loads(result.stdout)["findings"]}
    expect(messages[("secret-rotation-interval", 'module.app_secret["reports"]')].startswith(
        'Rotation module.app_secret["reports"].aws_secretsmanager_secret_rotation.this rotates the secret every 400 days'),
        messages)
    expect("live/main.tf (line 25), in the call of module.database" in messages[("rds-literal-password", "module.database")],
           messages)
    sarif = run("policy", str(FIXTURES), "--format", "sarif")
    document = json.loads(sarif.stdout)
    jsonschema.validate(document, json.loads(SCHEMA_PATH.read_text()))
    found = sorted((r["ruleId"], r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
                    r["locations"][0]["physicalLocation"]["region"]["startLine"], r["properties"].get("module", ""))
                   for r in document["runs"][0]["results"])
    expect_equal(found, EXPECTED)


@test
def a_called_directory_audited_alone_is_a_root_module():
    # The sensitive variable has no default and no call sets it: nothing to report.
    database = run("policy", str(FIXTURES / "modules" / "database"), "--format", "json")
    expect_equal((database.returncode, findings_of(database)), (0, []))
    # Alone, the secret module's own resources carry no module path and its days are unknown.
    secret = run("policy", str(FIXTURES / "modules" / "secret"), "--format", "json")
    rotation = [f for f in json.loads(secret.stdout)["findings"] if f["rule_id"] == "secret-rotation-interval"]
    expect_equal([(f["path"], f["start_line"], f["properties"].get("module")) for f in rotation], [("main.tf", 13, None)])
    expect("cannot resolve (var.rotation_days)" in rotation[0]["message"], rotation[0]["message"])
    readers = {f["properties"].get("module") for f in json.loads(secret.stdout)["findings"] if f["path"] == "reader/main.tf"}
    expect_equal(readers, {"module.reader"})


@test
def a_module_cycle_ends_with_a_diagnostic():
    with tempfile.TemporaryDirectory() as scratch:
        root = pathlib.Path(scratch)
        write_tree(root, {
            "a/main.tf": 'module "b" {\n  source = "../b"\n}\n',
            "b/main.tf": 'module "a" {\n  source = "../a"\n}\nresource "aws_secretsmanager_secret" "s" {\n}\n',
        })
        result = run("policy", str(root), "--format", "json", "--checks", "secret-aws-managed-key")
        expect_equal(result.returncode, 1, result.stderr)
        # Each calls the other, so neither is a root: the first is audited as one, with what it calls.
        expect_equal(diagnostics_of(result), [
            ("warning", "b/main.tf", 'module "a" (line 1): source "../a" leads back to directory a, a module that is '
                                     "already being instantiated (a cycle); it is not followed"),
        ])
        expect_equal(findings_of(result), [("secret-aws-managed-key", "b/main.tf", 4, "module.b")])


@test
def a_huge_for_each_on_a_module_is_audited_once_as_written():
    with tempfile.TemporaryDirectory() as scratch:
        root = pathlib.Path(scratch)
        items = "\n".join(f'    k{index} = {index}' for index in range(10000))
        write_tree(root, {
            "main.tf": f'locals {{\n  many = {{\n{items}\n  }}\n}}\n\nmodule "s" {{\n  source   = "./s"\n'
                       f'  for_each = local.many\n  days     = each.value\n}}\n',
            "s/main.tf": 'variable "days" {}\nresource "aws_secretsmanager_secret" "s" {\n  kms_key_id = "alias/aws/secretsmanager"\n}\n',
        })
        result = run("policy", str(root), "--format", "json", "--checks", "secret-aws-managed-key")
        expect_equal(result.returncode, 1, result.stderr)
        expect_equal(diagnostics_of(result), [
            ("warning", "main.tf", 'module "s" (line 10006): its for_each makes 10000 instances, more than 256; the '
                                   "module is audited once as written")])
        expect_equal(findings_of(result), [("secret-aws-managed-key", "s/main.tf", 3, "module.s")])


@test
def what_every_instance_of_a_module_reports_alike_is_reported_once():
    with tempfile.TemporaryDirectory() as scratch:
        root = pathlib.Path(scratch)
        write_tree(root, {
            "main.tf": 'module "s" {\n  source   = "./s"\n  for_each = toset(["a", "b"])\n}\n',
            "s/main.tf": 'module "vpc" {\n  source = "terraform-aws-modules/vpc/aws"\n}\n',
        })
        result = run("policy", str(root), "--format", "json")
        expect_equal((result.returncode, findings_of(result)), (0, []))
        expect_equal(diagnostics_of(result), [(
            "warning", "s/main.tf",
            'module "vpc" (line 1): source "terraform-aws-modules/vpc/aws" is not a local path; registry, git and '
            "archive sources are not downloaded, so its resources are not audited")])


@test
def count_on_a_module_names_each_instance_by_its_index():
    with tempfile.TemporaryDirectory() as scratch:
        root = pathlib.Path(scratch)
        write_tree(root, {
            "main.tf": 'module "s" {\n  source = "./s"\n  count  = 2\n  key    = count.index == 0 ? "alias/aws/secretsmanager" : "alias/app"\n}\n',
            "s/main.tf": 'variable "key" {}\nresource "aws_secretsmanager_secret" "s" {\n  kms_key_id = var.key\n}\n',
        })
        result = run("policy", str(root), "--format", "json", "--checks", "secret-aws-managed-key")
        expect_equal((result.returncode, diagnostics_of(result)), (1, []))
        expect_equal(findings_of(result), [("secret-aws-managed-key", "s/main.tf", 3, "module.s[0]")])


@test
def outputs_of_a_called_module_resolve_in_the_caller():
    with tempfile.TemporaryDirectory() as scratch:
        root = pathlib.Path(scratch)
        write_tree(root, {
            "main.tf": 'module "keys" {\n  source = "./keys"\n}\n'
                       'resource "aws_secretsmanager_secret" "s" {\n  kms_key_id = module.keys.default_key\n}\n',
            "keys/main.tf": 'output "default_key" {\n  value = "alias/aws/secretsmanager"\n}\n',
        })
        result = run("policy", str(root), "--format", "json", "--checks", "secret-aws-managed-key")
        expect_equal(findings_of(result), [("secret-aws-managed-key", "main.tf", 5, "")])


@test
def a_missing_directory_and_a_computed_source_are_reported():
    with tempfile.TemporaryDirectory() as scratch:
        root = pathlib.Path(scratch)
        write_tree(root, {
            "main.tf": 'module "gone" {\n  source = "./gone"\n}\n\nmodule "computed" {\n  source = var.where\n}\n',
        })
        result = run("policy", str(root), "--format", "json")
        expect_equal((result.returncode, findings_of(result)), (0, []))
        expect_equal(diagnostics_of(result), [
            ("warning", "main.tf", 'module "gone" (line 1): source "./gone" names directory gone, which does not exist '
                                   "or holds no .tf file keylint could read; the module is not audited"),
            ("warning", "main.tf", 'module "computed" (line 5): its source is not a literal string; the module is not '
                                   "audited"),
        ])


@test
def modules_nested_past_the_limit_end_with_a_diagnostic():
    with tempfile.TemporaryDirectory() as scratch:
        root = pathlib.Path(scratch)
        files = {}
        path = ""
        for depth in range(20):
            files[f"{path}main.tf"] = 'module "next" {\n  source = "./m"\n}\n' if depth < 19 else "locals {}\n"
            path += "m/"
        write_tree(root, files)
        result = run("policy", str(root), "--format", "json")
        expect_equal(result.returncode, 0, result.stderr)
        expected_path = "/".join(["m"] * 15) + "/main.tf"
        # The directories below the limit are audited as roots of their own, the shallowest first.
        expect_equal(diagnostics_of(result), [
            ("warning", expected_path, 'module "next" (line 1): modules nest deeper than 16 calls here; it is not followed')])


ADMIN = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}'


@test
def file_and_templatefile_read_policies_inside_the_audited_tree():
    with tempfile.TemporaryDirectory() as scratch:
        root = pathlib.Path(scratch)
        write_tree(root, {
            "tree/live/main.tf": 'module "app" {\n  source = "../modules/app"\n}\n',
            "tree/modules/app/main.tf": (
                'resource "aws_iam_policy" "from_file" {\n  policy = file("${path.module}/admin.json")\n}\n'
                'resource "aws_iam_policy" "from_template" {\n'
                '  policy = templatefile("${path.module}/policy.json.tpl", { action = "*", resources = ["*"] })\n}\n'
                'resource "aws_iam_policy" "outside" {\n  policy = file("../../../outside.json")\n}\n'
                'resource "aws_iam_policy" "linked" {\n  policy = file("${path.module}/linked.json")\n}\n'),
            "tree/modules/app/admin.json": ADMIN,
            "tree/modules/app/policy.json.tpl": (
                '{"Version": "2012-10-17", "Statement": [\n'
                '%{ for r in resources ~}{"Effect": "Allow", "Action": "${action}", "Resource": "${r}"}%{ endfor ~}\n]}\n'),
            "outside.json": ADMIN,
        })
        (root / "tree/modules/app/linked.json").symlink_to(root / "outside.json")
        result = run("policy", str(root / "tree"), "--format", "json", "--checks", "iam-full-admin")
        expect_equal(result.returncode, 1, result.stderr)
        found = sorted((f["rule_id"], f["path"], f["start_line"], f["properties"]["policySource"])
                       for f in json.loads(result.stdout)["findings"])
        expect_equal(found, [("iam-full-admin", "modules/app/admin.json", 1, "policy document"),
                             ("iam-full-admin", "modules/app/main.tf", 2, "module.app.aws_iam_policy.from_file"),
                             ("iam-full-admin", "modules/app/main.tf", 5, "module.app.aws_iam_policy.from_template")])
        # What it may not read (outside the tree, or a link out of it) stays unresolved, and says so.
        messages = sorted(d["message"] for d in json.loads(result.stdout)["diagnostics"] if d["kind"] == "warning")
        expect_equal(messages, [
            'module.app.aws_iam_policy.linked (line 11): the policy is file("${path.module}/linked.json"), which '
            "keylint cannot resolve within the module; it was not audited",
            'module.app.aws_iam_policy.outside (line 8): the policy is file("../../../outside.json"), which keylint '
            "cannot resolve within the module; it was not audited"])


sys.exit(run_tests())
