// Files whose format exists to hold credentials: client configs that store a login by design
// (`.my.cnf`, `.pypirc`, `~/.aws/credentials`, FileZilla's `sitemanager.xml`, WinSCP.ini, editor
// SFTP settings, JetBrains data sources, `~/.docker/config.json`) and the line-oriented credential
// files. In them a weak literal password (`password`, `hunter2`) is still a stored password, so
// values are judged leniently (value_judgement.hpp, JudgementContext::credential_store).
// Tested in tests/unit/value_judgement_test.cpp.
#pragma once

#include <string_view>

namespace keylint {

bool is_credential_store(std::string_view path);

}  // namespace keylint
