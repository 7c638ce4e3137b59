// Catch2 entry point plus a reporter that prints one TAP line per test case, so meson (and the
// test summary in scripts/test) count test cases rather than executables.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>

namespace {

class TestCaseTapReporter : public Catch::StreamingReporterBase<TestCaseTapReporter> {
   public:
    using StreamingReporterBase::StreamingReporterBase;

    static std::string getDescription() { return "TAP output with one line per test case"; }

    void assertionStarting(Catch::AssertionInfo const&) override {}

    bool assertionEnded(Catch::AssertionStats const& stats) override {
        const Catch::AssertionResult& result = stats.assertionResult;
        if (!result.isOk()) {
            failures_ += "# " + std::string(result.getSourceInfo().file) + ":" +
                         std::to_string(result.getSourceInfo().line) + ": " + result.getExpressionInMacro();
            if (result.hasExpandedExpression()) failures_ += " with " + result.getExpandedExpression();
            if (result.hasMessage()) failures_ += " (" + result.getMessage() + ")";
            failures_ += "\n";
        }
        return true;
    }

    void testCaseEnded(Catch::TestCaseStats const& stats) override {
        ++count_;
        stream << failures_;
        failures_.clear();
        const bool ok = stats.totals.assertions.failed == 0;
        stream << (ok ? "ok " : "not ok ") << count_ << " - " << stats.testInfo.name << '\n';
        StreamingReporterBase::testCaseEnded(stats);
    }

    void testRunEnded(Catch::TestRunStats const& stats) override {
        stream << "1.." << count_ << '\n';
        StreamingReporterBase::testRunEnded(stats);
    }

   private:
    size_t count_ = 0;
    std::string failures_;
};

}  // namespace

CATCH_REGISTER_REPORTER("tapcases", TestCaseTapReporter)
