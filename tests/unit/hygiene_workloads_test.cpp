// The checks over a stack's workloads (src/checks/network/, workloads/): how a Secrets Manager endpoint's service
// name is recognised in each spelling, how a workload setting is judged a credential, and the
// tricky cases of the checks run through the policy analyzer. The checks' failing and passing
// fixtures are run end to end by tests/e2e/run_hygiene_workloads.py.
#include <catch2/catch.hpp>

#include <algorithm>

#include "audit/policy_analyzer.hpp"
#include "checks/support/credential_setting.hpp"
#include "checks/support/vpc_endpoints.hpp"
#include "infra/embedded_json.hpp"
#include "infra/stack_reader.hpp"
#include "syntax/hcl_reader.hpp"
#include "syntax/yaml_reader.hpp"

using namespace keylint;

namespace {

Value string_value(const std::string& text) {
    Value value;
    value.kind = Value::Kind::string;
    value.scalar = text;
    return value;
}

using Found = std::vector<std::pair<std::string, uint32_t>>;

Found found(const PolicyFileOutcome& outcome, const std::string& rule_id) {
    Found out;
    for (const Finding& finding : outcome.findings) {
        if (finding.rule_id == rule_id) out.emplace_back(finding.path, finding.span.start_line);
    }
    std::sort(out.begin(), out.end());
    return out;
}

const Finding* first(const PolicyFileOutcome& outcome, const std::string& rule_id) {
    for (const Finding& finding : outcome.findings) {
        if (finding.rule_id == rule_id) return &finding;
    }
    return nullptr;
}

PolicyFileOutcome terraform(const std::string& text) {
    static std::vector<std::unique_ptr<SourceText>> keep;  // findings point at paths only, but keep texts alive
    keep.push_back(std::make_unique<SourceText>("m/main.tf", text));
    return analyze_terraform_module({keep.back().get()});
}

}  // namespace

TEST_CASE("a Secrets Manager service name is recognised in every spelling") {
    for (const char* name : {"com.amazonaws.eu-west-1.secretsmanager", "com.amazonaws.us-gov-west-1.secretsmanager",
                             "com.amazonaws.${AWS::Region}.secretsmanager", "com.amazonaws.${var.region}.secretsmanager",
                             "\"com.amazonaws.${data.aws_region.current.name}.secretsmanager\"",
                             "format(\"com.amazonaws.%s.secretsmanager\", var.region)",
                             "com.amazonaws.us-east-1.secretsmanager-fips", "COM.AMAZONAWS.EU-WEST-1.SECRETSMANAGER"}) {
        INFO(name);
        CHECK(names_secrets_manager_service(name));
    }
    for (const char* name : {"secretsmanager", "com.amazonaws.eu-west-1.ssm", "com.amazonaws.eu-west-1.secretsmanager.x",
                             "com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0",
                             "com.amazonaws.${a}${b}.secretsmanager", "com.amazonaws..secretsmanager",
                             "com.amazonaws.eu-west.secretsmanager", "com.amazonaws.euwest1.secretsmanager",
                             "aws.sagemaker.eu-west-1.secretsmanager", "com.amazonaws.eu-west-1.kms", ""}) {
        INFO(name);
        CHECK_FALSE(names_secrets_manager_service(name));
    }
}

TEST_CASE("CloudFormation endpoints: Sub, Join and a literal region name Secrets Manager; the type defaults to Gateway") {
    const SourceText text("t.yaml", R"(Parameters:
  Region:
    Type: String
    Default: eu-west-1
Resources:
  BySub:
    Type: AWS::EC2::VPCEndpoint
    Properties:
      ServiceName: !Sub "com.amazonaws.${AWS::Region}.secretsmanager"
      VpcEndpointType: Interface
  ByJoin:
    Type: AWS::EC2::VPCEndpoint
    Properties:
      ServiceName: !Join [".", ["com.amazonaws", !Ref Region, "secretsmanager"]]
  ByParameter:
    Type: AWS::EC2::VPCEndpoint
    Properties:
      ServiceName: !Sub "com.amazonaws.${Region}.secretsmanager"
      VpcEndpointType: !Ref Unknown
  S3:
    Type: AWS::EC2::VPCEndpoint
    Properties:
      ServiceName: !Sub "com.amazonaws.${AWS::Region}.s3"
)");
    ParseResult parsed = read_yaml(text);
    REQUIRE(parsed.root);
    const Stack stack = cloudformation_stack(*parsed.root, "t.yaml");
    const StackReader reader(stack);
    const std::vector<VpcEndpoint> endpoints = vpc_endpoints(reader);
    REQUIRE(endpoints.size() == 4);
    CHECK((endpoints[0].secrets_manager && endpoints[0].type == "Interface"));
    CHECK((endpoints[1].secrets_manager && endpoints[1].type == "Gateway"));
    CHECK((endpoints[2].secrets_manager && endpoints[2].type.empty()));  // a parameter without a default
    CHECK_FALSE(endpoints[3].secrets_manager);
}

TEST_CASE("Terraform endpoints: interpolation, data.aws_region, format() and aws_vpc_endpoint_service") {
    const std::string module = R"(variable "region" { default = "eu-west-1" }
variable "unset_region" {}
data "aws_region" "current" {}
data "aws_vpc_endpoint_service" "sm" { service = "secretsmanager" }
resource "aws_vpc_endpoint" "by_variable" {
  service_name      = "com.amazonaws.${var.region}.secretsmanager"
  vpc_endpoint_type = "Interface"
}
resource "aws_vpc_endpoint" "by_unset_variable" { service_name = "com.amazonaws.${var.unset_region}.secretsmanager" }
resource "aws_vpc_endpoint" "by_data" { service_name = "com.amazonaws.${data.aws_region.current.name}.secretsmanager" }
resource "aws_vpc_endpoint" "by_format" { service_name = format("com.amazonaws.%s.secretsmanager", var.region) }
resource "aws_vpc_endpoint" "by_lookup" { service_name = data.aws_vpc_endpoint_service.sm.service_name }
resource "aws_vpc_endpoint" "s3" { service_name = "com.amazonaws.${var.region}.s3" }
resource "aws_vpc_endpoint" "per_service" {
  for_each     = toset(["ssm", "secretsmanager"])
  service_name = "com.amazonaws.${var.region}.${each.value}"
}
resource "aws_vpc_endpoint" "per_map_entry" {
  for_each     = { sm = "secretsmanager" }
  service_name = "com.amazonaws.${var.region}.${each.value}"
}
resource "aws_vpc_endpoint" "other_services" {
  for_each     = toset(["ssm", "kms"])
  service_name = "com.amazonaws.${var.region}.${each.key}"
}
resource "aws_vpc_endpoint" "unknown_services" {
  for_each     = toset(var.services)
  service_name = "com.amazonaws.${var.region}.${each.key}"
}
)";
    SourceText text("m/main.tf", module);
    ParseResult parsed = read_hcl(text);
    REQUIRE(parsed.root);
    const Stack stack = terraform_stack({{&text, &*parsed.root}}, "m");
    const StackReader reader(stack);
    std::vector<std::string> secrets_manager;
    for (const VpcEndpoint& endpoint : vpc_endpoints(reader)) {
        if (endpoint.secrets_manager) secrets_manager.push_back(endpoint.resource->name);
    }
    CHECK(secrets_manager == std::vector<std::string>{"by_variable", "by_unset_variable", "by_data", "by_format",
                                                      "by_lookup", "per_service", "per_map_entry"});
    std::vector<std::string> possibly;
    for (const VpcEndpoint& endpoint : vpc_endpoints(reader)) {
        if (endpoint.possibly_secrets_manager) possibly.push_back(endpoint.resource->name);
    }
    CHECK(possibly == std::vector<std::string>{"unknown_services"});
    CHECK(vpc_endpoints(reader)[0].interface());
    CHECK(vpc_endpoints(reader)[1].type == "Gateway");
}

TEST_CASE("a workload setting is a credential by the credential detector's judgement of name and value") {
    const std::optional<CredentialSetting> password = credential_setting("DB_PASSWORD", string_value("Wint3r-Sky-2024"));
    REQUIRE(password);
    CHECK(password->value == "Wint3r-Sky-2024");
    CHECK(password->reason.find("Wint3r") == std::string::npos);  // the reason never holds the value
    CHECK(credential_setting("STRIPE_API_KEY", string_value("sk_live_4eC39HqLyjWDarjtT1zdp7dc")));
    CHECK_FALSE(credential_setting("PASSWORD_MIN_LENGTH", string_value("12")));
    CHECK_FALSE(credential_setting("DB_PASSWORD", string_value("changeme")));
    CHECK_FALSE(credential_setting("DB_PASSWORD", string_value("${DbPassword}")));
    CHECK_FALSE(credential_setting("DB_PASSWORD", string_value("{{resolve:secretsmanager:prod/db:SecretString:password}}")));
    CHECK_FALSE(credential_setting("DB_PASSWORD_SECRET_ARN",
                                   string_value("arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbCdEf")));
    CHECK_FALSE(credential_setting("LOG_LEVEL", string_value("Wint3r-Sky-2024")));
    Value unknown = string_value("aws_secretsmanager_secret_version.db.secret_string");
    unknown.kind = Value::Kind::unknown;
    CHECK_FALSE(credential_setting("DB_PASSWORD", unknown));
}

TEST_CASE("stack reading: booleans as written, repeated blocks and lists as items") {
    Value yes = string_value("True");
    CHECK(boolean_value(yes) == true);
    yes.kind = Value::Kind::boolean;
    yes.scalar = "false";
    CHECK(boolean_value(yes) == false);
    CHECK_FALSE(boolean_value(string_value("yes")).has_value());

    SourceText text("m/main.tf", R"(resource "aws_codebuild_project" "p" {
  environment {
    environment_variable {
      name = "A"
    }
    environment_variable {
      name = "B"
    }
  }
})");
    ParseResult parsed = read_hcl(text);
    REQUIRE(parsed.root);
    const Value& body = *parsed.root->find("resource")->find("aws_codebuild_project")->find("p");
    const std::vector<const Value*> environments = items_named(body, "environment");
    REQUIRE(environments.size() == 1);
    const std::vector<const Value*> variables = items_named(*environments[0], "environment_variable");
    REQUIRE(variables.size() == 2);
    CHECK(variables[1]->find("name")->scalar == "B");
    CHECK(variables[1]->span.start_line == 6);
}

TEST_CASE("an ECS heredoc container definition keeps exact lines; the finding masks the value") {
    const PolicyFileOutcome outcome = terraform(R"(resource "aws_ecs_task_definition" "app" {
  family = "app"
  container_definitions = <<EOF
[
  {
    "name": "app",
    "environment": [
      {"name": "LOG_LEVEL", "value": "debug"},
      {"name": "DB_PASSWORD", "value": "Wint3r-Sky-2024"}
    ]
  }
]
EOF
}
)");
    CHECK(found(outcome, "ecs-env-credential") == Found{{"m/main.tf", 9}});
    const Finding* finding = first(outcome, "ecs-env-credential");
    REQUIRE(finding);
    CHECK(finding->message.find("Wint3r-Sky-2024") == std::string::npos);
    CHECK(finding->secret == "Wint3r-Sky-2024");  // for redaction, which the audit pipeline applies
    CHECK(finding->properties.at("key") == "DB_PASSWORD");
}

TEST_CASE("RDS passwords: literal, plain parameter, NoEcho default; dynamic references and NoEcho pass") {
    const std::string text = R"(Parameters:
  PlainPassword:
    Type: String
  HiddenPassword:
    Type: String
    NoEcho: true
  HiddenWithDefault:
    Type: String
    NoEcho: "true"
    Default: Wint3r-Sky-2024
Resources:
  Literal:
    Type: AWS::RDS::DBInstance
    Properties:
      MasterUserPassword: Wint3r-Sky-2024
  Plain:
    Type: AWS::RDS::DBCluster
    Properties:
      MasterUserPassword: !Ref PlainPassword
  Hidden:
    Type: AWS::RDS::DBInstance
    Properties:
      MasterUserPassword: !Ref HiddenPassword
  HiddenDefault:
    Type: AWS::RDS::DBInstance
    Properties:
      MasterUserPassword: !Ref HiddenWithDefault
  Dynamic:
    Type: AWS::RDS::DBInstance
    Properties:
      MasterUserPassword: "{{resolve:secretsmanager:prod/db:SecretString:password}}"
  Managed:
    Type: AWS::RDS::DBInstance
    Properties:
      ManageMasterUserPassword: true
)";
    const PolicyFileOutcome outcome = analyze_policy_file(SourceText("t.yaml", text));
    CHECK(found(outcome, "rds-literal-password") == Found{{"t.yaml", 15}, {"t.yaml", 19}, {"t.yaml", 27}});
    for (const Finding& finding : outcome.findings) CHECK(finding.message.find("Wint3r") == std::string::npos);
}

TEST_CASE("aws:SourceVpce: a VPC reference and a VPC id are errors, a stale literal id a note") {
    const std::string text = R"(Resources:
  Vpc:
    Type: AWS::EC2::VPC
  Endpoint:
    Type: AWS::EC2::VPCEndpoint
    Properties:
      ServiceName: !Sub "com.amazonaws.${AWS::Region}.secretsmanager"
      VpcEndpointType: Interface
      PrivateDnsEnabled: true
      PolicyDocument:
        Statement:
          - Effect: Allow
            Principal: "*"
            Action: secretsmanager:GetSecretValue
            Resource: "*"
  Policy:
    Type: AWS::SecretsManager::ResourcePolicy
    Properties:
      SecretId: arn:aws:secretsmanager:eu-west-1:123456789012:secret:db
      ResourcePolicy:
        Statement:
          - Effect: Deny
            Principal: "*"
            Action: secretsmanager:GetSecretValue
            Resource: "*"
            Condition:
              StringNotEquals:
                aws:SourceVpce: [!Ref Vpc, vpc-0123456789abcdef0, vpce-0123456789abcdef0, !Ref Endpoint]
)";
    const PolicyFileOutcome outcome = analyze_policy_file(SourceText("t.yaml", text));
    std::vector<Level> levels;
    for (const Finding& finding : outcome.findings) {
        if (finding.rule_id == "source-vpce-undefined") levels.push_back(finding.level);
    }
    CHECK(levels == std::vector<Level>{Level::error, Level::error, Level::note});
    CHECK(found(outcome, "vpc-endpoint-open-policy").empty());  // one action, not every action
    CHECK(found(outcome, "vpc-endpoint-private-dns").empty());
}

TEST_CASE("vpc-endpoint-missing: a policy reading secrets counts, Action * alone does not; an unresolved endpoint type passes") {
    const std::string workload = R"(Resources:
  Subnet:
    Type: AWS::EC2::Subnet
  Policy:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Statement:
          - Effect: Allow
            Action: ACTION
            Resource: "*"
)";
    auto with_action = [&](const std::string& action) {
        std::string text = workload;
        text.replace(text.find("ACTION"), 6, action);
        return found(analyze_policy_file(SourceText("t.yaml", text)), "vpc-endpoint-missing");
    };
    CHECK(with_action("SecretsManager:GetSecret*") == Found{{"t.yaml", 2}});
    CHECK(with_action("secretsmanager:*") == Found{{"t.yaml", 2}});
    CHECK(with_action("\"*\"").empty());
    CHECK(with_action("secretsmanager:ListSecrets").empty());

    const PolicyFileOutcome unresolved = analyze_policy_file(SourceText("t.yaml", R"(Parameters:
  EndpointType:
    Type: String
  PrivateDns:
    Type: String
Resources:
  Subnet:
    Type: AWS::EC2::Subnet
  Secret:
    Type: AWS::SecretsManager::Secret
  Endpoint:
    Type: AWS::EC2::VPCEndpoint
    Properties:
      ServiceName: com.amazonaws.eu-west-1.secretsmanager
      VpcEndpointType: !Ref EndpointType
      PrivateDnsEnabled: !Ref PrivateDns
      PolicyDocument: '{"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*"}]}'
)"));
    CHECK(found(unresolved, "vpc-endpoint-missing").empty());
    const Finding* dns = first(unresolved, "vpc-endpoint-private-dns");
    REQUIRE(dns);
    CHECK(dns->level == Level::note);  // never passed silently, never a guess
    CHECK(dns->message.find("Ref PrivateDns") != std::string::npos);
    // A policy written as a JSON string is read too; the finding points at the property.
    CHECK(found(unresolved, "vpc-endpoint-open-policy") == Found{{"t.yaml", 17}});
}

TEST_CASE("vpc-endpoint-open-policy: a Condition counts only when it limits the statement") {
    auto with_condition = [](const std::string& condition) {
        std::string text = R"(Resources:
  Endpoint:
    Type: AWS::EC2::VPCEndpoint
    Properties:
      ServiceName: com.amazonaws.eu-west-1.secretsmanager
      VpcEndpointType: Interface
      PrivateDnsEnabled: true
      PolicyDocument:
        Statement:
          - Effect: Allow
            Principal: "*"
            Action: "*"
            Resource: "*"
)";
        text += condition;
        return found(analyze_policy_file(SourceText("t.yaml", text)), "vpc-endpoint-open-policy");
    };
    CHECK(with_condition("") == Found{{"t.yaml", 10}});
    // HTTPS only, or a pattern of "*": every caller still gets everything.
    CHECK(with_condition("            Condition:\n              Bool:\n                aws:SecureTransport: \"true\"\n") ==
          Found{{"t.yaml", 10}});
    CHECK(with_condition("            Condition:\n              StringLike:\n                aws:PrincipalArn: \"*\"\n") ==
          Found{{"t.yaml", 10}});
    // A real restriction, and a condition that can never hold (it grants nothing).
    CHECK(with_condition("            Condition:\n              StringEquals:\n                aws:PrincipalOrgID: o-a1b2c3d4e5\n").empty());
    CHECK(with_condition("            Condition:\n              DateLessThan:\n                aws:CurrentTime: \"2001-01-01T00:00:00Z\"\n").empty());
}

TEST_CASE("every .tf file of a directory belongs to its module, with or without an AWS resource in it") {
    const SourceText providers("m/providers.tf", R"hcl(provider "aws" {
  region = "eu-west-1"
  default_tags {
    tags = { owner = "payments" }
  }
}
)hcl");
    const SourceText main("m/main.tf", R"hcl(resource "aws_secretsmanager_secret" "db" {
  name = "db"
}
)hcl");
    const PolicyFileOutcome together = analyze_terraform_module({&providers, &main});
    CHECK(found(together, "secret-untagged").empty());
    CHECK(together.diagnostics.empty());
    // The same secret without the provider file is untagged.
    const PolicyFileOutcome alone = analyze_terraform_module({&main});
    CHECK(found(alone, "secret-untagged") == Found{{"m/main.tf", 1}});
}
