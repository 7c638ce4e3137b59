#include "infra/terraform_plan_sources.hpp"

#include <algorithm>
#include <tuple>

namespace keylint {
namespace {

bool before_or_at(uint32_t line_a, uint32_t column_a, uint32_t line_b, uint32_t column_b) {
    return std::tie(line_a, column_a) <= std::tie(line_b, column_b);
}

bool contains(const Span& outer, const Span& inner) {
    return before_or_at(outer.start_line, outer.start_column, inner.start_line, inner.start_column) &&
           before_or_at(inner.end_line, inner.end_column, outer.end_line, outer.end_column);
}

// Of two places that both contain a span, whether `a` lies inside `b`: places nest, so the one
// that starts later (or ends sooner) is the inner one.
bool inside(const Span& a, const Span& b) {
    if (std::tie(a.start_line, a.start_column) != std::tie(b.start_line, b.start_column)) {
        return std::tie(a.start_line, a.start_column) > std::tie(b.start_line, b.start_column);
    }
    return std::tie(a.end_line, a.end_column) < std::tie(b.end_line, b.end_column);
}

// How many steps of a path are a block's labels: `resource TYPE NAME`, `data TYPE NAME`,
// `variable NAME`, `provider NAME`, `module NAME`.
size_t label_steps(const std::vector<PlanStep>& path) {
    if (path.empty()) return 0;
    return path.front().key == "resource" || path.front().key == "data" ? 3 : 2;
}

Span member_extent(const Member& member) {
    return Span{member.key_span.start_line, member.key_span.start_column, member.value.span.end_line,
                member.value.span.end_column};
}

struct Reached {
    size_t depth = 0;
    Span span;
    const SourceText* text = nullptr;
};

class PathFollower {
   public:
    PathFollower(const std::vector<PlanStep>& path, const SourceText* text, Reached& best)
        : path_(path), labels_(label_steps(path)), text_(text), best_(best) {}

    void follow(const Value& node, size_t step) {
        if (step >= path_.size() || !node.is_object()) return;
        const PlanStep& wanted = path_[step];
        size_t seen = 0;
        const Member* only = nullptr;
        size_t named = 0;
        for (const Member& member : node.members) {
            if (member.key != wanted.key) continue;
            ++named;
            only = &member;
            if (wanted.occurrence != PlanStep::any && seen++ != wanted.occurrence) continue;
            reach(step + 1, step + 1 <= labels_ ? member.value.span : member_extent(member));
            follow(member.value, step + 1);
            if (wanted.occurrence != PlanStep::any) return;
        }
        // The n-th block of the plan may be the n-th item of a list the file writes as one argument.
        if (wanted.occurrence != PlanStep::any && named == 1 && only->value.is_array() &&
            wanted.occurrence < only->value.items.size()) {
            const Value& item = only->value.items[wanted.occurrence];
            reach(step + 1, item.span);
            follow(item, step + 1);
        }
    }

   private:
    void reach(size_t depth, const Span& span) {
        if (depth < labels_ || depth <= best_.depth) return;
        best_ = Reached{depth, span, text_};
    }

    const std::vector<PlanStep>& path_;
    size_t labels_;
    const SourceText* text_;
    Reached& best_;
};

}  // namespace

PlanSources::PlanSources(const TerraformPlan& plan, const ModuleFiles& files) {
    if (!files) return;
    for (const PlanModule& module : plan.modules) {
        if (!module.directory) continue;
        const std::vector<TerraformFile>* module_files = files(*module.directory);
        if (!module_files) continue;
        if (std::find(directories_.begin(), directories_.end(), *module.directory) == directories_.end()) {
            directories_.push_back(*module.directory);
        }
        for (const PlanPlace& place : module.places) entries_.push_back({&place, module_files});
    }
}

std::optional<SourcePlace> PlanSources::source_of(const Span& span) const {
    const Entry* innermost = nullptr;
    for (const Entry& entry : entries_) {
        if (!contains(entry.place->span, span)) continue;
        if (!innermost || inside(entry.place->span, innermost->place->span)) innermost = &entry;
    }
    if (!innermost) return std::nullopt;
    Reached best;
    for (const TerraformFile& file : *innermost->files) {
        PathFollower(innermost->place->path, file.text, best).follow(*file.root, 0);
    }
    if (!best.text) return std::nullopt;
    return SourcePlace{best.text->path(), best.span};
}

}  // namespace keylint
