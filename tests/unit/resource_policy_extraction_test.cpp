// What the policy extractors take from the resources that hold policies
// (iam/terraform_extractor.hpp, iam/cloudformation_extractor.hpp): a document written as a JSON
// string in a template.
#include <catch2/catch.hpp>

#include "iam/cloudformation_extractor.hpp"
#include "iam/principals.hpp"
#include "infra/stack.hpp"
#include "syntax/yaml_reader.hpp"

using namespace keylint;

namespace {

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

}  // namespace

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
