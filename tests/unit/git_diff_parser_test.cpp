// The parsers of git's diff and raw-log output (git/diff_parser.hpp), on output captured from
// git 2.39 with the options keylint passes.
#include <catch2/catch.hpp>

#include "git/diff_parser.hpp"

using namespace keylint;

namespace {

std::vector<std::pair<uint32_t, uint32_t>> ranges(const FileChange& file) {
    std::vector<std::pair<uint32_t, uint32_t>> out;
    for (const LineRange& range : file.added) out.emplace_back(range.first, range.last);
    return out;
}

const std::string blob_a(40, 'a');
const std::string blob_b(40, 'b');

}  // namespace

TEST_CASE("a staged diff yields the new path, blob and added line ranges") {
    const std::string diff =
        "diff --git a/app.py b/app.py\n"
        "index " + blob_a + ".." + blob_b + " 100644\n"
        "--- a/app.py\n"
        "+++ b/app.py\n"
        "@@ -2 +2 @@ def f():\n"
        "-    old\n"
        "+    new\n"
        "@@ -10,0 +11,3 @@\n"
        "+a\n"
        "+b\n"
        "+c\n"
        "@@ -20,2 +23,0 @@\n"
        "-gone\n"
        "-gone too\n"
        "\\ No newline at end of file\n"
        "diff --git a/new.env b/new.env\n"
        "new file mode 100644\n"
        "index 0000000000000000000000000000000000000000.." + blob_a + "\n"
        "--- /dev/null\n"
        "+++ b/new.env\n"
        "@@ -0,0 +1,2 @@\n"
        "+X=1\n"
        "+Y=2\n";
    const ParsedPatches parsed = parse_patches(diff);
    CHECK(parsed.commits.empty());
    REQUIRE(parsed.files.size() == 2);
    CHECK(parsed.files[0].path == "app.py");
    CHECK(parsed.files[0].blob == blob_b);
    CHECK(ranges(parsed.files[0]) == std::vector<std::pair<uint32_t, uint32_t>>{{2, 2}, {11, 13}});
    CHECK(parsed.files[1].path == "new.env");
    CHECK(parsed.files[1].blob == blob_a);
    CHECK(ranges(parsed.files[1]) == std::vector<std::pair<uint32_t, uint32_t>>{{1, 2}});
}

TEST_CASE("hunk bodies are counted, so lines that look like headers stay content") {
    const std::string diff =
        "diff --git a/notes.md b/notes.md\n"
        "index " + blob_a + ".." + blob_b + " 100644\n"
        "--- a/notes.md\n"
        "+++ b/notes.md\n"
        "@@ -1,2 +1,3 @@\n"
        "---- a/fake\n"
        "-diff --git a/x b/x\n"
        "++++ b/fake\n"
        "+diff --git a/y b/y\n"
        "+@@ -1 +1 @@\n";
    const ParsedPatches parsed = parse_patches(diff);
    REQUIRE(parsed.files.size() == 1);
    CHECK(parsed.files[0].path == "notes.md");
    CHECK(ranges(parsed.files[0]) == std::vector<std::pair<uint32_t, uint32_t>>{{1, 3}});
}

TEST_CASE("quoted paths, names with spaces, renames, binaries and submodules") {
    const std::string diff =
        "diff --git \"a/sp \\\"q\\\\tx\" \"b/sp \\\"q\\\\tx\"\n"
        "new file mode 100644\n"
        "index 0000000000000000000000000000000000000000.." + blob_a + "\n"
        "--- /dev/null\n"
        "+++ \"b/sp \\\"q\\\\tx\"\t\n"
        "@@ -0,0 +1 @@\n"
        "+n\n"
        "diff --git a/with space.txt b/with space.txt\n"
        "index " + blob_a + ".." + blob_b + " 100644\n"
        "--- a/with space.txt\t\n"
        "+++ b/with space.txt\t\n"
        "@@ -1 +1 @@\n"
        "-x\n"
        "+y\n"
        "diff --git a/old.py b/moved.py\n"
        "similarity index 90%\n"
        "rename from old.py\n"
        "rename to moved.py\n"
        "index " + blob_a + ".." + blob_b + " 100644\n"
        "--- a/old.py\n"
        "+++ b/moved.py\n"
        "@@ -5,0 +6 @@\n"
        "+added\n"
        "diff --git a/logo.png b/logo.png\n"
        "new file mode 100644\n"
        "index 0000000000000000000000000000000000000000.." + blob_b + "\n"
        "Binary files /dev/null and b/logo.png differ\n"
        "diff --git a/vendor/lib b/vendor/lib\n"
        "index " + blob_a + ".." + blob_b + " 160000\n"
        "--- a/vendor/lib\n"
        "+++ b/vendor/lib\n"
        "@@ -1 +1 @@\n"
        "-Subproject commit " + blob_a + "\n"
        "+Subproject commit " + blob_b + "\n"
        "diff --git \"a/caf\\303\\251.txt\" \"b/caf\\303\\251.txt\"\n"
        "index " + blob_a + ".." + blob_b + " 100644\n"
        "--- \"a/caf\\303\\251.txt\"\n"
        "+++ \"b/caf\\303\\251.txt\"\n"
        "@@ -1 +1 @@\n"
        "-a\n"
        "+b\n";
    const ParsedPatches parsed = parse_patches(diff);
    REQUIRE(parsed.files.size() == 6);
    CHECK(parsed.files[0].path == "sp \"q\\tx");
    CHECK(parsed.files[1].path == "with space.txt");
    CHECK(parsed.files[2].path == "moved.py");
    CHECK(ranges(parsed.files[2]) == std::vector<std::pair<uint32_t, uint32_t>>{{6, 6}});
    CHECK(parsed.files[3].path == "logo.png");
    CHECK(parsed.files[3].binary);
    CHECK(parsed.files[3].blob == blob_b);
    CHECK(parsed.files[4].not_a_file);
    CHECK(parsed.files[5].path == "caf\xC3\xA9.txt");
}

TEST_CASE("git log -p output is split into commits with their author and date") {
    const std::string log =
        "\x01" + blob_a + "\x1f" "Jane Doe\x1fjane@example.com\x1f" "2024-05-01T10:00:00+02:00\n"
        "\n"
        "diff --git a/a.txt b/a.txt\n"
        "new file mode 100644\n"
        "index 0000000000000000000000000000000000000000.." + blob_b + "\n"
        "--- /dev/null\n"
        "+++ b/a.txt\n"
        "@@ -0,0 +1 @@\n"
        "+one\n"
        "\x01" + blob_b + "\x1f" "Max\x1fmax@example.com\x1f" "2024-05-02T10:00:00+00:00\n"
        "\n"
        "diff --git a/a.txt b/a.txt\n"
        "index " + blob_b + ".." + blob_a + " 100644\n"
        "--- a/a.txt\n"
        "+++ b/a.txt\n"
        "@@ -1,0 +2 @@ one\n"
        "+two\n";
    const ParsedPatches parsed = parse_patches(log);
    REQUIRE(parsed.commits.size() == 2);
    CHECK(parsed.commits[0].author == "Jane Doe");
    CHECK(parsed.commits[0].email == "jane@example.com");
    CHECK(parsed.commits[1].date == "2024-05-02T10:00:00+00:00");
    REQUIRE(parsed.files.size() == 2);
    CHECK(parsed.files[0].commit == 0);
    CHECK(parsed.files[1].commit == 1);
    CHECK(ranges(parsed.files[1]) == std::vector<std::pair<uint32_t, uint32_t>>{{2, 2}});
}

TEST_CASE("malformed diffs are errors, not silently short results") {
    CHECK_THROWS(parse_patches("diff --git a/x b/x\n+++ b/x\n@@ -1 +1,3 @@\n+only one\n"));
    CHECK_THROWS(parse_patches("diff --git a/x b/x\n+++ b/x\n@@ -1 +x @@\n"));
    CHECK_THROWS(parse_patches("diff --git a/x b/x\n+++ b/x\n@@ -0,0 +1 @@\nplain\n"));
}

TEST_CASE("added line ranges decide which findings a change introduced") {
    const std::vector<LineRange> added{{2, 2}, {11, 13}};
    CHECK(touches_added_lines(added, 2, 2));
    CHECK(touches_added_lines(added, 10, 11));
    CHECK(touches_added_lines(added, 1, 20));
    CHECK_FALSE(touches_added_lines(added, 1, 1));
    CHECK_FALSE(touches_added_lines(added, 3, 10));
    CHECK_FALSE(touches_added_lines(added, 14, 14));
    CHECK_FALSE(touches_added_lines({}, 1, 1));
}

TEST_CASE("raw logs list the blobs each commit records, without deletions, submodules or links") {
    const std::string raw = "\x01" "c1\x1f" "A\x1f" "a@x\x1f" "2024-01-01T00:00:00Z" + std::string(1, '\0') +
                            "\n:000000 100644 " + std::string(40, '0') + " " + blob_a + " A" + std::string(1, '\0') +
                            "a.txt" + std::string(1, '\0') + ":000000 160000 " + std::string(40, '0') + " " + blob_b +
                            " A" + std::string(1, '\0') + "vendor/lib" + std::string(1, '\0') +
                            "\x01" "c2\x1f" "B\x1f" "b@x\x1f" "2024-01-02T00:00:00Z" + std::string(1, '\0') +
                            "\n:100644 100644 " + blob_a + " " + blob_b + " M" + std::string(1, '\0') + "dir/sp ace.txt" +
                            std::string(1, '\0') + ":100644 000000 " + blob_a + " " + std::string(40, '0') + " D" +
                            std::string(1, '\0') + "a.txt" + std::string(1, '\0') + ":000000 120000 " +
                            std::string(40, '0') + " " + blob_a + " A" + std::string(1, '\0') + "link" + std::string(1, '\0');
    const ParsedRawLog parsed = parse_raw_log(raw);
    REQUIRE(parsed.commits.size() == 2);
    CHECK(parsed.commits[1].id == "c2");
    REQUIRE(parsed.entries.size() == 2);
    CHECK(parsed.entries[0].path == "a.txt");
    CHECK(parsed.entries[0].blob == blob_a);
    CHECK(parsed.entries[0].commit == 0);
    CHECK(parsed.entries[1].path == "dir/sp ace.txt");
    CHECK(parsed.entries[1].blob == blob_b);
    CHECK(parsed.entries[1].commit == 1);
}

TEST_CASE("git's C-style path quoting is undone") {
    CHECK(unquote_git_path("plain/path") == "plain/path");
    CHECK(unquote_git_path("\"a\\tb\\\\c\\\"d\"") == "a\tb\\c\"d");
    CHECK(unquote_git_path("\"\\303\\251\\n\"") == "\xC3\xA9\n");
}
