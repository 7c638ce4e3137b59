// Reads a CSV export (RFC 4180: `,` or `;` or tab separated, `"quoted ""fields"""` that may span
// lines): the first row names the columns, and every later field becomes a value named after its
// column. Password columns of exports (browsers' and password managers' `password`, `login_password`)
// are fields that hold credentials by position. Ragged rows and stray quotes are read as far as
// they go.
// Tested in tests/unit/csv_table_test.cpp.
#pragma once

#include <string_view>
#include <vector>

#include "credentials/named_value.hpp"

namespace keylint {

std::vector<NamedValue> read_csv_table(std::string_view text);

}  // namespace keylint
