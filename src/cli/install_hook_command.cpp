// keylint install-hook: writes the repository's pre-commit hook (honouring core.hooksPath) so
// that every commit runs `keylint scan --staged`. A hook keylint did not write is left alone
// unless --force is given.
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/commands.hpp"
#include "cli/option_parsing.hpp"
#include "core/error.hpp"
#include "git/git_process.hpp"
#include "git/repository.hpp"

namespace keylint {
namespace po = boost::program_options;

namespace {

constexpr const char* hook_marker = "written by `keylint install-hook`";

std::string shell_quoted(const std::string& text) {
    std::string quoted = "'";
    for (char c : text) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return quoted + "'";
}

std::string own_executable() {
    std::error_code error;
    const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", error);
    return error ? std::string() : self.string();
}

}  // namespace

int install_hook_command(const Arguments& args) {
    bool force = false;
    std::vector<std::string> extra;
    po::options_description options("Options");
    options.add_options()
        ("help,h", "show this help")
        ("force", po::bool_switch(&force), "replace an existing pre-commit hook that keylint did not write");
    options.add_options()("args", po::value(&extra)->value_name("ARG"), "");
    const std::string description =
        "Write the pre-commit hook of the repository holding the current directory (in .git/hooks, or in\n"
        "core.hooksPath if set). The hook runs `keylint scan --staged`, which blocks a commit that adds a secret;\n"
        "it uses this keylint binary, or the `keylint` on PATH if this one has moved. Bypass it once with\n"
        "`git commit --no-verify`; delete the file to uninstall. If you use the pre-commit framework, add keylint\n"
        "to .pre-commit-config.yaml instead (see the README).";
    if (!parse_command_line(args, options, "args", "keylint install-hook [--force]", description)) return 0;
    if (!extra.empty()) throw UsageError("install-hook: unexpected argument '" + extra[0] + "'");

    const Repository repository = open_repository();
    if (repository.bare) throw UsageError("install-hook: " + repository.root + " is a bare repository (no commits are made there)");
    const GitOutput hooks = run_git({"rev-parse", "--git-path", "hooks"});
    if (hooks.exit_code != 0) throw std::runtime_error("git rev-parse --git-path hooks failed: " + hooks.err);
    std::string hooks_dir = hooks.out.substr(0, hooks.out.find('\n'));
    const std::filesystem::path directory = std::filesystem::absolute(hooks_dir).lexically_normal();
    const std::filesystem::path hook = directory / "pre-commit";

    std::error_code error;
    if (std::filesystem::exists(hook, error)) {
        std::ifstream in(hook);
        std::ostringstream existing;
        existing << in.rdbuf();
        if (existing.str().find(hook_marker) == std::string::npos && !force) {
            throw UsageError(hook.string() +
                             " exists and was not written by keylint; add `keylint scan --staged` to it yourself, or "
                             "use --force to replace it");
        }
    }
    std::filesystem::create_directories(directory, error);
    const std::string self = own_executable();
    std::ostringstream script;
    script << "#!/bin/sh\n"
           << "# pre-commit hook " << hook_marker << ": blocks commits that add secrets.\n"
           << "# Bypass once with `git commit --no-verify`; delete this file to uninstall.\n"
           << "keylint=" << shell_quoted(self.empty() ? "keylint" : self) << "\n"
           << "[ -x \"$keylint\" ] || keylint=keylint\n"
           << "exec \"$keylint\" scan --staged\n";
    {
        std::ofstream out(hook, std::ios::binary | std::ios::trunc);
        out << script.str();
        out.close();
        if (!out) throw std::runtime_error(hook.string() + ": cannot write the hook");
    }
    ::chmod(hook.c_str(), 0755);
    std::cout << "keylint: installed the pre-commit hook " << hook.string() << '\n';
    return 0;
}

}  // namespace keylint
