// The tidy tables: one row per observation, `case_id` and `day` everywhere, no free text in the
// relationships table, CSV columns from the row descriptions, and dates left out on request.
#include "test_support.hpp"

#include <iptkit/export/tidy.hpp>
#include <iptkit/json/read.hpp>
#include <iptkit/meta/enum.hpp>
#include <iptkit/outcomes/outcomes.hpp>

#include <gtest/gtest.h>

#include <sstream>

namespace {

std::vector<iptkit::case_record> examples() {
  std::vector<iptkit::case_record> out;
  for (const auto& p : iptkit::test::files_in("examples/data", ".json"))
    out.push_back(iptkit::read_case(iptkit::test::read_file(p)).value());
  return out;
}

std::vector<std::string> lines_of(const std::string& csv) {
  std::vector<std::string> out;
  std::istringstream in(csv);
  for (std::string l; std::getline(in, l);) {
    EXPECT_TRUE(!l.empty() && l.back() == '\r') << "RFC 4180 lines end in CRLF";
    if (!l.empty()) l.pop_back();
    out.push_back(l);
  }
  return out;
}

std::vector<std::string> header(const std::string& csv) {
  std::vector<std::string> cols;
  std::istringstream in(csv.substr(0, csv.find("\r\n")));
  for (std::string c; std::getline(in, c, ',');) cols.push_back(c);
  return cols;
}

TEST(Tidy, OneRowPerObservation) {
  const auto cases = examples();
  const auto t = iptkit::make_tidy_tables(cases);
  std::size_t sessions = 0, assessments = 0, relationships = 0;
  for (const auto& c : cases) {
    sessions += c.sessions.size();
    assessments += c.assessments.size();
    relationships += c.inventory ? c.inventory->relationships.size() : 0;
  }
  EXPECT_EQ(t.cases.size(), cases.size());
  EXPECT_EQ(t.sessions.size(), sessions);
  EXPECT_EQ(t.assessments.size(), assessments);
  EXPECT_EQ(t.relationships.size(), relationships);
  EXPECT_EQ(t.outcomes.size(), iptkit::outcomes(cases).size());
}

TEST(Tidy, DaysCountFromTheContractStart) {
  const auto cases = examples();
  const auto t = iptkit::make_tidy_tables(cases);
  std::size_t k = 0;
  for (std::size_t i = 0; i < cases.size(); ++i)
    for (const auto& s : cases[i].sessions) {
      const auto& row = t.sessions[k++];
      EXPECT_EQ(row.case_id, cases[i].case_id);
      EXPECT_EQ(row.case_index, i);
      EXPECT_EQ(row.day, iptkit::day_number(s.date) - iptkit::day_number(cases[i].contract.start_date));
      EXPECT_EQ(row.date, s.date);
    }
  for (const auto& o : t.outcomes)
    if (o.endpoint_date) {
      const auto& c = cases[o.case_index];
      EXPECT_EQ(*o.day, iptkit::day_number(*o.endpoint_date) - iptkit::day_number(c.contract.start_date));
    }
}

TEST(Tidy, OutcomeRowsAreTheOutcomes) {
  const auto cases = examples();
  const auto t = iptkit::make_tidy_tables(cases);
  const auto rows = iptkit::outcomes(cases);
  ASSERT_EQ(rows.size(), t.outcomes.size());
  for (std::size_t i = 0; i < rows.size(); ++i)
    EXPECT_EQ(static_cast<const iptkit::case_outcome&>(t.outcomes[i]), rows[i]);
}

TEST(Tidy, RelationshipsCarryNoIdsLabelsOrText) {
  const auto cases = examples();
  const auto csv = iptkit::tidy_csv(iptkit::make_tidy_tables(cases), "relationships");
  std::size_t checked = 0;
  for (const auto& c : cases) {
    if (!c.inventory) continue;
    for (const auto& r : c.inventory->relationships) {
      EXPECT_EQ(csv.find(r.label), std::string::npos) << r.label;
      // An id spelled like a kind ("friend") may appear as the kind.
      if (r.id.size() > 4 && !iptkit::meta::enum_from_name<iptkit::relationship_kind>(r.id)) {
        EXPECT_EQ(csv.find(r.id), std::string::npos) << r.id;
      }
      for (const auto& e : r.expectations) EXPECT_EQ(csv.find(e.text), std::string::npos);
      ++checked;
    }
  }
  EXPECT_GT(checked, 10u);
  const auto t = iptkit::make_tidy_tables(cases);
  EXPECT_TRUE(std::any_of(t.relationships.begin(), t.relationships.end(), [](const auto& r) { return r.in_focus; }));
}

TEST(Tidy, CsvColumnsComeFromTheRows) {
  const auto t = iptkit::make_tidy_tables(examples());
  const auto cols = header(iptkit::tidy_csv(t, "assessments"));
  ASSERT_GE(cols.size(), 12u);
  EXPECT_EQ(cols[0], "case_index");
  EXPECT_EQ(cols[1], "case_id");
  EXPECT_NE(std::find(cols.begin(), cols.end(), "day"), cols.end());
  EXPECT_NE(std::find(cols.begin(), cols.end(), "item_9"), cols.end());  // PHQ-9 items
  EXPECT_NE(std::find(cols.begin(), cols.end(), "item_21"), cols.end());  // BDI-II items
  EXPECT_EQ(std::find(cols.begin(), cols.end(), "item_22"), cols.end());
  const auto outcome_cols = header(iptkit::tidy_csv(t, "outcomes"));
  EXPECT_EQ(outcome_cols.front(), "case_index");
  // The tidy row's own columns follow the outcome quantities: days, then the case's grouping fields.
  const std::vector<std::string> tail(outcome_cols.end() - 5, outcome_cols.end());
  EXPECT_EQ(tail, (std::vector<std::string>{"baseline_day", "day", "arm", "site", "adaptation"}));
  for (auto name : iptkit::tidy_table_names) {
    const auto csv = iptkit::tidy_csv(t, name);
    const auto lines = lines_of(csv);
    EXPECT_GE(lines.size(), 2u) << name;
    const auto h = header(csv);
    EXPECT_EQ(h[1], "case_id") << name;
    EXPECT_NE(std::find(h.begin(), h.end(), "day"), h.end()) << name;
  }
  EXPECT_EQ(iptkit::tidy_csv(t, "nope"), "");
}

TEST(Tidy, DatesCanBeLeftOut) {
  const auto cases = examples();
  const auto t = iptkit::make_tidy_tables(cases, {.dates = false});
  for (auto name : iptkit::tidy_table_names) {
    const auto csv = iptkit::tidy_csv(t, name, false);
    for (const auto& col : header(csv)) EXPECT_EQ(col.find("date"), std::string::npos) << name << " " << col;
    // No calendar date anywhere in the text.
    for (const auto& c : cases) EXPECT_EQ(csv.find(iptkit::format_date(c.contract.start_date)), std::string::npos);
  }
  EXPECT_FALSE(t.sessions.front().date.has_value());
}

}  // namespace
