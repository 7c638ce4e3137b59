#!/usr/bin/env python3
"""Print the files under DIR (relative to the project root) ending in SUFFIX, sorted, one per line."""
import pathlib
import sys

root = pathlib.Path(__file__).resolve().parent.parent
directory, suffix = sys.argv[1], sys.argv[2]
for path in sorted((root / directory).rglob('*' + suffix)):
    print(path.relative_to(root).as_posix())
