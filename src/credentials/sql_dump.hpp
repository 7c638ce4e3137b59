// Reads the credentials a SQL dump or script holds: the column values of `INSERT INTO t (…)
// VALUES (…), (…)` (columns from the statement, else from the table's `CREATE TABLE`), the rows of
// PostgreSQL's `COPY t (…) FROM stdin;` blocks, and the passwords of `CREATE USER … IDENTIFIED BY
// '…'`, `ALTER USER`, `CREATE ROLE … PASSWORD '…'`, `CREATE LOGIN … WITH PASSWORD = '…'` and
// `SET PASSWORD … = '…'`. A value is named after its column; password and password-hash columns
// (`password`, `passwd`, `password_hash`, `encrypted_password`) and account statements are fields
// that hold credentials by position; values of columns whose names mean no credential are dropped. Comments, identifiers in quotes and backticks, `''` and
// backslash escapes are understood; anything else is skipped, never fatal.
// Tested in tests/unit/sql_dump_test.cpp.
#pragma once

#include <string_view>
#include <vector>

#include "credentials/named_value.hpp"

namespace keylint {

std::vector<NamedValue> read_sql_dump(std::string_view text);

}  // namespace keylint
