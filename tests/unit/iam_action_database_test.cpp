#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "iam/action_database.hpp"

using namespace keylint;

namespace {

std::vector<std::string> names(const std::vector<const IamActionRow*>& rows) {
    std::vector<std::string> out;
    for (const IamActionRow* row : rows) out.push_back(std::string(row->service) + ":" + row->action);
    return out;
}

}  // namespace

TEST_CASE("IAM actions: the table is the pinned iam-data package, every service and action") {
    const IamActionDatabase& database = IamActionDatabase::builtin();
    CHECK(std::string(iam_data_version) == "0.21.202609261");
    CHECK(database.action_count() > 20000);
    CHECK(database.knows_service("secretsmanager"));
    CHECK(database.knows_service("KMS"));
    CHECK_FALSE(database.knows_service("secretmanager"));
}

TEST_CASE("IAM actions: lookup ignores case and reports the access level") {
    const auto rows = IamActionDatabase::builtin().expand("SecretsManager:getsecretvalue");
    REQUIRE(rows.size() == 1);
    CHECK(std::string(rows[0]->action) == "GetSecretValue");
    CHECK(rows[0]->level == IamAccessLevel::read);
    CHECK(IamActionDatabase::builtin().expand("iam:PutRolePolicy")[0]->level == IamAccessLevel::permissions_management);
}

TEST_CASE("IAM actions: wildcards expand within a service, across services, and * is everything") {
    const IamActionDatabase& database = IamActionDatabase::builtin();
    const std::vector<std::string> pass = names(database.expand("iam:Pass*"));
    CHECK(pass == std::vector<std::string>{"iam:PassRole"});
    const std::vector<std::string> get_secret = names(database.expand("secretsmanager:?etSecretValue"));
    CHECK(get_secret == std::vector<std::string>{"secretsmanager:GetSecretValue"});
    CHECK(database.expand("secretsmanager:*").size() > 20);
    CHECK(database.expand("*").size() == database.action_count());
    CHECK(database.expand("*:*").size() == database.action_count());
    CHECK(database.expand("s3:GetObjekt").empty());
    CHECK(database.expand("nocolon").empty());
}

TEST_CASE("IAM actions: glob matching backtracks over stars without recursion") {
    CHECK(iam_wildcard_match("Get*Value", "GetSecretValue"));
    CHECK(iam_wildcard_match("*", ""));
    CHECK(iam_wildcard_match("a*b*c", "aXbYbZc"));
    CHECK_FALSE(iam_wildcard_match("a*b*c", "aXbYbZ"));
    CHECK(iam_wildcard_match(std::string(200, '*') + "x", std::string(5000, 'a') + "x"));
}
