#include <catch2/catch.hpp>

#include <string>

#include "credentials/file_format.hpp"
#include "credentials/format_sniffer.hpp"

using namespace keylint;

TEST_CASE("file format: the name decides where it says the format, copies and templates included") {
    CHECK(detect_file_format("a/settings.py.bak", "x = 1\n") == FileFormat::python);
    CHECK(detect_file_format("config.json.dist", "{}") == FileFormat::json);
    CHECK(detect_file_format("app.yml.example", "a: b\n") == FileFormat::yaml);
    CHECK(detect_file_format("home/.fetchmailrc", "poll x\n") == FileFormat::netrc);
    CHECK(detect_file_format("home/.msmtprc", "account default\n") == FileFormat::directives);
    CHECK(detect_file_format("deploy/redis.conf", "requirepass x\n") == FileFormat::directives);
    CHECK(detect_file_format("Web.csproj", "<Project/>") == FileFormat::xml);
    CHECK(detect_file_format("Vagrantfile", "Vagrant.configure('2')\n") == FileFormat::ruby);
    CHECK(detect_file_format("main.rs", "password = \"x\"\n") == FileFormat::unknown);  // not a config name
}

TEST_CASE("file format: extensionless files, dotfiles and config extensions are placed by content") {
    CHECK(detect_file_format("project/config", "[core]\n\tbare = false\n[user]\n\tpassword = x\n") == FileFormat::ini);
    CHECK(detect_file_format("deploy/env", "DB_HOST=db\nDB_PASSWORD=x\n") == FileFormat::dotenv);
    CHECK(detect_file_format("conf/settings", "database:\n  password: x\n") == FileFormat::yaml);
    CHECK(detect_file_format(".config/hub", "---\ngithub.com:\n- user: ann\n") == FileFormat::yaml);
    CHECK(detect_file_format("data/settings", "{\"password\": \"x\"}") == FileFormat::json);
    CHECK(detect_file_format("bin/deploy", "#!/usr/bin/env bash\nexport A=1\n") == FileFormat::shell);
    CHECK(detect_file_format("worker.cfg", "<?xml version=\"1.0\"?>\n<a/>") == FileFormat::xml);
    CHECK(detect_file_format("worker.cfg", "[main]\nuser = x\n") == FileFormat::ini);
    CHECK(detect_file_format("worker.conf", "daemonize yes\nrequirepass x\nport 6379\n") == FileFormat::directives);
    CHECK(detect_file_format("notes.txt", "password: hunter2\nuser: ann\n") == FileFormat::yaml);
    CHECK(detect_file_format("heidisql-settings.txt", "Servers\\a\\Host<|||>1<|||>db\r\n") == FileFormat::heidisql_settings);
    CHECK(detect_file_format("etc/vsftpd/logins.txt", "ann\nFl0ss\n") == FileFormat::virtual_users);
    CHECK(detect_file_format("srv/ftp/virtual_users.txt", "ann\nFl0ss\n") == FileFormat::virtual_users);
    CHECK(detect_file_format("docs/logins.txt", "ann\nFl0ss\n") != FileFormat::virtual_users);
    CHECK(detect_file_format("home/.config/hexchat/servlist.conf", "v=2.14.3\n\nN=Libera\n") == FileFormat::hexchat_servlist);
    CHECK(detect_file_format("README", "This project scans files.\nIt is fast, and it is\nsimple to use.\n") ==
          FileFormat::unknown);
}

TEST_CASE("file format sniffer: a JSON array is not an INI section, and an INI section is not JSON") {
    CHECK(sniff_format("[\n  {\"a\": 1}\n]") == FileFormat::json);
    CHECK(sniff_format("[default]\naws_secret_access_key = x\n") == FileFormat::ini);
    CHECK(sniff_format("") == FileFormat::unknown);
    CHECK(sniff_format("\xEF\xBB\xBF<configuration/>") == FileFormat::xml);
}

TEST_CASE("file format: Rails master keys and a Vault token file are key files") {
    CHECK(detect_file_format("app/config/master.key", "") == FileFormat::key_file);
    CHECK(detect_file_format("app/config/credentials/production.key", "") == FileFormat::key_file);
    CHECK(detect_file_format("home/.vault-token", "") == FileFormat::key_file);
    CHECK(detect_file_format("certs/server.key", "") == FileFormat::unknown);  // PEM: the private-key rules' job
}
