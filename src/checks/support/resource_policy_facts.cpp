#include "checks/support/resource_policy_facts.hpp"

#include <set>

#include "iam/action_database.hpp"
#include "infra/references.hpp"

namespace keylint {

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

bool action_covers(std::string_view pattern, std::string_view action) {
    return iam_wildcard_match(pattern, action);
}

}  // namespace keylint
