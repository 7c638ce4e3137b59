#include <catch2/catch.hpp>

#include "filters/generic_overlap.hpp"

using namespace keylint;

namespace {

Finding finding(std::string rule, uint32_t line, std::string secret) {
    Finding f;
    f.rule_id = std::move(rule);
    f.span = {line, 1, line, 10};
    f.secret = std::move(secret);
    return f;
}

std::vector<std::string> rules_of(const std::vector<Finding>& findings) {
    std::vector<std::string> ids;
    for (const Finding& f : findings) ids.push_back(f.rule_id);
    return ids;
}

}  // namespace

TEST_CASE("a generic finding inside a specific finding on the same line is dropped") {
    std::vector<Finding> findings{finding("generic-api-key", 3, "AKIAZ4T7XQ2LWN3RBVKE"),
                                  finding("aws-access-key-id", 3, "AKIAZ4T7XQ2LWN3RBVKE"),
                                  finding("Generic-Password", 3, "Z4T7XQ2L")};
    drop_generic_overlaps(findings);
    CHECK(rules_of(findings) == std::vector<std::string>{"aws-access-key-id"});
}

TEST_CASE("generic findings on other lines, with other secrets, or beside generic ones stay") {
    std::vector<Finding> findings{finding("generic-api-key", 4, "AKIAZ4T7XQ2LWN3RBVKE"),
                                  finding("aws-access-key-id", 3, "AKIAZ4T7XQ2LWN3RBVKE"),
                                  finding("generic-api-key", 3, "unrelated9secret"),
                                  finding("generic-secret", 3, "unrelated9secret")};
    drop_generic_overlaps(findings);
    CHECK(rules_of(findings) == std::vector<std::string>{"generic-api-key", "aws-access-key-id", "generic-api-key", "generic-secret"});
}
