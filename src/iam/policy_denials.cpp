#include "iam/policy_denials.hpp"

#include <algorithm>

#include "iam/condition_verdict.hpp"
#include "iam/statement_facts.hpp"

namespace keylint {
namespace {

bool holds_for_every_request(const PolicyStatement& statement) {
    const ConditionVerdict::Kind kind = classify_condition(statement.condition, today_utc()).kind;
    return kind == ConditionVerdict::Kind::none || kind == ConditionVerdict::Kind::always_holds;
}

bool on_every_resource(const PolicyStatement& statement) {
    if (statement.has_not_resource) return false;
    if (!first_unknown(statement.resources).empty()) return false;
    return resource_reach(statement).every;
}

bool is_every_action(const LocatedString& action) { return !action.unknown && (action.text == "*" || action.text == "*:*"); }

}  // namespace

PolicyDenials::PolicyDenials(const Policy& policy) {
    for (const PolicyStatement& statement : policy.statements) {
        if (!statement.effect || statement.effect->text != "Deny" || statement.alternative) continue;
        if (!holds_for_every_request(statement) || !on_every_resource(statement)) continue;
        if (statement.has_not_action) {
            if (statement.has_action || !first_unknown(statement.not_actions).empty()) continue;
            std::unordered_set<const IamActionRow*> left;
            for (const LocatedString& action : statement.not_actions) {
                for (const IamActionRow* row : expand_action(action.text)) left.insert(row);
            }
            excepted_.push_back(std::move(left));
            continue;
        }
        for (const LocatedString& action : statement.actions) {
            if (action.unknown) continue;
            if (is_every_action(action)) every_ = true;
            for (const IamActionRow* row : expand_action(action.text)) denied_.insert(row);
        }
    }
}

bool PolicyDenials::denies(const IamActionRow* action) const {
    if (every_ || denied_.count(action)) return true;
    return std::any_of(excepted_.begin(), excepted_.end(),
                       [&](const std::unordered_set<const IamActionRow*>& left) { return !left.count(action); });
}

bool PolicyDenials::deny_everything() const {
    if (every_) return true;
    for (const IamActionRow* row : expand_action("*")) {
        if (!denies(row)) return false;
    }
    return true;
}

std::vector<const IamActionRow*> PolicyDenials::remaining(const std::vector<const IamActionRow*>& actions) const {
    if (empty()) return actions;
    std::vector<const IamActionRow*> left;
    for (const IamActionRow* row : actions) {
        if (!denies(row)) left.push_back(row);
    }
    return left;
}

std::vector<const IamActionRow*> allowed_actions(const Policy& policy, const PolicyStatement& statement) {
    const bool denies_any = std::any_of(policy.statements.begin(), policy.statements.end(), [](const PolicyStatement& other) {
        return other.effect && other.effect->text == "Deny";
    });
    if (!denies_any) return granted_actions(statement);
    return PolicyDenials(policy).remaining(granted_actions(statement));
}

}  // namespace keylint
