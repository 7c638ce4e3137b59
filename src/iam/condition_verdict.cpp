// See condition_verdict.hpp.
#include "iam/condition_verdict.hpp"

#include <algorithm>
#include <cctype>
#include <optional>
#include <vector>

#include "core/ascii_case.hpp"
#include "iam/conditions.hpp"

namespace keylint {
namespace {

// The values of one test: a scalar or a list of scalars. Null when any is unknown or not a scalar.
std::optional<std::vector<std::string>> scalar_values(const Value& value) {
    std::vector<std::string> values;
    auto take = [&](const Value& item) {
        const bool scalar = item.kind == Value::Kind::string || item.kind == Value::Kind::number ||
                            item.kind == Value::Kind::boolean;
        if (scalar) values.push_back(item.scalar);
        return scalar;
    };
    if (value.is_array()) {
        for (const Value& item : value.items) {
            if (!take(item)) return std::nullopt;
        }
    } else if (!take(value)) {
        return std::nullopt;
    }
    return values;
}

std::optional<std::chrono::sys_days> date_of(const std::string& text, bool epoch_key) {
    if (epoch_key && !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        if (text.size() > 12) return std::nullopt;
        return std::chrono::sys_days(std::chrono::floor<std::chrono::days>(std::chrono::seconds(std::stoll(text))));
    }
    if (text.size() < 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
        if (text[i] < '0' || text[i] > '9') return std::nullopt;
    }
    const std::chrono::year_month_day date{std::chrono::year(std::stoi(text.substr(0, 4))),
                                           std::chrono::month(static_cast<unsigned>(std::stoi(text.substr(5, 2)))),
                                           std::chrono::day(static_cast<unsigned>(std::stoi(text.substr(8, 2))))};
    if (!date.ok()) return std::nullopt;
    return std::chrono::sys_days(date);
}

// us-east-1, eu-central-2, us-gov-west-1, cn-northwest-1: letters, dash-separated words, a number.
bool could_be_region(const std::string& text) {
    const size_t last_dash = text.rfind('-');
    if (last_dash == std::string::npos || last_dash + 1 == text.size() || text.find('-') < 2) return false;
    for (size_t i = last_dash + 1; i < text.size(); ++i) {
        if (text[i] < '0' || text[i] > '9') return false;
    }
    for (size_t i = 0; i < last_dash; ++i) {
        const char c = text[i];
        if (!((c >= 'a' && c <= 'z') || c == '-') || (c == '-' && (i == 0 || text[i - 1] == '-'))) return false;
    }
    return true;
}

bool is_always_present_key(const std::string& key) {
    static const char* const keys[] = {"aws:currenttime",     "aws:epochtime",         "aws:securetransport",
                                       "aws:requestedregion", "aws:principalarn",      "aws:principalaccount",
                                       "aws:userid",          "aws:principaltype"};
    return std::find(std::begin(keys), std::end(keys), key) != std::end(keys);
}

ConditionVerdict verdict(ConditionVerdict::Kind kind, const std::string& op, const std::string& key,
                         const std::vector<std::string>& values) {
    std::string reason = op + " " + key;
    for (const std::string& value : values) reason += " " + value;
    return {kind, reason};
}

// One test: operator, key, values.
ConditionVerdict classify_test(const std::string& op, const std::string& key, const Value& value, std::chrono::sys_days today) {
    using Kind = ConditionVerdict::Kind;
    const std::optional<std::vector<std::string>> values = scalar_values(value);
    if (!values) return {Kind::restricting, op + " " + key + " (a value keylint cannot resolve)"};
    const ConditionOperator parsed = parse_condition_operator(op);
    const std::string k = ascii_lowered(key);
    if (values->empty()) return verdict(Kind::never_holds, op, key, *values);
    // A negated test is restricting whatever it names: it admits everything else.
    if (parsed.negated) return verdict(Kind::restricting, op, key, *values);
    const std::string& base = parsed.test;

    const bool time_key = k == "aws:currenttime" || k == "aws:epochtime" || k == "aws:tokenissuetime";
    if (time_key && (base == "datelessthan" || base == "datelessthanequals")) {
        const bool all_past = std::all_of(values->begin(), values->end(), [&](const std::string& text) {
            const auto date = date_of(text, k == "aws:epochtime");
            return date && *date < today;
        });
        if (all_past) return verdict(Kind::never_holds, op, key, *values);
    }
    if (k == "aws:requestedregion" && (base == "stringequals" || base == "stringequalsignorecase")) {
        const bool none_valid = std::none_of(values->begin(), values->end(),
                                             [](const std::string& text) { return could_be_region(ascii_lowered(text)); });
        if (none_valid) return verdict(Kind::never_holds, op, key, *values);
    }
    if (k == "aws:securetransport" && base == "bool" && values->size() == 1 && ascii_lowered(values->front()) == "true") {
        return verdict(Kind::always_holds, op, key, *values);
    }
    if ((base == "stringlike" || base == "arnlike") &&
        std::any_of(values->begin(), values->end(), [](const std::string& text) { return text == "*"; })) {
        return verdict(Kind::always_holds, op, key, *values);
    }
    if (base == "null" && is_always_present_key(k) && values->size() == 1 && ascii_lowered(values->front()) == "false") {
        return verdict(Kind::always_holds, op, key, *values);
    }
    return verdict(Kind::restricting, op, key, *values);
}

}  // namespace

ConditionVerdict classify_condition(const Value* condition, std::chrono::sys_days today) {
    using Kind = ConditionVerdict::Kind;
    if (!condition) return {};
    if (!condition->is_object()) return {Kind::restricting, "a Condition keylint cannot read"};
    ConditionVerdict result{Kind::always_holds, ""};
    for (const Member& test : condition->members) {
        if (!test.value.is_object()) return {Kind::restricting, test.key + " (a value keylint cannot read)"};
        for (const Member& key : test.value.members) {
            ConditionVerdict one = classify_test(test.key, key.key, key.value, today);
            if (one.kind == Kind::never_holds) return one;
            if (one.kind == Kind::restricting && result.kind == Kind::always_holds) result = std::move(one);
        }
    }
    if (result.kind == Kind::always_holds && condition->members.empty()) return {};
    return result;
}

std::chrono::sys_days today_utc() {
    return std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
}

}  // namespace keylint
