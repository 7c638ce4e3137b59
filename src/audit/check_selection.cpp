#include "audit/check_selection.hpp"

#include <algorithm>

#include "core/error.hpp"

namespace keylint {
namespace {

bool entry_matches(const std::string& entry, const std::string& check_id) {
    if (entry.ends_with('*')) return check_id.starts_with(std::string_view(entry).substr(0, entry.size() - 1));
    return entry == check_id;
}

bool any_matches(const std::vector<std::string>& entries, const std::string& check_id) {
    return std::any_of(entries.begin(), entries.end(),
                       [&](const std::string& entry) { return entry_matches(entry, check_id); });
}

}  // namespace

bool CheckSelection::selects(const std::string& check_id) const {
    return (only.empty() || any_matches(only, check_id)) && !any_matches(skip, check_id);
}

std::vector<std::string> parse_check_list(const std::string& option, const std::string& text,
                                          const std::vector<RuleInfo>& checks) {
    std::vector<std::string> entries;
    size_t start = 0;
    while (start <= text.size()) {
        size_t comma = text.find(',', start);
        if (comma == std::string::npos) comma = text.size();
        std::string entry = text.substr(start, comma - start);
        entry.erase(0, entry.find_first_not_of(" \t"));
        entry.erase(entry.find_last_not_of(" \t") + 1);
        if (entry.empty()) throw UsageError(option + ": empty entry in '" + text + "'");
        const bool known = std::any_of(checks.begin(), checks.end(),
                                       [&](const RuleInfo& check) { return entry_matches(entry, check.id); });
        if (!known) {
            throw UsageError(option + ": '" + entry + "' names no check (see keylint rules list)");
        }
        entries.push_back(std::move(entry));
        start = comma + 1;
    }
    return entries;
}

}  // namespace keylint
