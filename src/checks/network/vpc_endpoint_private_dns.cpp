// vpc-endpoint-private-dns. Without private DNS, the SDKs' default hostname
// (secretsmanager.<region>.amazonaws.com) still resolves to the public endpoint, so workloads
// bypass the interface endpoint unless each client is configured with the endpoint's own DNS name.
// `PrivateDnsEnabled` and `private_dns_enabled` both default to false. Only Secrets Manager
// endpoints are checked (the concern of these checks), and only interface ones or ones whose type
// keylint cannot resolve (a gateway endpoint has no DNS). A value keylint cannot resolve is a note
// naming it.
#include "checks/network/vpc_endpoint_private_dns.hpp"

#include "checks/check_metadata.hpp"
#include "checks/support/vpc_endpoints.hpp"
#include "infra/stack_reader.hpp"

namespace keylint {
namespace {

void run(const StackCheck& self, const StackContext& context, std::vector<Finding>& out) {
    const StackReader reader(context.stack);
    for (const VpcEndpoint& endpoint : vpc_endpoints(reader)) {
        if (!endpoint.secrets_manager || !(endpoint.interface() || endpoint.type.empty())) continue;
        const StackResource& resource = *endpoint.resource;
        const std::string key = reader.spelling("PrivateDnsEnabled");
        const Member* member = resource.body ? resource.body->find_member(key) : nullptr;
        const std::string name = "Secrets Manager endpoint " + resource.address;
        if (!member) {
            out.push_back(stack_finding(self, resource, resource.span,
                                        name + " does not set " + key + ", which defaults to false: the default "
                                        "Secrets Manager hostname still resolves to the public endpoint. Set " +
                                            key + " to true."));
            continue;
        }
        const std::optional<bool> enabled = boolean_value(reader.resolve(member->value));
        if (enabled == true) continue;
        if (enabled == false) {
            out.push_back(stack_finding(self, resource, member_span(*member),
                                        name + " sets " + key + " to false: the default Secrets Manager hostname "
                                        "resolves to the public endpoint, not to this one. Set it to true."));
            continue;
        }
        const Value resolved = reader.resolve(member->value);
        Finding finding = stack_finding(self, resource, member_span(*member),
                                        name + ": " + key + " is " +
                                            (resolved.scalar.empty() ? std::string("an expression") : resolved.scalar) +
                                            ", which keylint cannot resolve; if it is false, clients bypass the "
                                            "endpoint.");
        finding.level = Level::note;
        out.push_back(std::move(finding));
    }
}

}  // namespace

StackCheck vpc_endpoint_private_dns_check() { return StackCheck{check_metadata("vpc-endpoint-private-dns"), run}; }

}  // namespace keylint
