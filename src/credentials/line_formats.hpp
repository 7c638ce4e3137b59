// Readers for formats that are lines, not trees: `.env` and shell-style `export NAME=value`,
// INI and Java properties (`key = value`, `key: value`), `key value` directives (redis.conf,
// .msmtprc, .muttrc's `set key = value`), and the files whose fields are
// credentials by position: `.netrc` and `.fetchmailrc` (`machine … login … password …`), `.pgpass`
// (`host:port:database:user:password`), htpasswd and shadow (`user:hash`) and
// `.git-credentials` (`https://user:token@host`), HeidiSQL's exported settings and HexChat's
// servlist.conf. Comments and blank lines are skipped. SQL dumps
// and CSV exports have readers of their own (sql_dump.hpp, csv_table.hpp), dispatched from here.
// Tested in tests/unit/line_formats_test.cpp.
#pragma once

#include <string_view>
#include <vector>

#include "credentials/file_format.hpp"
#include "credentials/named_value.hpp"

namespace keylint {

// The values of `text` in one of the line formats; empty for other formats.
std::vector<NamedValue> read_line_format(FileFormat format, std::string_view text);

}  // namespace keylint
