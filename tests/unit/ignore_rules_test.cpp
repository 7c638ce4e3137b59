// Ignore-file semantics, following git's documented pattern format.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "walk/ignore_rules.hpp"

using namespace keylint;

TEST_CASE("globs: *, ?, classes and escapes stay within a path component") {
    CHECK(glob_matches("*.log", "app.log"));
    CHECK(!glob_matches("*.log", "dir/app.log"));
    CHECK(glob_matches("file?.txt", "file1.txt"));
    CHECK(!glob_matches("file?.txt", "file/.txt"));
    CHECK(glob_matches("[abc]*.py", "bmain.py"));
    CHECK(!glob_matches("[!abc]*.py", "bmain.py"));
    CHECK(glob_matches("v[0-9].txt", "v7.txt"));
    CHECK(glob_matches("\\*literal", "*literal"));
    CHECK(!glob_matches("\\*literal", "xliteral"));
}

TEST_CASE("globs: ** spans directories") {
    CHECK(glob_matches("**/build", "build"));
    CHECK(glob_matches("**/build", "a/b/build"));
    CHECK(glob_matches("logs/**", "logs/a/b.txt"));
    CHECK(glob_matches("a/**/z", "a/z"));
    CHECK(glob_matches("a/**/z", "a/b/c/z"));
    CHECK(!glob_matches("a/**/z", "b/a/z"));
}

namespace {

bool ignored_by(const std::string& text, const std::string& path, bool directory = false) {
    // Evaluate through an IgnoreChain built from a real file, as the walker does.
    const auto dir = std::filesystem::temp_directory_path() / "keylint-ignore-test";
    std::filesystem::create_directories(dir);
    std::ofstream(dir / ".gitignore") << text;
    const bool result = IgnoreChain{}.with_directory(dir, "").ignored(path, directory);
    std::filesystem::remove_all(dir);
    return result;
}

}  // namespace

TEST_CASE("ignore files: comments, negation and last-match-wins") {
    const std::string text = "# build output\n*.log\n!keep.log\n\\#hash.txt\n";
    CHECK(ignored_by(text, "debug.log"));
    CHECK(ignored_by(text, "deep/dir/debug.log"));
    CHECK(!ignored_by(text, "keep.log"));
    CHECK(ignored_by(text, "#hash.txt"));
    CHECK(!ignored_by(text, "main.py"));
}

TEST_CASE("ignore files: directory-only and anchored patterns") {
    const std::string text = "node_modules/\n/dist\ndocs/generated\n";
    CHECK(ignored_by(text, "node_modules", true));
    CHECK(ignored_by(text, "web/node_modules", true));
    CHECK(!ignored_by(text, "node_modules", false));  // a file named node_modules
    CHECK(ignored_by(text, "dist", true));
    CHECK(!ignored_by(text, "src/dist", true));       // anchored to the ignore file's directory
    CHECK(ignored_by(text, "docs/generated", true));
    CHECK(!ignored_by(text, "x/docs/generated", true));
}

TEST_CASE("ignore files: a deeper directory overrides, .keylintignore overrides .gitignore") {
    const auto root = std::filesystem::temp_directory_path() / "keylint-ignore-stack";
    std::filesystem::remove_all(root);
    std::filesystem::create_directories(root / "sub");
    std::ofstream(root / ".gitignore") << "*.env\n";
    std::ofstream(root / ".keylintignore") << "!prod.env\n";
    std::ofstream(root / "sub" / ".gitignore") << "!local.env\n";
    const IgnoreChain at_root = IgnoreChain{}.with_directory(root, "");
    CHECK(at_root.ignored("dev.env", false));
    CHECK(!at_root.ignored("prod.env", false));
    const IgnoreChain in_sub = at_root.with_directory(root / "sub", "sub");
    CHECK(!in_sub.ignored("sub/local.env", false));
    CHECK(in_sub.ignored("sub/other.env", false));
    CHECK(at_root.ignored("sub/local.env", false));  // the parent's chain is unchanged
    std::filesystem::remove_all(root);
}

// Found by fuzz/fuzz_gitignore: a .gitignore line of many stars made the matcher backtrack
// exponentially, so a hostile repository could hang a scan.
TEST_CASE("globs: many stars do not backtrack exponentially") {
    const std::string path(40, 'a');
    CHECK_FALSE(glob_matches("*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b", path));
    CHECK(glob_matches("*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*", path));
    CHECK_FALSE(glob_matches(std::string(60, '*') + "x", std::string(40, 'Y')));
    CHECK_FALSE(glob_matches("/" + std::string(40, '*') + std::string(1, '\0') + "2" + std::string(10, '*') + "/s",
                             "YYYYYYYYYYYYYYs\xdev"));
    CHECK(glob_matches("**/" + std::string(30, '*') + "/**/x*y*z", "a/b/c/xayaz"));
}
