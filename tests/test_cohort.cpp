// Cohorts: JSON Lines streams past bad lines with line numbers; JSON arrays of cases.
#include <iptkit/json/cohort.hpp>
#include <iptkit/json/write.hpp>

#include <gtest/gtest.h>

#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "test_support.hpp"

namespace {

std::string line_of(const std::string& id) {
  iptkit::case_record c;
  c.case_id = id;
  c.adaptation = "ipt";
  c.contract.planned_sessions = 12;
  c.contract.start_date = iptkit::parse_date("2026-01-05").value();
  return iptkit::write_case(c, {iptkit::json_style::compact});
}

TEST(cohort, bad_lines_in_the_middle_yield_the_good_cases_and_the_bad_line_numbers) {
  std::stringstream in;
  in << line_of("A-1") << "\n"
     << R"({"schema": "iptkit.case/1", "case_id": "B-2")" << "\n"      // line 2: missing fields
     << line_of("C-3") << "\n"
     << "{not json\n"                                                   // line 4: syntax
     << line_of("E-5") << "\n";
  iptkit::jsonl_reader reader(in);
  std::vector<std::string> good;
  std::vector<std::size_t> bad;
  while (auto e = reader.next()) {
    if (e->value) good.push_back(e->value->case_id);
    else {
      bad.push_back(e->line);
      for (const auto& err : e->value.errors()) EXPECT_EQ(err.line, e->line);
    }
  }
  EXPECT_EQ(good, (std::vector<std::string>{"A-1", "C-3", "E-5"}));
  EXPECT_EQ(bad, (std::vector<std::size_t>{2, 4}));
}

TEST(cohort, line_numbers_go_on_warnings_too_and_errors_carry_the_column) {
  iptkit::read_options lax;
  lax.lax = true;
  std::string with_extra = line_of("A-1");
  with_extra.insert(1, R"("colour":"blue",)");
  auto entries = iptkit::read_case_lines("\n" + with_extra + "\n{\"schema\" 1}\n", lax);
  ASSERT_EQ(entries.size(), 2u);
  ASSERT_TRUE(entries[0].value);
  ASSERT_EQ(entries[0].value.warnings().size(), 1u);
  EXPECT_EQ(entries[0].value.warnings()[0].line, 2u);
  ASSERT_FALSE(entries[1].value);
  EXPECT_EQ(entries[1].value.errors()[0].line, 3u);
  EXPECT_EQ(entries[1].value.errors()[0].column, 11u);
  EXPECT_EQ(entries[1].value.errors()[0].message.find("column"), std::string::npos)
      << entries[1].value.errors()[0].message;
  // The unknown field's value, on line 2 of the input.
  EXPECT_EQ(entries[0].value.warnings()[0].column, with_extra.find("\"blue\"") + 1);
}

TEST(cohort, crlf_and_blank_lines) {
  const std::string text = line_of("A-1") + "\r\n\r\n   \n" + line_of("B-2") + "\r\n";
  auto entries = iptkit::read_case_lines(text);
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_TRUE(entries[0].value);
  EXPECT_EQ(entries[1].line, 4u);
  EXPECT_EQ(entries[1].index, 1u);
  EXPECT_EQ(entries[1].value->case_id, "B-2");
}

TEST(cohort, missing_final_newline) {
  auto entries = iptkit::read_case_lines(line_of("A-1") + "\n" + line_of("B-2"));
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_TRUE(entries[1].value);
}

TEST(cohort, trailing_garbage_on_a_line) {
  auto entries = iptkit::read_case_lines(line_of("A-1") + " trailing\n" + line_of("B-2") + "\n");
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_FALSE(entries[0].value);
  EXPECT_EQ(entries[0].value.errors()[0].kind, iptkit::error_kind::syntax);
  EXPECT_TRUE(entries[1].value);
}

TEST(cohort, example_cohort_reads_completely) {
  auto entries = iptkit::read_case_lines(
      iptkit::test::read_file(iptkit::test::source_dir() / "examples/data/cohort.jsonl"));
  ASSERT_GE(entries.size(), 20u);
  for (const auto& e : entries) EXPECT_TRUE(e.value) << "line " << e.line;
}

TEST(cohort, json_array_reads_each_case_with_paths_relative_to_it) {
  const std::string text = "[" + line_of("A-1") + "," +
                           R"({"schema": "iptkit.case/1", "case_id": "B 2", "case_id": "B-2"})" +
                           "," + line_of("C-3") + "]";
  auto r = iptkit::read_case_array(text);
  ASSERT_TRUE(r);
  ASSERT_EQ(r->size(), 3u);
  EXPECT_TRUE((*r)[0].value);
  EXPECT_TRUE((*r)[2].value);
  const auto& errors = (*r)[1].value.errors();
  ASSERT_FALSE(errors.empty());
  EXPECT_EQ(errors[0].path, "/case_id");
  EXPECT_EQ(errors[0].kind, iptkit::error_kind::duplicate_key);
  EXPECT_EQ((*r)[1].index, 1u);
}

TEST(cohort, entries_name_their_case_even_when_it_cannot_be_read) {
  // The case read, or the unreadable document's case_id when it is a well-formed identifier; a
  // value that is not one (a name, control characters, a number) is never returned.
  const std::string bad_ok = R"({"case_id": "B-2", "sessions": 3})";
  const std::string bad_name = R"({"case_id": "Jane Smith\u001b[2J", "sessions": 3})";
  const std::string lines = line_of("A-1") + "\n" + bad_ok + "\n" + bad_name + "\n" +
                            R"({"case_id": 7})" + "\n{not json\n";
  std::vector<std::optional<std::string>> ids;
  for (const auto& e : iptkit::read_case_lines(lines)) ids.push_back(e.case_id);
  EXPECT_EQ(ids, (std::vector<std::optional<std::string>>{"A-1", "B-2", std::nullopt, std::nullopt, std::nullopt}));
  // A JSON array: read whole (DOM), and read case by case after a limit (the fallback).
  const std::string array = "[" + line_of("A-1") + "," + bad_ok + "," + bad_name + "]";
  for (const std::size_t max_string : {std::size_t{1} << 20, std::size_t{12}}) {
    iptkit::read_options o;
    o.max_string_bytes = max_string;  // 12: "Jane Smith..." breaks it, the other strings do not
    const auto r = iptkit::read_case_array(array, o);
    ASSERT_TRUE(r);
    ids.clear();
    for (const auto& e : *r) ids.push_back(e.case_id);
    EXPECT_EQ(ids, (std::vector<std::optional<std::string>>{"A-1", "B-2", std::nullopt})) << max_string;
  }
  EXPECT_EQ(iptkit::read_cohort("one.json", bad_ok).front().case_id, "B-2");
  EXPECT_EQ(iptkit::readable_case_id(R"({"case_id": "X.1_y-2"})"), "X.1_y-2");
  EXPECT_EQ(iptkit::readable_case_id(R"({"case_id": ")" + std::string(65, 'x') + R"("})"), std::nullopt);
  EXPECT_EQ(iptkit::readable_case_id(std::string(100, '[')), std::nullopt);
}

TEST(cohort, array_input_that_is_not_an_array) {
  auto r = iptkit::read_case_array(R"({"a": 1})");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.errors()[0].kind, iptkit::error_kind::wrong_type);
}

}  // namespace
