#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

#include "credentials/line_formats.hpp"

using namespace keylint;

namespace {

using Pairs = std::vector<std::pair<std::string, std::string>>;

Pairs read(FileFormat format, const std::string& text) {
    Pairs out;
    for (const NamedValue& value : read_line_format(format, text)) {
        CHECK(text.substr(value.value_begin, value.value_end - value.value_begin) == value.value);
        out.emplace_back(value.name, value.value);
    }
    return out;
}

}  // namespace

TEST_CASE("line formats: .env with export, quotes and trailing comments") {
    const std::string env = "# c\nexport API_TOKEN=\"t1 x\"\nDB_PASS=abc # note\nEMPTY=\n\nK='q'\n";
    CHECK(read(FileFormat::dotenv, env) == Pairs{{"API_TOKEN", "t1 x"}, {"DB_PASS", "abc"}, {"K", "q"}});
}

TEST_CASE("line formats: INI takes '=' first, else ':'; sections and comments are skipped") {
    const std::string ini = "[pypi]\nusername: u\npassword: p1\n; c\n//registry.npmjs.org/:_authToken=t2\n";
    CHECK(read(FileFormat::ini, ini) ==
          Pairs{{"username", "u"}, {"password", "p1"}, {"//registry.npmjs.org/:_authToken", "t2"}});
}

TEST_CASE("line formats: properties split on the first '=' or ':'") {
    CHECK(read(FileFormat::properties, "db.password=p1\ndb.url: jdbc:x\n") ==
          Pairs{{"db.password", "p1"}, {"db.url", "jdbc:x"}});
}

TEST_CASE("line formats: .netrc password tokens across lines") {
    const std::string netrc = "machine a.example login u password p1\nmachine b\n  login v\n  password p2\n";
    CHECK(read(FileFormat::netrc, netrc) == Pairs{{"password", "p1"}, {"password", "p2"}});
}

TEST_CASE("line formats: a .netrc `account` token is ftp's additional password") {
    const std::vector<NamedValue> values = read_line_format(FileFormat::netrc, "machine f login u password p1 account a2\n");
    REQUIRE(values.size() == 2);
    CHECK(values[1].value == "a2");
    CHECK(values[1].description == "account password field of .netrc");
}

TEST_CASE("line formats: HeidiSQL settings' password settings, by the last part of their path") {
    const std::string settings =
        "Servers\\Prod\\Host<|||>1<|||>db.internal\r\nServers\\Prod\\Password<|||>1<|||>7B6C4D3E\r\n"
        "Servers\\Prod\\SSHtunnelPass<|||>1<|||>\r\nServers\\Dev\\SSHtunnelPassword<|||>1<|||>5A4B\r\nbroken line\n";
    CHECK(read(FileFormat::heidisql_settings, settings) == Pairs{{"Password", "7B6C4D3E"}, {"SSHtunnelPassword", "5A4B"}});
}

TEST_CASE("line formats: a virtual users list is login and password lines; other text is no such list") {
    CHECK(read(FileFormat::virtual_users, "ann\nFl0ss-D4ily\n\nbob\r\nK9#mq2\n") == Pairs{{"password", "Fl0ss-D4ily"}, {"password", "K9#mq2"}});
    CHECK(read(FileFormat::virtual_users, "ann\nFl0ss-D4ily\nbob\n").empty());
    CHECK(read(FileFormat::virtual_users, "Create one user per line\nann\n").empty());
}

TEST_CASE("line formats: HexChat servlist.conf `P=` and `B=` fields") {
    CHECK(read(FileFormat::hexchat_servlist, "v=2.14.3\nN=Libera\nI=wren\nP=pw1\nB=nick2\nS=irc.libera.chat\nP=\n") ==
          Pairs{{"P", "pw1"}, {"B", "nick2"}});
}

TEST_CASE("line formats: .pgpass fifth field, with escaped colons in earlier fields") {
    CHECK(read(FileFormat::pgpass, "# c\ndb\\:1:5432:*:user:p:w\n") == Pairs{{"password", "p:w"}});
}

TEST_CASE("line formats: htpasswd and shadow hashes; locked accounts are skipped") {
    CHECK(read(FileFormat::htpasswd, "admin:$apr1$x$y\n") == Pairs{{"password hash", "$apr1$x$y"}});
    CHECK(read(FileFormat::shadow, "root:!:19000:0:99999:7:::\nbob:$6$s$h:19000:0\n") ==
          Pairs{{"password hash", "$6$s$h"}});
}

TEST_CASE("line formats: .git-credentials URL passwords") {
    CHECK(read(FileFormat::git_credentials, "https://u:t0k@github.com\nhttps://nopass@x\n") ==
          Pairs{{"password", "t0k"}});
}

TEST_CASE("line formats: directives are `name value`, `name \"value\"` and muttrc's `set name = value`") {
    const std::string text =
        "# redis\nrequirepass s3cr3t-Value # inline\nmasterauth \"two words\"\nset smtp_pass = \"m1\"\n"
        "set imap_user=me\nport\nlogfile \"\"\n";
    CHECK(read(FileFormat::directives, text) ==
          Pairs{{"requirepass", "s3cr3t-Value"}, {"masterauth", "two words"}, {"smtp_pass", "m1"}, {"imap_user", "me"}});
}

TEST_CASE("line formats: .fetchmailrc's quoted `pass` tokens are read like .netrc passwords") {
    const std::string text = "poll mail.example.org proto imap\n  user \"ann\" pass \"a b#c\" is ann here\n"
                             "poll pop.example.org user bob password plainpw\n";
    CHECK(read(FileFormat::netrc, text) == Pairs{{"password", "a b#c"}, {"password", "plainpw"}});
}

TEST_CASE("line formats: a .git-credentials user may hold '@'; the password ends at the last '@'") {
    CHECK(read(FileFormat::git_credentials, "https://ann@corp.example:pa!ss@git.example.com\nhttps://tok@host\n") ==
          Pairs{{"password", "pa!ss"}});
}

TEST_CASE("line formats: fetchmail's `auth password` is a method, the next `password` a secret") {
    CHECK(read(FileFormat::netrc, "poll h\n  auth password\n  ssl\n  user u password s3cret\n") ==
          Pairs{{"password", "s3cret"}});
}

TEST_CASE("line formats: a key file is its one line; several lines or words are not a key") {
    CHECK(read(FileFormat::key_file, "\n3f9a1c0e7b5d42a8961e0c3b7a5d9f21\n") ==
          Pairs{{"key", "3f9a1c0e7b5d42a8961e0c3b7a5d9f21"}});
    CHECK(read(FileFormat::key_file, "a\nb\n").empty());
    CHECK(read(FileFormat::key_file, "not a key\n").empty());
}

TEST_CASE("line formats: an Ansible host line's key=value pairs, quoted or not") {
    CHECK(read(FileFormat::ini, "[db]\nweb02 ansible_user=deploy ansible_become_pass='Rq mx' ansible_port=22\n") ==
          Pairs{{"ansible_user", "deploy"}, {"ansible_become_pass", "Rq mx"}, {"ansible_port", "22"}});
}

TEST_CASE("line formats: htpasswd-style files keep locked and commented-out crypt hashes") {
    CHECK(read(FileFormat::shadow, "root:!$6$salt$hash:19000::\nbin:*:19000::\nlocked:!!:19000::\n") ==
          Pairs{{"password hash", "$6$salt$hash"}});
    CHECK(read(FileFormat::htpasswd, "# old: $apr1$abc$def\n# a note: not a hash\nann:{SHA}W6ph5Mm5Pz8GgiULbPgzG37mj9g=\n") ==
          Pairs{{"password hash", "$apr1$abc$def"}, {"password hash", "{SHA}W6ph5Mm5Pz8GgiULbPgzG37mj9g="}});
}

TEST_CASE("line formats: PgBouncer userlist pairs and Redis ACL and Sentinel directives") {
    CHECK(read(FileFormat::pgbouncer_userlist, "\"app\" \"md5015b009530ae19b525b0b56a80df0c0b\"\n\"x\" \"\"\n;c\n") ==
          Pairs{{"password", "md5015b009530ae19b525b0b56a80df0c0b"}});
    CHECK(read(FileFormat::directives, "user app on >sYpDC4Zz ~app:* +@read\nuser mon on #4bf41259 +info\n"
                                       "sentinel auth-pass cache Stonefly-River\nsentinel monitor cache 10.0.0.1 6379 2\n") ==
          Pairs{{"password", "sYpDC4Zz"}, {"password hash", "4bf41259"}, {"auth-pass", "Stonefly-River"}, {"monitor", "2"}});
}
