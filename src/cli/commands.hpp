// One function per subcommand. Each parses its own options (Boost.Program_options), calls the
// pipeline and returns the exit code; errors are thrown (UsageError, ConfigError, runtime_error)
// and turned into exit code 2 by main.
#pragma once

#include <string>
#include <vector>

namespace keylint {

using Arguments = std::vector<std::string>;

int scan_command(const Arguments& args);
int policy_command(const Arguments& args);
int rules_command(const Arguments& args);
int baseline_command(const Arguments& args);
int install_hook_command(const Arguments& args);
int version_command(const Arguments& args);
int help_command(const Arguments& args);

void print_main_help();

}  // namespace keylint
