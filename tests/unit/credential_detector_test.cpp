#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <tuple>

#include "credentials/credential_detector.hpp"
#include "credentials/file_format.hpp"
#include "filters/inline_suppression.hpp"

using namespace keylint;

namespace {

using Key = std::tuple<std::string, uint32_t, std::string>;

std::set<Key> keys_of(const std::vector<Finding>& findings) {
    std::set<Key> keys;
    for (const Finding& f : findings) keys.insert({f.rule_id, f.span.start_line, f.properties.at("key")});
    return keys;
}

std::vector<Finding> scan(const std::string& path, const std::string& text) {
    std::vector<Finding> findings;
    CredentialDetector().scan(SourceText(path, text), findings);
    return findings;
}

}  // namespace

TEST_CASE("credential detector: file formats by name, lock files never read") {
    CHECK(file_format_of("app/config/settings.py") == FileFormat::python);
    CHECK(file_format_of("deploy/.env.production") == FileFormat::dotenv);
    CHECK(file_format_of("web.config") == FileFormat::xml);
    CHECK(file_format_of("home/.pgpass") == FileFormat::pgpass);
    CHECK(file_format_of("infra/main.tf") == FileFormat::hcl);
    CHECK(file_format_of("package-lock.json") == FileFormat::lock_file);
    CHECK(file_format_of("README.md") == FileFormat::unknown);
    CHECK(scan("package-lock.json", R"({"password": "Winter2024!"})").empty());
    CHECK(scan("notes.md", "password = Winter2024!\n").empty());
}

TEST_CASE("credential detector: findings name the rule, the key, the format and the reason") {
    const std::vector<Finding> findings = scan("settings.py", "import os\nDB_PASSWORD = 'Winter2024!'\nTOKEN = os.environ['TOKEN']\n");
    REQUIRE(findings.size() == 1);
    const Finding& f = findings[0];
    CHECK(f.rule_id == "generic-password");
    CHECK(f.span.start_line == 2);
    CHECK(f.span.start_column == 16);
    CHECK(f.secret == "Winter2024!");
    CHECK(f.message == "Hardcoded password in 'DB_PASSWORD' (Python).");
    CHECK(f.properties.at("key") == "DB_PASSWORD");
    CHECK(f.properties.at("format") == "Python");
    CHECK(f.properties.at("reason").starts_with("literal value under the password name 'DB_PASSWORD': 11 characters"));
}

TEST_CASE("credential detector: inline suppression applies to structural findings") {
    const SourceText text("a.yml", "db:\n  password: Winter2024!  # keylint:allow\n");
    std::vector<Finding> findings;
    CredentialDetector().scan(text, findings);
    mark_inline_suppressions(text, findings);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].suppressed_by == "keylint:allow");
}

TEST_CASE("credential detector: files over the size cap are not read") {
    std::string big = "password = \"Winter2024!\"\n";
    big.resize(CredentialDetector::max_structured_bytes + 1, ' ');
    CHECK(scan("big.py", big).empty());
}

// The prefilter decides which files are parsed; it must not lose a finding the parse would make.
TEST_CASE("credential detector: the prefilter loses no finding on the labelled corpus") {
    const CredentialDetector detector;
    size_t files = 0, findings = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator("fixtures/credentials")) {
        if (!entry.is_regular_file()) continue;
        std::ifstream in(entry.path(), std::ios::binary);
        std::stringstream bytes;
        bytes << in.rdbuf();
        const SourceText text(entry.path().lexically_relative("fixtures/credentials").generic_string(), bytes.str());
        std::vector<Finding> filtered, unfiltered;
        detector.scan(text, filtered);
        detector.scan_every_file(text, unfiltered);
        INFO(text.path());
        CHECK(keys_of(filtered) == keys_of(unfiltered));
        ++files;
        findings += unfiltered.size();
    }
    CHECK(files > 100);
    CHECK(findings > 100);
}

TEST_CASE("credential detector: base64 logins are judged by what they decode to") {
    const std::string docker =
        "{\"auths\": {\n  \"r.example\": {\"auth\": \"ZGVwbG95OlMzY3JldC1SZWdpc3RyeS05\"},\n"
        "  \"empty.example\": {\"auth\": \"dXNlcjo=\"}\n}}\n";
    const std::vector<Finding> logins = scan("home/.docker/config.json", docker);
    REQUIRE(logins.size() == 1);
    CHECK(logins[0].rule_id == "generic-password");
    CHECK(logins[0].span.start_line == 2);
    CHECK(logins[0].properties.at("decoded") == "base64");
    const std::string filezilla =
        "<FileZilla3><Servers>\n<Server><Pass encoding=\"base64\">V2ludGVyMjAyNCE=</Pass></Server>\n"
        "<Server><Pass encoding=\"base64\">Y2hhbmdlbWU=</Pass></Server>\n</Servers></FileZilla3>\n";  // changeme
    const std::vector<Finding> sites = scan("FileZilla/sitemanager.xml", filezilla);
    REQUIRE(sites.size() == 1);
    CHECK(sites[0].span.start_line == 2);
    CHECK(sites[0].properties.at("reason").starts_with("base64-encoded in the file; "));
}

TEST_CASE("credential detector: a login call's positional password, in a file with no other credential name") {
    const std::vector<Finding> python = scan("mail.py", "s = smtplib.SMTP(host)\ns.login(\"ann@example.com\", \"Mail-Pw-77x\")\n");
    REQUIRE(python.size() == 1);
    CHECK(python[0].properties.at("key") == "login(user, password)");
    const std::vector<Finding> php = scan("db.php", "<?php\n$db = new PDO($dsn, \"shop\", \"Pd0-Shop-Pw!\");\n");
    REQUIRE(php.size() == 1);
    CHECK(php[0].span.start_line == 2);
    const std::vector<Finding> java =
        scan("Db.java", "class Db { Connection c() { return DriverManager.getConnection(url, \"app\", \"Jdbc-Pw-7781\"); } }\n");
    REQUIRE(java.size() == 1);
    CHECK(scan("db.php", "<?php\n$db = new PDO($dsn, $user, $password);\n").empty());
    CHECK(scan("mail.py", "s.login(user, password)\nconnect(host, 5432)\n").empty());
}

TEST_CASE("credential detector: a property list's string is named by the key before it") {
    const std::string plist =
        "<?xml version=\"1.0\"?>\n<plist version=\"1.0\">\n<dict>\n\t<key>Username</key>\n\t<string>deploy</string>\n"
        "\t<key>Password</key>\n\t<string>Kx8!pLw2-Qz</string>\n\t<key>Nickname</key>\n\t<string>Kx8!pLw2-Qz</string>\n"
        "</dict>\n</plist>\n";
    const std::vector<Finding> findings = scan("bookmark.plist", plist);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].span.start_line == 7);
    CHECK(findings[0].properties.at("key") == "Password");
}

TEST_CASE("credential detector: a password option inside a value whose name says nothing") {
    const std::vector<Finding> redis = scan("appsettings.json", "{\"Cache\": \"cache.example.net:6380,password=f94LhsHIEvCfdSHmoxLL,ssl=True\"}\n");
    REQUIRE(redis.size() == 1);
    CHECK(redis[0].secret == "f94LhsHIEvCfdSHmoxLL");
    CHECK(redis[0].properties.at("key") == "Cache (password=)");
    const std::vector<Finding> conninfo = scan("pgbouncer.ini", "[databases]\nreporting = host=db1 dbname=r user=rep password=Floss-Daily-2023\n");
    REQUIRE(conninfo.size() == 1);
    CHECK(conninfo[0].secret == "Floss-Daily-2023");
    CHECK(conninfo[0].span.start_line == 2);
    CHECK(scan("app.ini", "[db]\nurl = host=db1 password=%DB_PASSWORD%\nnote = bypassword=abc123xyz\n").empty());
}

TEST_CASE("credential detector: the literal default of an environment or settings lookup") {
    // Each line looks a credential up by name and falls back to a literal: the literal is the leak.
    const std::vector<std::pair<std::string, std::string>> files = {
        {"settings.py", "import os\nDB = os.environ.get('DATABASE_PASSWORD', 'r8Kx!2Lq-Vw5z')\n"},
        {"settings.py", "SECRET_KEY = env('DJANGO_SECRET_KEY', default='r8Kx!2Lq-Vw5z')\n"},
        {"settings.py", "db = os.getenv('DB_PASS') or 'r8Kx!2Lq-Vw5z'\n"},
        {"wp-config.php", "<?php\ndefine('DB_NAME', getenv_docker('WORDPRESS_DB_PASSWORD', 'r8Kx!2Lq-Vw5z'));\n"},
        {"config.php", "<?php\n$pass = getenv('DB_PASSWORD') ?: 'r8Kx!2Lq-Vw5z';\n"},
        {"database.php", "<?php\nreturn ['password' => env('DB_PASS', 'r8Kx!2Lq-Vw5z')];\n"},
        {"server.js", "const mailgun = process.env.MAILGUN_API_KEY || 'r8Kx!2Lq-Vw5z';\n"},
        {"server.ts", "const secret: string = process.env['JWT_SECRET'] ?? 'r8Kx!2Lq-Vw5z';\n"},
        {"config.rb", "TOKEN = ENV.fetch('GITHUB_TOKEN', 'r8Kx!2Lq-Vw5z')\n"},
        {"config.rb", "pass = ENV['SMTP_PASSWORD'] || 'r8Kx!2Lq-Vw5z'\n"},
        {"Config.java", "class C { String p = System.getProperty(\"db.password\", \"r8Kx!2Lq-Vw5z\"); }\n"},
        {"Program.cs", "var p = Environment.GetEnvironmentVariable(\"DB_PASSWORD\") ?? \"r8Kx!2Lq-Vw5z\";\n"},
        {"entrypoint.sh", "PGPASS=${POSTGRES_PASSWORD:-r8Kx!2Lq-Vw5z}\n"},
        {"entrypoint.sh", "export API_TOKEN=\"${API_TOKEN:=r8Kx!2Lq-Vw5z}\"\n"},
        {"docker-compose.yml", "services:\n  db:\n    environment:\n      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:-r8Kx!2Lq-Vw5z}\n"},
        {".env", "DB_URL_PASSWORD=${DB_PASSWORD-r8Kx!2Lq-Vw5z}\n"},
    };
    for (const auto& [path, text] : files) {
        INFO(path << ": " << text);
        const std::vector<Finding> findings = scan(path, text);
        CHECK(findings.size() == 1);
        if (findings.size() != 1) continue;
        CHECK(findings[0].secret == "r8Kx!2Lq-Vw5z");
        CHECK(text.substr(text.find("r8Kx")).starts_with("r8Kx!2Lq-Vw5z"));
        CHECK(findings[0].span.start_line == static_cast<uint32_t>(std::count(text.begin(), text.begin() + static_cast<long>(text.find("r8Kx")), '\n') + 1));
    }
    // The lookup's own name decides: a default for a setting that is no credential is not reported,
    // and a default that is itself a reference or a placeholder is not a credential.
    CHECK(scan("settings.py", "HOST = os.environ.get('DB_HOST', 'r8Kx!2Lq-Vw5z')\n").empty());
    CHECK(scan("server.js", "const k = process.env.API_KEY || '';\n").empty());
    CHECK(scan("server.js", "const k = process.env.API_KEY || process.env.OTHER_KEY;\n").empty());
    CHECK(scan("entrypoint.sh", "PGPASS=${POSTGRES_PASSWORD:-${FALLBACK_PASSWORD}}\n").empty());
    CHECK(scan("entrypoint.sh", "PGPASS=${POSTGRES_PASSWORD}\n").empty());
    CHECK(scan("docker-compose.yml", "x:\n  POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:-changeme}\n").empty());
}

TEST_CASE("credential detector: each literal of a list under a credential name") {
    const std::vector<std::pair<std::string, std::string>> files = {
        {"settings.py", "SECRET_KEY_FALLBACKS = [\"h3Zq!9Lp-Yw2x\", \"m5Tr!7Kv-Qs8c\"]\n"},
        {"keys.json", "{\"api_keys\": [\"h3Zq!9Lp-Yw2x\", \"m5Tr!7Kv-Qs8c\"]}\n"},
        {"app.yaml", "auth:\n  passwords:\n    - h3Zq!9Lp-Yw2x\n    - \"m5Tr!7Kv-Qs8c\"\n"},
        {"app.yaml", "auth:\n  tokens: [h3Zq!9Lp-Yw2x, m5Tr!7Kv-Qs8c]\n"},
        {"keys.js", "const apiKeys = ['h3Zq!9Lp-Yw2x', 'm5Tr!7Kv-Qs8c'];\n"},
        {"keys.rb", "API_TOKENS = ['h3Zq!9Lp-Yw2x', 'm5Tr!7Kv-Qs8c']\n"},
        {"config.toml", "[auth]\nsecrets = [\"h3Zq!9Lp-Yw2x\", \"m5Tr!7Kv-Qs8c\"]\n"},
    };
    for (const auto& [path, text] : files) {
        INFO(path << ": " << text);
        std::set<std::string> secrets;
        for (const Finding& finding : scan(path, text)) secrets.insert(finding.secret);
        CHECK(secrets == std::set<std::string>{"h3Zq!9Lp-Yw2x", "m5Tr!7Kv-Qs8c"});
    }
    // A list under a name that is no credential, or of words and placeholders, is not reported.
    CHECK(scan("lexer.js", "const tokens = ['(', ')', 'identifier', 'keyword'];\nconst hosts = ['h3Zq!9Lp-Yw2x'];\n").empty());
    CHECK(scan("app.yaml", "passwords:\n  - changeme\n  - ${DB_PASSWORD}\n").empty());
}

TEST_CASE("credential detector: ciphertext and psql variables are no credentials") {
    // Firefox/NSS logins.json: encrypted with the profile's key database.
    CHECK(scan("logins.json", "{\"logins\":[{\"hostname\":\"https://a.example\",\"encryptedPassword\":"
                              "\"MDoEEPgAAAAAAAAAAAAAAAAAAAEwFAYIKoZIhvcNAwcECL3Ykf8JGsgDBBCFpkS3BzSxR8MKz1Zxq8hw\"}]}\n")
              .empty());
    // A SealedSecret's encryptedData is sealed with the controller's key.
    const std::string sealed =
        "kind: SealedSecret\nspec:\n  encryptedData:\n    password: AgBy3i4OJSWK+PiTySYZZA9rO43cGDEq7uoGVq5ySEkdQVwOqKjV\n"
        "  template:\n    data:\n      password: Vx3mWq8!LpZ2\n";
    const std::vector<Finding> findings = scan("sealed.yaml", sealed);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].span.start_line == 7);
    // FileZilla's `encoding="crypt"`: encrypted with the user's master password.
    CHECK(scan("sitemanager.xml", "<FileZilla3><Servers><Server><Host>ftp.a.example</Host><User>u</User>"
                                  "<Pass encoding=\"crypt\" pubkey=\"b3f2\">AmC9dGZkS3Rl4L2xR1p0ZXN0aW5n</Pass>"
                                  "</Server></Servers></FileZilla3>\n")
              .empty());
    // psql interpolates `:'name'` from a variable; no literal is in the file.
    CHECK(scan("init.sql", "\\set app_password `cat /run/secrets/app`\nCREATE USER app WITH PASSWORD :'app_password';\n")
              .empty());
    CHECK(scan("init.sql", "CREATE USER app WITH PASSWORD 'Vx3mWq8!LpZ2';\n").size() == 1);
}

TEST_CASE("credential detector: a credential checked against a literal") {
    const std::vector<std::pair<std::string, std::string>> files = {
        {"sidekiq.rb", "Sidekiq::Web.use Rack::Auth::Basic do |user, password|\n  secure_compare(password, 'q8Lw!x2Vz7Kp')\nend\n"},
        {"auth.py", "import hmac\ndef ok(token):\n    return hmac.compare_digest(token, \"q8Lw!x2Vz7Kp\")\n"},
        {"auth.py", "def ok(password):\n    return password == \"q8Lw!x2Vz7Kp\"\n"},
        {"Auth.java", "class A { boolean ok(String password) {\n return password.equals(\"q8Lw!x2Vz7Kp\"); } }\n"},
        {"auth.js", "function ok(req) {\n  return req.headers['x-api-key'] === 'q8Lw!x2Vz7Kp';\n}\n"},
        {"auth.php", "<?php\nif ($password == 'q8Lw!x2Vz7Kp') { login(); }\n"},
        {"Auth.cs", "class A { bool Ok(string apiKey) {\n return apiKey == \"q8Lw!x2Vz7Kp\"; } }\n"},
    };
    for (const auto& [path, text] : files) {
        INFO(path << ": " << text);
        const std::vector<Finding> findings = scan(path, text);
        CHECK(findings.size() == 1);
        if (findings.size() != 1) continue;
        CHECK(findings[0].secret == "q8Lw!x2Vz7Kp");
    }
    // Comparing a credential with an empty string, a word or another variable says nothing.
    CHECK(scan("auth.js", "if (token === '' || apiKey !== expectedKey || authType == 'basic') {}\n").empty());
    CHECK(scan("auth.py", "if password == \"\" or password == None:\n    pass\n").empty());
}

TEST_CASE("credential detector: SQL Server's hashed and old passwords, Composer's host-keyed tokens") {
    const std::string logins =
        "CREATE LOGIN [legacy] WITH PASSWORD = 0x0200B0094BA3B1D6C2ED0E86687AA6A2F8A1872C5BFB1A60 HASHED, CHECK_POLICY = OFF\nGO\n"
        "ALTER LOGIN [sa] WITH PASSWORD = N'Q9#mWq8LpZ2v' OLD_PASSWORD = N'Ua8!Ev1W8qQs';\n";
    std::set<std::string> secrets;
    for (const Finding& finding : scan("logins.sql", logins)) secrets.insert(finding.secret);
    CHECK(secrets == std::set<std::string>{"0x0200B0094BA3B1D6C2ED0E86687AA6A2F8A1872C5BFB1A60", "Q9#mWq8LpZ2v", "Ua8!Ev1W8qQs"});
    const std::vector<Finding> composer =
        scan("auth.json", "{\"bearer\": {\"packages.acme-hosting.no\": \"jZJL1ksHmD7BWrY9zuc9RAqtq5qTqTjS\"},\n"
                          " \"repositories\": {\"packages.acme-hosting.no\": \"jZJL1ksHmD7BWrY9zuc9RAqtq5qTqTjT\"},\n"
                          " \"http-basic\": {\"repo.acme.no\": {\"username\": \"u\", \"password\": \"Ua8!Ev1W8qQs\"}}}\n");
    REQUIRE(composer.size() == 2);
    CHECK(composer[0].properties.at("key") == "bearer");
    CHECK(composer[1].properties.at("key") == "password");
}
