// Decisions of the one IAM semantics layer (src/iam/) that every policy check shares, each shown on a
// whole template: where the checks used to read principals and conditions each their own way, they
// now agree. Finer cases of conditions and principals are in policy_checks_test.cpp.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "audit/policy_analyzer.hpp"
#include "iam/conditions.hpp"

using namespace keylint;

namespace {

// rule id and line of every finding on a CloudFormation template (or, by its name, another file)
std::vector<std::string> findings_of(const std::string& yaml, const AuditSettings& settings = {},
                                     const std::string& name = "t.yaml") {
    std::vector<std::string> found;
    for (const Finding& finding : analyze_policy_file(SourceText(name, yaml), settings).findings) {
        found.push_back(finding.rule_id + ":" + std::to_string(finding.span.start_line));
    }
    return found;
}

// Only `check` runs: how a general check judges a statement that a specific check supersedes.
AuditSettings only(const std::string& check) {
    AuditSettings settings;
    settings.selection.only = {check};
    return settings;
}

bool has(const std::vector<std::string>& found, const std::string& rule_and_line) {
    return std::find(found.begin(), found.end(), rule_and_line) != found.end();
}

// A secret with a resource policy of one Allow statement (line 12) with `principal` and `condition`.
std::string secret_policy(const std::string& principal, const std::string& condition) {
    return "Resources:\n"
           "  Db:\n"
           "    Type: AWS::SecretsManager::Secret\n"
           "  DbPolicy:\n"
           "    Type: AWS::SecretsManager::ResourcePolicy\n"
           "    Properties:\n"
           "      SecretId: !Ref Db\n"
           "      BlockPublicPolicy: true\n"
           "      ResourcePolicy:\n"
           "        Version: \"2012-10-17\"\n"
           "        Statement:\n"
           "          - Effect: Allow\n"
           "            Principal: " + principal + "\n"
           "            Action: secretsmanager:GetSecretValue\n"
           "            Resource: \"*\"\n" +
           (condition.empty() ? "" : "            Condition: " + condition + "\n");
}

}  // namespace

TEST_CASE("iam: a wildcard account principal is everyone for the secret policy check too") {
    const std::string policy = secret_policy(R"({"AWS": "arn:aws:iam::*:root"})", "");
    CHECK(has(findings_of(policy), "secret-policy-wildcard-principal:12"));
    CHECK(has(findings_of(policy, only("iam-anyone-principal")), "iam-anyone-principal:12"));
}

TEST_CASE("iam: a negated condition on the organization does not narrow everyone, for either check") {
    const std::string policy = secret_policy(R"("*")", R"({"StringNotEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}})");
    CHECK(has(findings_of(policy), "secret-policy-wildcard-principal:12"));
    CHECK(has(findings_of(policy, only("iam-anyone-principal")), "iam-anyone-principal:12"));
}

TEST_CASE("iam: one list of caller-restricting keys: aws:SourceIp narrows everyone for both checks") {
    const std::string policy = secret_policy(R"("*")", R"({"IpAddress": {"aws:SourceIp": "203.0.113.0/24"}})");
    CHECK_FALSE(has(findings_of(policy), "secret-policy-wildcard-principal:12"));
    CHECK_FALSE(has(findings_of(policy, only("iam-anyone-principal")), "iam-anyone-principal:12"));
}

TEST_CASE("iam: a wildcard-only value or an IfExists operator does not narrow everyone for the secret check") {
    CHECK(has(findings_of(secret_policy(R"("*")", R"({"StringLike": {"aws:PrincipalOrgID": "*"}})")),
              "secret-policy-wildcard-principal:12"));
    CHECK(has(findings_of(secret_policy(R"("*")", R"({"StringEqualsIfExists": {"aws:SourceVpce": "vpce-0a1b2c3d"}})")),
              "secret-policy-wildcard-principal:12"));
    CHECK_FALSE(has(findings_of(secret_policy(R"("*")", R"({"StringEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}})")),
                    "secret-policy-wildcard-principal:12"));
}

TEST_CASE("iam: only a Deny outside the named VPC endpoint counts as a VPC restriction") {
    const std::string deny_inside =
        "Resources:\n"
        "  Db:\n"
        "    Type: AWS::SecretsManager::Secret\n"
        "  DbPolicy:\n"
        "    Type: AWS::SecretsManager::ResourcePolicy\n"
        "    Properties:\n"
        "      SecretId: !Ref Db\n"
        "      ResourcePolicy:\n"
        "        Version: \"2012-10-17\"\n"
        "        Statement:\n"
        "          - Effect: Deny\n"
        "            Principal: \"*\"\n"
        "            Action: \"*\"\n"
        "            Resource: \"*\"\n"
        "            Condition:\n"
        "              StringEquals:\n"
        "                aws:SourceVpce: vpce-0a1b2c3d\n";
    CHECK(has(findings_of(deny_inside), "secret-policy-no-vpc-restriction:4"));
    std::string deny_outside = deny_inside;
    deny_outside.replace(deny_outside.find("StringEquals"), 12, "StringNotEquals");
    CHECK_FALSE(has(findings_of(deny_outside), "secret-policy-no-vpc-restriction:4"));
}

TEST_CASE("iam: a negated kms:ViaService does not keep decryption inside Secrets Manager") {
    const std::string key_policy =
        "Resources:\n"
        "  Key:\n"
        "    Type: AWS::KMS::Key\n"
        "    Properties:\n"
        "      EnableKeyRotation: true\n"
        "      KeyPolicy:\n"
        "        Version: \"2012-10-17\"\n"
        "        Statement:\n"
        "          - Effect: Allow\n"
        "            Principal:\n"
        "              AWS: !Sub \"arn:aws:iam::${AWS::AccountId}:root\"\n"
        "            Action: kms:Decrypt\n"
        "            Resource: \"*\"\n"
        "            Condition:\n"
        "              StringNotEquals:\n"
        "                kms:ViaService: secretsmanager.us-east-1.amazonaws.com\n"
        "  Db:\n"
        "    Type: AWS::SecretsManager::Secret\n"
        "    Properties:\n"
        "      KmsKeyId: !Ref Key\n";
    CHECK(has(findings_of(key_policy), "kms-policy-no-via-service:9"));
    std::string positive = key_policy;
    positive.replace(positive.find("StringNotEquals"), 15, "StringEquals");
    CHECK_FALSE(has(findings_of(positive), "kms-policy-no-via-service:9"));
}

TEST_CASE("iam: one parse of condition operators: set qualifier, negation, IfExists") {
    using Set = ConditionOperator::Set;
    const ConditionOperator a = parse_condition_operator("ForAnyValue:StringNotLikeIfExists");
    CHECK(a.set == Set::for_any_value);
    CHECK(a.test == "stringlike");
    CHECK(a.negated);
    CHECK(a.if_exists);
    const ConditionOperator b = parse_condition_operator("NotIpAddress");
    CHECK(b.set == Set::single);
    CHECK(b.test == "ipaddress");
    CHECK(b.negated);
    CHECK_FALSE(b.if_exists);
    const ConditionOperator c = parse_condition_operator("ForAllValues:ArnEquals");
    CHECK(c.set == Set::for_all_values);
    CHECK(c.test == "arnequals");
    CHECK_FALSE(c.negated);
    CHECK(parse_condition_operator("StringNotEqualsIgnoreCase").test == "stringequalsignorecase");
    CHECK(parse_condition_operator("Null").test == "null");
    CHECK_FALSE(parse_condition_operator("Null").negated);
    CHECK(parse_condition_operator("DateLessThanEqualsIfExists").test == "datelessthanequals");
}

TEST_CASE("iam: a secret or key policy open to everyone is one finding, from the specific check") {
    const std::string policy = secret_policy(R"("*")", "");
    const auto found = findings_of(policy);
    CHECK(has(found, "secret-policy-wildcard-principal:12"));
    CHECK_FALSE(has(found, "iam-anyone-principal:12"));
    CHECK(has(findings_of(policy, only("iam-anyone-principal")), "iam-anyone-principal:12"));
    // Skipping the specific check leaves the general one to report the statement.
    AuditSettings without_specific;
    without_specific.selection.skip = {"secret-policy-wildcard-principal"};
    CHECK(has(findings_of(policy, without_specific), "iam-anyone-principal:12"));

    const std::string key_policy =
        "Resources:\n"
        "  Key:\n"
        "    Type: AWS::KMS::Key\n"
        "    Properties:\n"
        "      EnableKeyRotation: true\n"
        "      KeyPolicy:\n"
        "        Version: \"2012-10-17\"\n"
        "        Statement:\n"
        "          - Effect: Allow\n"
        "            Principal: \"*\"\n"
        "            Action: kms:Decrypt\n"
        "            Resource: \"*\"\n"
        "  Db:\n"
        "    Type: AWS::SecretsManager::Secret\n"
        "    Properties:\n"
        "      KmsKeyId: !Ref Key\n";
    const auto key_found = findings_of(key_policy);
    CHECK(has(key_found, "kms-policy-wildcard-decrypt:9"));
    CHECK_FALSE(has(key_found, "iam-anyone-principal:9"));
}

TEST_CASE("iam: a VPC endpoint policy limits and grants nothing, so Principal \"*\" there is not anyone-principal") {
    const std::string endpoint =
        "Resources:\n"
        "  Endpoint:\n"
        "    Type: AWS::EC2::VPCEndpoint\n"
        "    Properties:\n"
        "      VpcId: vpc-0a1b2c3d\n"
        "      ServiceName: com.amazonaws.eu-west-1.secretsmanager\n"
        "      VpcEndpointType: Interface\n"
        "      PrivateDnsEnabled: true\n"
        "      PolicyDocument:\n"
        "        Version: \"2012-10-17\"\n"
        "        Statement:\n"
        "          - Effect: Allow\n"
        "            Principal: \"*\"\n"
        "            Action: \"*\"\n"
        "            Resource: \"*\"\n"
        "          - Effect: Allow\n"
        "            Principal: \"*\"\n"
        "            Action: secretsmanager:GetSecretValu\n"
        "            Resource: \"*\"\n"
        "            Condition: {StringEquals: {aws:PrincipalAccount: \"111122223333\"}}\n";
    const auto found = findings_of(endpoint, only("iam-*"));
    CHECK_FALSE(has(found, "iam-anyone-principal:12"));
    // The endpoint policy is read as a policy now, so the correctness checks see it.
    CHECK(has(found, "iam-unknown-action:18"));
    CHECK(has(findings_of(endpoint), "vpc-endpoint-open-policy:12"));

    const std::string module = R"hcl(resource "aws_vpc_endpoint" "sm" {
  vpc_id            = "vpc-0a1b2c3d"
  service_name      = "com.amazonaws.eu-west-1.secretsmanager"
  vpc_endpoint_type = "Interface"
  policy            = data.aws_iam_policy_document.open.json
}

data "aws_iam_policy_document" "open" {
  statement {
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    actions   = ["*"]
    resources = ["*"]
  }
}
)hcl";
    const auto tf_found = findings_of(module, {}, "main.tf");
    CHECK(has(tf_found, "vpc-endpoint-open-policy:9"));
    CHECK_FALSE(has(tf_found, "iam-anyone-principal:9"));
}
