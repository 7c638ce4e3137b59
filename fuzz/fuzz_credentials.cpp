// libFuzzer target: the structural credential detector on every format it reads. The first
// input byte picks the file name (and so the reader); the rest is the file. scan_every_file
// skips the prefilter so every input reaches the reader.
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <string>
#include <vector>

#include "core/finding.hpp"
#include "core/source_text.hpp"
#include "credentials/credential_detector.hpp"

namespace {
constexpr const char* file_names[] = {
    "config.json", "config.yaml", "config.toml", "config.xml", "main.tf", "settings.py", "app.js",
    "app.ts", "main.go", "App.java", "app.rb", "config.php", "App.cs", "deploy.sh", ".env",
    "config.ini", "app.properties", ".netrc", ".pgpass", ".htpasswd", "shadow", ".git-credentials",
    ".npmrc", "app.tsx", "config.yml", "package-lock.json", "config", ".msmtprc",
};
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size == 0) return 0;
    const char* name = file_names[data[0] % std::size(file_names)];
    keylint::SourceText text(name, std::string(reinterpret_cast<const char*>(data) + 1, size - 1));
    std::vector<keylint::Finding> findings;
    keylint::CredentialDetector::shared().scan_every_file(text, findings);
    for (const keylint::Finding& finding : findings) {
        // Every finding must point inside the text.
        if (finding.span.start_line == 0 || finding.span.start_line > text.line_count() + 1) __builtin_trap();
    }
    return 0;
}
