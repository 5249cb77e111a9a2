// The outcome columns of a cohort straight from its long tables: the same columns, case for case,
// as cohort_columns::append() of the cases, whatever the order of the rows; every problem of the
// columns read is reported at its table, row and column.
#include "table_columns_support.hpp"
#include "test_support.hpp"

#include <iptkit/export/tidy.hpp>
#include <iptkit/import/table_columns.hpp>
#include <iptkit/outcomes/outcome_columns.hpp>
#include <iptkit/outcomes/outcomes.hpp>
#include <iptkit/synth/generator.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>

namespace {

using namespace iptkit;

// The tables' columns, made from make_tidy_tables() rows (dates and scored totals as the export
// gives them) and, for the relapse rules the analysis tables do not carry, from the cases.
using owned_columns = test::owned_table_columns;

owned_columns columns_of(const std::vector<case_record>& cases) {
  return test::columns_of(cases, make_tidy_tables(cases));
}

std::vector<case_record> cohort() {
  synth_options options;
  options.cases = 400;
  options.seed = 21;
  return synthesize(options);
}

void expect_same_outcomes(const cohort_columns& a, const cohort_columns& b) {
  const auto x = compute_outcomes(a), y = compute_outcomes(b);
  ASSERT_EQ(x.size(), y.size());
  for (std::size_t r = 0; r < x.size(); ++r) EXPECT_EQ(x[r], y[r]) << "row " << r;
}

TEST(table_columns, same_columns_as_the_cases) {
  const auto cases = cohort();
  const auto o = columns_of(cases);
  const auto got = import_cohort_columns(o.view());
  ASSERT_TRUE(got.ok()) << to_string(got.errors.front());
  const auto want = to_columns(cases);
  const auto& c = got.columns;
  EXPECT_EQ(c.case_id, want.case_id);
  EXPECT_EQ(c.instruments, want.instruments);
  EXPECT_EQ(c.start_day, want.start_day);
  EXPECT_EQ(c.first_attended_day, want.first_attended_day);
  EXPECT_EQ(c.last_acute_day, want.last_acute_day);
  EXPECT_EQ(c.attended, want.attended);
  EXPECT_EQ(c.cancelled, want.cancelled);
  EXPECT_EQ(c.no_show, want.no_show);
  EXPECT_EQ(c.completer, want.completer);
  EXPECT_EQ(c.relapse_instrument, want.relapse_instrument);
  EXPECT_EQ(c.relapse_threshold, want.relapse_threshold);
  EXPECT_EQ(c.relapse_consecutive, want.relapse_consecutive);
  EXPECT_EQ(c.offset, want.offset);
  EXPECT_EQ(c.instrument, want.instrument);
  EXPECT_EQ(c.day, want.day);
  EXPECT_EQ(c.total, want.total);
  // Relapse rules are in the synthetic cohort, so the comparison above covers them.
  EXPECT_TRUE(std::any_of(c.relapse_instrument.begin(), c.relapse_instrument.end(), [](auto k) { return k >= 0; }));
  expect_same_outcomes(c, want);
}

TEST(table_columns, rows_in_any_order_of_cases) {
  const auto cases = cohort();
  auto o = columns_of(cases);
  // Assessments and sessions in reverse case order, each case's rows still in their own order.
  const auto reorder = [&](std::vector<std::int32_t>& key, auto&... columns) {
    std::vector<std::size_t> order(key.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](auto x, auto y) { return key[x] > key[y]; });
    const auto apply = [&](auto& v) {
      auto copy = v;
      for (std::size_t i = 0; i < order.size(); ++i) v[i] = copy[order[i]];
    };
    (apply(columns), ...);
    apply(key);
  };
  reorder(o.s_case, o.s_day, o.s_phase, o.s_attendance);
  reorder(o.a_case, o.a_instrument, o.a_day, o.a_total);
  ASSERT_GT(o.a_case.front(), o.a_case.back());
  const auto got = import_cohort_columns(o.view());
  ASSERT_TRUE(got.ok());
  const auto want = to_columns(cases);
  EXPECT_EQ(got.columns.offset, want.offset);
  EXPECT_EQ(got.columns.day, want.day);
  EXPECT_EQ(got.columns.total, want.total);
  EXPECT_EQ(got.columns.first_attended_day, want.first_attended_day);
  expect_same_outcomes(got.columns, want);
}

TEST(table_columns, instruments_in_the_order_cases_give_them) {
  // A relapse rule names its instrument before the case's assessments do; an id no row uses is left out.
  const std::vector<std::int32_t> start{19000}, rule{1}, at{10}, run{2}, none;
  const std::vector<std::int32_t> a_case{0, 0}, a_instrument{0, 1}, a_day{19001, 19002}, a_total{12, 8};
  const auto got = import_cohort_columns(
      {{"phq9", "gad7", "bdi2"}, {{"A"}, start, rule, at, run}, {}, {a_case, a_instrument, a_day, a_total}});
  ASSERT_TRUE(got.ok()) << to_string(got.errors.front());
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got.columns.instruments, (std::vector<std::string>{"gad7", "phq9"}));
  EXPECT_EQ(got.columns.instrument, (std::vector<std::int32_t>{1, 0}));
  EXPECT_EQ(got.columns.relapse_instrument, (std::vector<std::int32_t>{0}));
}

TEST(table_columns, case_positions_by_identifier) {
  const std::vector<std::string> ids{"A", "B", "C"};
  const std::vector<std::string> rows{"A", "A", "B", "C", "C", "A", "X", "B"};
  const auto p = case_positions(ids, rows.size(), [&](std::size_t r) { return std::string_view(rows[r]); });
  EXPECT_EQ(p, (std::vector<std::int32_t>{0, 0, 1, 2, 2, 0, -1, 1}));
}

TEST(table_columns, every_problem_at_its_table_row_and_column) {
  auto o = columns_of(cohort());
  o.case_id[3] = o.case_id[2];                 // duplicate
  o.start[5] = cohort_columns::no_day;         // no start
  o.s_case[7] = 100000;                        // unmatched row
  o.s_phase[8] = 9;                            // unknown phase
  o.a_total[4] = -2;                           // negative total
  o.a_instrument[6] = 99;                      // no such instrument
  o.case_id[9] = "has space";                  // not a case id of the case format
  const auto got = import_cohort_columns(o.view());
  ASSERT_FALSE(got.ok());
  EXPECT_TRUE(got.columns.case_id.empty());
  const auto has = [&](std::string_view table, std::size_t row, std::string_view field, import_error_kind kind) {
    return std::any_of(got.errors.begin(), got.errors.end(), [&](const import_issue& e) {
      return e.source == table && e.row == row && e.field == field && e.kind == kind;
    });
  };
  EXPECT_TRUE(has("cases", 4, "case_id", import_error_kind::duplicate_row));
  EXPECT_TRUE(has("cases", 6, "start_date", import_error_kind::invalid));
  EXPECT_TRUE(has("sessions", 8, "case_id", import_error_kind::unmatched_row));
  EXPECT_TRUE(has("sessions", 9, "phase", import_error_kind::invalid));
  EXPECT_TRUE(has("assessments", 5, "total", import_error_kind::invalid));
  EXPECT_TRUE(has("assessments", 7, "instrument", import_error_kind::invalid));
  EXPECT_TRUE(has("cases", 10, "case_id", import_error_kind::invalid));
  EXPECT_EQ(got.errors.size(), 7u);
}

TEST(table_columns, what_would_change_an_outcome_unseen) {
  auto o = columns_of(cohort());
  // A case's sessions out of date order (the last acute session decides the endpoint window).
  std::size_t second = 1;
  while (o.s_case[second] != o.s_case[0]) ++second;
  std::swap(o.s_day[0], o.s_day[second]);
  // A total beyond the instrument's range, and an instrument the catalog does not know (twice:
  // reported once).
  std::size_t phq = 0;
  while (o.instruments[static_cast<std::size_t>(o.a_instrument[phq])] != "phq9") ++phq;
  o.a_total[phq] = 45;
  o.instruments.push_back("PHQ-9");
  o.a_instrument[20] = o.a_instrument[21] = static_cast<std::int32_t>(o.instruments.size() - 1);
  const auto got = import_cohort_columns(o.view());
  ASSERT_EQ(got.errors.size(), 3u);
  EXPECT_EQ(got.errors[0].source, "sessions");
  EXPECT_EQ(got.errors[0].row, second + 1);
  EXPECT_NE(got.errors[0].message.find("date order"), std::string::npos);
  EXPECT_EQ(got.errors[1].row, phq + 1);
  EXPECT_NE(got.errors[1].message.find("from 0 to 27, found 45"), std::string::npos);
  EXPECT_EQ(got.errors[2].row, 21u);
  EXPECT_EQ(got.errors[2].kind, import_error_kind::unknown_code);
  EXPECT_NE(got.errors[2].message.find("known: phq9"), std::string::npos);
}

TEST(table_columns, relapse_rules_within_the_case_formats_bounds) {
  // A negative threshold would fire at once, a run of 0 never wait: the case reader refuses both.
  auto o = columns_of(cohort());
  const auto ruled = static_cast<std::size_t>(
      std::find_if(o.relapse.begin(), o.relapse.end(), [](auto k) { return k >= 0; }) - o.relapse.begin());
  ASSERT_LT(ruled, o.relapse.size());
  o.threshold[ruled] = -5;
  auto got = import_cohort_columns(o.view());
  ASSERT_EQ(got.errors.size(), 1u);
  EXPECT_EQ(got.errors[0].field, "relapse_threshold");
  EXPECT_EQ(got.errors[0].row, ruled + 1);
  o.threshold[ruled] = 10;
  o.consecutive[ruled] = 0;
  got = import_cohort_columns(o.view());
  ASSERT_EQ(got.errors.size(), 1u);
  EXPECT_EQ(got.errors[0].field, "relapse_consecutive");
}

TEST(table_columns, lengths_and_the_error_limit) {
  auto o = columns_of(cohort());
  o.a_day.pop_back();
  auto got = import_cohort_columns(o.view());
  ASSERT_EQ(got.errors.size(), 1u);
  EXPECT_EQ(got.errors[0].source, "assessments");
  EXPECT_EQ(got.errors[0].field, "date");
  EXPECT_EQ(got.errors[0].kind, import_error_kind::missing_column);

  o = columns_of(cohort());
  for (auto& d : o.s_day) d = cohort_columns::no_day;
  got = import_cohort_columns(o.view(), catalog::builtin(), 10);
  ASSERT_EQ(got.errors.size(), 11u);
  EXPECT_NE(got.errors.back().message.find(std::to_string(o.s_day.size() - 10) + " more problems"), std::string::npos);
}

}  // namespace
