// Tested in tests/unit/policy_checks_test.cpp and by the policy fixtures.
#include "policy/raw_policy_extractor.hpp"

#include <cctype>
#include <string_view>

#include "infra/cloudformation_resolver.hpp"

namespace keylint {
namespace {

// Action names are case-insensitive: `STS:assumerole` is sts:AssumeRole.
bool starts_with_ignoring_case(std::string_view text, std::string_view prefix) {
    if (text.size() < prefix.size()) return false;
    for (size_t i = 0; i < prefix.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(text[i])) != std::tolower(static_cast<unsigned char>(prefix[i]))) {
            return false;
        }
    }
    return true;
}

// A CloudFormation Fn::If (resolved: both branches kept) counts as both of its values.
void collect_strings(const Value& value, std::vector<LocatedString>& out) {
    for (const Value* branch : cloudformation_branches(value)) {
        if (branch->is_string() || branch->is_unknown()) {
            out.push_back({branch->scalar, branch->span, branch->is_unknown()});
        } else if (branch->is_array()) {
            for (const Value& item : branch->items) {
                for (const Value* alternative : cloudformation_branches(item)) {
                    if (alternative->is_string() || alternative->is_unknown()) {
                        out.push_back({alternative->scalar, alternative->span, alternative->is_unknown()});
                    }
                }
            }
        }
    }
}

std::optional<LocatedString> located_string(const Value* value) {
    if (!value || !value->is_string()) return std::nullopt;
    return LocatedString{value->scalar, value->span};
}

PolicyStatement extract_statement(const Value& element) {
    PolicyStatement statement;
    statement.span = element.span;
    statement.sid = located_string(element.find("Sid"));
    statement.effect = located_string(element.find("Effect"));
    if (const Value* action = element.find("Action")) {
        statement.has_action = true;
        collect_strings(*action, statement.actions);
    }
    if (const Value* action = element.find("NotAction")) {
        statement.has_not_action = true;
        collect_strings(*action, statement.not_actions);
    }
    if (const Value* resource = element.find("Resource")) {
        statement.has_resource = true;
        collect_strings(*resource, statement.resources);
    }
    if (const Value* resource = element.find("NotResource")) {
        statement.has_not_resource = true;
        collect_strings(*resource, statement.not_resources);
    }
    statement.principal = element.find("Principal");
    statement.not_principal = element.find("NotPrincipal");
    statement.condition = element.find("Condition");
    return statement;
}

}  // namespace

bool looks_like_policy_document(const Value& root) {
    if (!root.is_object()) return false;
    const Value* statement = root.find("Statement");
    if (!statement) return false;
    for (const Value* branch : cloudformation_branches(*statement)) {
        if (branch->is_object() || branch->is_array()) return true;
    }
    return false;
}

Policy extract_policy(const Value& document, const std::string& path, const std::string& origin,
                      std::optional<Policy::Kind> kind) {
    Policy policy;
    policy.path = path;
    policy.origin = origin;
    policy.span = document.span;
    policy.version = located_string(document.find("Version"));
    if (const Value* statements = document.find("Statement")) {
        for (const Value* branch : cloudformation_branches(*statements)) {
            if (branch->is_object()) policy.statements.push_back(extract_statement(*branch));
            for (const Value& element : branch->items) {
                for (const Value* alternative : cloudformation_branches(element)) {
                    if (alternative->is_object()) policy.statements.push_back(extract_statement(*alternative));
                }
            }
        }
    }
    bool any_principal = false, any_assume_role = false;
    for (const PolicyStatement& statement : policy.statements) {
        any_principal = any_principal || statement.principal || statement.not_principal;
        for (const LocatedString& action : statement.actions) {
            any_assume_role = any_assume_role || starts_with_ignoring_case(action.text, "sts:AssumeRole");
        }
    }
    if (any_principal) policy.kind = any_assume_role ? Policy::Kind::trust : Policy::Kind::resource;
    if (kind) policy.kind = *kind;
    return policy;
}

}  // namespace keylint
