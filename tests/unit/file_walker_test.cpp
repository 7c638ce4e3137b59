// The parallel walk gives the same result whatever the thread count, and is safe on loops.
#include <catch2/catch.hpp>
#include <algorithm>
#include <filesystem>
#include <fstream>

#include "walk/file_walker.hpp"

using namespace keylint;
namespace fs = std::filesystem;

namespace {

struct TempTree {
    fs::path root = fs::temp_directory_path() / "keylint-walker-test";
    TempTree() {
        fs::remove_all(root);
        fs::create_directories(root);
    }
    ~TempTree() { fs::remove_all(root); }
    void file(const std::string& relative, const std::string& text = "x\n") const {
        fs::create_directories((root / relative).parent_path());
        std::ofstream(root / relative) << text;
    }
};

std::vector<std::string> paths_of(const WalkResult& result) {
    std::vector<std::string> paths;
    for (const InputFile& file : result.files) paths.push_back(file.display_path);
    return paths;
}

std::vector<std::string> diagnostics_of(const WalkResult& result) {
    std::vector<std::string> lines;
    for (const Diagnostic& d : result.diagnostics) lines.push_back(d.path + ": " + d.message);
    return lines;
}

}  // namespace

TEST_CASE("the walk finds the same files and diagnostics with one thread and with many") {
    TempTree tree;
    for (int a = 0; a < 12; ++a) {
        for (int b = 0; b < 12; ++b) tree.file("d" + std::to_string(a) + "/e" + std::to_string(b) + "/f.txt");
    }
    tree.file(".gitignore", "d3/\n*.log\n");
    tree.file("d1/x.log");
    tree.file("d2/.gitignore", "!keep.log\n");
    tree.file("d2/keep.log");
    fs::create_directory_symlink(tree.root / "d4", tree.root / "link");
    WalkOptions one;
    one.threads = 1;
    WalkOptions many;
    many.threads = 8;
    const WalkResult serial = walk_inputs({tree.root.string()}, one);
    const WalkResult parallel = walk_inputs({tree.root.string()}, many);
    // d3 is ignored; d2/keep.log is re-included; the two .gitignore files are scanned too.
    CHECK(serial.files.size() == 12 * 11 + 3);
    CHECK(paths_of(serial) == paths_of(parallel));
    CHECK(diagnostics_of(serial) == diagnostics_of(parallel));
    CHECK(diagnostics_of(serial) == std::vector<std::string>{
                                        "d1/x.log: ignored by .gitignore/.ignore/.keylintignore",
                                        "d3: directory ignored by .gitignore/.ignore/.keylintignore",
                                        "link: symbolic link (use --follow-symlinks to scan its target)",
                                    });
    const std::vector<std::string> paths = paths_of(serial);
    CHECK(std::count(paths.begin(), paths.end(), "d2/keep.log") == 1);
}

TEST_CASE("following symlinks is safe against loops") {
    TempTree tree;
    tree.file("a/b/f.txt");
    fs::create_directory_symlink(tree.root / "a", tree.root / "a" / "b" / "up");
    WalkOptions options;
    options.follow_symlinks = true;
    options.threads = 4;
    const WalkResult result = walk_inputs({tree.root.string()}, options);
    CHECK(paths_of(result) == std::vector<std::string>{"a/b/f.txt"});
    CHECK(diagnostics_of(result) == std::vector<std::string>{"a/b/up: symlink loop: the directory was already visited"});
}
