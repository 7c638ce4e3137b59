#include "hygiene/resource_policy_facts.hpp"

#include <algorithm>
#include <cctype>
#include <set>

#include "infra/references.hpp"
#include "iam/action_database.hpp"

namespace keylint {
namespace {

bool equal_ignoring_case(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

std::vector<const Value*> strings_of(const Value* value) {
    std::vector<const Value*> found;
    if (!value) return found;
    if (value->is_array()) {
        for (const Value& item : value->items) found.push_back(&item);
    } else {
        found.push_back(value);
    }
    return found;
}

bool is_account_text(std::string_view text) {
    if (text.size() == 12 && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) return true;
    if (text.find("${AWS::AccountId}") != std::string_view::npos && text.find(":user/") == std::string_view::npos &&
        text.find(":role/") == std::string_view::npos) {
        return true;
    }
    return text.starts_with("arn:") && text.ends_with(":root");
}

}  // namespace

std::vector<const StackResource*> policy_appliers(const Stack& stack, const Policy& policy) {
    const StackResource* holder = stack.find(policy.resource);
    if (!holder) return {};
    if (holder->type != "aws_iam_policy_document") return {holder};
    // The documents that include this one (itself, and those merging it), then the resources using any.
    std::set<const StackResource*> documents{holder};
    for (bool grew = true; grew;) {
        grew = false;
        for (const StackResource* document : stack.of_type("aws_iam_policy_document")) {
            if (documents.count(document)) continue;
            for (const char* key : {"source_policy_documents", "override_policy_documents"}) {
                const Value* merged = document->property(key);
                if (!merged) continue;
                for (const StackResource* mentioned : mentioned_resources(stack, *merged)) {
                    if (documents.count(mentioned)) {
                        documents.insert(document);
                        grew = true;
                    }
                }
            }
        }
    }
    std::vector<const StackResource*> appliers;
    for (const StackResource& resource : stack.resources) {
        if (resource.data_source) continue;
        const Value* used = resource.property("policy");
        if (!used) continue;
        const StackResource* named = referenced_resource(stack, *used);
        if (named && documents.count(named)) appliers.push_back(&resource);
    }
    return appliers;
}

bool is_wildcard_principal(const Value* principal) {
    if (!principal) return false;
    if (principal->is_string()) return principal->scalar == "*";
    if (!principal->is_object()) return false;
    for (const Member& member : principal->members) {
        if (member.key != "AWS") continue;
        for (const Value* item : strings_of(&member.value)) {
            if (item->is_string() && item->scalar == "*") return true;
        }
    }
    return false;
}

bool is_account_principal(const Value* principal) {
    if (!principal || !principal->is_object()) return false;
    for (const Member& member : principal->members) {
        if (member.key != "AWS") continue;
        for (const Value* item : strings_of(&member.value)) {
            if ((item->is_string() || item->is_unknown()) && is_account_text(item->scalar)) return true;
            if (item->is_unknown() && item->scalar.find("account_id") != std::string::npos) return true;
        }
    }
    return false;
}

bool condition_uses(const Value* condition, const std::vector<std::string_view>& keys) {
    if (!condition || !condition->is_object()) return false;
    for (const Member& operation : condition->members) {
        for (const Member& test : operation.value.members) {
            for (std::string_view key : keys) {
                if (equal_ignoring_case(test.key, key)) return true;
            }
        }
    }
    return false;
}

bool action_covers(std::string_view pattern, std::string_view action) {
    return iam_wildcard_match(pattern, action);
}

}  // namespace keylint
