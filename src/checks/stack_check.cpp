#include "checks/stack_check.hpp"

namespace keylint {

Finding stack_finding(const StackCheck& check, const StackResource& resource, const Span& span, std::string message) {
    Finding finding;
    finding.rule_id = check.info.id;
    finding.level = check.info.level;
    finding.message = std::move(message);
    finding.path = resource.path;
    finding.span = span;
    finding.properties["resource"] = resource.address;
    finding.properties["resourceType"] = resource.type;
    return finding;
}

}  // namespace keylint
