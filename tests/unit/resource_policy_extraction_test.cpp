// What the policy extractors take from the resources that hold resource policies
// (iam/terraform_extractor.hpp, iam/cloudformation_extractor.hpp): a row of each language's table,
// a document written as a JSON string in a template, and EventBridge's single statement read as a
// document. Whole-check behaviour on every kind of resource is in fixtures/policy/checks/*-policy.
#include <catch2/catch.hpp>

#include "iam/cloudformation_extractor.hpp"
#include "iam/principals.hpp"
#include "iam/terraform_extractor.hpp"
#include "infra/stack.hpp"
#include "syntax/hcl_reader.hpp"
#include "syntax/yaml_reader.hpp"

using namespace keylint;

namespace {

// One .tf file read into a module, and its policies.
struct Module {
    SourceText text;
    Value root;
    Stack stack;
    TerraformExtraction extraction;

    explicit Module(const std::string& bytes) : text("m/main.tf", bytes) {
        ParseResult parsed = read_hcl(text);
        REQUIRE(parsed.root);
        root = std::move(*parsed.root);
        stack = terraform_stack({{&text, &root}}, "m");
        extraction = extract_terraform_policies(stack);
    }
};

// One template read into a stack, and its policies.
struct Template {
    Value root;
    Stack stack;
    std::vector<Policy> policies;

    explicit Template(const std::string& bytes) {
        ParseResult parsed = read_yaml(SourceText("template.yaml", bytes));
        REQUIRE(parsed.root);
        root = std::move(*parsed.root);
        stack = cloudformation_stack(root, "template.yaml");
        policies = extract_cloudformation_policies(stack);
    }
};

// The principal of a statement as "type=value" entries.
std::vector<std::string> principal_of(const PolicyStatement& statement) {
    std::vector<std::string> out;
    for (const PrincipalEntry& entry : principal_entries(statement.principal)) {
        out.push_back(entry.type + "=" + entry.value.text + (entry.value.unknown ? " (unknown)" : ""));
    }
    return out;
}

}  // namespace

TEST_CASE("a Terraform policy attribute is read as the resource policy of its row; null or \"\" is none") {
    Module module(R"(resource "aws_sqs_queue" "orders" {
  name = "orders"
  policy = jsonencode({
    Statement = [{ Effect = "Allow", Principal = "*", Action = "sqs:SendMessage", Resource = "*" }]
  })
}
resource "aws_glacier_vault" "archive" {
  access_policy = "{\"Statement\": [{\"Effect\": \"Allow\", \"Principal\": {\"AWS\": \"*\"}, \"Action\": \"glacier:InitiateJob\"}]}"
}
resource "aws_s3control_multi_region_access_point_policy" "global" {
  details {
    name   = "global"
    policy = jsonencode({ Statement = [{ Effect = "Allow", Principal = "*", Action = "s3:GetObject" }] })
  }
}
resource "aws_sqs_queue" "plain" {
  name = "plain"
}
variable "topic_policy" {
  default = null
}
resource "aws_sns_topic" "unset" {
  policy = var.topic_policy
}
resource "aws_sns_topic" "empty" {
  policy = ""
}
)");
    // An optional policy attribute that is absent, null or "" holds no policy: nothing to warn about.
    CHECK(module.extraction.diagnostics.empty());
    REQUIRE(module.extraction.policies.size() == 3);
    const Policy& queue = module.extraction.policies[0];
    CHECK(queue.kind == Policy::Kind::resource);
    CHECK(queue.resource == "aws_sqs_queue.orders");
    CHECK(queue.origin == "aws_sqs_queue.orders");
    REQUIRE(queue.statements.size() == 1);
    CHECK(queue.statements[0].span.start_line == 4);
    CHECK(names_anyone(queue.statements[0].principal));
    const Policy& vault = module.extraction.policies[1];
    CHECK(vault.kind == Policy::Kind::resource);
    CHECK(vault.origin == "aws_glacier_vault.archive access_policy");
    REQUIRE(vault.statements.size() == 1);
    CHECK(names_anyone(vault.statements[0].principal));
    const Policy& global = module.extraction.policies[2];
    CHECK(global.origin == "aws_s3control_multi_region_access_point_policy.global details");
    REQUIRE(global.statements.size() == 1);
    CHECK(global.statements[0].span.start_line == 13);
}

TEST_CASE("a CloudFormation resource policy property is read as the resource policy of its row") {
    Template stack(R"(Resources:
  Repo:
    Type: AWS::ECR::Repository
    Properties:
      RepositoryPolicyText:
        Statement:
          - Effect: Allow
            Principal: "*"
            Action: ecr:BatchGetImage
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      QueueName: q
)");
    REQUIRE(stack.policies.size() == 1);
    const Policy& repository = stack.policies[0];
    CHECK(repository.kind == Policy::Kind::resource);
    CHECK(repository.resource == "Repo");
    CHECK(repository.origin == "resource Repo (AWS::ECR::Repository)");
    REQUIRE(repository.statements.size() == 1);
    CHECK(repository.statements[0].span.start_line == 7);
    CHECK(names_anyone(repository.statements[0].principal));
}

TEST_CASE("a CloudFormation policy written as a JSON string is read, its values spanning the string") {
    Template stack(R"(Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: '{"Statement": [{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole"}]}'
  Other:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: not a policy
  Block:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: |
        {"Statement": [{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]}
)");
    REQUIRE(stack.policies.size() == 2);
    const Policy& trust = stack.policies[0];
    CHECK(trust.kind == Policy::Kind::trust);
    CHECK(trust.resource == "Role");
    REQUIRE(trust.statements.size() == 1);
    CHECK(trust.statements[0].span.start_line == 5);
    CHECK(trust.statements[0].allows());
    CHECK(names_anyone(trust.statements[0].principal));
    const Policy& block = stack.policies[1];
    CHECK(block.kind == Policy::Kind::trust);
    CHECK(block.resource == "Block");
    REQUIRE(block.statements.size() == 1);
    CHECK(block.statements[0].span.start_line == 13);  // the block scalar begins at its `|`
    CHECK_FALSE(names_anyone(block.statements[0].principal));
}

TEST_CASE("EventBridge's single Statement is read as a document of that statement, as an object or a JSON string") {
    Template stack(R"(Resources:
  Open:
    Type: AWS::Events::EventBusPolicy
    Properties:
      StatementId: Open
      Statement:
        Effect: Allow
        Principal: "*"
        Action: events:PutEvents
        Resource: arn:aws:events:eu-west-1:111122223333:event-bus/default
  Partner:
    Type: AWS::Events::EventBusPolicy
    Properties:
      StatementId: Partner
      Statement: '{"Effect": "Allow", "Principal": {"AWS": "444455556666"}, "Action": "events:PutEvents"}'
)");
    REQUIRE(stack.policies.size() == 2);
    const Policy& open = stack.policies[0];
    CHECK(open.kind == Policy::Kind::resource);
    REQUIRE(open.statements.size() == 1);
    CHECK(open.statements[0].span.start_line == 7);
    CHECK(open.statements[0].allows());
    CHECK(principal_of(open.statements[0]) == std::vector<std::string>{"*=*"});
    REQUIRE(open.statements[0].actions.size() == 1);
    CHECK(open.statements[0].actions[0].text == "events:PutEvents");
    const Policy& partner = stack.policies[1];
    REQUIRE(partner.statements.size() == 1);
    CHECK(partner.statements[0].span.start_line == 15);
    CHECK(principal_of(partner.statements[0]) == std::vector<std::string>{"AWS=444455556666"});
}
