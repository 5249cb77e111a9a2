// Cohorts: JSON Lines streams past bad lines with line numbers; JSON arrays of cases.
#include <iptkit/json/cohort.hpp>
#include <iptkit/json/write.hpp>

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include <fstream>

#include <optional>
#include <sstream>
#include <string>
#include <type_traits>
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

// The readers keep a pointer to their catalog: a temporary one would dangle, so it does not compile.
static_assert(!std::is_constructible_v<iptkit::cohort_reader, std::string_view, std::string, iptkit::read_options,
                                       iptkit::catalog&&>);
static_assert(!std::is_constructible_v<iptkit::cohort_reader, std::istream&, std::string, iptkit::read_options,
                                       iptkit::catalog&&>);
static_assert(!std::is_constructible_v<iptkit::jsonl_reader, std::istream&, iptkit::read_options, iptkit::catalog&&>);
static_assert(std::is_constructible_v<iptkit::cohort_reader, std::string_view, std::string, iptkit::read_options,
                                      const iptkit::catalog&>);

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

// ---- the one cohort reader ---------------------------------------------------------------------

// Every entry of `reader`, as in read_cohort.
std::vector<iptkit::cohort_entry> all(iptkit::cohort_reader reader) {
  std::vector<iptkit::cohort_entry> out;
  while (auto e = reader.next()) out.push_back(std::move(*e));
  return out;
}

// What a test compares of an entry: where it was, its id and its errors with their locations.
std::string summary(const iptkit::cohort_entry& e) {
  std::string s = e.source + "|" + std::to_string(e.line) + "|" + std::to_string(e.index) + "|" +
                  e.case_id.value_or("-") + "|" + std::to_string(static_cast<int>(e.shape)) + "|" + (e.value ? "ok" : "bad");
  for (const auto& err : e.value.errors()) s += "|" + iptkit::to_string(err);
  return s;
}

TEST(cohort_reader, a_stream_and_a_text_give_the_same_entries_in_every_shape) {
  const std::string lines = line_of("A-1") + "\n{\"case_id\": \"B-2\"}\n\n" + line_of("C-3") + "\n";
  const std::string array = "[\n" + line_of("A-1") + ",\n {\"case_id\": \"B-2\"}\n]";
  const std::string single = "{\n  \"case_id\": \"B-2\"\n}\n";
  for (const auto& [name, text] : std::vector<std::pair<std::string, std::string>>{
           {"a.jsonl", lines}, {"a.txt", lines}, {"-", lines}, {"a.json", array}, {"-", array}, {"a.json", single}}) {
    std::istringstream in(text);
    const auto streamed = all(iptkit::cohort_reader(in, name));
    const auto held = iptkit::read_cohort(name, text);
    ASSERT_EQ(streamed.size(), held.size()) << name;
    for (std::size_t i = 0; i < held.size(); ++i) {
      EXPECT_EQ(summary(streamed[i]), summary(held[i]));
      EXPECT_EQ(streamed[i].source, name);
    }
  }
  std::istringstream in(lines);
  const auto e = all(iptkit::cohort_reader(in, "a.txt"));
  ASSERT_EQ(e.size(), 3u);  // JSON Lines found by content: each line a case, with its line
  EXPECT_EQ(e[1].line, 2u);
  EXPECT_EQ(e[1].shape, iptkit::cohort_shape::lines);
  EXPECT_EQ(e[2].line, 4u);
}

TEST(cohort_reader, an_input_too_large_to_read_whole_is_one_entry_and_json_lines_has_no_total_limit) {
  const std::string array = "[" + line_of("A-1") + "," + line_of("B-2") + "]";
  iptkit::read_options o;
  o.max_cohort_bytes = array.size() - 1;
  std::istringstream in(array + std::string(1 << 20, ' '));
  const auto e = all(iptkit::cohort_reader(in, "big.json", o));
  ASSERT_EQ(e.size(), 1u);
  EXPECT_FALSE(e[0].value);
  EXPECT_EQ(e[0].shape, iptkit::cohort_shape::single);  // the whole input, not a case of it
  EXPECT_EQ(e[0].value.errors().front().kind, iptkit::error_kind::limit_exceeded);
  EXPECT_EQ(e[0].source, "big.json");
  // Streamed JSON Lines is held to max_document_bytes per line only.
  const std::string lines = line_of("A-1") + "\n" + line_of("B-2") + "\n" + line_of("C-3") + "\n";
  o.max_cohort_bytes = 10;
  for (const char* name : {"c.jsonl", "-"}) {
    std::istringstream stream(lines);
    const auto read = all(iptkit::cohort_reader(stream, name, o));
    ASSERT_EQ(read.size(), 3u) << name;
    for (const auto& r : read) EXPECT_TRUE(r.value) << name;
  }
}

TEST(cohort_reader, the_shared_unreadable_entries) {
  // tests/data/unreadable/README.md: the same entries through C++, the command line and Python.
  const auto root = iptkit::test::source_dir();
  const auto expected = boost::json::parse(iptkit::test::read_file(root / "tests/data/unreadable/entries.expected.json"));
  boost::json::array got;
  for (const auto& input : expected.at("inputs").as_array()) {
    const std::string source(input.as_string());
    std::ifstream in(root / source, std::ios::binary);
    ASSERT_TRUE(in) << source;
    for (auto& e : all(iptkit::cohort_reader(in, source))) {
      if (e.value) continue;
      boost::json::array errors;
      const auto optional = [](const std::optional<std::size_t>& n) { return n ? boost::json::value(*n) : boost::json::value(nullptr); };
      for (const auto& err : e.value.errors())
        errors.push_back({{"path", err.path}, {"kind", iptkit::meta::enum_name(err.kind)}, {"line", optional(err.line)},
                          {"column", optional(err.column)}});
      got.push_back({{"source", e.source}, {"line", e.line ? boost::json::value(e.line) : boost::json::value(nullptr)},
                     {"index", e.index}, {"case_id", e.case_id ? boost::json::value(*e.case_id) : boost::json::value(nullptr)},
                     {"errors", std::move(errors)}});
    }
  }
  EXPECT_EQ(boost::json::serialize(got), boost::json::serialize(expected.at("entries")));
}

}  // namespace
