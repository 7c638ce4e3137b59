// The VPC endpoints of a stack (AWS::EC2::VPCEndpoint, aws_vpc_endpoint) and which of them are
// Secrets Manager interface endpoints. The service name is recognised in every spelling a template
// uses: a literal region ("com.amazonaws.eu-west-1.secretsmanager"), `!Sub` or `Fn::Join` with
// `AWS::Region` ("com.amazonaws.${AWS::Region}.secretsmanager" once resolved), a Terraform
// interpolation ("${var.region}", "${data.aws_region.current.name}"), `format("com.amazonaws.%s.
// secretsmanager", …)`, the FIPS endpoint (".secretsmanager-fips"), and a Terraform
// `data "aws_vpc_endpoint_service"` looked up with `service = "secretsmanager"`. A Terraform
// endpoint made for each item of `for_each` (or `count`) with a service name built from
// `each.value` / `each.key` covers Secrets Manager when the collection names it; when keylint cannot
// read the collection (`toset(var.services)` without a default), it may.
// Tested in tests/unit/hygiene_workloads_test.cpp.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "infra/stack.hpp"
#include "infra/stack_reader.hpp"

namespace keylint {

// Does a service name (resolved text, or a Terraform expression's source text) name Secrets Manager?
bool names_secrets_manager_service(std::string_view service_name);

struct VpcEndpoint {
    const StackResource* resource = nullptr;
    bool secrets_manager = false;  // its service name names Secrets Manager
    // Its service name depends on a `for_each` / `count` collection keylint cannot read: it may be
    // a Secrets Manager endpoint, so its absence is not reported.
    bool possibly_secrets_manager = false;
    // The resolved endpoint type: "Interface", "Gateway", …; the documented default "Gateway" when
    // absent (both formats); empty when keylint cannot resolve it.
    std::string type;
    bool interface() const { return type == "Interface"; }
};

bool is_vpc_endpoint(const StackResource& resource);

std::vector<VpcEndpoint> vpc_endpoints(const StackReader& reader);

}  // namespace keylint
