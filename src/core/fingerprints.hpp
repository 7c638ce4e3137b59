// Stable identities for findings:
//   primaryLocationLineHash  GitHub's per-line hash (core/line_hash.hpp)
//   keylint/v1               SHA-256 of rule id, path and secret (or, for findings without a
//                            secret, the whitespace-free snippet): survives moving code around
#pragma once

#include <vector>

#include "core/finding.hpp"
#include "core/source_text.hpp"

namespace keylint {

// Adds both fingerprints to findings that were made from `text` (findings[i].path == text.path()).
void add_fingerprints(const SourceText& text, std::vector<Finding>& findings, size_t first_index);

}  // namespace keylint
