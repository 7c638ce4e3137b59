#!/usr/bin/env python3
"""End-to-end tests of the container image (Dockerfile): where a Docker daemon answers, the image is
built and run on fixtures/demo as the README says (`docker run --rm -v "$PWD:/src" keylint scan .`)
and must find the demo's secrets as a non-root user; hadolint lints the Dockerfile where it is
installed. Either is reported as skipped, with the reason, where it cannot run. What the image
promises is always checked on the Dockerfile itself: a build stage and a slim runtime stage on
pinned Debian images, the standalone binary, a non-root user, WORKDIR /src, ENTRYPOINT keylint,
apt lists removed, and a .dockerignore that keeps build trees and node_modules out. Prints TAP.

usage: run_container.py SOURCE_ROOT
"""
import json
import pathlib
import re
import shutil
import subprocess
import sys

from tap import Skip, expect, expect_equal, run_tests, test

SOURCE_ROOT = pathlib.Path(sys.argv[1])
DOCKERFILE = (SOURCE_ROOT / "Dockerfile").read_text()


def instructions():
    """(instruction, arguments) pairs, continuation lines joined and comments dropped."""
    joined = re.sub(r"\\\n", " ", DOCKERFILE)
    out = []
    for line in joined.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            word, _, rest = line.partition(" ")
            out.append((word.upper(), rest.strip()))
    return out


def stages():
    found = []
    for word, rest in instructions():
        if word == "FROM":
            found.append([(word, rest)])
        elif found:
            found[-1].append((word, rest))
    return found


def docker_answers():
    if not shutil.which("docker"):
        return False
    return subprocess.run(["docker", "info"], capture_output=True, timeout=30).returncode == 0


@test
def the_image_is_built_in_one_stage_and_runs_from_a_pinned_slim_one():
    built, runtime = stages()
    expect_equal(len(stages()), 2)
    for stage in (built, runtime):
        image = stage[0][1].split()[0]
        expect(re.fullmatch(r"debian:\d+\.\d+(-slim)?", image), f"{image} is not a pinned Debian image")
    expect(runtime[0][1].split()[0].endswith("-slim"), runtime[0])
    build_commands = " ".join(rest for word, rest in built if word == "RUN")
    expect("npm ci" in build_commands and "-Dstandalone=true" in build_commands and "strip" in build_commands,
           build_commands)
    expect(("COPY", "--from=build /keylint/build/src/keylint /usr/local/bin/keylint") in runtime, runtime)


@test
def the_runtime_stage_runs_keylint_as_a_user_in_src():
    runtime = stages()[-1]
    users = [rest for word, rest in runtime if word == "USER"]
    expect(users and users[-1] not in ("root", "0"), users)
    expect_equal([rest for word, rest in runtime if word == "WORKDIR"], ["/src"])
    expect_equal(json.loads([rest for word, rest in runtime if word == "ENTRYPOINT"][-1]), ["keylint"])
    runs = " ".join(rest for word, rest in runtime if word == "RUN")
    expect("useradd" in runs and "safe.directory /src" in runs, runs)


@test
def package_lists_are_removed_in_the_layer_that_fetched_them():
    for word, rest in instructions():
        if word == "RUN" and "apt-get update" in rest:
            expect("--no-install-recommends" in rest and "rm -rf /var/lib/apt/lists/*" in rest, rest)


@test
def the_build_context_leaves_out_build_trees_and_installed_packages():
    ignored = (SOURCE_ROOT / ".dockerignore").read_text().split()
    for entry in ["build", "build-*", "deps/node_modules", "dist", ".git"]:
        expect(entry in ignored, f"{entry} not in .dockerignore")


@test
def hadolint_finds_nothing_to_fix():
    if not shutil.which("hadolint"):
        raise Skip("hadolint is not installed (Debian does not package it)")
    result = subprocess.run(["hadolint", str(SOURCE_ROOT / "Dockerfile")], capture_output=True, text=True, timeout=60)
    expect_equal(result.returncode, 0, result.stdout + result.stderr)


@test
def the_image_finds_the_demo_secrets_as_the_readme_says():
    if not docker_answers():
        raise Skip("no Docker daemon answers here; the Dockerfile was checked above")
    tag = "keylint-e2e:test"
    build = subprocess.run(["docker", "build", "-t", tag, str(SOURCE_ROOT)], capture_output=True, text=True, timeout=3600)
    expect_equal(build.returncode, 0, build.stderr[-3000:])
    try:
        run = subprocess.run(["docker", "run", "--rm", "-v", f"{SOURCE_ROOT / 'fixtures' / 'demo'}:/src:ro", tag,
                              "scan", ".", "--format", "json"], capture_output=True, text=True, timeout=300)
        expect_equal(run.returncode, 1, run.stderr)
        expect(json.loads(run.stdout)["findings"], run.stdout[:500])
        user = subprocess.run(["docker", "run", "--rm", "--entrypoint", "id", tag, "-u"], capture_output=True, text=True)
        expect(user.stdout.strip() not in ("", "0"), user.stdout)
    finally:
        subprocess.run(["docker", "rmi", "-f", tag], capture_output=True)


if __name__ == "__main__":
    run_tests()
