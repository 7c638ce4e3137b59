// A file compiled into the binary (the built-in rule pack, the escalation signatures, the checks' metadata). See
// scripts/embed_files.py.
#pragma once

#include <span>
#include <string_view>

namespace keylint {

struct EmbeddedFile {
    std::string_view name;  // path relative to the project root, e.g. "rules/secrets/aws.toml"
    std::string_view contents;
};

extern const std::span<const EmbeddedFile> embedded_rule_files;           // rules/secrets/*.toml
extern const std::span<const EmbeddedFile> embedded_scanning_rule_files;  // the same without examples
extern const std::span<const EmbeddedFile> embedded_policy_rule_files;  // rules/policy/*.toml
extern const std::span<const EmbeddedFile> embedded_check_metadata_files;  // src/checks/*/*.toml

}  // namespace keylint
