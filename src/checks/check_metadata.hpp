// A check's metadata (id, title, level, tags, precision, security severity, help URI,
// description, help) is data: src/checks/<family>/<id>.toml beside the check's code, embedded in
// the binary at build time. A check names its id once, in check_metadata(id); the registry test
// checks that every TOML file belongs to a registered check and holds every field.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/rule_info.hpp"

namespace keylint {

// The metadata of the check `id`. An id without a metadata file, or a file that is not valid, is
// a defect of the build, not of the user's input: it throws std::logic_error naming the file.
RuleInfo check_metadata(std::string_view id);

// Every embedded metadata file's check id with the file's name, e.g. ("iam-full-admin",
// "src/checks/iam/iam_full_admin.toml").
std::vector<std::pair<std::string, std::string>> check_metadata_files();

// The metadata in one file's text; throws std::logic_error naming `name` and the problem.
RuleInfo parse_check_metadata(std::string_view name, std::string_view text);

}  // namespace keylint
