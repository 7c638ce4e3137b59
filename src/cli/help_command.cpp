#include <iostream>

#include "cli/commands.hpp"
#include "core/error.hpp"

namespace keylint {

void print_main_help() {
    std::cout << "keylint " KEYLINT_VERSION " - secrets hygiene: hardcoded credentials and the IAM policies that guard them\n"
                 "\n"
                 "usage: keylint COMMAND [OPTIONS] [ARGS]\n"
                 "\n"
                 "commands:\n"
                 "  scan [PATH...]     find hardcoded credentials in files and directories, or in git: staged\n"
                 "                     changes (--staged), commit ranges (--git-range) or history (--git-history)\n"
                 "  policy [PATH...]   audit AWS IAM policy documents for overbroad access\n"
                 "  rules list|test    show the active rules, or test rules against their examples\n"
                 "  baseline create|update [PATH...]\n"
                 "                     record the current findings so that scan reports only new ones\n"
                 "  install-hook       write .git/hooks/pre-commit to run `keylint scan --staged`\n"
                 "  version            print the version\n"
                 "  help [COMMAND]     show this help, or a command's options\n"
                 "\n"
                 "Run `keylint COMMAND --help` for a command's options.\n"
                 "Exit codes: 0 no findings, 1 findings, 2 usage, configuration or run-time error.\n";
}

int help_command(const Arguments& args) {
    if (args.empty()) {
        print_main_help();
        return 0;
    }
    const Arguments help{"--help"};
    if (args[0] == "scan") return scan_command(help);
    if (args[0] == "policy") return policy_command(help);
    if (args[0] == "rules") return rules_command(help);
    if (args[0] == "baseline") return baseline_command(help);
    if (args[0] == "install-hook") return install_hook_command(help);
    if (args[0] == "version") return version_command(help);
    throw UsageError("help: unknown command '" + args[0] + "'");
}

int version_command(const Arguments& args) {
    if (!args.empty() && args[0] != "--help" && args[0] != "-h") throw UsageError("version takes no arguments");
    if (!args.empty()) {
        std::cout << "usage: keylint version\n\nPrint keylint's version.\n";
        return 0;
    }
    std::cout << "keylint " KEYLINT_VERSION "\n";
    return 0;
}

}  // namespace keylint
