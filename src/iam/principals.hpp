// A statement's Principal (or NotPrincipal) read into a flat list of (type, value) entries, and
// the shapes the checks look for. IAM accepts `"*"` alone or an object of types ("AWS",
// "Service", "Federated", "CanonicalUser") each with one value or a list; Terraform's
// `principals { type, identifiers }` blocks arrive in the same object shape.
// Tested in tests/unit/policy_checks_test.cpp.
#pragma once

#include <string>
#include <vector>

#include "iam/policy.hpp"

namespace keylint {

struct PrincipalEntry {
    std::string type;  // "*" for the bare "*" form, else the object key as written
    LocatedString value;
};

std::vector<PrincipalEntry> principal_entries(const Value* principal);

// Everyone: "*", {"AWS": "*"}, {"CanonicalUser": "*"}, {"Federated": "*"}, or an AWS principal
// with a wildcard in it (`arn:aws:iam::*:root`), which IAM treats as "*" or rejects.
bool is_anyone(const PrincipalEntry& entry);

// A whole AWS account: `arn:PARTITION:iam::ACCOUNT:root`, a bare 12-digit account id, the
// stack's own account (`${AWS::AccountId}`), or a value keylint cannot resolve that names an
// account id (`data.aws_caller_identity.current.account_id`, `arn:aws:iam::${var.account_id}:root`).
bool is_whole_account(const PrincipalEntry& entry);

// Whether any entry of a Principal is everyone, or a whole account.
bool names_anyone(const Value* principal);
bool names_whole_account(const Value* principal);

// The OIDC provider a Federated principal names, as its condition keys spell it:
// `arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com` →
// "token.actions.githubusercontent.com"; well-known providers (`accounts.google.com`,
// `cognito-identity.amazonaws.com`, …) stand for themselves. "" for a SAML provider.
std::string oidc_provider(const PrincipalEntry& entry);

}  // namespace keylint
