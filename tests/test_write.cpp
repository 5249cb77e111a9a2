// Canonical writing: byte-identical round trips, spec field order, omitted empties, escaping.
#include <iptkit/json/cohort.hpp>
#include <iptkit/json/read.hpp>
#include <iptkit/json/write.hpp>

#include <gtest/gtest.h>

#include "test_support.hpp"

namespace {

using iptkit::test::files_in;
using iptkit::test::read_file;

TEST(write, every_example_round_trips_byte_identically) {
  const auto files = files_in("examples/data", ".json");
  ASSERT_GE(files.size(), 10u);
  for (const auto& path : files) {
    const std::string text = read_file(path);
    auto c = iptkit::read_case(text);
    ASSERT_TRUE(c) << path << ": " << (c.errors().empty() ? "" : iptkit::to_string(c.errors()[0]));
    EXPECT_EQ(iptkit::write_case(*c), text) << path;
  }
}

TEST(write, cohort_lines_round_trip_compactly) {
  const std::string text = read_file(iptkit::test::source_dir() / "examples/data/cohort.jsonl");
  std::string written;
  std::size_t n = 0;
  for (auto& entry : iptkit::read_case_lines(text)) {
    ASSERT_TRUE(entry.value) << "line " << entry.line;
    iptkit::write_case(written, *entry.value, {iptkit::json_style::compact});
    written += '\n';
    ++n;
  }
  EXPECT_GE(n, 20u);
  EXPECT_EQ(written, text);
}

TEST(write, base_case_round_trips) {
  const std::string text = read_file(iptkit::test::source_dir() / "tests/data/base-case.json");
  EXPECT_EQ(iptkit::write_case(iptkit::read_case(text).value()), text);
}

iptkit::case_record minimal() {
  iptkit::case_record c;
  c.case_id = "X-1";
  c.adaptation = "ipt";
  c.contract.planned_sessions = 12;
  c.contract.start_date = iptkit::parse_date("2026-03-02").value();
  return c;
}

TEST(write, empty_optionals_and_lists_are_omitted_in_spec_order) {
  EXPECT_EQ(iptkit::write_case(minimal(), {iptkit::json_style::compact}),
            R"({"schema":"iptkit.case/1","case_id":"X-1","adaptation":"ipt",)"
            R"("contract":{"planned_sessions":12,"frequency":"weekly","start_date":"2026-03-02",)"
            R"("format":"individual","modality":"in_person"}})");
}

TEST(write, pretty_layout) {
  auto c = minimal();
  c.sessions.push_back({});
  c.sessions[0].date = c.contract.start_date;
  c.sessions[0].tasks = {iptkit::task::symptom_review, iptkit::task::sick_role};
  const std::string expected = R"({
  "schema": "iptkit.case/1",
  "case_id": "X-1",
  "adaptation": "ipt",
  "contract": {
    "planned_sessions": 12,
    "frequency": "weekly",
    "start_date": "2026-03-02",
    "format": "individual",
    "modality": "in_person"
  },
  "sessions": [
    {
      "number": 1,
      "date": "2026-03-02",
      "phase": "initial",
      "attendance": "attended",
      "tasks": ["symptom_review", "sick_role"]
    }
  ]
}
)";
  EXPECT_EQ(iptkit::write_case(c), expected);
}

TEST(write, strings_are_escaped_and_read_back) {
  auto c = minimal();
  c.notes = std::string("quote \" backslash \\ newline \n tab \t bell \x07 caf\xC3\xA9");
  const auto text = iptkit::write_case(c, {iptkit::json_style::compact});
  EXPECT_NE(text.find(R"(\")"), std::string::npos);
  EXPECT_NE(text.find(R"(\u0007)"), std::string::npos);
  EXPECT_EQ(iptkit::read_case(text).value(), c);
}

TEST(write, every_focus_alternative_round_trips) {
  auto c = minimal();
  iptkit::formulation f;
  f.agreed_session = 3;
  f.patient_agreed = true;
  f.focus = {iptkit::grief_focus{"mother", iptkit::grief_type::chronic},
             iptkit::role_dispute_focus{"partner", iptkit::dispute_stage::impasse},
             iptkit::role_transition_focus{iptkit::transition_type::parenthood, "worker", "mother",
                                           iptkit::parse_date("2025-11-20")},
             iptkit::interpersonal_deficits_focus{iptkit::deficit_pattern::emotional_expression}};
  c.formulation = f;
  c.inventory = iptkit::inventory{};  // empty object, still written
  const auto text = iptkit::write_case(c);
  EXPECT_NE(text.find(R"("inventory": {})"), std::string::npos);
  EXPECT_NE(text.find(R"("area": "grief")"), std::string::npos);
  EXPECT_EQ(iptkit::read_case(text).value(), c);
}

TEST(write, defaulted_field_is_always_written) {
  auto c = minimal();
  c.maintenance = iptkit::maintenance_plan{};
  c.maintenance->contract_date = c.contract.start_date;
  EXPECT_NE(iptkit::write_case(c).find(R"("frequency": "monthly")"), std::string::npos);
}

}  // namespace
