#include "cli/rule_config.hpp"

#include <cstdlib>
#include <filesystem>

#include "secrets/rule_loader.hpp"

namespace keylint {

RuleSet load_configured_rules(const std::string& config, const std::vector<std::string>& paths, RuleDetail detail) {
    if (!config.empty()) return load_rule_file(config);
    if (const char* from_env = std::getenv("KEYLINT_CONFIG"); from_env && *from_env) return load_rule_file(from_env);
    namespace fs = std::filesystem;
    std::error_code error;
    for (const std::string& path : paths) {
        if (path == "-" || !fs::is_directory(path, error)) continue;
        for (const char* name : {".keylint.toml", ".gitleaks.toml"}) {
            if (fs::is_regular_file(fs::path(path) / name, error)) return load_rule_file(fs::path(path) / name);
        }
        break;
    }
    return load_builtin_rules(detail);
}

}  // namespace keylint
