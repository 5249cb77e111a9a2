// Canonical writing: byte-identical round trips, spec field order, omitted empties, escaping.
#include <iptkit/json/cohort.hpp>
#include <iptkit/json/read.hpp>
#include <iptkit/json/write.hpp>

#include <gtest/gtest.h>

#include <cstring>
#include <limits>
#include <optional>

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

// The escaping every writer path must give (RFC 8259; what write_string() always wrote).
std::string reference_literal(std::string_view s) {
  static constexpr char hex[] = "0123456789abcdef";
  std::string out = "\"";
  for (const char ch : s) {
    const auto u = static_cast<unsigned char>(ch);
    switch (ch) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default:
        if (u < 0x20) {
          out += "\\u00";
          out += hex[u >> 4];
          out += hex[u & 0xF];
        } else {
          out += ch;
        }
    }
  }
  return out + "\"";
}

TEST(write, escaping_at_every_position_of_a_word) {
  // The writer copies 8 bytes at a time until one needs escaping: put every special byte (and a
  // UTF-8 byte, which needs none) at every offset of strings of 0-40 bytes.
  std::vector<std::string> specials = {"\"", "\\", "\n", "\r", "\t", "\b", "\f", std::string(1, '\0'),
                                       "\x01", "\x1f", "\x7f", "\xc3\xa9", " ", "~"};
  std::size_t checked = 0;
  for (std::size_t n = 0; n <= 40; ++n)
    for (const auto& sp : specials)
      for (std::size_t at = 0; at <= n; at += (n > 16 ? 3 : 1)) {
        std::string s(n, 'a');
        for (std::size_t i = 0; i < n; ++i) s[i] = static_cast<char>('a' + i % 26);
        s.insert(at, sp);
        std::string out = "x";  // appends after what is there
        iptkit::json::detail::write_string(out, s);
        ASSERT_EQ(out, "x" + reference_literal(s)) << n << " " << at;
        std::vector<std::string> list{s, s};
        ASSERT_EQ(iptkit::to_json(list, {iptkit::json_style::compact}),
                  "[" + reference_literal(s) + "," + reference_literal(s) + "]");
        ++checked;
      }
  EXPECT_GT(checked, 5000u);
  // Long runs of escapes grow the output past any first estimate.
  const std::string controls(5000, '\x01');
  std::string out;
  iptkit::json::detail::write_string(out, controls);
  EXPECT_EQ(out, reference_literal(controls));
  EXPECT_EQ(out.size(), 5000u * 6 + 2);
}

TEST(write, numbers_dates_and_enums_at_their_limits) {
  auto c = minimal();
  c.age_at_intake = std::numeric_limits<int>::min();
  c.contract.planned_sessions = std::numeric_limits<int>::max();
  c.contract.frequency = static_cast<iptkit::session_frequency>(99);  // outside the enum: ""
  c.contract.start_date = iptkit::date{std::chrono::year{12345}, std::chrono::month{200}, std::chrono::day{250}};
  // None of this can be read back: the checked writer refuses it, naming every value.
  try {
    (void)iptkit::write_case(c);
    ADD_FAILURE() << "written";
  } catch (const iptkit::decode_error& e) {
    EXPECT_EQ(e.errors().size(), 4u);
  }
  // Written unchecked, the values appear as they are, never clamped into other values.
  const iptkit::write_options unchecked{.style = iptkit::json_style::compact, .unchecked = true};
  EXPECT_EQ(iptkit::write_case(c, unchecked),
            R"({"schema":"iptkit.case/1","case_id":"X-1","adaptation":"ipt","age_at_intake":-2147483648,)"
            R"("contract":{"planned_sessions":2147483647,"frequency":"","start_date":"+12345-200-250",)"
            R"("format":"individual","modality":"in_person"}})");
  c.contract.start_date = iptkit::date{std::chrono::year{-3}, std::chrono::month{1}, std::chrono::day{2}};
  EXPECT_NE(iptkit::write_case(c, unchecked).find(R"("start_date":"-0003-01-02")"), std::string::npos);
  EXPECT_EQ(iptkit::to_json(std::vector<double>{0.1, -0.0, 1e300, 5e-324}, {iptkit::json_style::compact}),
            "[0.1,-0,1e+300,5e-324]");
  EXPECT_EQ(iptkit::to_json(std::vector<std::optional<int>>{1, std::nullopt}, {iptkit::json_style::compact}),
            "[1,null]");
  EXPECT_EQ(iptkit::to_json(std::vector<std::vector<int>>{{1, 2}, {}}), "[\n  [1, 2],\n  []\n]\n");
}

TEST(write, appends_to_what_the_string_holds) {
  std::string out = "prefix\n";
  out.reserve(10000);  // room to spare: the writer must not leave any of it behind
  iptkit::write_case(out, minimal(), {iptkit::json_style::compact});
  EXPECT_EQ(out, "prefix\n" + iptkit::write_case(minimal(), {iptkit::json_style::compact}));
  EXPECT_EQ(std::strlen(out.c_str()), out.size());
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
