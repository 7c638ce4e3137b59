// Baselines: findings a team has accepted, so that a scan reports only new ones. An entry is the
// rule id, the path and a salted SHA-256 of the secret (of the whitespace-free snippet for findings
// without one) — never the secret, never a line number — so moving code does not churn the file.
// The salt is random per baseline file and stored in it; entries are sorted and carry no
// timestamps, so the file diffs cleanly. Tested in tests/unit/baseline_test.cpp.
//
//   {
//     "keylint_baseline": 1,
//     "salt": "<32 hex digits>",
//     "entries": [{"rule": "aws-access-key-id", "path": "app/settings.py", "digest": "<64 hex digits>"}]
//   }
#pragma once

#include <compare>
#include <set>
#include <string>
#include <vector>

#include "core/finding.hpp"

namespace keylint {

struct BaselineEntry {  // ordered by path, then rule, then digest
    std::string path;
    std::string rule;
    std::string digest;
    auto operator<=>(const BaselineEntry&) const = default;
};

class Baseline {
   public:
    // An empty baseline with a fresh random salt.
    static Baseline with_new_salt();
    // Reads a baseline file; ConfigError naming the file if it is missing or malformed.
    static Baseline load(const std::string& path);
    static Baseline parse(const std::string& text, const std::string& origin);

    explicit Baseline(std::string salt) : salt_(std::move(salt)) {}

    const std::string& salt() const { return salt_; }
    const std::set<BaselineEntry>& entries() const { return entries_; }

    // The entry a finding (with its secret, before redaction) corresponds to.
    BaselineEntry entry_for(const Finding& finding) const;
    bool contains(const Finding& finding) const { return entries_.count(entry_for(finding)) > 0; }

    // Replaces the entries with those of `findings` (suppressed findings are left out); returns
    // how many entries were added and dropped.
    std::pair<size_t, size_t> replace_with(const std::vector<Finding>& findings);

    // The file contents: stable key order, sorted entries, a final newline.
    std::string serialise() const;

   private:
    std::string salt_;
    std::set<BaselineEntry> entries_;
};

// Removes the unsuppressed findings that the baseline holds; returns how many were removed.
size_t apply_baseline(const Baseline& baseline, std::vector<Finding>& findings);

}  // namespace keylint
