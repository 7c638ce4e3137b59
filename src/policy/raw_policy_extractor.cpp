// Tested in tests/unit/policy_extractor_test.cpp and by the policy fixtures.
#include "policy/raw_policy_extractor.hpp"

namespace keylint {
namespace {

void collect_strings(const Value& value, std::vector<LocatedString>& out) {
    if (value.is_string() || value.is_unknown()) {
        out.push_back({value.scalar, value.span, value.is_unknown()});
    } else if (value.is_array()) {
        for (const Value& item : value.items) {
            if (item.is_string() || item.is_unknown()) out.push_back({item.scalar, item.span, item.is_unknown()});
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
    return statement && (statement->is_object() || statement->is_array());
}

Policy extract_policy(const Value& document, const std::string& path, const std::string& origin,
                      std::optional<Policy::Kind> kind) {
    Policy policy;
    policy.path = path;
    policy.origin = origin;
    policy.span = document.span;
    policy.version = located_string(document.find("Version"));
    const Value* statements = document.find("Statement");
    if (statements && statements->is_object()) {
        policy.statements.push_back(extract_statement(*statements));
    } else if (statements && statements->is_array()) {
        for (const Value& element : statements->items) {
            if (element.is_object()) policy.statements.push_back(extract_statement(element));
        }
    }
    bool any_principal = false, any_assume_role = false;
    for (const PolicyStatement& statement : policy.statements) {
        any_principal = any_principal || statement.principal || statement.not_principal;
        for (const LocatedString& action : statement.actions) {
            any_assume_role = any_assume_role || action.text.starts_with("sts:AssumeRole");
        }
    }
    if (any_principal) policy.kind = any_assume_role ? Policy::Kind::trust : Policy::Kind::resource;
    if (kind) policy.kind = *kind;
    return policy;
}

}  // namespace keylint
