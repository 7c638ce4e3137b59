// See action_database.hpp.
#include "iam/action_database.hpp"

#include <cctype>

#include "core/ascii_case.hpp"

namespace keylint {
namespace {


bool has_wildcard(std::string_view text) { return text.find_first_of("*?") != std::string_view::npos; }

}  // namespace

const char* access_level_name(IamAccessLevel level) {
    switch (level) {
        case IamAccessLevel::list: return "List";
        case IamAccessLevel::read: return "Read";
        case IamAccessLevel::write: return "Write";
        case IamAccessLevel::permissions_management: return "Permissions management";
        case IamAccessLevel::tagging: return "Tagging";
    }
    return "Write";
}

// Iterative glob matching with backtracking to the last `*`: linear in practice, never recursive.
bool iam_wildcard_match(std::string_view pattern, std::string_view text) {
    size_t p = 0, t = 0, star = std::string_view::npos, resume = 0;
    while (t < text.size()) {
        if (p < pattern.size() && (pattern[p] == '?' || ascii_lower(pattern[p]) == ascii_lower(text[t]))) {
            ++p;
            ++t;
        } else if (p < pattern.size() && pattern[p] == '*') {
            star = p++;
            resume = t;
        } else if (star != std::string_view::npos) {
            p = star + 1;
            t = ++resume;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern[p] == '*') ++p;
    return p == pattern.size();
}

IamActionDatabase::IamActionDatabase() {
    for (size_t i = 0; i < iam_action_row_count; ++i) by_service_[iam_action_rows[i].service].push_back(&iam_action_rows[i]);
}

const IamActionDatabase& IamActionDatabase::builtin() {
    static const IamActionDatabase database;
    return database;
}

bool IamActionDatabase::knows_service(std::string_view prefix) const {
    return by_service_.count(ascii_lowered(prefix)) != 0;
}

std::vector<const IamActionRow*> IamActionDatabase::expand(std::string_view pattern) const {
    std::vector<const IamActionRow*> matches;
    if (pattern == "*") {
        for (size_t i = 0; i < iam_action_row_count; ++i) matches.push_back(&iam_action_rows[i]);
        return matches;
    }
    const size_t colon = pattern.find(':');
    if (colon == std::string_view::npos) return matches;
    const std::string_view service = pattern.substr(0, colon);
    const std::string_view action = pattern.substr(colon + 1);
    auto add_from = [&](const std::vector<const IamActionRow*>& rows) {
        for (const IamActionRow* row : rows) {
            if (iam_wildcard_match(action, row->action)) matches.push_back(row);
        }
    };
    if (has_wildcard(service)) {
        for (size_t i = 0; i < iam_action_row_count; ++i) {
            const IamActionRow& row = iam_action_rows[i];
            if (iam_wildcard_match(service, row.service) && iam_wildcard_match(action, row.action)) matches.push_back(&row);
        }
        return matches;
    }
    const auto found = by_service_.find(ascii_lowered(service));
    if (found != by_service_.end()) add_from(found->second);
    return matches;
}

}  // namespace keylint
