// See principals.hpp.
#include "iam/principals.hpp"

#include <algorithm>
#include <cctype>

namespace keylint {
namespace {

void add_values(const std::string& type, const Value& value, std::vector<PrincipalEntry>& out) {
    if (value.is_string() || value.is_unknown()) {
        out.push_back({type, {value.scalar, value.span, value.is_unknown()}});
    } else if (value.is_array()) {
        for (const Value& item : value.items) {
            if (item.is_string() || item.is_unknown()) out.push_back({type, {item.scalar, item.span, item.is_unknown()}});
        }
    }
}

bool is_account_id(std::string_view text) {
    return text.size() == 12 && std::all_of(text.begin(), text.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

}  // namespace

std::vector<PrincipalEntry> principal_entries(const Value* principal) {
    std::vector<PrincipalEntry> entries;
    if (!principal) return entries;
    if (principal->is_object()) {
        for (const Member& member : principal->members) add_values(member.key, member.value, entries);
    } else {
        add_values("*", *principal, entries);
    }
    return entries;
}

bool is_anyone(const PrincipalEntry& entry) {
    if (entry.value.unknown) return false;
    const std::string& text = entry.value.text;
    if (text == "*") return entry.type != "Service";
    return entry.type == "AWS" && text.find('*') != std::string::npos;
}

bool is_whole_account(const PrincipalEntry& entry) {
    if (entry.type != "AWS") return false;
    const std::string& text = entry.value.text;
    if (is_account_id(text) || text == "${AWS::AccountId}") return true;
    if (entry.value.unknown && text.ends_with("account_id") && text.find(':') == std::string::npos) return true;
    // arn:PARTITION:iam::ACCOUNT:root
    if (!text.starts_with("arn:") || !text.ends_with(":root")) return false;
    const size_t iam = text.find(":iam::");
    if (iam == std::string::npos || iam + 6 > text.size() - 5) return false;  // ":iam::" overlaps ":root"
    const std::string account = text.substr(iam + 6, text.size() - 5 - (iam + 6));
    return !account.empty() && account.find_first_of("*?") == std::string::npos;
}

bool names_anyone(const Value* principal) {
    const std::vector<PrincipalEntry> entries = principal_entries(principal);
    return std::any_of(entries.begin(), entries.end(), [](const PrincipalEntry& entry) { return is_anyone(entry); });
}

bool names_whole_account(const Value* principal) {
    const std::vector<PrincipalEntry> entries = principal_entries(principal);
    return std::any_of(entries.begin(), entries.end(), [](const PrincipalEntry& entry) { return is_whole_account(entry); });
}

std::string oidc_provider(const PrincipalEntry& entry) {
    if (entry.value.unknown || entry.type != "Federated") return {};
    const std::string& text = entry.value.text;
    if (text.find(":saml-provider/") != std::string::npos) return {};
    const std::string marker = ":oidc-provider/";
    if (const size_t at = text.find(marker); at != std::string::npos) return text.substr(at + marker.size());
    return text.starts_with("arn:") ? "" : text;
}

}  // namespace keylint
