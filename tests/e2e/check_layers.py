#!/usr/bin/env python3
"""The source folders form layers, and an #include never runs up: every `#include "folder/..."`
in src/ is checked against the order below. A folder may include itself and any folder of a
lower rank; folders of the same rank are independent of each other. Inside src/checks/, a
family (checks/iam/, checks/kms/, ...) may include its own files, checks/support/ and the two
check kinds at checks/ itself, never another family.

usage: check_layers.py PROJECT_ROOT
"""
import pathlib
import re
import sys

import tap

# The policy half reads: syntax → infra → iam → checks → audit → pipeline → cli; the scan half
# shares the bottom (core, syntax) and the top (pipeline, cli).
RANKS = {
    "core": 0,
    "syntax": 1, "walk": 1, "secrets": 1, "report": 1,
    "infra": 2, "git": 2, "credentials": 2,
    "iam": 3, "filters": 3,
    "checks": 4,
    "audit": 5,
    "pipeline": 6,
    "cli": 7, "tools": 7,
}
CHECK_PARTS = {"": 0, "support": 1}  # anything else under checks/ is a family (rank 2)

INCLUDE = re.compile(r'^\s*#\s*include\s+"([a-z_]+)/([^"]+)"', re.M)

root = pathlib.Path(sys.argv[1])
src = root / "src"


def checks_part(relative):
    """The part of checks/ a path (relative to src/checks) is in: '' for the two check kinds, 'support', or a family."""
    parts = pathlib.PurePosixPath(relative).parts
    return "" if len(parts) == 1 else parts[0]


def violation(source, folder, included):
    """Why `source` (relative to src/) may not include `folder/included`, or None."""
    source_folder = source.parts[0] if len(source.parts) > 1 else None
    if folder not in RANKS:
        return f"includes {folder}/{included}, a folder the layer order does not know"
    if source_folder is None:  # src/main.cpp sits above everything
        return None
    if source_folder not in RANKS:
        return f"is in {source_folder}/, a folder the layer order does not know"
    if folder == source_folder:
        if folder != "checks":
            return None
        here = checks_part(pathlib.PurePosixPath(*source.parts[1:]))
        there = checks_part(included)
        if here == there:
            return None
        here_rank = CHECK_PARTS.get(here, 2)
        there_rank = CHECK_PARTS.get(there, 2)
        if there_rank < here_rank:
            return None
        return f"includes checks/{included}: a check family includes only its own files, checks/support/ and checks/*.hpp"
    if RANKS[folder] < RANKS[source_folder]:
        return None
    return f"includes {folder}/{included}, but {folder}/ is not below {source_folder}/ in the layer order"


@tap.test
def every_source_folder_has_a_rank():
    folders = sorted(p.name for p in src.iterdir() if p.is_dir())
    tap.expect_equal([f for f in folders if f not in RANKS], [], "add the folder to RANKS in tests/e2e/check_layers.py")


@tap.test
def no_include_runs_up_the_layers():
    problems = []
    for path in sorted(src.rglob("*")):
        if path.suffix not in (".cpp", ".hpp"):
            continue
        source = path.relative_to(src)
        for match in INCLUDE.finditer(path.read_text(encoding="utf-8")):
            why = violation(source, match.group(1), match.group(2))
            if why:
                problems.append(f"src/{source} {why}")
    tap.expect_equal(problems, [])


@tap.test
def the_checker_rejects_what_it_should():
    P = pathlib.PurePosixPath
    tap.expect(violation(P("iam/principals.cpp"), "checks", "support/vpc_endpoints.hpp"), "iam → checks must fail")
    tap.expect(violation(P("checks/kms/x.cpp"), "checks", "network/vpc_endpoint_missing.hpp"), "family → family must fail")
    tap.expect(violation(P("checks/support/x.cpp"), "checks", "kms/kms_key_rotation_disabled.hpp"), "support → family must fail")
    tap.expect(violation(P("syntax/x.cpp"), "walk", "file_reader.hpp"), "same rank, other folder must fail")
    tap.expect(violation(P("checks/kms/x.cpp"), "checks", "support/kms_key_reference.hpp") is None, "family → support is allowed")
    tap.expect(violation(P("audit/x.cpp"), "checks", "kms/kms_key_rotation_disabled.hpp") is None, "audit → checks is allowed")


sys.exit(tap.run_tests())
