// Cases from tidy tables: the complete tables give every case back byte for byte; every mistake in
// a table is reported at its file, line and column, with the case it belongs to.
#include "test_support.hpp"
#include "trial_case.hpp"

#include <iptkit/export/tidy.hpp>
#include <iptkit/import/csv.hpp>
#include <iptkit/import/tables.hpp>
#include <iptkit/json/read.hpp>
#include <iptkit/json/write.hpp>
#include <iptkit/synth/generator.hpp>

#include <gtest/gtest.h>

#include <algorithm>

namespace {

using namespace iptkit;

std::vector<case_record> examples() {
  std::vector<case_record> out;
  for (const auto& p : test::files_in("examples/data", ".json"))
    out.push_back(read_case(test::read_file(p)).value());
  return out;
}

tidy_csv_input as_input(const tidy_tables& t, bool dates = true) {
  return {{"cases.csv", tidy_csv(t, "cases", dates)},
          {"sessions.csv", tidy_csv(t, "sessions", dates)},
          {"assessments.csv", tidy_csv(t, "assessments", dates)},
          {"relationships.csv", tidy_csv(t, "relationships", dates)}};
}

tidy_csv_input complete_tables(const std::vector<case_record>& cases) {
  return as_input(make_tidy_tables(cases, {.complete = true}));
}

void expect_round_trip(const std::vector<case_record>& cases) {
  const auto back = import_tables(complete_tables(cases));
  ASSERT_TRUE(back.ok()) << (back.errors.empty() ? "" : to_string(back.errors.front()));
  ASSERT_EQ(back.cases.size(), cases.size());
  for (std::size_t i = 0; i < cases.size(); ++i)
    ASSERT_EQ(write_case(back.cases[i], {json_style::compact}), write_case(cases[i], {json_style::compact}))
        << cases[i].case_id;
}

// Replaces the cell of `column` on data row `row` (0-based) of a CSV text.
std::string with_cell(const std::string& csv, std::string_view column, std::size_t row, std::string_view text) {
  std::vector<import_issue> errors;
  auto t = parse_csv(csv, "", errors);
  const auto col = static_cast<std::size_t>(t.column(column));
  t.rows.at(row).cells.at(col) = {std::string(text), false};
  std::string out;
  const auto line = [&](const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) {
      if (i) out += ',';
      const bool quote = cells[i].find_first_of(",\"\r\n") != std::string::npos;
      if (quote) out += '"';
      for (char ch : cells[i]) out += ch == '"' ? std::string("\"\"") : std::string(1, ch);
      if (quote) out += '"';
    }
    out += "\r\n";
  };
  line(t.header);
  for (const auto& r : t.rows) {
    std::vector<std::string> cells;
    for (const auto& c : r.cells) cells.push_back(c.text);
    line(cells);
  }
  return out;
}

const import_issue* find_issue(const import_result& r, import_error_kind kind, std::string_view field) {
  const auto it = std::find_if(r.errors.begin(), r.errors.end(),
                               [&](const import_issue& e) { return e.kind == kind && e.field == field; });
  return it == r.errors.end() ? nullptr : &*it;
}

}  // namespace

TEST(import_tables, examples_come_back_byte_for_byte) { expect_round_trip(examples()); }

// Therapist and group ids are analysis columns (clustering); the rest of the trial record travels
// in JSON cells of the complete tables.
TEST(import_tables, the_trial_record_comes_back_byte_for_byte) {
  const auto c = test::trial_case();
  expect_round_trip({c});
  const auto t = make_tidy_tables(std::vector<case_record>{c}, {.complete = true});
  const std::string cases = tidy_csv(t, "cases", true);
  for (const char* column : {"therapist_id", "group_id", "trial_json", "discontinuation_json", "adverse_events_json"})
    EXPECT_NE(cases.find(column), std::string::npos) << column;
  EXPECT_NE(cases.find("th-07"), std::string::npos);
  EXPECT_NE(tidy_csv(t, "sessions", true).find("th-09"), std::string::npos);
}

TEST(import_tables, five_thousand_synthetic_cases_come_back_byte_for_byte) {
  synth_options options;
  options.cases = 5000;
  options.seed = 17;
  expect_round_trip(synthesize(options));
}

TEST(import_tables, an_empty_text_stays_apart_from_an_absent_one) {
  auto cases = examples();
  cases[0].arm = "";
  cases[0].site.reset();
  for (auto& c : cases)
    if (c.inventory && !c.inventory->relationships.empty()) {
      c.inventory->relationships[0].label = "";  // required, and empty
      break;
    }
  expect_round_trip(cases);
}

TEST(import_tables, a_bad_enum_is_placed_at_its_table_line_and_column) {
  const auto cases = examples();
  auto in = complete_tables(cases);
  in.sessions.text = with_cell(in.sessions.text, "phase", 2, "middel");
  const auto r = import_tables(in);
  ASSERT_EQ(r.errors.size(), 1u);
  const auto& e = r.errors[0];
  EXPECT_EQ(e.source, "sessions.csv");
  EXPECT_EQ(e.line, 4u);  // header, then data rows 0, 1, 2
  EXPECT_EQ(e.field, "phase");
  EXPECT_EQ(e.kind, import_error_kind::invalid);
  EXPECT_EQ(e.read_kind, error_kind::bad_enum);
  EXPECT_FALSE(e.case_id.empty());
  EXPECT_TRUE(e.path.starts_with("/sessions/")) << e.path;
  EXPECT_EQ(r.cases.size(), cases.size() - 1) << "only the case with the error is left out";
}

TEST(import_tables, an_impossible_date_is_an_error) {
  auto in = complete_tables(examples());
  in.cases.text = with_cell(in.cases.text, "start_date", 0, "2026-02-30");
  const auto r = import_tables(in);
  const auto* e = find_issue(r, import_error_kind::invalid, "start_date");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->read_kind, error_kind::bad_date);
  EXPECT_EQ(e->line, 2u);
}

TEST(import_tables, a_derived_column_that_disagrees_is_an_error) {
  auto in = complete_tables(examples());
  in.cases.text = with_cell(in.cases.text, "sessions", 0, "99");
  const auto r = import_tables(in);
  const auto* e = find_issue(r, import_error_kind::inconsistent, "sessions");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->source, "cases.csv");
  EXPECT_EQ(e->line, 2u);
}

TEST(import_tables, unknown_columns_are_errors_unless_kept) {
  auto in = complete_tables(examples());
  in.cases.text = "extra," + in.cases.text;
  for (std::size_t p = in.cases.text.find("\r\n"); p != std::string::npos && p + 2 < in.cases.text.size();
       p = in.cases.text.find("\r\n", p + 3))
    in.cases.text.insert(p + 2, "x,");
  const auto strict = import_tables(in);
  ASSERT_NE(find_issue(strict, import_error_kind::unknown_column, "extra"), nullptr);
  EXPECT_TRUE(strict.cases.empty());
  const auto kept = import_tables(in, {.keep_unknown_columns = true});
  EXPECT_TRUE(kept.ok());
  ASSERT_EQ(kept.unused.size(), 1u);
  EXPECT_EQ(kept.unused[0].field, "extra");
}

TEST(import_tables, tables_without_dates_cannot_be_imported) {
  const auto cases = examples();
  const auto r = import_tables(as_input(make_tidy_tables(cases, {.dates = false, .complete = true}), false));
  const auto* e = find_issue(r, import_error_kind::missing_column, "start_date");
  ASSERT_NE(e, nullptr);
  EXPECT_NE(e->message.find("without dates"), std::string::npos);
  EXPECT_TRUE(r.cases.empty());
}

TEST(import_tables, rows_of_an_unknown_case_and_a_repeated_case_are_errors) {
  auto in = complete_tables(examples());
  in.sessions.text = with_cell(in.sessions.text, "case_id", 0, "nobody");
  const auto r = import_tables(in);
  const auto* e = find_issue(r, import_error_kind::unmatched_row, "case_id");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->line, 2u);
  EXPECT_NE(e->message.find("nobody"), std::string::npos) << "an identifier is named";

  auto twice = complete_tables(examples());
  const auto first_row = twice.cases.text.substr(twice.cases.text.find("\r\n") + 2,
                                                 twice.cases.text.find("\r\n", twice.cases.text.find("\r\n") + 2) -
                                                     twice.cases.text.find("\r\n"));
  twice.cases.text += first_row;
  const auto d = import_tables(twice);
  ASSERT_NE(find_issue(d, import_error_kind::duplicate_row, "case_id"), nullptr);
  const auto id = examples()[0].case_id;
  EXPECT_TRUE(std::none_of(d.cases.begin(), d.cases.end(), [&](const case_record& c) { return c.case_id == id; }))
      << "neither of two rows for one case wins";
  EXPECT_EQ(std::count_if(d.errors.begin(), d.errors.end(), [](const auto& e) { return e.kind == import_error_kind::duplicate_row; }), 2);
}

TEST(import_tables, a_cell_that_is_not_json_is_a_syntax_error) {
  const auto cases = examples();
  const auto with_formulation = std::find_if(cases.begin(), cases.end(), [](const auto& c) { return c.formulation.has_value(); });
  ASSERT_NE(with_formulation, cases.end());
  auto in = complete_tables(cases);
  in.cases.text = with_cell(in.cases.text, "formulation_json", static_cast<std::size_t>(with_formulation - cases.begin()), "{\"focus\":");
  const auto r = import_tables(in);
  const auto* e = find_issue(r, import_error_kind::syntax, "formulation_json");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->case_id, with_formulation->case_id);
}

TEST(import_tables, malformed_csv_never_crashes_and_says_where) {
  for (std::string text : {"", "\"", "a,b\r\n1", "case_id,\"x\r\n", "case_id\r\n\"a\"b\r\n", "a,a\r\n", "\xEF\xBB\xBF"}) {
    const auto r = import_tables({{"cases.csv", text}, {}, {}, {}});
    EXPECT_FALSE(r.ok()) << text;
    EXPECT_TRUE(r.cases.empty());
  }
}

TEST(import_tables, files_in_another_encoding_or_dialect_are_said_to_be_so) {
  const auto in = complete_tables(examples());
  const auto first_message = [](std::string text) {
    const auto r = import_tables({{"cases.csv", std::move(text)}, {}, {}, {}});
    EXPECT_EQ(r.errors.size(), 1u);
    return r.errors.empty() ? std::string() : r.errors[0].message;
  };
  EXPECT_NE(first_message(std::string("\xFF\xFE", 2) + "c\0a\0").find("UTF-16"), std::string::npos);
  EXPECT_NE(first_message(with_cell(in.cases.text, "notes", 0, "caf\xE9")).find("not UTF-8"), std::string::npos);
  std::string semicolons = in.cases.text;
  std::replace(semicolons.begin(), semicolons.end(), ',', ';');
  EXPECT_NE(first_message(semicolons).find("comma-separated"), std::string::npos);
}

TEST(import_tables, lax_lists_the_fields_it_ignores) {
  const auto cases = examples();
  const auto with_diagnoses = std::find_if(cases.begin(), cases.end(), [](const auto& c) { return !c.diagnoses.empty(); });
  ASSERT_NE(with_diagnoses, cases.end());
  auto in = complete_tables(cases);
  in.cases.text = with_cell(in.cases.text, "diagnoses_json", static_cast<std::size_t>(with_diagnoses - cases.begin()),
                            "[{\"system\":\"icd10\",\"code\":\"F32.1\",\"extra\":1}]");
  in.cases.text = with_cell(in.cases.text, "diagnoses", static_cast<std::size_t>(with_diagnoses - cases.begin()), "1");
  EXPECT_NE(find_issue(import_tables(in), import_error_kind::invalid, "diagnoses_json"), nullptr);
  import_options lax;
  lax.read.lax = true;
  const auto r = import_tables(in, lax);
  EXPECT_TRUE(r.ok());
  ASSERT_EQ(r.unused.size(), 1u);
  EXPECT_EQ(r.unused[0].field, "diagnoses_json");
  EXPECT_EQ(r.unused[0].path, "/diagnoses/0/extra");
}

TEST(import_tables, errors_come_in_table_and_line_order) {
  auto in = complete_tables(examples());
  in.relationships.text = with_cell(in.relationships.text, "kind", 0, "neighbour");
  in.sessions.text = with_cell(in.sessions.text, "phase", 5, "x");
  in.cases.text = with_cell(in.cases.text, "frequency", 3, "x");
  in.cases.text = with_cell(in.cases.text, "frequency", 1, "x");
  const auto r = import_tables(in);
  ASSERT_EQ(r.errors.size(), 4u);
  EXPECT_EQ(r.errors[0].source, "cases.csv");
  EXPECT_EQ(r.errors[0].line, 3u);
  EXPECT_EQ(r.errors[1].line, 5u);
  EXPECT_EQ(r.errors[2].source, "sessions.csv");
  EXPECT_EQ(r.errors[3].source, "relationships.csv");
}

TEST(import_tables, a_row_with_a_broken_quote_fails_its_case_never_loses_the_row_unseen) {
  const auto cases = examples();
  auto in = complete_tables(cases);
  // Text after a closing quote on the second sessions line, after its case_id (the second column):
  // the row cannot be read, so its case is left out rather than imported without the session.
  const auto second_line = in.sessions.text.find("\r\n") + 2;
  const auto after_id = in.sessions.text.find(',', in.sessions.text.find(',', second_line) + 1);
  auto broken_day = in;
  broken_day.sessions.text.insert(after_id + 1, "\"1\"x");
  auto r = import_tables(broken_day);
  std::string all;
  for (const auto& e : r.errors) all += to_string(e) + "\n";
  ASSERT_EQ(r.errors.size(), 1u) << all;
  EXPECT_EQ(r.errors[0].kind, import_error_kind::syntax);
  EXPECT_EQ(r.errors[0].line, 2u);
  EXPECT_FALSE(r.errors[0].case_id.empty());
  EXPECT_EQ(r.cases.size(), cases.size() - 1);
  // Broken before its case_id: any case may be missing that row, so none is imported.
  auto broken_id = in;
  broken_id.sessions.text.insert(in.sessions.text.find(',', second_line) + 1, "\"1\"x");
  r = import_tables(broken_id);
  ASSERT_EQ(r.errors.size(), 2u);
  EXPECT_TRUE(r.errors[0].case_id.empty());
  EXPECT_NE(r.errors[1].message.find("no case is imported"), std::string::npos);
  EXPECT_TRUE(r.cases.empty());
}

TEST(import_tables, a_malformed_row_fails_its_case_only) {
  const auto cases = examples();
  auto in = complete_tables(cases);
  // One sessions row gets an extra cell; a trailing comma on every cases line (a spreadsheet's
  // nameless column) is dropped.
  const auto second_line = in.sessions.text.find("\r\n") + 2;
  const auto end = in.sessions.text.find("\r\n", second_line);
  in.sessions.text.insert(end, ",x");
  for (std::size_t p = in.cases.text.find("\r\n"); p != std::string::npos; p = in.cases.text.find("\r\n", p + 3))
    in.cases.text.insert(p, ",");
  const auto r = import_tables(in);
  ASSERT_EQ(r.errors.size(), 1u) << to_string(r.errors[0]);
  EXPECT_EQ(r.errors[0].kind, import_error_kind::syntax);
  EXPECT_EQ(r.errors[0].source, "sessions.csv");
  EXPECT_EQ(r.errors[0].line, 2u);
  EXPECT_FALSE(r.errors[0].case_id.empty());
  EXPECT_EQ(r.cases.size(), cases.size() - 1);
  EXPECT_TRUE(std::none_of(r.cases.begin(), r.cases.end(), [&](const auto& c) { return c.case_id == r.errors[0].case_id; }));
}
