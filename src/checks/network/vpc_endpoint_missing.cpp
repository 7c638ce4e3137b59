// vpc-endpoint-missing. A VPC workload is a subnet, an instance or auto-scaling group, or a
// Lambda function, ECS service, CodeBuild project or EKS cluster configured into subnets. The
// stack uses Secrets Manager when it declares a secret or one of its identity policies allows
// `secretsmanager:GetSecretValue` (also through `secretsmanager:*`, `secretsmanager:Get*`): a
// workload reading a secret made elsewhere needs the endpoint as much. `Action: "*"` alone does not
// count: it says nothing about secrets. An endpoint whose type keylint cannot resolve counts as an
// interface endpoint (never report what may be fine); a Secrets Manager endpoint of type Gateway
// (the default when `VpcEndpointType` / `vpc_endpoint_type` is absent) does not, and the message
// says so. Reported once per stack, at the first workload.
#include "checks/network/vpc_endpoint_missing.hpp"

#include "checks/check_metadata.hpp"
#include "checks/support/declared_secrets.hpp"
#include "checks/support/vpc_endpoints.hpp"
#include "iam/action_database.hpp"
#include "infra/stack_reader.hpp"

namespace keylint {
namespace {

struct WorkloadKind {
    const char* type;
    const char* vpc_property;  // must be present for the resource to run in a VPC; null: always
    const char* what;
};

constexpr WorkloadKind workload_kinds[] = {
    {"AWS::EC2::Subnet", nullptr, "subnet"},
    {"aws_subnet", nullptr, "subnet"},
    {"AWS::EC2::Instance", nullptr, "EC2 instance"},
    {"aws_instance", nullptr, "EC2 instance"},
    {"AWS::AutoScaling::AutoScalingGroup", "VPCZoneIdentifier", "auto-scaling group"},
    {"aws_autoscaling_group", "vpc_zone_identifier", "auto-scaling group"},
    {"AWS::Lambda::Function", "VpcConfig", "Lambda function in a VPC"},
    {"AWS::Serverless::Function", "VpcConfig", "Lambda function in a VPC"},
    {"aws_lambda_function", "vpc_config", "Lambda function in a VPC"},
    {"AWS::ECS::Service", "NetworkConfiguration", "ECS service with awsvpc networking"},
    {"aws_ecs_service", "network_configuration", "ECS service with awsvpc networking"},
    {"AWS::CodeBuild::Project", "VpcConfig", "CodeBuild project in a VPC"},
    {"aws_codebuild_project", "vpc_config", "CodeBuild project in a VPC"},
    {"AWS::EKS::Cluster", "ResourcesVpcConfig", "EKS cluster"},
    {"aws_eks_cluster", "vpc_config", "EKS cluster"},
};

const WorkloadKind* workload_kind(const StackResource& resource) {
    if (resource.data_source) return nullptr;
    for (const WorkloadKind& kind : workload_kinds) {
        if (resource.type != kind.type) continue;
        if (kind.vpc_property && !resource.property(kind.vpc_property)) return nullptr;
        return &kind;
    }
    return nullptr;
}

bool reads_secrets(const LocatedString& action) {
    // `*` alone matches too, but says nothing about secrets: only a Secrets Manager pattern counts.
    if (action.unknown || action.text.size() < 15 || !iam_wildcard_match("secretsmanager:", action.text.substr(0, 15))) {
        return false;
    }
    return iam_wildcard_match(action.text, "secretsmanager:GetSecretValue");
}

// Why the stack uses Secrets Manager, or empty.
std::string secrets_use(const StackContext& context) {
    const std::vector<const StackResource*> secrets = declared_secrets(context.stack);
    if (!secrets.empty()) return "declares secret " + secrets.front()->address;
    for (const Policy& policy : context.policies) {
        if (policy.kind != Policy::Kind::identity) continue;
        for (const PolicyStatement& statement : policy.statements) {
            if (!statement.allows()) continue;
            for (const LocatedString& action : statement.actions) {
                if (reads_secrets(action)) {
                    return "lets " + (policy.resource.empty() ? policy.origin : policy.resource) + " read secrets (" +
                           action.text + ")";
                }
            }
        }
    }
    return {};
}

void run(const StackCheck& self, const StackContext& context, std::vector<Finding>& out) {
    const StackResource* first_workload = nullptr;
    const WorkloadKind* kind = nullptr;
    for (const StackResource& resource : context.stack.resources) {
        if ((kind = workload_kind(resource))) {
            first_workload = &resource;
            break;
        }
    }
    if (!first_workload) return;
    const std::string use = secrets_use(context);
    if (use.empty()) return;
    const StackReader reader(context.stack);
    const std::vector<VpcEndpoint> endpoints = vpc_endpoints(reader);
    const VpcEndpoint* gateway = nullptr;
    for (const VpcEndpoint& endpoint : endpoints) {
        if (endpoint.possibly_secrets_manager) return;
        if (!endpoint.secrets_manager) continue;
        if (endpoint.interface() || endpoint.type.empty()) return;
        if (!gateway) gateway = &endpoint;
    }
    std::string message = "The stack runs VPC workloads (" + std::string(kind->what) + " " + first_workload->address +
                          ") and " + use + ", but defines no interface VPC endpoint for "
                          "com.amazonaws.<region>.secretsmanager: Secrets Manager calls leave the VPC through a "
                          "NAT gateway or fail.";
    if (gateway) {
        message += " Endpoint " + gateway->resource->address + " names Secrets Manager but is of type " +
                   gateway->type + ", which Secrets Manager does not offer (the default type is Gateway).";
    }
    message += " Add an AWS::EC2::VPCEndpoint / aws_vpc_endpoint of type Interface with private DNS enabled.";
    out.push_back(stack_finding(self, *first_workload, first_workload->span, std::move(message)));
}

}  // namespace

StackCheck vpc_endpoint_missing_check() { return StackCheck{check_metadata("vpc-endpoint-missing"), run}; }

}  // namespace keylint
