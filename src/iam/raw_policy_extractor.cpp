// Tested in tests/unit/policy_checks_test.cpp and by the policy fixtures.
#include "iam/raw_policy_extractor.hpp"

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

constexpr size_t max_alternatives = 16;

// A CloudFormation Fn::If as a statement's Effect, Principal, NotPrincipal or Condition makes one
// statement per branch (AWS::NoValue: the member is absent), so each is judged as it would be
// deployed; Action and Resource lists already count every branch as present.
void add_statements(const Value& element, size_t position, bool alternative, std::vector<PolicyStatement>& out) {
    std::vector<PolicyStatement> alternatives{extract_statement(element)};
    alternatives.front().element = position;
    alternatives.front().alternative = alternative;
    const auto split = [&](std::string_view key, const auto& assign) {
        const Value* written = element.find(key);
        if (!written) return;
        const std::vector<const Value*> branches = cloudformation_branches(*written);
        if (branches.size() < 2 || alternatives.size() * branches.size() > max_alternatives) return;
        std::vector<PolicyStatement> split_alternatives;
        for (const PolicyStatement& alternative : alternatives) {
            for (const Value* branch : branches) {
                PolicyStatement statement = alternative;
                assign(statement, is_no_value(*branch) ? nullptr : branch);
                split_alternatives.push_back(std::move(statement));
            }
        }
        alternatives = std::move(split_alternatives);
    };
    split("Effect", [](PolicyStatement& statement, const Value* branch) { statement.effect = located_string(branch); });
    split("Principal", [](PolicyStatement& statement, const Value* branch) { statement.principal = branch; });
    split("NotPrincipal", [](PolicyStatement& statement, const Value* branch) { statement.not_principal = branch; });
    split("Condition", [](PolicyStatement& statement, const Value* branch) { statement.condition = branch; });
    for (PolicyStatement& statement : alternatives) {
        statement.alternative = statement.alternative || alternatives.size() > 1;
        out.push_back(std::move(statement));
    }
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

Value single_statement_document(const Value& statement) {
    Value document;
    document.kind = Value::Kind::object;
    document.span = statement.span;
    document.members.push_back(Member{"Statement", statement.span, statement});
    return document;
}

Policy extract_policy(const Value& document, const std::string& path, const std::string& origin,
                      std::optional<Policy::Kind> kind) {
    Policy policy;
    policy.path = path;
    policy.origin = origin;
    policy.span = document.span;
    policy.version = located_string(document.find("Version"));
    if (const Value* statements = document.find("Statement")) {
        const std::vector<const Value*> lists = cloudformation_branches(*statements);
        for (const Value* list : lists) {
            if (list->is_object()) add_statements(*list, 0, lists.size() > 1, policy.statements);
            for (size_t position = 0; position < list->items.size(); ++position) {
                const std::vector<const Value*> alternatives = cloudformation_branches(list->items[position]);
                for (const Value* alternative : alternatives) {
                    if (alternative->is_object()) {
                        add_statements(*alternative, position, lists.size() > 1 || alternatives.size() > 1,
                                       policy.statements);
                    }
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
