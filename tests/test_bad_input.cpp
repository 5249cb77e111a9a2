// Hostile input through the C++ readers: the bad-input corpus (tests/data/bad, README.md there),
// the read limits of read_options, and what messages may quote (docs/privacy.md).
#include <iptkit/detail/excerpt.hpp>
#include <iptkit/json/cohort.hpp>
#include <iptkit/json/detail/parse.hpp>
#include <iptkit/json/read.hpp>
#include <iptkit/meta/enum.hpp>
#include <iptkit/rules/validate.hpp>

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "test_support.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <limits>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace {

using namespace iptkit;
namespace fs = std::filesystem;

// ---- the corpus ----------------------------------------------------------------------------------

// One expected (or found) error: line and column in the input (0: none), path and kind.
struct expected_error {
  std::size_t line = 0;
  std::size_t column = 0;
  std::string path;
  std::string kind;
  friend bool operator==(const expected_error&, const expected_error&) = default;
};

std::ostream& operator<<(std::ostream& os, const expected_error& e) {
  return os << "{line " << e.line << ", column " << e.column << ", \"" << e.path << "\", " << e.kind << "}";
}

expected_error found_error(const read_error& e) {
  return {e.line.value_or(0), e.column.value_or(0), e.path, std::string(meta::enum_name(e.kind))};
}

// The corpus entries: the stems of the NAME.expected.json files.
std::vector<std::string> corpus_names() {
  std::vector<std::string> names;
  for (const auto& p : test::files_in("tests/data/bad", ".json")) {
    const std::string file = p.filename().string();
    const std::string tail = ".expected.json";
    if (file.size() > tail.size() && file.ends_with(tail)) names.push_back(file.substr(0, file.size() - tail.size()));
  }
  return names;
}

// The document of an entry: checked in beside its expectations, or generated into the build tree.
std::optional<fs::path> document_of(const std::string& name) {
  for (const fs::path& dir : {test::source_dir() / "tests/data/bad", fs::path(IPTKIT_BAD_GENERATED_DIR)})
    for (const char* ext : {".json", ".jsonl"})
      if (fs::exists(dir / (name + ext))) return dir / (name + ext);
  return std::nullopt;
}

std::vector<expected_error> expectations(const std::string& name) {
  const auto text = test::read_file(test::source_dir() / "tests/data/bad" / (name + ".expected.json"));
  std::vector<expected_error> out;
  const auto list = boost::json::parse(text);  // kept: the loop must not range over a temporary's member
  for (const auto& v : list.as_array()) {
    const auto& o = v.as_object();
    expected_error e;
    if (const auto* line = o.if_contains("line"); line && !line->is_null()) e.line = static_cast<std::size_t>(line->as_int64());
    if (const auto* column = o.if_contains("column"); column && !column->is_null())
      e.column = static_cast<std::size_t>(column->as_int64());
    e.path = std::string(o.at("path").as_string());
    e.kind = std::string(o.at("kind").as_string());
    out.push_back(std::move(e));
  }
  return out;
}

// Every error of a document (read_case) or of every line of a JSON Lines file, with its messages.
struct found {
  std::vector<expected_error> errors;
  std::vector<std::string> messages;
};

found read_document(const fs::path& path, const read_options& options) {
  const std::string text = test::read_file(path);
  found out;
  const auto add = [&](const read_error& e) {
    out.errors.push_back(found_error(e));
    out.messages.push_back(e.message);
  };
  if (path.extension() == ".jsonl") {
    std::istringstream in(text);
    jsonl_reader reader(in, options);
    while (auto entry = reader.next())
      if (!entry->value) for (const auto& e : entry->value.errors()) add(e);
  } else {
    const auto r = read_case(text, options);
    for (const auto& e : r.errors()) add(e);
  }
  return out;
}

class bad_input : public ::testing::TestWithParam<std::string> {};

TEST_P(bad_input, gives_the_expected_errors_and_short_messages) {
  const auto path = document_of(GetParam());
  if (!path) GTEST_SKIP() << GetParam() << " was not generated (tests/data/bad/generate.py needs Python)";
  const auto expected = expectations(GetParam());
  for (const bool redact : {false, true}) {
    read_options options;
    options.redact = redact;
    const auto got = read_document(*path, options);
    EXPECT_EQ(got.errors, expected) << GetParam() << (redact ? " (redacted)" : "");
    for (const auto& m : got.messages) {
      EXPECT_FALSE(m.empty());
      // A message says what was expected (the 38 tasks are the longest list of allowed values)
      // and quotes at most a short excerpt: never a large part of the document.
      EXPECT_LT(m.size(), 1024u) << m.substr(0, 1024);
    }
  }
}

TEST_P(bad_input, reads_the_same_through_the_cohort_reader) {
  const auto path = document_of(GetParam());
  if (!path) GTEST_SKIP() << GetParam() << " was not generated";
  // read_cohort picks the shape by name and content, as the command line and Python do.
  const auto entries = read_cohort(path->filename().string(), test::read_file(*path));
  std::vector<expected_error> got;
  for (const auto& entry : entries)
    for (const auto& e : entry.value.errors())
      got.push_back(found_error(e));
  EXPECT_EQ(got, expectations(GetParam()));
}

INSTANTIATE_TEST_SUITE_P(corpus, bad_input, ::testing::ValuesIn(corpus_names()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           std::string name = info.param;
                           for (char& ch : name)
                             if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
                           return name;
                         });

TEST(bad_input_corpus, is_large_enough_and_every_checked_in_document_has_expectations) {
  EXPECT_GE(corpus_names().size(), 60u);
  for (const auto& ext : {".json", ".jsonl"})
    for (const auto& p : test::files_in("tests/data/bad", ext)) {
      const std::string stem = p.stem().string();
      if (stem.ends_with(".expected")) continue;
      EXPECT_TRUE(fs::exists(p.parent_path() / (stem + ".expected.json"))) << p;
    }
}

// ---- limits --------------------------------------------------------------------------------------

const std::string base = test::read_file(test::source_dir() / "tests/data/base-case.json");

// The base case with `extra` JSON inserted as its first members.
std::string with_members(const std::string& extra) { return "{" + extra + "," + base.substr(base.find('{') + 1); }

// Both readers (the one-pass reader with its fall-back, and the DOM reader alone) agree.
std::vector<read_error> errors_of(const std::string& text, const read_options& options) {
  const auto r = read_case(text, options);
  const auto dom = json::detail::read_json_dom<case_record>(text, options);
  EXPECT_EQ(r.errors(), dom.errors());
  return r.errors();
}

TEST(read_limits, defaults_are_the_documented_ones) {
  const read_options o;
  EXPECT_EQ(o.max_depth, 64u);
  EXPECT_EQ(o.max_document_bytes, 64u << 20);
  EXPECT_EQ(o.max_string_bytes, 1u << 20);
  EXPECT_EQ(o.max_list_length, 100'000u);
  EXPECT_EQ(o.max_cohort_bytes, std::size_t{4} << 30);
  EXPECT_FALSE(o.redact);
}

TEST(read_limits, a_document_larger_than_its_limit_is_not_parsed) {
  read_options o;
  o.max_document_bytes = base.size() - 1;
  const auto errors = errors_of(base, o);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].path, "");
  EXPECT_EQ(errors[0].kind, error_kind::limit_exceeded);
  o.max_document_bytes = base.size();
  EXPECT_TRUE(read_case(base, o));
}

TEST(read_limits, strings_and_keys_are_limited_where_they_are) {
  read_options o;
  o.max_string_bytes = 40;  // the longest string of the base case is 42 bytes (an expectation)
  auto errors = errors_of(base, o);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].path, "/inventory/relationships/0/expectations/0/text");
  EXPECT_EQ(errors[0].kind, error_kind::limit_exceeded);
  // An escape splits a string into parts; the limit counts the whole.
  o.max_string_bytes = 8;
  errors = errors_of(with_members(R"("notes": "ab\ncdefghij")"), o);
  ASSERT_FALSE(errors.empty());
  EXPECT_EQ(errors[0].path, "/notes");
  // A key too long is reported at its object.
  o.max_string_bytes = 64;
  errors = errors_of(with_members("\"" + std::string(100, 'k') + "\": 1"), o);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].path, "");
  EXPECT_EQ(errors[0].kind, error_kind::limit_exceeded);
}

TEST(read_limits, lists_and_objects_are_limited_at_their_own_path) {
  read_options o;
  o.max_list_length = 12;  // the largest object of the base case has 12 members
  std::string doc = base;
  const std::string_view items = "[2, 2, 2, 1, 2, 1, 2, 1, 0]";
  doc.replace(doc.find(items), items.size(), "[1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]");
  auto errors = errors_of(doc, o);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].path, "/assessments/0/items");
  EXPECT_EQ(errors[0].kind, error_kind::limit_exceeded);
  EXPECT_TRUE(read_case(base, o));
  o.max_list_length = 11;  // the first relationship has 12 members
  errors = errors_of(base, o);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].path, "/inventory/relationships/0");
  EXPECT_EQ(errors[0].kind, error_kind::limit_exceeded);
}

TEST(read_limits, depth_is_limited_in_both_readers) {
  read_options o;
  o.max_depth = 3;  // root, inventory, relationships: the relationship objects are the 4th level
  const auto errors = errors_of(base, o);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].kind, error_kind::limit_exceeded);
  EXPECT_EQ(errors[0].path, "/inventory/relationships");
  o.max_depth = 6;  // ... expectations, and the expectation objects in them
  EXPECT_TRUE(read_case(base, o));
}

TEST(read_limits, depth_beyond_the_ceiling_counts_as_the_ceiling) {
  read_options o;
  o.max_depth = std::numeric_limits<std::size_t>::max();  // + 1 for a cohort array must not wrap
  EXPECT_EQ(effective_max_depth(o), max_depth_ceiling);
  const std::size_t deep = max_depth_ceiling + 10;
  const std::string text = R"({"case_id": )" + std::string(deep, '[') + std::string(deep, ']') + "}";
  const auto errors = errors_of(text, o);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].kind, error_kind::limit_exceeded);
  EXPECT_NE(errors[0].message.find("at most " + std::to_string(max_depth_ceiling)), std::string::npos)
      << errors[0].message;
  const std::string line = boost::json::serialize(boost::json::parse(base));
  const auto entries = read_cohort("cohort.json", "[" + line + "," + line + "]", o);
  ASSERT_EQ(entries.size(), 2u);
  for (const auto& e : entries) EXPECT_TRUE(e.value);
}

TEST(read_limits, a_cohort_array_is_limited_by_its_own_size_not_by_list_length) {
  const std::string line = boost::json::serialize(boost::json::parse(base));
  std::string array = "[";
  for (int i = 0; i < 13; ++i) array += (i ? "," : "") + line;
  array += "]";
  read_options o;
  o.max_list_length = 12;  // enough for each case, not for the 13 cases of the array
  auto entries = read_cohort("cohort.json", array, o);
  ASSERT_EQ(entries.size(), 13u);
  for (const auto& e : entries) EXPECT_TRUE(e.value);
  o.max_cohort_bytes = array.size() - 1;
  entries = read_cohort("cohort.json", array, o);
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].value.errors().front().kind, error_kind::limit_exceeded);
  // The array is the text: max_document_bytes does not apply to its cases one by one.
  o = {};
  o.max_document_bytes = line.size() - 1;
  const auto array_result = read_case_array(array, o);
  ASSERT_TRUE(array_result);
  for (const auto& e : *array_result) EXPECT_TRUE(e.value);
  // Every case breaking a limit: each is its own failed entry, with its own path.
  o = {};
  o.max_string_bytes = 8;
  entries = read_cohort("cohort.json", array, o);
  ASSERT_EQ(entries.size(), 13u);
  for (const auto& e : entries) {
    ASSERT_FALSE(e.value);
    EXPECT_EQ(e.value.errors().front().path, "/schema");
    EXPECT_EQ(e.value.errors().front().kind, error_kind::limit_exceeded);
  }
}

TEST(read_limits, a_case_of_an_array_that_breaks_a_limit_fails_alone) {
  // As a JSON Lines line would: the good cases are read and the bad one is named, whatever limit
  // it breaks, with its errors' locations placed in the whole text.
  const std::string line = boost::json::serialize(boost::json::parse(base));
  const std::string long_notes = line.substr(0, line.size() - 1) + R"(,"notes":")" + std::string(100, 'n') + "\"}";
  const std::string deep = line.substr(0, line.size() - 1) + R"(,"notes":)" + std::string(80, '[') +
                           std::string(80, ']') + "}";
  const std::string array = "[\n" + line + ",\n" + long_notes + ",\n  " + deep + ",\n" + line + "\n]";
  read_options o;
  o.max_string_bytes = 50;
  auto entries = read_cohort("cohort.json", array, o);
  ASSERT_EQ(entries.size(), 4u);
  EXPECT_TRUE(entries[0].value);
  EXPECT_TRUE(entries[3].value);
  ASSERT_FALSE(entries[1].value);
  EXPECT_EQ(entries[1].index, 1u);
  EXPECT_EQ(entries[1].value.errors().front().path, "/notes");
  EXPECT_EQ(entries[1].value.errors().front().kind, error_kind::limit_exceeded);
  ASSERT_FALSE(entries[2].value);
  const auto& too_deep = entries[2].value.errors().front();
  EXPECT_EQ(too_deep.kind, error_kind::limit_exceeded);
  // The third case starts on line 4, column 3; its nesting goes too deep further along that line,
  // at the 64th `[` of its notes (the case is level 1): in fields, not in the message.
  const auto notes = deep.find(R"("notes":[)") + 8;
  EXPECT_EQ(too_deep.line, 4u);
  EXPECT_EQ(too_deep.column, 3 + notes + 63);
  EXPECT_EQ(too_deep.message.find("line"), std::string::npos) << too_deep.message;
  // A case broken by a limit on line 3: the string's place in the whole text.
  EXPECT_EQ(entries[1].value.errors().front().line, 3u);
  EXPECT_TRUE(entries[1].value.errors().front().column);
  // The same cases with the array's structure broken still fail as one text.
  entries = read_cohort("cohort.json", array.substr(0, array.size() - 1), o);
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_FALSE(entries[0].value);
}

TEST(read_limits, random_arrays_under_small_limits_read_case_by_case) {
  // Arrays of the examples with deep or long values inserted and bytes inserted, cut or changed,
  // read under small limits so that the case-by-case reading after a limit runs often (a fixed
  // seed: the same arrays on every run). Under the asan preset this is also a memory check.
  std::vector<std::string> docs;
  for (const auto& p : fs::directory_iterator(test::source_dir() / "examples/data"))
    if (p.path().extension() == ".json") docs.push_back(test::read_file(p.path()));
  ASSERT_FALSE(docs.empty());
  std::mt19937_64 rng(20261126);
  const std::string noise[] = {"[", "]", "{", "}", ",", "\"", "\\", "\\\"", "\n", "1e999", "\xff", "\xEF\xBB\xBF"};
  std::size_t case_by_case = 0;
  for (int round = 0; round < 3000; ++round) {
    std::string text = "[";
    const int n = static_cast<int>(rng() % 5);
    for (int i = 0; i < n; ++i) {
      std::string d = docs[rng() % docs.size()];
      if (rng() % 3 == 0) {
        const std::string deep = std::string(rng() % 200, '[') + std::string(rng() % 200, ']');
        const std::string value = rng() % 2 ? deep : "\"" + std::string(rng() % 300, 'q') + "\"";
        d.insert(d.find('{') + 1, "\"zz\": " + value + ",");
      }
      text += (i ? "," : "") + d;
    }
    text += "]";
    for (auto m = rng() % 4; m > 0; --m) {
      const auto at = rng() % (text.size() + 1);
      if (rng() % 3 == 0) text.insert(at, noise[rng() % std::size(noise)]);
      else if (at < text.size() && rng() % 2) text.erase(at, 1 + rng() % 8);
      else if (at < text.size()) text[at] = static_cast<char>(rng());
    }
    read_options o;
    o.max_depth = 1 + rng() % 12;
    o.max_string_bytes = 1 + rng() % 64;
    o.max_list_length = 1 + rng() % 30;
    const auto entries = read_cohort("cohort.json", text, o);  // `[]`: no entry
    const auto elements = json::detail::array_elements(text);
    if (entries.size() > 1) {
      ASSERT_TRUE(elements) << text;
      ASSERT_EQ(entries.size(), elements->size());
      case_by_case += std::any_of(entries.begin(), entries.end(), [](const auto& e) { return !e.value; });
    }
    for (std::size_t i = 0; i < entries.size(); ++i) {
      const auto& e = entries[i];
      if (entries.size() > 1) {
        EXPECT_EQ(e.index, i);
      }
      if (e.value) {
        EXPECT_EQ(e.case_id, e.value->case_id);
      }
      for (const char c : e.case_id.value_or("")) {
        EXPECT_TRUE(std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '-') << *e.case_id;
      }
    }
  }
  EXPECT_GT(case_by_case, 100u);  // the arrays did exercise reading case by case
}

TEST(read_limits, array_elements_are_found_by_brackets_and_quotes) {
  using iptkit::json::detail::array_elements;
  const auto three = array_elements("\xEF\xBB\xBF [ {\"a\": \"],[\\\"\"}, [1, [2]] ,\n 3 ] \n");
  ASSERT_TRUE(three);
  ASSERT_EQ(three->size(), 3u);
  EXPECT_EQ((*three)[0], "{\"a\": \"],[\\\"\"}");
  EXPECT_EQ((*three)[1], "[1, [2]]");
  EXPECT_EQ((*three)[2], "3");
  EXPECT_EQ(array_elements("[]")->size(), 0u);
  EXPECT_EQ(array_elements("[1,]")->size(), 2u);  // the empty last one is read as an error
  for (const char* broken : {"", "{}", "[", "[1", "[\"]", "[1]]", "[1] x", "[1}"})
    EXPECT_FALSE(array_elements(broken)) << broken;
}

TEST(read_limits, a_json_lines_line_beyond_the_limit_is_not_kept_and_the_rest_is_read) {
  const std::string line = boost::json::serialize(boost::json::parse(base));
  // Longer than the line reader's 64 KiB buffer, so that it is read in several pieces.
  const std::string long_line = line.substr(0, line.size() - 1) + R"(,"notes":")" + std::string(200'000, 'n') + "\"}";
  const std::string text = line + "\r\n" + long_line + "\r\n" + line + "\n" + long_line;
  auto entries = read_case_lines(text);
  ASSERT_EQ(entries.size(), 4u);
  for (const auto& e : entries) EXPECT_TRUE(e.value) << e.line;
  EXPECT_EQ(entries[1].value->notes->size(), 200'000u);
  read_options o;
  o.max_document_bytes = line.size();
  entries = read_case_lines(text, o);
  ASSERT_EQ(entries.size(), 4u);
  EXPECT_TRUE(entries[0].value);
  EXPECT_TRUE(entries[2].value);
  for (const std::size_t i : {1u, 3u}) {
    ASSERT_FALSE(entries[i].value);
    const auto& e = entries[i].value.errors().front();
    EXPECT_EQ(e.kind, error_kind::limit_exceeded);
    EXPECT_EQ(e.line, entries[i].line);
  }
  // The whole length is counted although only the limit's worth was kept.
  const auto& last = entries[3].value.errors().front().message;
  EXPECT_NE(last.find(std::to_string(long_line.size())), std::string::npos) << last;
  EXPECT_EQ(entries[3].line, 4u);
}

// ---- what messages quote -------------------------------------------------------------------------

constexpr std::string_view secret = "Zebediah Quincey-Marchbanks, born 1961-07-14, lives at 12 Elm Row";

std::vector<std::string> messages_of(const std::string& text, const read_options& o) {
  std::vector<std::string> out;
  for (const auto& e : read_case(text, o).errors()) out.push_back(e.message);
  return out;
}

TEST(message_privacy, values_are_quoted_only_as_a_short_excerpt) {
  std::string doc = base;
  const auto replace = [&](std::string_view from, const std::string& to) {
    doc.replace(doc.find(from), from.size(), to);
  };
  const std::string s(secret);
  replace("\"weekly\"", "\"" + s + "\"");            // an enum
  replace("\"2026-01-05\"", "\"" + s + "\"");        // a date
  replace("\"RD-017\"", "\"" + s + "\"");            // an identifier
  replace("\"ipt\"", "\"" + s + "\"");               // a registered protocol
  replace("\"age_at_intake\": 41", "\"age_at_intake\": \"" + s + "\"");  // a wrong type
  const auto messages = messages_of(doc, {});
  ASSERT_EQ(messages.size(), 5u);
  const std::string shown = detail::excerpt(secret);
  EXPECT_EQ(shown, std::string(secret.substr(0, 32)) + "...");
  for (const auto& m : messages) {
    EXPECT_NE(m.find("\"" + shown + "\""), std::string::npos) << m;
    EXPECT_EQ(m.find(secret.substr(32)), std::string::npos) << m;
  }
  read_options redact;
  redact.redact = true;
  const auto redacted = messages_of(doc, redact);
  ASSERT_EQ(redacted.size(), 5u);
  for (const auto& m : redacted) EXPECT_EQ(m.find(secret.substr(0, 8)), std::string::npos) << m;
}

TEST(message_privacy, redact_removes_every_value_from_every_message) {
  read_options redact;
  redact.redact = true;
  // Keys, numbers and ids too: an unknown field, a duplicate key, an out-of-range integer, a
  // duplicate relationship id, a date that does not exist.
  std::string dup = with_members(R"("Quincey": 1, "site": "a", "site": "b")");
  dup.replace(dup.find("\"age_at_intake\": 41"), 19, "\"age_at_intake\": 7777");
  dup.replace(dup.find("\"sister\""), 8, "\"partner\"");
  dup.replace(dup.find("\"2026-01-12\""), 12, "\"2026-02-30\"");
  const auto r = read_case(dup, redact);
  ASSERT_EQ(r.errors().size(), 5u);
  for (const auto& e : r.errors()) {
    for (const std::string_view value : {"Quincey", "7777", "partner", "2026-02-30", "\"site\""})
      EXPECT_EQ(e.message.find(value), std::string::npos) << e.message;
  }
  // Without redact the same messages name them (so the test above checks something).
  std::string all;
  for (const auto& e : read_case(dup).errors()) all += e.message + "\n";
  for (const std::string_view value : {"Quincey", "7777", "partner", "2026-02-30"})
    EXPECT_NE(all.find(value), std::string::npos) << all;
}

TEST(message_privacy, redacted_findings_are_their_rules_titles) {
  auto c = read_case(base).value();
  c.formulation->focus[0] = role_dispute_focus{"Quincey-Marchbanks", dispute_stage::impasse};
  const auto plain = validate(c);
  validation_options o;
  o.redact = true;
  const auto redacted = validate(c, o);
  ASSERT_EQ(plain.size(), redacted.size());
  bool named = false;
  for (std::size_t i = 0; i < plain.size(); ++i) {
    named = named || plain[i].message.find("Quincey") != std::string::npos;
    EXPECT_EQ(plain[i].code, redacted[i].code);
    EXPECT_EQ(plain[i].path, redacted[i].path);
    EXPECT_EQ(redacted[i].message.find("Quincey"), std::string::npos) << redacted[i].message;
    EXPECT_EQ(redacted[i].message, rule_set::builtin().find(redacted[i].code)->title);
  }
  EXPECT_TRUE(named);
}

TEST(message_privacy, excerpts_never_split_a_character_or_pass_control_characters) {
  // 31 ASCII bytes and then a 3-byte character that straddles the 32-byte cut.
  const std::string s = std::string(31, 'a') + "\xE2\x82\xAC" + "tail";
  EXPECT_EQ(detail::excerpt(s), std::string(31, 'a') + "...");
  EXPECT_EQ(detail::quoted_excerpt("a\x1b[31mb\"c\\"), R"("a\u001b[31mb\"c\\")");
  EXPECT_EQ(detail::excerpt("short"), "short");
}

}  // namespace
