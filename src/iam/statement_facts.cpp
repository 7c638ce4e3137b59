// See statement_facts.hpp.
#include "iam/statement_facts.hpp"

#include <algorithm>
#include <cctype>
#include <unordered_map>
#include <unordered_set>

namespace keylint {
namespace {

bool is_any_action(const LocatedString& action) { return !action.unknown && (action.text == "*" || action.text == "*:*"); }

}  // namespace

std::string statement_label(const PolicyStatement& statement) {
    return statement.sid ? "Statement '" + statement.sid->text + "' " : "Statement ";
}

bool could_be_anything(const LocatedString& value) {
    if (!value.unknown) return false;
    std::string_view text = value.text;
    if (text.starts_with("data.")) text.remove_prefix(5);
    // TYPE.NAME[INDEX].ATTRIBUTE with TYPE a provider resource type (`aws_…`)
    if (!text.starts_with("aws_")) return true;
    size_t dots = 0;
    for (char c : text) {
        if (c == '.') {
            ++dots;
        } else if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '[' || c == ']' || c == '"')) {
            return true;
        }
    }
    return dots < 2;
}

std::string first_unknown(const std::vector<LocatedString>& values) {
    for (const LocatedString& value : values) {
        if (could_be_anything(value)) return value.text;
    }
    return {};
}

ResourceReach resource_reach(const PolicyStatement& statement) {
    ResourceReach reach;
    for (const LocatedString& resource : statement.resources) {
        if (!resource.unknown && resource.text == "*") reach.every = true;
    }
    if (!reach.every) reach.unknown = first_unknown(statement.resources);
    return reach;
}

bool full_admin_applies(const Policy& policy, const PolicyStatement& statement) {
    if (policy.kind != Policy::Kind::identity || !statement.allows()) return false;
    const bool every_action = std::any_of(statement.actions.begin(), statement.actions.end(), is_any_action);
    const bool not_action = statement.has_not_action && !statement.has_action;
    const bool action_may_be_every = every_action || not_action || !first_unknown(statement.actions).empty();
    const ResourceReach reach = resource_reach(statement);
    return action_may_be_every && (reach.every || !reach.unknown.empty());
}

std::optional<ResourceReach> overbroad_reach(const Policy& policy, const PolicyStatement& statement) {
    if (policy.kind != Policy::Kind::identity || !statement.allows() || full_admin_applies(policy, statement)) {
        return std::nullopt;
    }
    ResourceReach reach = resource_reach(statement);
    if (!reach.every && reach.unknown.empty()) return std::nullopt;
    return reach;
}

const std::vector<const IamActionRow*>& expand_action(const std::string& pattern) {
    // Bounded: a file of many distinct patterns cannot grow it without limit.
    thread_local std::unordered_map<std::string, std::vector<const IamActionRow*>> remembered;
    if (const auto found = remembered.find(pattern); found != remembered.end()) return found->second;
    if (remembered.size() >= 4096) remembered.clear();
    return remembered.emplace(pattern, IamActionDatabase::builtin().expand(pattern)).first->second;
}

std::vector<const IamActionRow*> granted_actions(const PolicyStatement& statement) {
    std::vector<const IamActionRow*> granted;
    std::unordered_set<const IamActionRow*> seen;
    for (const LocatedString& action : statement.actions) {
        if (action.unknown) continue;
        for (const IamActionRow* row : expand_action(action.text)) {
            if (seen.insert(row).second) granted.push_back(row);
        }
    }
    std::sort(granted.begin(), granted.end());  // rows live in one array sorted by service and action
    return granted;
}

std::string action_list(const std::vector<const IamActionRow*>& actions, size_t limit) {
    std::string text;
    for (size_t i = 0; i < actions.size() && i < limit; ++i) {
        if (i) text += ", ";
        text += std::string(actions[i]->service) + ":" + actions[i]->action;
    }
    if (actions.size() > limit) text += " and " + std::to_string(actions.size() - limit) + " more";
    return text;
}

}  // namespace keylint
