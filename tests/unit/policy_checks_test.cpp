// The evaluation logic the policy checks share: condition clauses (case-insensitive keys, which
// operators and values restrict), principal shapes, which unresolved values could be anything,
// the statements iam-full-admin takes over, and iam:PassRole and secret reads found behind
// wildcards. Whole-check behaviour on fixtures is in tests/e2e/run_policy_checks.py.
#include <catch2/catch.hpp>

#include "audit/policy_analyzer.hpp"
#include "iam/conditions.hpp"
#include "iam/policy_denials.hpp"
#include "iam/principals.hpp"
#include "iam/raw_policy_extractor.hpp"
#include "iam/statement_facts.hpp"
#include "syntax/json_reader.hpp"

using namespace keylint;

namespace {

Value parse(const std::string& json) {
    ParseResult parsed = read_json(SourceText("t.json", json));
    REQUIRE(parsed.root);
    return std::move(*parsed.root);
}

bool restricted(const std::string& condition_json, std::initializer_list<std::string_view> keys,
                KeyPresence presence = KeyPresence::may_be_absent) {
    const Value condition = parse(condition_json);
    return find_restriction(condition_clauses(&condition), keys, presence) != nullptr;
}

std::vector<std::string> rules_on(const std::string& json) {
    std::vector<std::string> rules;
    for (const Finding& finding : analyze_policy_file(SourceText("p.json", json)).findings) rules.push_back(finding.rule_id);
    return rules;
}

}  // namespace

TEST_CASE("policy checks: condition keys match case-insensitively, operators decide whether they restrict") {
    CHECK(restricted(R"({"StringEquals": {"AWS:SOURCEVPCE": "vpce-1"}})", {"aws:SourceVpce"}));
    CHECK(restricted(R"({"ForAnyValue:StringLike": {"aws:PrincipalOrgPaths": ["o-1/r-2/*"]}})", {"aws:PrincipalOrgPaths"}));
    CHECK_FALSE(restricted(R"({"StringEquals": {"aws:SourceVpc": "vpc-1"}})", {"aws:SourceVpce"}));
    CHECK_FALSE(restricted(R"({"StringNotEquals": {"aws:PrincipalOrgID": "o-1"}})", {"aws:PrincipalOrgID"}));
    CHECK_FALSE(restricted(R"({"ArnNotLike": {"aws:SourceArn": "arn:aws:sns:*:1:t"}})", {"aws:SourceArn"}));
    CHECK_FALSE(restricted(R"({"Null": {"aws:SourceVpce": "false"}})", {"aws:SourceVpce"}));
    CHECK_FALSE(restricted(R"({"StringEqualsIfExists": {"aws:SourceVpce": "vpce-1"}})", {"aws:SourceVpce"}));
    CHECK_FALSE(restricted(R"({"ForAllValues:StringEquals": {"aws:PrincipalOrgID": "o-1"}})", {"aws:PrincipalOrgID"}));
    CHECK(restricted(R"({"StringEqualsIfExists": {"iam:PassedToService": "ecs-tasks.amazonaws.com"}})",
                     {"iam:PassedToService"}, KeyPresence::always_present));
}

TEST_CASE("policy checks: a value of wildcards alone, or a list holding one, restricts nothing") {
    CHECK_FALSE(restricted(R"({"StringLike": {"aws:PrincipalOrgID": "*"}})", {"aws:PrincipalOrgID"}));
    CHECK_FALSE(restricted(R"({"StringLike": {"aws:PrincipalOrgID": ["o-1", "**"]}})", {"aws:PrincipalOrgID"}));
    CHECK_FALSE(restricted(R"({"StringLike": {"aws:PrincipalOrgID": []}})", {"aws:PrincipalOrgID"}));
    CHECK(restricted(R"({"StringLike": {"aws:PrincipalOrgID": ["o-1", "o-2"]}})", {"aws:PrincipalOrgID"}));
    CHECK(restricted(R"({"Bool": {"aws:SecureTransport": true}})", {"aws:SecureTransport"}));
}

TEST_CASE("policy checks: a key pattern ending in / matches the keys below it") {
    CHECK(condition_key_matches("aws:PrincipalTag/", "AWS:principaltag/team"));
    CHECK_FALSE(condition_key_matches("aws:PrincipalTag/", "aws:PrincipalTag/"));
    CHECK_FALSE(condition_key_matches("aws:PrincipalTag/", "aws:PrincipalTags"));
    CHECK(condition_key_matches("sts:ExternalId", "STS:externalid"));
}

TEST_CASE("policy checks: principal shapes") {
    const Value principals = parse(R"({"AWS": ["*", "arn:aws:iam::*:root", "arn:aws:iam::111122223333:root",
        "111122223333", "11112222333", "arn:aws:iam::111122223333:role/app", "arn:aws-cn:iam::111122223333:root"],
        "Service": "*", "Federated": ["arn:aws:iam::1:oidc-provider/token.actions.githubusercontent.com",
        "accounts.google.com", "arn:aws:iam::1:saml-provider/corp"], "CanonicalUser": "*"})");
    const std::vector<PrincipalEntry> entries = principal_entries(&principals);
    REQUIRE(entries.size() == 12);
    std::vector<bool> anyone, account;
    for (const PrincipalEntry& entry : entries) {
        anyone.push_back(is_anyone(entry));
        account.push_back(is_whole_account(entry));
    }
    CHECK(anyone == std::vector<bool>{true, true, false, false, false, false, false, false, false, false, false, true});
    CHECK(account == std::vector<bool>{false, false, true, true, false, false, true, false, false, false, false, false});
    CHECK(oidc_provider(entries[8]) == "token.actions.githubusercontent.com");
    CHECK(oidc_provider(entries[9]) == "accounts.google.com");
    CHECK(oidc_provider(entries[10]).empty());
    CHECK(oidc_provider(entries[0]).empty());

    const Value malformed = parse(R"({"AWS": ["arn:iam::root", "arn:aws:iam:::root"]})");
    for (const PrincipalEntry& entry : principal_entries(&malformed)) CHECK_FALSE(is_whole_account(entry));

    const Value star = parse(R"("*")");
    const std::vector<PrincipalEntry> bare = principal_entries(&star);
    REQUIRE(bare.size() == 1);
    CHECK((bare[0].type == "*" && is_anyone(bare[0])));
}

TEST_CASE("policy checks: a Terraform reference to a resource attribute is specific, a variable could be anything") {
    auto unknown = [](std::string text) { return LocatedString{std::move(text), {}, true}; };
    CHECK_FALSE(could_be_anything(unknown("aws_iam_role.app.arn")));
    CHECK_FALSE(could_be_anything(unknown("aws_s3_bucket.logs[0].arn")));
    CHECK_FALSE(could_be_anything(unknown("data.aws_kms_key.main.arn")));
    CHECK(could_be_anything(unknown("var.resources")));
    CHECK(could_be_anything(unknown("local.arn")));
    CHECK(could_be_anything(unknown("module.bucket.arn")));
    CHECK(could_be_anything(unknown("aws_iam_role.app")));
    CHECK(could_be_anything(unknown("\"${var.bucket}\"")));
    CHECK(could_be_anything(unknown("Fn::ImportValue Shared")));
    CHECK_FALSE(could_be_anything(LocatedString{"*", {}, false}));
}

TEST_CASE("policy checks: iam:PassRole is found behind every wildcard that covers it") {
    for (const char* action : {"iam:PassRole", "IAM:passrole", "iam:Pass*", "iam:P?ssRole"}) {
        const std::string json = std::string(R"({"Statement": {"Effect": "Allow", "Action": ")") + action +
                                 R"(", "Resource": "*"}})";
        CHECK(rules_on(json) == std::vector<std::string>{"iam-passrole-any-resource"});
    }
    CHECK(rules_on(R"({"Statement": {"Effect": "Allow", "Action": "iam:*Role", "Resource": "*"}})") ==
          std::vector<std::string>{"iam-write-on-any-resource", "iam-passrole-any-resource"});
    CHECK(rules_on(R"({"Statement": {"Effect": "Allow", "Action": "iam:Put*", "Resource": "*"}})") ==
          std::vector<std::string>{"iam-write-on-any-resource"});
    // iam:* is every iam action: a service-wide wildcard, writes on "*" and PassRole, one finding each.
    CHECK(rules_on(R"({"Statement": {"Effect": "Allow", "Action": "iam:*", "Resource": "*"}})") ==
          std::vector<std::string>{"iam-sensitive-service-wildcard", "iam-write-on-any-resource", "iam-passrole-any-resource"});
}

TEST_CASE("policy checks: full administrator access suppresses the narrower findings on its statement") {
    CHECK(rules_on(R"({"Statement": {"Effect": "Allow", "Action": ["*", "iam:*", "secretsmanager:*"], "Resource": "*"}})") ==
          std::vector<std::string>{"iam-full-admin"});
    CHECK(rules_on(R"({"Statement": {"Effect": "Allow", "NotAction": "s3:*", "Resource": "*"}})") ==
          std::vector<std::string>{"iam-full-admin"});
}

TEST_CASE("policy checks: a Deny is never a grant and resource policies keep \"*\" for their own resource") {
    CHECK(rules_on(R"({"Statement": {"Effect": "Deny", "Action": ["secretsmanager:*", "iam:PassRole"], "Resource": "*"}})").empty());
    CHECK(rules_on(R"({"Statement": {"Effect": "Deny", "Principal": "*", "NotResource": "arn:aws:s3:::b/*", "Action": "s3:*"}})").empty());
    CHECK(rules_on(R"({"Statement": {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/app"},
        "Action": "secretsmanager:GetSecretValue", "Resource": "*"}})").empty());
}

TEST_CASE("policy checks: statement facts") {
    const Value document = parse(R"({"Statement": [
        {"Effect": "Allow", "Action": ["secretsmanager:GetSecretValue", "SecretsManager:Get*"], "Resource": ["arn:x", "*"]},
        {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}]})");
    const Policy policy = extract_policy(document, "t.json", "policy document");
    REQUIRE(policy.statements.size() == 2);
    CHECK(resource_reach(policy.statements[0]).every);
    CHECK_FALSE(resource_reach(policy.statements[1]).every);
    const std::vector<const IamActionRow*> granted = granted_actions(policy.statements[0]);
    CHECK(action_list(granted, 2) == "secretsmanager:GetRandomPassword, secretsmanager:GetResourcePolicy and 1 more");
    CHECK(statement_label(policy.statements[0]) == "Statement ");
}

TEST_CASE("a raw policy with a principal is a trust policy when it allows sts:AssumeRole in any case") {
    const auto kind_of = [](const std::string& json) {
        const Value document = parse(json);
        return extract_policy(document, "t.json", "policy document").kind;
    };
    CHECK(kind_of(R"({"Statement": {"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"},
        "Action": "STS:assumerole"}})") == Policy::Kind::trust);
    CHECK(kind_of(R"({"Statement": {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"},
        "Action": "sts:AssumeRoleWithWebIdentity"}})") == Policy::Kind::trust);
    CHECK(kind_of(R"({"Statement": {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject",
        "Resource": "arn:aws:s3:::b/*"}})") == Policy::Kind::resource);
    CHECK(kind_of(R"({"Statement": {"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": "*"}})") ==
          Policy::Kind::identity);
}

TEST_CASE("policy checks: a Deny of the same policy takes back what it denies everywhere") {
    const auto allowed = [](const std::string& json) {
        const Value document = parse(json);
        const Policy policy = extract_policy(document, "p.json", "policy document");
        std::vector<std::string> names;
        for (const IamActionRow* row : allowed_actions(policy, policy.statements.front())) {
            names.push_back(std::string(row->service) + ":" + row->action);
        }
        return names;
    };
    const std::string allow = R"({"Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject"], "Resource": "*"})";
    const auto policy_with = [&](const std::string& deny) {
        return R"({"Version": "2012-10-17", "Statement": [)" + allow + ", " + deny + "]}";
    };
    using Names = std::vector<std::string>;
    CHECK(allowed(policy_with(R"({"Effect": "Deny", "Action": "s3:Put*", "Resource": "*"})")) == Names{"s3:GetObject"});
    // NotAction: everything but the listed actions is denied
    CHECK(allowed(policy_with(R"({"Effect": "Deny", "NotAction": "s3:PutObject", "Resource": "*"})")) == Names{"s3:PutObject"});
    CHECK(allowed(policy_with(R"({"Effect": "Deny", "Action": "*", "Resource": "*"})")).empty());
    // a condition that always holds is no condition; a real one, a named resource or an unknown value take nothing back
    CHECK(allowed(policy_with(R"({"Effect": "Deny", "Action": "s3:PutObject", "Resource": "*",
                                  "Condition": {"Bool": {"aws:SecureTransport": "true"}}})")) == Names{"s3:GetObject"});
    const Names both{"s3:GetObject", "s3:PutObject"};
    CHECK(allowed(policy_with(R"({"Effect": "Deny", "Action": "s3:PutObject", "Resource": "*",
                                  "Condition": {"IpAddress": {"aws:SourceIp": "10.0.0.0/8"}}})")) == both);
    CHECK(allowed(policy_with(R"({"Effect": "Deny", "Action": "s3:PutObject", "Resource": "arn:aws:s3:::logs/*"})")) == both);
    CHECK(allowed(policy_with(R"({"Effect": "Deny", "Action": "s3:PutObject", "NotResource": "arn:aws:s3:::logs/*"})")) == both);
    CHECK(allowed(policy_with(R"({"Effect": "Deny", "NotAction": ["s3:GetObject"], "Action": "s3:PutObject", "Resource": "*"})")) == both);
}
