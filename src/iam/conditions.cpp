// See conditions.hpp.
#include "iam/conditions.hpp"

#include <algorithm>

#include "core/ascii_case.hpp"

namespace keylint {
namespace {

bool only_wildcards(std::string_view text) { return !text.empty() && text.find_first_not_of("*?") == std::string_view::npos; }

bool value_restricts(const Value& value) {
    if (value.is_unknown()) return true;
    if (value.is_string() || value.kind == Value::Kind::boolean || value.kind == Value::Kind::number) {
        return !value.scalar.empty() && !only_wildcards(value.scalar);
    }
    return false;
}

}  // namespace

std::vector<ConditionClause> condition_clauses(const Value* condition) {
    std::vector<ConditionClause> clauses;
    if (!condition || !condition->is_object()) return clauses;
    for (const Member& op : condition->members) {
        if (!op.value.is_object()) continue;
        for (const Member& key : op.value.members) clauses.push_back({op.key, key.key, &key.value});
    }
    return clauses;
}

ConditionOperator parse_condition_operator(std::string_view op) {
    ConditionOperator parsed;
    std::string rest = ascii_lowered(op);
    constexpr std::string_view for_all = "forallvalues:", for_any = "foranyvalue:", if_exists = "ifexists";
    if (rest.starts_with(for_all)) {
        parsed.set = ConditionOperator::Set::for_all_values;
        rest.erase(0, for_all.size());
    } else if (rest.starts_with(for_any)) {
        parsed.set = ConditionOperator::Set::for_any_value;
        rest.erase(0, for_any.size());
    }
    if (rest.ends_with(if_exists)) {
        parsed.if_exists = true;
        rest.resize(rest.size() - if_exists.size());
    }
    // The negation is a prefix (NotIpAddress) or follows the type (StringNotEquals, ArnNotLike).
    if (rest.starts_with("not")) {
        parsed.negated = true;
        rest.erase(0, 3);
    } else if (const size_t at = rest.find("not"); at != std::string::npos) {
        parsed.negated = true;
        rest.erase(at, 3);
    }
    parsed.test = std::move(rest);
    return parsed;
}

bool condition_key_matches(std::string_view pattern, std::string_view key) {
    if (pattern.ends_with('/')) return key.size() > pattern.size() && equal_ignoring_ascii_case(pattern, key.substr(0, pattern.size()));
    return equal_ignoring_ascii_case(pattern, key);
}

bool clause_restricts(const ConditionClause& clause, KeyPresence presence) {
    const ConditionOperator op = parse_condition_operator(clause.op);
    if (op.negated || op.test == "null") return false;
    // Without the key, `…IfExists` is true and `ForAllValues:` holds vacuously.
    if ((op.if_exists || op.set == ConditionOperator::Set::for_all_values) && presence == KeyPresence::may_be_absent) return false;
    if (!clause.values) return false;
    if (clause.values->is_array()) {
        // A list matches when any of its values does: one wildcard admits everything.
        bool any = false;
        for (const Value& item : clause.values->items) {
            if (!value_restricts(item)) return false;
            any = true;
        }
        return any;
    }
    return value_restricts(*clause.values);
}

bool clause_excludes_others(const ConditionClause& clause) {
    const ConditionOperator op = parse_condition_operator(clause.op);
    if (!op.negated || op.set != ConditionOperator::Set::single) return false;
    if (!clause.values) return false;
    if (clause.values->is_array()) {
        if (clause.values->items.empty()) return false;
        return std::all_of(clause.values->items.begin(), clause.values->items.end(), value_restricts);
    }
    return value_restricts(*clause.values);
}

const ConditionClause* find_restriction(const std::vector<ConditionClause>& clauses, std::span<const std::string_view> keys,
                                        KeyPresence presence) {
    for (const ConditionClause& clause : clauses) {
        for (std::string_view key : keys) {
            if (condition_key_matches(key, clause.key) && clause_restricts(clause, presence)) return &clause;
        }
    }
    return nullptr;
}

const ConditionClause* find_restriction(const std::vector<ConditionClause>& clauses,
                                        std::initializer_list<std::string_view> keys, KeyPresence presence) {
    return find_restriction(clauses, std::span<const std::string_view>(keys.begin(), keys.size()), presence);
}

}  // namespace keylint
