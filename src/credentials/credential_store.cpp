// See credential_store.hpp.
#include "credentials/credential_store.hpp"

#include <algorithm>
#include <array>
#include <string>

namespace keylint {
namespace {

// File names (lower-case) of client configs that store logins.
constexpr std::array<std::string_view, 33> store_names = {
    ".netrc", "_netrc", ".pgpass", "pgpass.conf", ".git-credentials", ".htpasswd", "htpasswd", "shadow", "shadow-",
    ".my.cnf", ".mylogin.cnf", ".pypirc", ".fetchmailrc", ".msmtprc", "msmtprc", ".s3cfg", ".boto",
    "sitemanager.xml", "recentservers.xml", "filezilla.xml", "winscp.ini", "sftp-config.json", "sftp.json",
    ".ftpconfig", "ftpsync.settings", "datasources.local.xml", "connections.xml", "data-sources.json",
    "tomcat-users.xml", "userlist.txt", "gshadow", "redis.conf", "sentinel.conf"};

// Paths (lower-case, `/`-separated) whose last parts name a store wherever the tree starts.
constexpr std::array<std::string_view, 5> store_paths = {".aws/credentials", ".docker/config.json", ".vscode/sftp.json",
                                                         ".idea/webservers.xml", "filezilla/sitemanager.xml"};

}  // namespace

bool is_credential_store(std::string_view path) {
    std::string lower(path);
    for (char& c : lower) {
        c = c == '\\' ? '/' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    const size_t slash = lower.rfind('/');
    const std::string_view name = slash == std::string::npos ? std::string_view(lower) : std::string_view(lower).substr(slash + 1);
    if (std::find(store_names.begin(), store_names.end(), name) != store_names.end()) return true;
    if (name.ends_with(".duck")) return true;  // a Cyberduck bookmark
    return std::any_of(store_paths.begin(), store_paths.end(), [&](std::string_view tail) {
        return lower == tail || (lower.ends_with(tail) && lower[lower.size() - tail.size() - 1] == '/');
    });
}

}  // namespace keylint
