// A small RAII layer over the tree-sitter C API: the languages keylint links, a parse of a whole
// SourceText with a CPU-time budget, and helpers to read node text and positions.
#pragma once

#include <tree_sitter/api.h>

#include <memory>
#include <string_view>

#include "core/finding.hpp"
#include "core/source_text.hpp"

extern "C" {
const TSLanguage* tree_sitter_json();
const TSLanguage* tree_sitter_yaml();
const TSLanguage* tree_sitter_toml();
const TSLanguage* tree_sitter_hcl();
const TSLanguage* tree_sitter_xml();
const TSLanguage* tree_sitter_python();
const TSLanguage* tree_sitter_javascript();
const TSLanguage* tree_sitter_tsx();
const TSLanguage* tree_sitter_go();
const TSLanguage* tree_sitter_java();
const TSLanguage* tree_sitter_ruby();
const TSLanguage* tree_sitter_php();
const TSLanguage* tree_sitter_c_sharp();
const TSLanguage* tree_sitter_bash();
}

namespace keylint {

struct TreeDeleter {
    void operator()(TSTree* tree) const { ts_tree_delete(tree); }
};
using TreePtr = std::unique_ptr<TSTree, TreeDeleter>;

// Parses the whole text; null if the parser gave up (time budget exceeded).
TreePtr parse_source(const TSLanguage* language, const SourceText& text);

inline std::string_view node_text(TSNode node, const SourceText& text) {
    const uint32_t begin = ts_node_start_byte(node);
    const uint32_t end = ts_node_end_byte(node);
    return text.bytes().substr(begin, end - begin);
}

Span node_span(TSNode node, const SourceText& text);

// The first ERROR or MISSING node in the tree, as a readable "line L, column C" message, or "".
std::string first_syntax_error(TSNode root, const SourceText& text);

// A parse for the document readers, which need a whole, valid tree: the tree, or (tree null) the
// reason there is none: the time budget, or the first syntax error ("invalid YAML: … at line L…").
struct CheckedTree {
    TreePtr tree;
    std::string error;
};
CheckedTree parse_valid_document(const TSLanguage* language, const SourceText& text, std::string_view format);

}  // namespace keylint
