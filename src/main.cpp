// keylint: finds hardcoded credentials (scan) and audits the IAM policies that guard them
// (policy). main dispatches to one subcommand and maps errors to exit code 2.
#include <iostream>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "core/error.hpp"

int main(int argc, char** argv) {
    using namespace keylint;
    const std::vector<std::string> all(argv + 1, argv + argc);
    if (all.empty()) {
        print_main_help();
        return 2;
    }
    const std::string& command = all[0];
    const Arguments args(all.begin() + 1, all.end());
    try {
        if (command == "scan") return scan_command(args);
        if (command == "policy") return policy_command(args);
        if (command == "rules") return rules_command(args);
        if (command == "baseline") return baseline_command(args);
        if (command == "install-hook") return install_hook_command(args);
        if (command == "version" || command == "--version") return version_command(args);
        if (command == "help" || command == "--help" || command == "-h") return help_command(args);
        throw UsageError("unknown command '" + command + "' (see `keylint help`)");
    } catch (const UsageError& error) {
        std::cerr << "keylint: error: " << error.what() << '\n';
        return 2;
    } catch (const ConfigError& error) {
        std::cerr << "keylint: configuration error: " << error.what() << '\n';
        return 2;
    } catch (const std::exception& error) {
        std::cerr << "keylint: error: " << error.what() << '\n';
        return 2;
    }
}
