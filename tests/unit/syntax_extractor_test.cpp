#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

#include "credentials/syntax_extractor.hpp"

using namespace keylint;

namespace {

using Pairs = std::vector<std::pair<std::string, std::string>>;

Pairs extract(FileFormat format, const std::string& source) {
    const SourceText text("sample", source);
    const SyntaxExtraction extraction = extract_literal_assignments(format, text);
    REQUIRE(extraction.parsed);
    Pairs pairs;
    for (const NamedValue& value : extraction.values) {
        CHECK(source.substr(value.value_begin, value.value_end - value.value_begin) == value.value);
        pairs.emplace_back(value.name, value.value);
    }
    return pairs;
}

}  // namespace

TEST_CASE("extractor: JSON members, with the name of a name/value object taken from its sibling") {
    CHECK(extract(FileFormat::json, R"({"db": {"password": "pw1"}, "n": 3, "env": [{"name": "TOKEN", "value": "t1"}]})") ==
          Pairs{{"password", "pw1"}, {"name", "TOKEN"}, {"TOKEN", "t1"}});
}

TEST_CASE("extractor: YAML plain and quoted scalars; tags and aliases are not literals; a bare key is qualified") {
    const std::string yaml = "jwt:\n  password: hunter22\n  token: !Ref Tok\n  key: \"q1\"\n  k2: 'q2'\n  p: *anchor\n";
    CHECK(extract(FileFormat::yaml, yaml) == Pairs{{"password", "hunter22"}, {"jwt.key", "q1"}, {"k2", "q2"}});
}

TEST_CASE("extractor: TOML pairs, dotted keys, tables and multi-line strings") {
    CHECK(extract(FileFormat::toml, "password = \"x1\"\n[signing]\napi.key = \"\"\"y2\"\"\"\n") ==
          Pairs{{"password", "x1"}, {"signing.key", "y2"}});
}

TEST_CASE("extractor: JSON qualifies a bare key with its parent, as in appsettings.json") {
    CHECK(extract(FileFormat::json, R"({"Jwt": {"Key": "k1", "Issuer": "i"}})") == Pairs{{"Jwt.Key", "k1"}, {"Issuer", "i"}});
}

TEST_CASE("extractor: credential types built from a user name and a password; getters are not") {
    CHECK(extract(FileFormat::csharp, "class A { void F() { var c = new NetworkCredential(\"mailer\", \"pw1\"); } }") ==
          Pairs{{"NetworkCredential(user, password)", "pw1"}});
    CHECK(extract(FileFormat::python, "auth = HTTPBasicAuth('bob', 'pw2')\nx = get_credentials('a', 'b')\n") ==
          Pairs{{"HTTPBasicAuth(user, password)", "pw2"}});
    CHECK(extract(FileFormat::java, "class A { void f() { env.put(Context.SECURITY_CREDENTIALS, \"pw3\"); } }") ==
          Pairs{{"SECURITY_CREDENTIALS", "pw3"}});
}

TEST_CASE("extractor: HCL attributes, object elements and variable defaults; interpolations are skipped") {
    const std::string hcl =
        "variable \"db_password\" {\n  default = \"s3cr3t\"\n}\n"
        "resource \"x\" \"y\" {\n  password = \"abc${var.x}\"\n  token = \"plain123\"\n"
        "  env = [{ name = \"A\", value = \"b\" }]\n}\n";
    CHECK(extract(FileFormat::hcl, hcl) == Pairs{{"db_password", "s3cr3t"}, {"token", "plain123"}, {"name", "A"}, {"A", "b"}});
}

TEST_CASE("extractor: XML elements, attributes and key/value attribute pairs") {
    const std::string xml =
        "<a><password> pw1 </password><add key=\"Password\" value=\"v1\"/>"
        "<Resource name=\"jdbc/x\" password=\"p2\"/><entry key=\"token\">t3</entry></a>";
    CHECK(extract(FileFormat::xml, xml) ==
          Pairs{{"password", "pw1"}, {"Password", "v1"}, {"password", "p2"}, {"token", "t3"}});
}

TEST_CASE("extractor: Python assignments, keyword arguments, dict pairs, defaults; f-strings are skipped") {
    const std::string python =
        "DB_PASSWORD = \"x1\"\nconn(password=\"p1\", user=u)\nd = {\"api_key\": 'k1', \"t\": f\"a{b}\"}\n"
        "self.token = r\"zz\"\nos.environ[\"SECRET\"] = \"v1\"\ndef f(pw=\"q1\"): pass\n";
    CHECK(extract(FileFormat::python, python) == Pairs{{"DB_PASSWORD", "x1"},
                                                       {"password", "p1"},
                                                       {"api_key", "k1"},
                                                       {"token", "zz"},
                                                       {"SECRET", "v1"},
                                                       {"pw", "q1"}});
}

TEST_CASE("extractor: JavaScript and TypeScript declarations, members, object pairs, fields, setters") {
    const std::string js =
        "const apiKey = \"k1\";\nthis.secret = `a${b}`;\nx = {password: \"p1\", \"token\": 't1'};\n"
        "class A { secret = \"s1\" }\nclient.setPassword(\"z1\");\n";
    const Pairs expected{{"apiKey", "k1"}, {"password", "p1"}, {"token", "t1"}, {"secret", "s1"}, {"Password", "z1"}};
    CHECK(extract(FileFormat::javascript, js) == expected);
    CHECK(extract(FileFormat::typescript, js) == expected);
}

TEST_CASE("extractor: Go constants, short declarations, struct fields and os.Setenv") {
    const std::string go =
        "package m\nconst Password = \"p1\"\nvar x = Cfg{Token: \"t1\", Key: `r1`}\n"
        "func f() { pw := \"q1\"; a.Secret = \"s1\"; os.Setenv(\"API_KEY\", \"v1\") }\n";
    CHECK(extract(FileFormat::go, go) ==
          Pairs{{"Password", "p1"}, {"Token", "t1"}, {"Key", "r1"}, {"pw", "q1"}, {"Secret", "s1"}, {"API_KEY", "v1"}});
}

TEST_CASE("extractor: Java fields, assignments and setters") {
    const std::string java =
        "class A { String password = \"p1\"; void f() { cfg.token = \"t1\"; ds.setPassword(\"z1\"); } }\n";
    CHECK(extract(FileFormat::java, java) == Pairs{{"password", "p1"}, {"token", "t1"}, {"Password", "z1"}});
}

TEST_CASE("extractor: Ruby constants, hash pairs and keyword arguments; interpolation is skipped") {
    const std::string ruby =
        "PASSWORD = \"p1\"\nx = { api_key: \"k1\", :token => \"t1\", \"secret\" => \"s#{x}\" }\nconnect(password: 'q1')\n";
    CHECK(extract(FileFormat::ruby, ruby) == Pairs{{"PASSWORD", "p1"}, {"api_key", "k1"}, {"token", "t1"}, {"password", "q1"}});
}

TEST_CASE("extractor: PHP define, variables, arrays, properties, constants and setters") {
    const std::string php =
        "<?php\ndefine('DB_PASSWORD', 'pw1');\n$password = \"p$x\";\n$cfg = ['api_key' => 'k1'];\n"
        "class A { private $secret = 's1'; const TOKEN = \"t1\"; }\n$db->setPassword('z1');\n";
    CHECK(extract(FileFormat::php, php) ==
          Pairs{{"DB_PASSWORD", "pw1"}, {"api_key", "k1"}, {"secret", "s1"}, {"TOKEN", "t1"}, {"Password", "z1"}});
}

TEST_CASE("extractor: C# fields, properties, object initializers; interpolated strings are skipped") {
    const std::string cs =
        "class A { string Password = \"p1\"; public string Token { get; set; } = @\"t1\";\n"
        "void F() { x.Secret = $\"a{b}\"; var o = new C { ApiKey = \"k1\" }; } }\n";
    CHECK(extract(FileFormat::csharp, cs) == Pairs{{"Password", "p1"}, {"Token", "t1"}, {"ApiKey", "k1"}});
}

TEST_CASE("extractor: shell assignments and exports; expansions are skipped") {
    CHECK(extract(FileFormat::shell, "export TOKEN=\"abc\"\nPASSWORD=plain1\nSECRET=\"$X\"\nK='raw'\n") ==
          Pairs{{"TOKEN", "abc"}, {"PASSWORD", "plain1"}, {"K", "raw"}});
}

TEST_CASE("extractor: formats without a grammar are not parsed") {
    CHECK_FALSE(extract_literal_assignments(FileFormat::ini, SourceText("a.ini", "a=b")).parsed);
    CHECK_FALSE(has_syntax_reader(FileFormat::dotenv));
}
