// Escalation signatures as data: combinations of IAM actions that, held by one principal, let it
// gain more access, expose credentials, read secrets or open resources to others. The built-in
// set is rules/policy/escalation.toml, compiled into the binary (scripts/embed_files.py) and read
// with toml++; the file's header documents the format.
// Tested in tests/unit/escalation_test.cpp (every action exists in the IAM action database).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace keylint {

// Which resources make a granted action count for a step (see rules/policy/escalation.toml).
enum class ResourceRequirement { any, every, self_or_every, pass_role, assumable_role };

struct SignatureStep {
    std::vector<std::string> actions;  // alternatives, "service:Action" as AWS spells them
    ResourceRequirement resource = ResourceRequirement::any;
    std::string pass_to;  // pass-role: the service principal, e.g. "ec2.amazonaws.com"
};

struct EscalationSignature {
    std::string id, title, category, explanation, fix;
    double severity = 7.0;
    std::vector<SignatureStep> steps;  // all required
};

// Parses a signature file; throws ConfigError naming the file and the entry on bad input.
std::vector<EscalationSignature> parse_signatures(std::string_view name, std::string_view text);

// The built-in signatures, parsed once.
const std::vector<EscalationSignature>& builtin_signatures();

}  // namespace keylint
