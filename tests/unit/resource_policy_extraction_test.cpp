// What the policy extractors take from the resources that hold resource policies
// (iam/terraform_extractor.hpp, iam/cloudformation_extractor.hpp): a row of each language's table,
// a document written as a JSON string in a template, EventBridge's single statement read as a
// document, and Lambda permissions turned into one statement (iam/permission_policy.hpp) whose
// principal and conditions the shared readings judge. Whole-check behaviour on every kind of
// resource is in fixtures/policy/checks/*-policy and lambda-permission.
#include <catch2/catch.hpp>

#include "iam/cloudformation_extractor.hpp"
#include "iam/conditions.hpp"
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

// The condition of a statement as "operator key=value" clauses.
std::vector<std::string> conditions_of(const PolicyStatement& statement) {
    std::vector<std::string> out;
    for (const ConditionClause& clause : condition_clauses(statement.condition)) {
        out.push_back(clause.op + " " + clause.key + "=" + clause.values->scalar);
    }
    return out;
}

bool caller_restricted(const PolicyStatement& statement) {
    return find_restriction(condition_clauses(statement.condition), caller_restricting_keys) != nullptr;
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

TEST_CASE("a Terraform Lambda permission is one Allow statement: principal kind, action, function, conditions") {
    Module module(R"(variable "caller" {}
resource "aws_lambda_permission" "anyone" {
  statement_id  = "Anyone"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.f.function_name
  principal     = "*"
}
resource "aws_lambda_permission" "bucket" {
  action         = "lambda:InvokeFunction"
  function_name  = "resize"
  principal      = "s3.amazonaws.com"
  source_arn     = aws_s3_bucket.uploads.arn
  source_account = "111122223333"
}
resource "aws_lambda_permission" "organization" {
  action           = "lambda:InvokeFunction"
  function_name    = "resize"
  principal        = "*"
  principal_org_id = "o-a1b2c3d4e5"
}
resource "aws_lambda_permission" "account" {
  action        = "lambda:InvokeFunction"
  function_name = "resize"
  principal     = "444455556666"
}
resource "aws_lambda_permission" "unresolved" {
  action        = "lambda:InvokeFunction"
  function_name = "resize"
  principal     = var.caller
}
resource "aws_lambda_layer_version_permission" "layer" {
  layer_name      = "arn:aws:lambda:eu-west-1:111122223333:layer:common"
  version_number  = 3
  action          = "lambda:GetLayerVersion"
  principal       = "*"
  organization_id = "o-a1b2c3d4e5"
}
)");
    CHECK(module.extraction.diagnostics.empty());
    const std::vector<Policy>& policies = module.extraction.policies;
    REQUIRE(policies.size() == 6);
    for (const Policy& policy : policies) {
        INFO(policy.resource);
        CHECK(policy.kind == Policy::Kind::resource);
        REQUIRE(policy.statements.size() == 1);
        CHECK(policy.statements[0].allows());
        CHECK(policy.statements[0].has_action);
        CHECK(policy.statements[0].has_resource);
    }

    const PolicyStatement& anyone = policies[0].statements[0];
    CHECK(policies[0].resource == "aws_lambda_permission.anyone");
    CHECK(policies[0].origin == "aws_lambda_permission.anyone");
    CHECK(anyone.span.start_line == 2);  // the permission resource
    REQUIRE(anyone.sid);
    CHECK(anyone.sid->text == "Anyone");
    CHECK(principal_of(anyone) == std::vector<std::string>{"*=*"});
    CHECK(anyone.principal->span.start_line == 6);  // its principal attribute
    CHECK(anyone.actions[0].text == "lambda:InvokeFunction");
    CHECK(anyone.resources[0].text == "aws_lambda_function.f.function_name");
    CHECK(anyone.condition == nullptr);
    CHECK(names_anyone(anyone.principal));
    CHECK_FALSE(caller_restricted(anyone));

    const PolicyStatement& bucket = policies[1].statements[0];
    CHECK(principal_of(bucket) == std::vector<std::string>{"Service=s3.amazonaws.com"});
    CHECK(conditions_of(bucket) == std::vector<std::string>{"ArnLike aws:SourceArn=aws_s3_bucket.uploads.arn",
                                                            "StringEquals aws:SourceAccount=111122223333"});
    CHECK_FALSE(names_anyone(bucket.principal));
    CHECK(caller_restricted(bucket));

    const PolicyStatement& organization = policies[2].statements[0];
    CHECK(names_anyone(organization.principal));
    CHECK(conditions_of(organization) == std::vector<std::string>{"StringEquals aws:PrincipalOrgID=o-a1b2c3d4e5"});
    CHECK(caller_restricted(organization));

    const PolicyStatement& account = policies[3].statements[0];
    CHECK(principal_of(account) == std::vector<std::string>{"AWS=444455556666"});
    CHECK(names_whole_account(account.principal));

    CHECK(principal_of(policies[4].statements[0]) == std::vector<std::string>{"AWS=var.caller (unknown)"});

    const PolicyStatement& layer = policies[5].statements[0];
    CHECK(policies[5].resource == "aws_lambda_layer_version_permission.layer");
    CHECK(layer.actions[0].text == "lambda:GetLayerVersion");
    CHECK(layer.resources[0].text == "arn:aws:lambda:eu-west-1:111122223333:layer:common");
    CHECK(conditions_of(layer) == std::vector<std::string>{"StringEquals aws:PrincipalOrgID=o-a1b2c3d4e5"});
}

TEST_CASE("a CloudFormation Lambda permission is one Allow statement, with conditions from SourceArn and the rest") {
    Template stack(R"(Resources:
  Open:
    Type: AWS::Lambda::Permission
    Properties:
      Action: lambda:InvokeFunction
      FunctionName: !GetAtt Resize.Arn
      Principal: "*"
  FromTopic:
    Type: AWS::Lambda::Permission
    Properties:
      Action: lambda:InvokeFunction
      FunctionName: resize
      Principal: sns.amazonaws.com
      SourceArn: !Ref Uploads
      SourceAccount: !Ref AWS::AccountId
  PublicUrl:
    Type: AWS::Lambda::Permission
    Properties:
      Action: lambda:InvokeFunctionUrl
      FunctionName: resize
      Principal: "*"
      FunctionUrlAuthType: NONE
  Layer:
    Type: AWS::Lambda::LayerVersionPermission
    Properties:
      Action: lambda:GetLayerVersion
      LayerVersionArn: !Ref CommonLayer
      Principal: "111122223333"
  Uploads:
    Type: AWS::SNS::Topic
  CommonLayer:
    Type: AWS::Lambda::LayerVersion
)");
    REQUIRE(stack.policies.size() == 4);
    const PolicyStatement& open = stack.policies[0].statements.at(0);
    CHECK(stack.policies[0].origin == "resource Open (AWS::Lambda::Permission)");
    CHECK(open.span.start_line == 2);
    CHECK(open.principal->span.start_line == 7);
    CHECK(open.resources[0].text == "${Resize.Arn}");
    CHECK(names_anyone(open.principal));
    CHECK_FALSE(caller_restricted(open));

    const PolicyStatement& topic = stack.policies[1].statements.at(0);
    CHECK(principal_of(topic) == std::vector<std::string>{"Service=sns.amazonaws.com"});
    CHECK(conditions_of(topic) == std::vector<std::string>{"ArnLike aws:SourceArn=${Uploads}",
                                                           "StringEquals aws:SourceAccount=${AWS::AccountId}"});

    // The function URL's auth type is a condition, but not one on the caller.
    const PolicyStatement& url = stack.policies[2].statements.at(0);
    CHECK(conditions_of(url) == std::vector<std::string>{"StringEquals lambda:FunctionUrlAuthType=NONE"});
    CHECK(names_anyone(url.principal));
    CHECK_FALSE(caller_restricted(url));

    const PolicyStatement& layer = stack.policies[3].statements.at(0);
    CHECK(principal_of(layer) == std::vector<std::string>{"AWS=111122223333"});
    CHECK(layer.resources[0].text == "${CommonLayer}");
    CHECK(layer.condition == nullptr);
}
