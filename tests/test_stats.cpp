// The trial statistics (include/iptkit/stats): structure, the worked examples of docs/trials.md,
// and bad input. Numeric agreement with statsmodels is checked in tests/python_module/test_stats.py.
#include <iptkit/iptkit.hpp>

#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

using namespace iptkit::stats;

// docs/trials.md "Worked example": eight subjects, a censoring tied with an event at 3.
const std::vector<double> example_time{2, 3, 3, 5, 6, 8, 8, 9};
const std::vector<int> example_event{1, 1, 0, 1, 0, 1, 1, 0};

std::string message_of(auto&& f) {
  try {
    f();
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
  return "(no exception)";
}

TEST(KaplanMeier, WorkedExample) {
  const auto fit = kaplan_meier(example_time, example_event);
  ASSERT_EQ(fit.table.size(), 6u);
  EXPECT_EQ(fit.n, 8u);
  const auto& at3 = fit.table[1];
  EXPECT_EQ(at3.time, 3);
  EXPECT_EQ(at3.at_risk, 7u);
  EXPECT_EQ(at3.events, 1u);
  EXPECT_EQ(at3.censored, 1u);
  EXPECT_DOUBLE_EQ(at3.survival, 0.75);
  const auto& at8 = fit.table[4];
  EXPECT_EQ(at8.at_risk, 3u);
  EXPECT_DOUBLE_EQ(at8.survival, 0.2);
  // Greenwood: 0.2^2 (1/56 + 1/42 + 1/20 + 2/3)
  const double greenwood = 1.0 / 56 + 1.0 / 42 + 1.0 / 20 + 2.0 / 3;
  EXPECT_NEAR(*at8.std_err, 0.2 * std::sqrt(greenwood), 1e-12);
  const double w = 1.959963984540054 * std::sqrt(greenwood) / std::fabs(std::log(0.2));
  EXPECT_NEAR(*at8.lower, std::pow(0.2, std::exp(w)), 1e-12);
  EXPECT_NEAR(*at8.upper, std::pow(0.2, std::exp(-w)), 1e-12);
  EXPECT_LT(*at8.lower, 0.2);
  EXPECT_GT(*at8.upper, 0.2);
  ASSERT_EQ(fit.medians.size(), 1u);
  EXPECT_EQ(fit.medians[0].group, "all");
  EXPECT_EQ(fit.medians[0].events, 5u);
  EXPECT_EQ(fit.medians[0].median, 8.0);
}

TEST(KaplanMeier, AllEventsAtTheLastTimeLeaveNoStandardError) {
  const std::vector<double> t{1, 2, 2};
  const std::vector<int> e{1, 1, 1};
  const auto fit = kaplan_meier(t, e);
  EXPECT_EQ(fit.table.back().survival, 0.0);
  EXPECT_FALSE(fit.table.back().std_err);
  EXPECT_FALSE(fit.table.back().lower);
}

TEST(KaplanMeier, GroupWithoutEventsHasNoMedian) {
  const std::vector<double> t{1, 2, 3, 4};
  const std::vector<int> e{0, 0, 1, 1};
  const std::vector<std::string> g{"b", "b", "a", "a"};
  const auto fit = kaplan_meier(t, e, g);
  ASSERT_EQ(fit.medians.size(), 2u);
  EXPECT_EQ(fit.medians[0].group, "a");
  EXPECT_EQ(fit.medians[1].group, "b");
  EXPECT_EQ(fit.medians[1].events, 0u);
  EXPECT_FALSE(fit.medians[1].median);
  EXPECT_EQ(fit.table[2].survival, 1.0);
  EXPECT_EQ(fit.table[2].lower, 1.0);
}

TEST(KaplanMeier, BadInputSaysWhatWasFound) {
  const std::vector<double> t{1, -2, 3};
  const std::vector<int> e{1, 2, 0};
  const auto m = message_of([&] { (void)kaplan_meier(t, e); });
  EXPECT_NE(m.find("time[1] is -2: times must be finite and >= 0"), std::string::npos) << m;
  EXPECT_NE(m.find("event[1] is 2: events must be 0 (censored) or 1 (event)"), std::string::npos) << m;
  const std::vector<int> short_e{1};
  EXPECT_NE(message_of([&] { (void)kaplan_meier(t, short_e); }).find("event has 1 values but time has 3"),
            std::string::npos);
  EXPECT_NE(message_of([&] { (void)kaplan_meier({}, {}); }).find("no subjects"), std::string::npos);
  std::vector<double> many(20, -1.0);
  std::vector<int> ones(20, 1);
  EXPECT_NE(message_of([&] { (void)kaplan_meier(many, ones); }).find("... and 15 more"), std::string::npos);
}

TEST(Logrank, TwoGroups) {
  const std::vector<std::string> g{"a", "a", "a", "a", "b", "b", "b", "b"};
  const auto test = logrank(example_time, example_event, g);
  EXPECT_EQ(test.df, 1u);
  EXPECT_EQ(test.groups, (std::vector<std::string>{"a", "b"}));
  EXPECT_DOUBLE_EQ(test.observed[0] + test.observed[1], 5.0);
  EXPECT_NEAR(test.expected[0] + test.expected[1], 5.0, 1e-12);
  EXPECT_GT(test.statistic, 0);
  EXPECT_GT(test.pvalue, 0);
  EXPECT_LE(test.pvalue, 1);
}

TEST(Logrank, RefusesOneGroupAndNoEvents) {
  const std::vector<std::string> one(8, "a");
  EXPECT_NE(message_of([&] { (void)logrank(example_time, example_event, one); }).find("expected at least 2 groups"),
            std::string::npos);
  const std::vector<int> none(8, 0);
  const std::vector<std::string> g{"a", "a", "a", "a", "b", "b", "b", "b"};
  EXPECT_NE(message_of([&] { (void)logrank(example_time, none, g); }).find("no events"), std::string::npos);
}

TEST(Cox, FitsAndTestsAgainstTheNullModel) {
  const std::vector<double> x{0, 1, 0, 1, 0, 1, 1, 0};
  for (auto ties : {cox_ties::efron, cox_ties::breslow}) {
    const auto fit = cox(example_time, example_event, {{"arm"}, x}, {.ties = ties});
    ASSERT_TRUE(fit.converged);
    ASSERT_EQ(fit.table.size(), 1u);
    EXPECT_EQ(fit.table[0].name, "arm");
    EXPECT_NEAR(*fit.table[0].hazard_ratio, std::exp(*fit.table[0].coef), 1e-12);
    EXPECT_GE(fit.loglik, fit.null_loglik);
    EXPECT_NEAR(*fit.lr_statistic, 2 * (fit.loglik - fit.null_loglik), 1e-12);
    EXPECT_EQ(fit.events, 5u);
  }
}

TEST(Cox, SeparationIsFlaggedNotAHugeNumber) {
  // Arm 1 has no events: its coefficient diverges to minus infinity.
  const std::vector<double> t{1, 2, 3, 4, 5, 6, 7, 8};
  const std::vector<int> e{1, 1, 1, 1, 0, 0, 0, 0};
  const std::vector<double> x{0, 0, 0, 0, 1, 1, 1, 1};
  const auto fit = cox(t, e, {{"arm"}, x});
  EXPECT_FALSE(fit.converged);
  EXPECT_EQ(fit.separated, std::vector<std::string>{"arm"});
  EXPECT_FALSE(fit.table[0].coef);
  EXPECT_FALSE(fit.lr_statistic);
}

TEST(Cox, BadInput) {
  const std::vector<double> constant(8, 1.0);
  EXPECT_NE(message_of([&] { (void)cox(example_time, example_event, {{"c"}, constant}); }).find("covariate c is constant"),
            std::string::npos);
  const std::vector<double> two{0, 1, 0, 1, 0, 1, 1, 0, 0, 1, 0, 1, 0, 1, 1, 0};
  EXPECT_NE(message_of([&] { (void)cox(example_time, example_event, {{"a", "a"}, two}); }).find("appears twice"),
            std::string::npos);
  EXPECT_NE(message_of([&] { (void)cox(example_time, example_event, {{"a", "b", "c"}, two}); })
                .find("expected 8 rows x 3 columns"),
            std::string::npos);
  std::vector<double> collinear;
  for (int i = 0; i < 8; ++i) {
    collinear.push_back(i % 3);
    collinear.push_back(2.0 * (i % 3));
  }
  EXPECT_NE(message_of([&] { (void)cox(example_time, example_event, {{"a", "b"}, collinear}); }).find("collinear"),
            std::string::npos);
}

TEST(Ancova, AdjustsForBaselineAndDropsMissingRows) {
  // endpoint = 2 + 3 * arm + 0.5 * baseline exactly, except one noisy row and one missing one.
  const std::vector<std::string> arm{"a", "a", "a", "a", "b", "b", "b", "b", "b"};
  const std::vector<double> baseline{10, 12, 14, 16, 11, 13, 15, 17, 20};
  std::vector<double> endpoint;
  for (std::size_t i = 0; i < arm.size(); ++i) endpoint.push_back(2 + (arm[i] == "b" ? 3 : 0) + 0.5 * baseline[i]);
  endpoint[0] += 0.1;
  endpoint[8] = std::nan("");
  const auto fit = ancova(endpoint, arm, baseline);
  EXPECT_EQ(fit.n, 8u);
  EXPECT_EQ(fit.excluded, 1u);
  EXPECT_EQ(fit.df, 5u);
  EXPECT_EQ(fit.reference, "a");
  ASSERT_EQ(fit.differences.size(), 1u);
  EXPECT_NEAR(fit.differences[0].estimate, 3, 0.1);
  EXPECT_LT(fit.differences[0].lower, fit.differences[0].estimate);
  const auto other = ancova(endpoint, arm, baseline, {}, std::string("b"));
  EXPECT_NEAR(other.differences[0].estimate, -fit.differences[0].estimate, 1e-9);
  EXPECT_NE(message_of([&] { (void)ancova(endpoint, arm, baseline, {}, std::string("c")); }).find("reference arm c"),
            std::string::npos);
  const std::vector<std::string> strata(arm);
  EXPECT_NE(message_of([&] { (void)ancova(endpoint, arm, baseline, strata); }).find("singular"), std::string::npos);
}

TEST(Icc, BalancedHandComputation) {
  // Three clusters of two: means 1, 3, 8; MSW = (0.5 + 0.5 + 2) / 3 = 1; MSB = 2 * 38 / 2 = 38.
  const std::vector<double> v{0.5, 1.5, 2.5, 3.5, 7, 9};
  const std::vector<std::string> c{"t1", "t1", "t2", "t2", "t3", "t3"};
  const auto fit = icc(v, c);
  EXPECT_NEAR(fit.ms_within, (0.25 + 0.25 + 0.25 + 0.25 + 1 + 1) / 3, 1e-12);
  EXPECT_NEAR(fit.ms_between, 2 * ((1 - 4.0) * (1 - 4.0) + (3 - 4.0) * (3 - 4.0) + 16) / 2, 1e-12);
  EXPECT_NEAR(fit.n0, 2, 1e-12);
  EXPECT_NEAR(*fit.icc, (fit.ms_between - fit.ms_within) / (fit.ms_between + fit.ms_within), 1e-12);
  EXPECT_NEAR(fit.design_effect, 1 + *fit.icc, 1e-12);
  EXPECT_LT(*fit.lower, *fit.icc);
  EXPECT_GT(*fit.upper, *fit.icc);
}

TEST(Icc, NoWithinClusterVariation) {
  const std::vector<double> v{1, 1, 2, 2};
  const std::vector<std::string> c{"a", "a", "b", "b"};
  const auto fit = icc(v, c);
  EXPECT_EQ(fit.icc, 1.0);
  EXPECT_EQ(fit.lower, 1.0);
  EXPECT_FALSE(fit.f_statistic);
  EXPECT_EQ(fit.design_effect, 2.0);
  const std::vector<double> same{3, 3, 3, 3};
  const auto flat = icc(same, c);
  EXPECT_FALSE(flat.icc);
  EXPECT_EQ(flat.design_effect, 1.0);
}

TEST(Icc, ArmsAndBadInput) {
  const std::vector<double> v{0.5, 1.5, 2.5, 3.5, 7, 9, 6, 8};
  const std::vector<std::string> c{"t1", "t1", "t2", "t2", "t3", "t3", "t4", "t4"};
  const std::vector<std::string> a{"x", "x", "x", "x", "y", "y", "y", "y"};
  const auto fit = icc(v, c, a);
  EXPECT_EQ(fit.arms, 2u);
  EXPECT_EQ(fit.df_between, 2);
  ASSERT_EQ(fit.differences.size(), 1u);
  EXPECT_NEAR(fit.differences[0].difference, 7.5 - 2, 1e-12);
  EXPECT_GE(fit.differences[0].se_adjusted, fit.differences[0].se);
  const std::vector<std::string> crossed{"x", "y", "x", "x", "y", "y", "y", "y"};
  EXPECT_NE(message_of([&] { (void)icc(v, c, crossed); }).find("cluster t1 is in arms x and y"), std::string::npos);
  const std::vector<std::string> one(8, "t1");
  EXPECT_NE(message_of([&] { (void)icc(v, one); }).find("expected more clusters than arms"), std::string::npos);
}

}  // namespace
