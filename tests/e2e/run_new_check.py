#!/usr/bin/env python3
"""scripts/new_check on a scratch copy of the files it writes to: the exact files it creates, the
registry and build lines it adds, the expected finding it appends, and the errors for an id that
exists or a family that does not.

usage: run_new_check.py PROJECT_ROOT
"""
import pathlib
import shutil
import subprocess
import sys
import tempfile

from tap import expect, expect_equal, run_tests, test

SOURCE_ROOT = pathlib.Path(sys.argv[1]).resolve()
SCRIPT = SOURCE_ROOT / "scripts" / "new_check"
COPIED = ["src/audit/check_registry.cpp", "src/meson.build", "fixtures/policy/checks/expected.tsv",
          "fixtures/hygiene/workloads/expected.tsv"]


def scratch_root():
    root = pathlib.Path(tempfile.mkdtemp(prefix="keylint-new-check-"))
    for relative in COPIED:
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(SOURCE_ROOT / relative, root / relative)
    for family in (SOURCE_ROOT / "src" / "checks").iterdir():
        if family.is_dir():
            shutil.copytree(family, root / "src" / "checks" / family.name)
    return root


def new_check(root, *args):
    return subprocess.run([sys.executable, str(SCRIPT), *args, "--root", str(root)], capture_output=True, text=True,
                          timeout=60)


def added_lines(root, relative):
    before = (SOURCE_ROOT / relative).read_text().splitlines()
    after = (root / relative).read_text().splitlines()
    return [line for line in after if line not in before]


@test
def a_stack_check_gets_its_files_registry_line_and_expected_finding():
    root = scratch_root()
    try:
        result = new_check(root, "secret-example-check", "secrets_manager")
        expect_equal((result.returncode, result.stderr), (0, ""))
        expect_equal(result.stdout.split(), [
            "src/checks/secrets_manager/secret_example_check.cpp",
            "src/checks/secrets_manager/secret_example_check.hpp",
            "src/checks/secrets_manager/secret_example_check.toml",
            "fixtures/hygiene/workloads/secret-example-check/fail.yaml",
            "fixtures/hygiene/workloads/secret-example-check/pass.yaml",
            "fixtures/hygiene/workloads/expected.tsv",
            "src/audit/check_registry.cpp",
            "src/meson.build",
        ])
        expect_equal(added_lines(root, "src/audit/check_registry.cpp"),
                     ['#include "checks/secrets_manager/secret_example_check.hpp"', "        secret_example_check_check(),"])
        expect_equal(added_lines(root, "src/meson.build"), ["  'checks/secrets_manager/secret_example_check.cpp',"])
        expect_equal(added_lines(root, "fixtures/hygiene/workloads/expected.tsv"),
                     ["secret-example-check\tsecret-example-check/fail.yaml\t3\twarning"])
        fail_lines = (root / "fixtures/hygiene/workloads/secret-example-check/fail.yaml").read_text().splitlines()
        expect("# expect: secret-example-check" in fail_lines[2], fail_lines)
        code = (root / "src/checks/secrets_manager/secret_example_check.cpp").read_text()
        expect('StackCheck{check_metadata("secret-example-check"), run}' in code, code)
        metadata = (root / "src/checks/secrets_manager/secret_example_check.toml").read_text()
        expect('id = "secret-example-check"' in metadata and "TODO" in metadata, metadata)
    finally:
        shutil.rmtree(root)


@test
def a_policy_check_goes_to_the_iam_family_and_its_fixtures():
    root = scratch_root()
    try:
        result = new_check(root, "iam-example-check", "iam")
        expect_equal((result.returncode, result.stderr), (0, ""))
        expect_equal(added_lines(root, "src/audit/check_registry.cpp"),
                     ['#include "checks/iam/iam_example_check.hpp"', "        example_check_check(),"])
        expect_equal(added_lines(root, "fixtures/policy/checks/expected.tsv"),
                     ["iam-example-check\texample-check/fail.json\t4"])
        expect((root / "fixtures/policy/checks/example-check/pass.json").is_file(), "no pass.json")
        code = (root / "src/checks/iam/iam_example_check.cpp").read_text()
        expect('PolicyCheck{check_metadata("iam-example-check"), run}' in code, code)
    finally:
        shutil.rmtree(root)


@test
def an_existing_id_a_wrong_family_or_a_bad_id_is_an_error():
    root = scratch_root()
    try:
        cases = [
            (("secret-no-rotation", "secrets_manager"), "new_check: check secret-no-rotation exists already\n"),
            (("secret-other", "storage"), "new_check: 'storage' is not a family; one of: iam, secrets_manager, kms, "
                                          "inputs, network, workloads, logging\n"),
            (("SecretOther", "kms"), "new_check: 'SecretOther' is not a check id: lower-case words joined by '-', "
                                     "e.g. secret-no-rotation\n"),
            (("full-admin-two", "iam"), "new_check: a check of the iam family has an id starting with 'iam-'\n"),
        ]
        for args, message in cases:
            result = new_check(root, *args)
            expect_equal((args, result.returncode, result.stderr), (args, 2, message))
        for relative in COPIED:
            expect_equal(((root / relative).read_text() == (SOURCE_ROOT / relative).read_text(), relative), (True, relative))
    finally:
        shutil.rmtree(root)


sys.exit(run_tests())
