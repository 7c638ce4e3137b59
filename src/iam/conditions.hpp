// Reading a statement's Condition block as IAM evaluates it: operator → { key → values }.
// Condition keys are case-insensitive; operators are not. A condition narrows who or what a
// statement applies to only when its operator is positive (StringEquals, ArnLike, Bool,
// IpAddress, …): a negated operator (StringNotEquals, ArnNotLike, …) admits everything it does
// not name, `…IfExists`, `ForAllValues:…` and `Null` are true when the key is absent (as it is
// for anonymous callers), and a value made only of wildcards (`*`) admits everything.
// Tested in tests/unit/policy_checks_test.cpp and tests/unit/iam_semantics_test.cpp.
#pragma once

#include <array>
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "syntax/document.hpp"

namespace keylint {

struct ConditionClause {
    std::string op;      // e.g. "StringEquals", "ForAnyValue:StringLike", "ArnLikeIfExists"
    std::string key;     // as written, e.g. "aws:SourceVpce"
    const Value* values; // a string, a list, or an unknown value
};

std::vector<ConditionClause> condition_clauses(const Value* condition);

// An operator as IAM reads it: `ForAnyValue:StringNotLikeIfExists` is the set qualifier
// ForAnyValue, the test `stringlike`, negated, with IfExists. Every reading of operators (the
// restriction tests below, condition_verdict.hpp) goes through this one parse.
struct ConditionOperator {
    enum class Set { single, for_all_values, for_any_value };
    Set set = Set::single;
    std::string test;     // lower case, without qualifier, `Not` and `IfExists`: "stringequals", "arnlike",
                          // "ipaddress", "datelessthan", "bool", "null", …
    bool negated = false; // StringNotEquals, ArnNotLike, NotIpAddress, …
    bool if_exists = false;
};

ConditionOperator parse_condition_operator(std::string_view op);

// Case-insensitive comparison of condition keys; a pattern ending in '/' matches every key that
// starts with it (`aws:PrincipalTag/` matches `aws:PrincipalTag/team`).
bool condition_key_matches(std::string_view pattern, std::string_view key);

// Whether a request can lack the key. When it cannot (iam:PassedToService is always set when a
// role is passed), an `…IfExists` operator restricts as its plain form does.
enum class KeyPresence { may_be_absent, always_present };

// Whether the clause narrows the request: a positive operator and at least one value that is not
// made of wildcards alone (an unknown value counts as narrowing: it names something specific).
bool clause_restricts(const ConditionClause& clause, KeyPresence presence = KeyPresence::may_be_absent);

// Whether the clause is true for every request whose key is not among its specific values (a
// negated operator, `StringNotEquals aws:SourceVpce vpce-1`, true also when the key is absent):
// a Deny under it refuses everything outside what it names.
bool clause_excludes_others(const ConditionClause& clause);

// The first restricting clause on one of `keys`, or null.
const ConditionClause* find_restriction(const std::vector<ConditionClause>& clauses, std::span<const std::string_view> keys,
                                        KeyPresence presence = KeyPresence::may_be_absent);
const ConditionClause* find_restriction(const std::vector<ConditionClause>& clauses,
                                        std::initializer_list<std::string_view> keys,
                                        KeyPresence presence = KeyPresence::may_be_absent);

// The condition keys that tie a caller to an organization, account, network or source: a Principal
// of everyone is accepted under a restriction on one of them (iam-anyone-principal, and the secret
// and key policy checks).
inline constexpr std::array<std::string_view, 12> caller_restricting_keys = {
    "aws:PrincipalOrgID", "aws:PrincipalOrgPaths", "aws:PrincipalAccount", "aws:PrincipalArn",
    "aws:SourceVpce",     "aws:SourceVpc",         "aws:SourceIp",         "aws:SourceAccount",
    "aws:SourceArn",      "aws:SourceOrgID",       "aws:SourceOrgPaths",   "kms:CallerAccount"};

}  // namespace keylint
