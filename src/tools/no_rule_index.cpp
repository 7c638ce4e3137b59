// The program that writes the rule index (write_rule_index.cpp) loads the pack from its TOML: it
// links this empty index in place of the one it writes.
#include "secrets/rule_index.hpp"

namespace keylint {

const std::string_view embedded_rule_index{};

}  // namespace keylint
