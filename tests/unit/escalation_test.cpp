// Escalation analysis (src/checks/escalation/): the signature file and its loader, condition
// classification, resource scopes, principals and their attachments, effective permissions with
// denies, and related locations in the reports.
#include <catch2/catch.hpp>
#include <set>
#include <sstream>

#include "audit/check_registry.hpp"
#include "checks/escalation/aws_managed_policies.hpp"
#include "iam/aws_managed_policy_data.hpp"
#include "checks/escalation/effective_permissions.hpp"
#include "checks/escalation/principals.hpp"
#include "checks/escalation/signatures.hpp"
#include "checks/stack_check.hpp"
#include "core/error.hpp"
#include "iam/action_database.hpp"
#include "iam/cloudformation_extractor.hpp"
#include "iam/condition_verdict.hpp"
#include "iam/terraform_extractor.hpp"
#include "infra/stack.hpp"
#include "report/json_reporter.hpp"
#include "report/sarif_reporter.hpp"
#include "report/text_reporter.hpp"
#include "syntax/hcl_reader.hpp"
#include "syntax/json_reader.hpp"
#include "syntax/yaml_reader.hpp"

using namespace keylint;
using namespace std::chrono;

namespace {

const sys_days run_date = sys_days(year(2026) / 6 / 1);

Value json_value(const std::string& text) {
    ParseResult parsed = read_json(SourceText("condition.json", text));
    REQUIRE(parsed.root);
    return std::move(*parsed.root);
}

ConditionVerdict::Kind verdict_of(const std::string& condition) {
    const Value value = json_value(condition);
    return classify_condition(&value, run_date).kind;
}

// A CloudFormation template with its stack, policies and principals.
struct Template {
    Value root;
    Stack stack;
    std::vector<Policy> policies;
    std::vector<Principal> principals;

    explicit Template(const std::string& text) {
        ParseResult parsed = read_yaml(SourceText("template.yaml", text));
        REQUIRE(parsed.root);
        root = std::move(*parsed.root);
        stack = cloudformation_stack(root, "template.yaml");
        policies = extract_cloudformation_policies(stack);
        principals = stack_principals(stack, policies);
    }

    const Principal& principal(const std::string& address) const {
        for (const Principal& principal : principals) {
            if (principal.resource->address == address) return principal;
        }
        FAIL("no principal " << address);
        return principals.front();
    }
};

struct Module {
    SourceText text;
    Value root;
    Stack stack;
    std::vector<Policy> policies;
    std::vector<Principal> principals;

    explicit Module(const std::string& hcl) : text("main.tf", hcl) {
        ParseResult parsed = read_hcl(text);
        REQUIRE(parsed.root);
        root = std::move(*parsed.root);
        stack = terraform_stack({{&text, &root}}, "m");
        policies = extract_terraform_policies(stack).policies;
        principals = stack_principals(stack, policies);
    }

    const Principal& principal(const std::string& address) const {
        for (const Principal& principal : principals) {
            if (principal.resource->address == address) return principal;
        }
        FAIL("no principal " << address);
        return principals.front();
    }
};

std::set<std::string> granted(const Principal& principal, const std::vector<std::string>& actions) {
    std::set<std::string> out;
    for (const auto& [action, grants] : effective_permissions(principal, actions, run_date).grants) out.insert(action);
    return out;
}

std::vector<std::string> policy_names(const Principal& principal) {
    std::vector<std::string> names;
    for (const AppliedPolicy& policy : principal.policies) names.push_back(policy.name + (policy.via.empty() ? "" : " / " + policy.via));
    return names;
}

}  // namespace

TEST_CASE("the built-in signatures are at least 30, in the four categories, and name only documented actions", "[escalation]") {
    const std::vector<EscalationSignature>& signatures = builtin_signatures();
    CHECK(signatures.size() >= 30);
    const IamActionDatabase& database = IamActionDatabase::builtin();
    std::set<std::string> categories;
    for (const EscalationSignature& signature : signatures) {
        categories.insert(signature.category);
        for (const SignatureStep& step : signature.steps) {
            for (const std::string& action : step.actions) {
                const std::vector<const IamActionRow*> rows = database.expand(action);
                INFO(signature.id << ": " << action);
                REQUIRE(rows.size() == 1);
                // Spelled exactly as AWS documents it.
                CHECK(std::string(rows[0]->service) + ":" + rows[0]->action == action);
            }
        }
    }
    CHECK(categories == std::set<std::string>{"privilege-escalation", "credentials-exposure", "data-access", "resource-exposure"});
}

TEST_CASE("every signature is listed as a policy rule with its category tag", "[escalation]") {
    std::set<std::string> ids;
    for (const RuleInfo& rule : policy_audit_rules()) ids.insert(rule.id);
    for (const EscalationSignature& signature : builtin_signatures()) {
        CHECK(ids.contains(signature.id));
    }
    for (const RuleInfo& rule : policy_audit_rules()) {
        if (rule.id != "escalation-passrole-ec2") continue;
        CHECK(rule.tags == std::vector<std::string>{"policy", "iam", "privilege-escalation"});
        CHECK(rule.help.find("**Fix:**") != std::string::npos);
        CHECK(rule.security_severity == 8.5);
    }
}

TEST_CASE("bad signature files are errors naming the file and the entry", "[escalation]") {
    const std::string step = "[[signatures.steps]]\nactions = [\"iam:PassRole\"]\n";
    const std::string head = "[[signatures]]\nid = \"x\"\ntitle = \"T\"\ncategory = \"data-access\"\nseverity = 5.0\n"
                             "explanation = \"E\"\nfix = \"F\"\n";
    CHECK_THROWS_WITH(parse_signatures("s.toml", head + "colour = \"red\"\n" + step),
                      "s.toml: signature 'x': unknown key 'colour'");
    CHECK_THROWS_WITH(parse_signatures("s.toml", head + step + "resource = \"some\"\n"),
                      "s.toml: signature 'x': unknown resource requirement 'some'");
    CHECK_THROWS_WITH(parse_signatures("s.toml", head + step + "pass_to = \"ec2.amazonaws.com\"\n"),
                      "s.toml: signature 'x': 'pass_to' goes with resource = \"pass-role\", and only with it");
    CHECK_THROWS_WITH(parse_signatures("s.toml", head), "s.toml: signature 'x': a signature needs at least one [[signatures.steps]]");
    CHECK_THROWS_WITH(parse_signatures("s.toml", head + step + head + step), "s.toml: signature 'x' is defined twice");
    CHECK_THROWS_AS(parse_signatures("s.toml", "[[signatures]\n"), ConfigError);
    CHECK(parse_signatures("s.toml", head + step).size() == 1);
}

TEST_CASE("conditions are restricting, always hold or never hold", "[escalation][conditions]") {
    using Kind = ConditionVerdict::Kind;
    CHECK(classify_condition(nullptr, run_date).kind == Kind::none);
    CHECK(verdict_of(R"({"Bool": {"aws:MultiFactorAuthPresent": "true"}})") == Kind::restricting);
    CHECK(verdict_of(R"({"IpAddress": {"aws:SourceIp": ["203.0.113.0/24"]}})") == Kind::restricting);
    // Time in the past: the statement is dead.
    CHECK(verdict_of(R"({"DateLessThan": {"aws:CurrentTime": "2020-01-01T00:00:00Z"}})") == Kind::never_holds);
    CHECK(verdict_of(R"({"DateLessThan": {"aws:TokenIssueTime": "2024-03-01"}})") == Kind::never_holds);
    CHECK(verdict_of(R"({"DateLessThanEquals": {"aws:EpochTime": "1577836800"}})") == Kind::never_holds);
    CHECK(verdict_of(R"({"DateLessThan": {"aws:CurrentTime": "2030-01-01T00:00:00Z"}})") == Kind::restricting);
    CHECK(verdict_of(R"({"DateLessThan": {"aws:CurrentTime": ["2020-01-01", "2030-01-01"]}})") == Kind::restricting);
    CHECK(verdict_of(R"({"DateGreaterThan": {"aws:CurrentTime": "2099-01-01T00:00:00Z"}})") == Kind::restricting);
    // Regions that cannot exist.
    CHECK(verdict_of(R"({"StringEquals": {"aws:RequestedRegion": ["moon-base"]}})") == Kind::never_holds);
    CHECK(verdict_of(R"({"StringEquals": {"aws:RequestedRegion": ["eu-west-1"]}})") == Kind::restricting);
    CHECK(verdict_of(R"({"StringEquals": {"aws:RequestedRegion": ["us-gov-west-1", "nowhere"]}})") == Kind::restricting);
    CHECK(verdict_of(R"({"StringEquals": {"aws:PrincipalTag/team": []}})") == Kind::never_holds);
    // Nothing an attacker cannot satisfy.
    CHECK(verdict_of(R"({"Bool": {"aws:SecureTransport": "true"}})") == Kind::always_holds);
    CHECK(verdict_of(R"({"Bool": {"aws:SecureTransport": true}})") == Kind::always_holds);
    CHECK(verdict_of(R"({"StringLike": {"aws:PrincipalTag/team": "*"}})") == Kind::always_holds);
    CHECK(verdict_of(R"({"Null": {"aws:CurrentTime": "false"}})") == Kind::always_holds);
    CHECK(verdict_of(R"({"Null": {"aws:PrincipalTag/team": "false"}})") == Kind::restricting);
    // The block: never if any test never holds; always only if every test always holds.
    CHECK(verdict_of(R"({"Bool": {"aws:SecureTransport": "true", "aws:MultiFactorAuthPresent": "true"}})") == Kind::restricting);
    CHECK(verdict_of(R"({"Bool": {"aws:MultiFactorAuthPresent": "true"},
                         "DateLessThan": {"aws:CurrentTime": "2021-05-05"}})") == Kind::never_holds);
    const ConditionVerdict dead = classify_condition(&static_cast<const Value&>(json_value(
        R"({"DateLessThan": {"aws:CurrentTime": "2020-01-01"}})")), run_date);
    CHECK(dead.reason == "DateLessThan aws:CurrentTime 2020-01-01");
}

TEST_CASE("resource patterns that cover every resource of a service count as \"*\"", "[escalation]") {
    CHECK(covers_every_resource("*", "iam"));
    CHECK(covers_every_resource("arn:aws:iam::*:role/*", "iam"));
    CHECK(covers_every_resource("arn:*:iam::*:*", "iam"));
    CHECK(covers_every_resource("arn:aws:iam::123456789012:policy/*", "iam"));
    CHECK(covers_every_resource("arn:${AWS::Partition}:secretsmanager:*:${AWS::AccountId}:secret:*", "secretsmanager"));
    CHECK(covers_every_resource("arn:aws:s3:::*/*", "s3"));
    CHECK_FALSE(covers_every_resource("arn:aws:iam::*:role/app-*", "iam"));
    CHECK_FALSE(covers_every_resource("arn:aws:iam::*:role/path/*/admin", "iam"));
    CHECK_FALSE(covers_every_resource("arn:aws:secretsmanager:*:*:secret:*", "kms"));
    CHECK_FALSE(covers_every_resource("arn:aws:iam::123456789012:user/ci", "iam"));
}

TEST_CASE("every AWS-managed policy of the dataset is a sorted row whose document is a policy", "[escalation]") {
    REQUIRE(aws_managed_policy_row_count > 1000);
    for (size_t index = 0; index < aws_managed_policy_row_count; ++index) {
        const AwsManagedPolicyRow& row = aws_managed_policy_rows[index];
        if (index > 0) REQUIRE(std::string_view(aws_managed_policy_rows[index - 1].name) < row.name);
        const AwsManagedPolicy* policy =
            aws_managed_policy(std::string("arn:aws:iam::aws:policy/") + row.path + row.name);
        REQUIRE(policy);
        INFO(row.name);
        CHECK_FALSE(policy->policy.statements.empty());
    }
}

TEST_CASE("AWS-managed policy ARNs are recognised by name, other ARNs are not", "[escalation]") {
    const AwsManagedPolicy* admin = aws_managed_policy("arn:aws:iam::aws:policy/AdministratorAccess");
    REQUIRE(admin);
    CHECK(admin->policy.statements.size() == 1);
    REQUIRE(aws_managed_policy("arn:aws-us-gov:iam::aws:policy/PowerUserAccess"));
    REQUIRE(aws_managed_policy("arn:aws:iam::aws:policy/IAMFullAccess"));
    REQUIRE(aws_managed_policy("arn:aws:iam::aws:policy/SecretsManagerReadWrite"));
    // Every policy AWS publishes, at its path: a name under another path, or one AWS does not
    // publish, is an AWS-managed ARN keylint does not know.
    const AwsManagedPolicy* logs = aws_managed_policy("arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole");
    REQUIRE(logs);
    CHECK(logs->name == "AWSLambdaBasicExecutionRole");
    CHECK_FALSE(logs->policy.statements.empty());
    CHECK(aws_managed_policy("arn:aws:iam::aws:policy/AWSLambdaBasicExecutionRole") == nullptr);
    CHECK(aws_managed_policy("arn:aws:iam::aws:policy/NoSuchPolicyNameAtAll") == nullptr);
    CHECK(is_aws_managed_policy_arn("arn:aws:iam::aws:policy/NoSuchPolicyNameAtAll"));
    CHECK(aws_managed_policy("arn:aws:iam::aws:policy/job-function/ViewOnlyAccess"));
    CHECK(aws_managed_policy("arn:aws:iam::123456789012:policy/AdministratorAccess") == nullptr);
    CHECK_FALSE(is_aws_managed_policy_arn("arn:aws:iam::123456789012:policy/AdministratorAccess"));
}

TEST_CASE("Terraform principals collect inline, attached, managed and group policies", "[escalation][principals]") {
    const Module module(R"hcl(
resource "aws_iam_user" "ci" { name = "ci" }
resource "aws_iam_group" "ops" { name = "ops" }
resource "aws_iam_role" "app" {
  name               = "app"
  assume_role_policy = data.aws_iam_policy_document.trust.json
  managed_policy_arns = ["arn:aws:iam::aws:policy/ReadOnlyAccess", "arn:aws:iam::123456789012:policy/custom"]
  inline_policy {
    name   = "inline"
    policy = data.aws_iam_policy_document.base.json
  }
}
data "aws_iam_policy_document" "trust" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["ec2.amazonaws.com"]
    }
  }
}
data "aws_iam_policy_document" "base" {
  statement {
    sid       = "Pass"
    actions   = ["iam:PassRole"]
    resources = ["*"]
  }
}
data "aws_iam_policy_document" "merged" {
  source_policy_documents   = [data.aws_iam_policy_document.base.json]
  override_policy_documents = [data.aws_iam_policy_document.narrow.json]
  statement {
    actions   = ["ec2:RunInstances"]
    resources = ["*"]
  }
}
data "aws_iam_policy_document" "narrow" {
  statement {
    sid       = "Pass"
    actions   = ["iam:PassRole"]
    resources = ["arn:aws:iam::123456789012:role/worker"]
  }
}
resource "aws_iam_policy" "deploy" { policy = data.aws_iam_policy_document.merged.json }
resource "aws_iam_group_policy_attachment" "ops" {
  group      = aws_iam_group.ops.name
  policy_arn = aws_iam_policy.deploy.arn
}
resource "aws_iam_user_group_membership" "ci" {
  user   = aws_iam_user.ci.name
  groups = [aws_iam_group.ops.name]
}
resource "aws_iam_user_policy" "ci" {
  user   = "ci"
  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "kms:Decrypt", Resource = "*" }] })
}
)hcl");
    REQUIRE(module.principals.size() == 3);
    const Principal& role = module.principal("aws_iam_role.app");
    CHECK(policy_names(role) == std::vector<std::string>{"aws_iam_role.app inline_policy", "AWS managed policy ReadOnlyAccess"});
    CHECK(role.unknown_policies == std::vector<std::string>{"arn:aws:iam::123456789012:policy/custom"});
    REQUIRE(role.trust.size() == 1);
    const Principal& user = module.principal("aws_iam_user.ci");
    CHECK(policy_names(user) == std::vector<std::string>{"aws_iam_user_policy.ci", "aws_iam_policy.deploy / group aws_iam_group.ops"});
    // The override document's "Pass" statement replaced the source document's.
    const AppliedPolicy& deploy = user.policies[1];
    REQUIRE(deploy.statements.size() == 2);
    CHECK(deploy.statements[0].statement->resources.at(0).text == "arn:aws:iam::123456789012:role/worker");
    CHECK(deploy.statements[1].statement->actions.at(0).text == "ec2:RunInstances");
    CHECK(granted(user, {"kms:Decrypt", "iam:PassRole", "ec2:RunInstances", "s3:GetObject"}) ==
          std::set<std::string>{"kms:Decrypt", "iam:PassRole", "ec2:RunInstances"});
    CHECK(granted(role, {"ssm:GetParameter", "iam:PassRole", "kms:Decrypt"}) ==
          std::set<std::string>{"ssm:GetParameter", "iam:PassRole"});
}

TEST_CASE("effective permissions: NotAction, denies in the same and another policy, conditions", "[escalation][permissions]") {
    const Template stack(R"yaml(
Resources:
  Dev:
    Type: AWS::IAM::User
    Properties:
      Groups: [!Ref Devs]
      Policies:
        - PolicyName: broad
          PolicyDocument:
            Statement:
              - Effect: Allow
                NotAction: ["iam:*", "organizations:*"]
                Resource: "*"
              - Effect: Deny
                Action: kms:*
                Resource: "*"
              - Effect: Deny
                Action: ssm:SendCommand
                Resource: "*"
                Condition: {Bool: {aws:MultiFactorAuthPresent: "false"}}
              - Effect: Deny
                Action: secretsmanager:GetSecretValue
                Resource: "arn:aws:secretsmanager:*:*:secret:prod/*"
              - Effect: Allow
                Action: iam:CreatePolicyVersion
                Resource: "*"
                Condition: {DateLessThan: {aws:CurrentTime: "2019-12-31T23:59:59Z"}}
  Devs:
    Type: AWS::IAM::Group
  NoLambda:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      Groups: [!Ref Devs]
      PolicyDocument:
        Statement:
          - Effect: Deny
            Action: ["lambda:*", "iam:PassRole"]
            Resource: "*"
)yaml");
    const Principal& dev = stack.principal("Dev");
    CHECK(policy_names(dev) == std::vector<std::string>{"resource Dev (AWS::IAM::User) policy broad",
                                                        "NoLambda / group Devs"});
    const std::vector<std::string> actions = {"iam:PassRole",           "iam:CreatePolicyVersion", "kms:Decrypt",
                                              "lambda:UpdateFunctionCode", "ssm:SendCommand",        "secretsmanager:GetSecretValue",
                                              "s3:PutBucketPolicy"};
    const EffectivePermissions permissions = effective_permissions(dev, actions, run_date);
    std::set<std::string> names;
    for (const auto& [action, grants] : permissions.grants) names.insert(action);
    // iam:* is excluded by NotAction; CreatePolicyVersion's condition never holds; kms is denied in the
    // same policy and lambda in the group's policy; a conditional or narrower deny cancels nothing.
    CHECK(names == std::set<std::string>{"ssm:SendCommand", "secretsmanager:GetSecretValue", "s3:PutBucketPolicy"});
    CHECK(permissions.denied.contains("kms:Decrypt"));
    CHECK(permissions.denied.contains("lambda:UpdateFunctionCode"));
    CHECK_FALSE(permissions.denied.contains("ssm:SendCommand"));
    const std::vector<Grant>& secret = *permissions.find("secretsmanager:GetSecretValue");
    REQUIRE(secret.size() == 1);
    CHECK(secret[0].resources.at(0).text == "*");
    CHECK(secret[0].source.statement->span.start_line == 11);
}

TEST_CASE("a deny whose resources cover the grant's resources cancels it", "[escalation][permissions]") {
    const Template stack(R"yaml(
Resources:
  Reader:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement: [{Effect: Allow, Principal: {Service: ec2.amazonaws.com}, Action: sts:AssumeRole}]
      Policies:
        - PolicyName: read
          PolicyDocument:
            Statement:
              - {Effect: Allow, Action: ssm:GetParameter, Resource: "arn:aws:ssm:eu-west-1:123456789012:parameter/prod/db"}
              - {Effect: Deny, Action: ssm:Get*, Resource: "arn:aws:ssm:*:*:parameter/prod/*"}
)yaml");
    CHECK(granted(stack.principal("Reader"), {"ssm:GetParameter"}).empty());
}

TEST_CASE("related locations reach the SARIF, JSON and text reports", "[escalation][report]") {
    RunResult run;
    run.command = "policy";
    Finding finding;
    finding.rule_id = "escalation-passrole-ec2";
    finding.message = "Role r can launch an EC2 instance with a more privileged role.";
    finding.path = "main.tf";
    finding.span = {3, 1, 9, 2};
    finding.related_locations.push_back({"main.tf", {12, 3, 16, 4}, "iam:PassRole granted by aws_iam_policy.pass"});
    finding.related_locations.push_back({"other.tf", {2, 5, 2, 40}, "ec2:RunInstances granted by aws_iam_role_policy.run"});
    run.findings.push_back(finding);
    const auto sarif = sarif_report(run, {});
    const auto& related = sarif["runs"][0]["results"][0]["relatedLocations"];
    REQUIRE(related.size() == 2);
    CHECK(related[1]["id"] == 1);
    CHECK(related[1]["physicalLocation"]["artifactLocation"]["uri"] == "other.tf");
    CHECK(related[1]["physicalLocation"]["region"]["startLine"] == 2);
    CHECK(related[1]["message"]["text"] == "ec2:RunInstances granted by aws_iam_role_policy.run");
    const auto json = json_report(run, {});
    CHECK(json["findings"][0]["related_locations"][0]["start_line"] == 12);
    std::ostringstream text;
    write_text_report(run, {}, text, false);
    CHECK(text.str().find("          via main.tf:12  iam:PassRole granted by aws_iam_policy.pass\n"
                          "          via other.tf:2  ec2:RunInstances granted by aws_iam_role_policy.run\n") != std::string::npos);
}

TEST_CASE("group membership through UserToGroupAddition and aws_iam_group_membership, names or references", "[escalation][principals]") {
    const Template stack(R"yaml(
Resources:
  Ops:
    Type: AWS::IAM::Group
    Properties:
      GroupName: ops
      ManagedPolicyArns: ["arn:aws:iam::aws:policy/IAMFullAccess"]
  Ana:
    Type: AWS::IAM::User
    Properties:
      UserName: ana
  Ben:
    Type: AWS::IAM::User
  Addition:
    Type: AWS::IAM::UserToGroupAddition
    Properties:
      GroupName: ops
      Users: [ana, !Ref Ben]
)yaml");
    CHECK(policy_names(stack.principal("Ana")) == std::vector<std::string>{"AWS managed policy IAMFullAccess / group Ops"});
    CHECK(policy_names(stack.principal("Ben")) == std::vector<std::string>{"AWS managed policy IAMFullAccess / group Ops"});
    CHECK(granted(stack.principal("Ben"), {"iam:CreateAccessKey", "sts:AssumeRole"}) == std::set<std::string>{"iam:CreateAccessKey"});

    const Module module(R"hcl(
resource "aws_iam_group" "ops" { name = "ops" }
resource "aws_iam_user" "ana" { name = "ana" }
resource "aws_iam_group_membership" "ops" {
  name  = "ops"
  group = aws_iam_group.ops.name
  users = ["ana"]
}
resource "aws_iam_group_policy" "ops" {
  group  = "ops"
  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "ssm:SendCommand", Resource = "*" }] })
}
)hcl");
    CHECK(policy_names(module.principal("aws_iam_user.ana")) ==
          std::vector<std::string>{"aws_iam_group_policy.ops / group aws_iam_group.ops"});
}

TEST_CASE("policy documents that include each other are merged once, without looping", "[escalation][principals]") {
    const Module module(R"hcl(
resource "aws_iam_user" "u" { name = "u" }
data "aws_iam_policy_document" "a" {
  source_policy_documents = [data.aws_iam_policy_document.b.json]
  statement {
    actions   = ["ec2:RunInstances"]
    resources = ["*"]
  }
}
data "aws_iam_policy_document" "b" {
  source_policy_documents = [data.aws_iam_policy_document.a.json]
  statement {
    actions   = ["iam:PassRole"]
    resources = ["*"]
  }
}
resource "aws_iam_user_policy" "p" {
  user   = aws_iam_user.u.name
  policy = data.aws_iam_policy_document.a.json
}
)hcl");
    const Principal& user = module.principal("aws_iam_user.u");
    REQUIRE(user.policies.size() == 1);
    CHECK(user.policies[0].statements.size() == 2);
    CHECK(granted(user, {"iam:PassRole", "ec2:RunInstances"}) == std::set<std::string>{"iam:PassRole", "ec2:RunInstances"});
}
