// source-vpce-undefined. An `aws:SourceVpce` condition (any operator) in any policy of the stack
// must name a VPC endpoint. Its values are judged as follows:
// - a reference to a resource of the stack that is not a VPC endpoint (`!Ref Vpc`,
//   `aws_vpc.main.id`): an error, the condition can never match an endpoint id;
// - a literal that is not an endpoint id ("vpc-0a1b…", which belongs in `aws:SourceVpc`): an error;
// - a literal endpoint id ("vpce-0a1b…") while the stack defines VPC endpoints of its own: a note,
//   since a hard-coded id next to endpoints the stack creates is usually stale; without endpoints
//   in the stack a literal id is the ordinary way to name a shared network's endpoint, and passes;
// - a reference to a VPC endpoint, a value keylint cannot resolve (a parameter, a variable) or a
//   pattern with wildcards: nothing to report.
#include "checks/network/source_vpce_undefined.hpp"

#include <algorithm>

#include "checks/check_metadata.hpp"
#include "checks/support/vpc_endpoints.hpp"
#include "infra/references.hpp"

namespace keylint {
namespace {

bool is_source_vpce_key(std::string_view key) {
    std::string lower(key);
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return lower == "aws:sourcevpce";
}

void values_of(const Value& value, std::vector<const Value*>& out) {
    if (value.is_array()) {
        for (const Value& item : value.items) values_of(item, out);
    } else {
        out.push_back(&value);
    }
}

void judge(const StackCheck& self, const StackContext& context, const StackResource& holder, const Value& value,
           bool stack_has_endpoints, std::vector<Finding>& out) {
    const std::string where = "The aws:SourceVpce condition in " + holder.address;
    if (const StackResource* target = referenced_resource(context.stack, value)) {
        if (is_vpc_endpoint(*target)) return;
        out.push_back(stack_finding(self, holder, value.span,
                                    where + " names " + target->address + ", a " + target->type +
                                        ", not a VPC endpoint: the condition can never match. Name the "
                                        "AWS::EC2::VPCEndpoint / aws_vpc_endpoint (or use aws:SourceVpc for a VPC)."));
        return;
    }
    if (!value.is_string() || value.scalar.find_first_of("*?$") != std::string::npos) return;
    const std::string& text = value.scalar;
    if (!text.starts_with("vpce-")) {
        const bool vpc = text.starts_with("vpc-");
        out.push_back(stack_finding(self, holder, value.span,
                                    where + " holds " + (vpc ? "a VPC id" : "'" + text + "'") +
                                        ", not a VPC endpoint id (vpce-…): the condition can never match." +
                                        (vpc ? " Use aws:SourceVpc for a VPC, or name the endpoint." : "")));
        return;
    }
    if (!stack_has_endpoints) return;
    Finding finding = stack_finding(self, holder, value.span,
                                    where + " names endpoint " + text + ", which the stack does not define, "
                                    "although it defines VPC endpoints of its own: if it should be one of those, "
                                    "reference it (!Ref / aws_vpc_endpoint.x.id) rather than a hard-coded id.");
    finding.level = Level::note;
    out.push_back(std::move(finding));
}

void run(const StackCheck& self, const StackContext& context, std::vector<Finding>& out) {
    const bool stack_has_endpoints =
        std::any_of(context.stack.resources.begin(), context.stack.resources.end(), is_vpc_endpoint);
    for (const Policy& policy : context.policies) {
        const StackResource* holder = context.stack.find(policy.resource);
        if (!holder) continue;
        for (const PolicyStatement& statement : policy.statements) {
            if (!statement.condition || !statement.condition->is_object()) continue;
            for (const Member& operation : statement.condition->members) {
                if (!operation.value.is_object()) continue;
                for (const Member& condition : operation.value.members) {
                    if (!is_source_vpce_key(condition.key)) continue;
                    std::vector<const Value*> values;
                    values_of(condition.value, values);
                    for (const Value* value : values) judge(self, context, *holder, *value, stack_has_endpoints, out);
                }
            }
        }
    }
}

}  // namespace

StackCheck source_vpce_undefined_check() { return StackCheck{check_metadata("source-vpce-undefined"), run}; }

}  // namespace keylint
