// See aws_managed_policies.hpp. The documents are written here from AWS's published policy
// versions (the statements relevant to escalation signatures) and parsed once.
#include "checks/escalation/aws_managed_policies.hpp"

#include <memory>
#include <vector>

#include "core/source_text.hpp"
#include "iam/raw_policy_extractor.hpp"
#include "syntax/json_reader.hpp"

namespace keylint {
namespace {

struct ManagedFact {
    const char* name;
    const char* document;
};

const ManagedFact facts[] = {
    {"AdministratorAccess", R"({"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": "*", "Resource": "*"}]})"},
    {"PowerUserAccess", R"({"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "NotAction": ["iam:*", "organizations:*", "account:*"], "Resource": "*"},
        {"Effect": "Allow", "Action": ["iam:CreateServiceLinkedRole", "iam:DeleteServiceLinkedRole", "iam:ListRoles",
            "organizations:DescribeOrganization", "account:ListRegions", "account:GetAccountInformation"],
         "Resource": "*"}]})"},
    {"IAMFullAccess", R"({"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": ["iam:*", "organizations:DescribeAccount", "organizations:DescribeOrganization",
            "organizations:DescribeOrganizationalUnit", "organizations:DescribePolicy", "organizations:ListChildren",
            "organizations:ListParents", "organizations:ListPoliciesForTarget", "organizations:ListRoots",
            "organizations:ListPolicies", "organizations:ListTargetsForPolicy"], "Resource": "*"}]})"},
    {"SecretsManagerReadWrite", R"({"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": ["secretsmanager:*", "cloudformation:CreateChangeSet",
            "cloudformation:DescribeChangeSet", "cloudformation:DescribeStackResource", "cloudformation:DescribeStacks",
            "cloudformation:ExecuteChangeSet", "ec2:DescribeSecurityGroups", "ec2:DescribeSubnets", "ec2:DescribeVpcs",
            "kms:DescribeKey", "kms:ListAliases", "kms:ListKeys", "lambda:ListFunctions", "rds:DescribeDBClusters",
            "rds:DescribeDBInstances", "redshift:DescribeClusters", "tag:GetResources"], "Resource": "*"},
        {"Effect": "Allow", "Action": ["lambda:AddPermission", "lambda:CreateFunction", "lambda:GetFunction",
            "lambda:InvokeFunction", "lambda:UpdateFunctionConfiguration"],
         "Resource": "arn:aws:lambda:*:*:function:SecretsManager*"},
        {"Effect": "Allow", "Action": ["serverlessrepo:CreateCloudFormationChangeSet", "serverlessrepo:GetApplication"],
         "Resource": "arn:aws:serverlessrepo:*:*:applications/SecretsManager*"},
        {"Effect": "Allow", "Action": "s3:GetObject",
         "Resource": ["arn:aws:s3:::awsserverlessrepo-changesets*", "arn:aws:s3:::secrets-manager-rotation-apps-*/*"]}]})"},
    {"ReadOnlyAccess", R"({"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": ["ssm:Describe*", "ssm:Get*", "ssm:List*", "s3:Get*", "s3:List*",
            "secretsmanager:DescribeSecret", "secretsmanager:GetResourcePolicy", "secretsmanager:ListSecrets",
            "secretsmanager:ListSecretVersionIds", "kms:Describe*", "kms:Get*", "kms:List*", "iam:Get*", "iam:List*",
            "iam:Generate*", "iam:Simulate*", "lambda:Get*", "lambda:List*", "ec2:Describe*", "ec2:Get*"],
         "Resource": "*"}]})"},
    {"AmazonS3FullAccess", R"({"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": ["s3:*", "s3-object-lambda:*"], "Resource": "*"}]})"},
    {"AmazonSSMReadOnlyAccess", R"({"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": ["ssm:Describe*", "ssm:Get*", "ssm:List*"], "Resource": "*"}]})"},
};

std::vector<std::unique_ptr<AwsManagedPolicy>> build_table() {
    std::vector<std::unique_ptr<AwsManagedPolicy>> table;
    for (const ManagedFact& fact : facts) {
        const std::string path = std::string("aws-managed:") + fact.name;
        ParseResult parsed = read_json(SourceText(path, fact.document));
        if (!parsed.root) continue;  // the table is tested: every document parses
        auto entry = std::make_unique<AwsManagedPolicy>();
        entry->name = fact.name;
        auto document = std::make_shared<const Value>(std::move(*parsed.root));
        entry->policy = extract_policy(*document, path, "AWS managed policy " + entry->name, Policy::Kind::identity);
        entry->policy.owned.push_back(std::move(document));
        table.push_back(std::move(entry));
    }
    return table;
}

// "arn:aws:iam::aws:policy/service-role/NAME" → "NAME"; empty when not an AWS-managed policy ARN.
std::string_view managed_name(std::string_view arn) {
    if (!arn.starts_with("arn:")) return {};
    const size_t marker = arn.find(":iam::aws:policy/");
    if (marker == std::string_view::npos) return {};
    const std::string_view rest = arn.substr(marker + 17);
    return rest.substr(rest.rfind('/') == std::string_view::npos ? 0 : rest.rfind('/') + 1);
}

}  // namespace

bool is_aws_managed_policy_arn(std::string_view arn) { return !managed_name(arn).empty(); }

const AwsManagedPolicy* aws_managed_policy(std::string_view arn) {
    static const std::vector<std::unique_ptr<AwsManagedPolicy>> table = build_table();
    const std::string_view name = managed_name(arn);
    if (name.empty()) return nullptr;
    for (const auto& entry : table) {
        if (entry->name == name) return entry.get();
    }
    return nullptr;
}

}  // namespace keylint
