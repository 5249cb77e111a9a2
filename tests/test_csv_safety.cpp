// Spreadsheet safety of every CSV iptkit writes (OWASP "CSV Injection"): a text cell that begins
// with = + - @ tab or CR gets a leading apostrophe, numbers never do, and importing the tables
// removes exactly that apostrophe again, so export -> import gives the cases back byte for byte.
#include "test_support.hpp"

#include <iptkit/export/csv.hpp>
#include <iptkit/export/csv_safety.hpp>
#include <iptkit/export/tidy.hpp>
#include <iptkit/import/csv.hpp>
#include <iptkit/import/tables.hpp>
#include <iptkit/json/read.hpp>
#include <iptkit/json/write.hpp>
#include <iptkit/outcomes/outcomes.hpp>

#include <gtest/gtest.h>

#include <algorithm>

namespace {

using namespace iptkit;

// Every character a spreadsheet takes as the start of a formula, each tested on its own.
const std::string triggers[] = {"=", "+", "-", "@", "\t", "\r"};

case_record example() {
  return read_case(test::read_file(test::source_dir() / "examples/data/grief-normal-brief.json")).value();
}

csv_table parsed(const std::string& csv) {
  std::vector<import_issue> errors;
  auto t = parse_csv(csv, "", errors);
  EXPECT_TRUE(errors.empty());
  return t;
}

// The cells of `column` in a CSV text, as a CSV reader gives them back.
std::vector<std::string> column(const std::string& csv, std::string_view name) {
  const auto t = parsed(csv);
  const long c = t.column(name);
  EXPECT_GE(c, 0) << name;
  std::vector<std::string> out;
  for (const auto& r : t.rows) out.push_back(r.cells.at(static_cast<std::size_t>(c)).text);
  return out;
}

tidy_csv_input tables_of(const std::vector<case_record>& cases, const csv_options& cells = {}) {
  const auto t = make_tidy_tables(cases, {.complete = true});
  return {{"cases.csv", tidy_csv(t, "cases", true, cells)},
          {"sessions.csv", tidy_csv(t, "sessions", true, cells)},
          {"assessments.csv", tidy_csv(t, "assessments", true, cells)},
          {"relationships.csv", tidy_csv(t, "relationships", true, cells)}};
}

// A case whose free text and labels each begin with `start`.
case_record starting_with(const std::string& start, std::size_t n) {
  auto c = example();
  c.case_id = "-case-" + std::to_string(n);  // an identifier may begin with '-'
  c.arm = start + "HYPERLINK(\"http://evil.example\",\"click\")";
  c.site = start + "cmd|/C calc!A0";
  c.notes = start;
  c.inventory->relationships.at(0).label = start + "2+3";
  return c;
}

TEST(CsvSafety, EveryTriggerGetsOneApostropheThatComesOffAgain) {
  for (const auto& t : triggers) {
    EXPECT_EQ(spreadsheet_safe(t + "1+1"), "'" + t + "1+1") << int(t[0]);
    EXPECT_EQ(spreadsheet_value("'" + t + "1+1"), t + "1+1") << int(t[0]);
    EXPECT_EQ(spreadsheet_safe(t), "'" + t) << int(t[0]);  // the character alone too
    // An apostrophe already before a trigger is escaped, so the value keeps it.
    EXPECT_EQ(spreadsheet_safe("'" + t + "x"), "''" + t + "x") << int(t[0]);
    EXPECT_EQ(spreadsheet_value("''" + t + "x"), "'" + t + "x") << int(t[0]);
  }
  EXPECT_EQ(spreadsheet_safe("''"), "'''");
  for (const std::string plain : {"", "'", "'a", "a=b", "site-a", " =x", "%x", "|x"}) {
    EXPECT_EQ(spreadsheet_safe(plain), plain);
    EXPECT_EQ(spreadsheet_value(plain), plain);
  }
}

TEST(CsvSafety, EveryShortTextComesBackAndNoneIsLeftAFormula) {
  const std::string alphabet = "=+-@\t\r'a";
  std::vector<std::string> texts{""};
  for (std::size_t len = 0; len < 4; ++len)
    for (std::size_t i = 0, n = texts.size(); i < n; ++i)
      if (texts[i].size() == len)
        for (char ch : alphabet) texts.push_back(texts[i] + ch);
  ASSERT_GT(texts.size(), 4000u);
  for (const auto& s : texts) {
    const auto cell = spreadsheet_safe(s);
    EXPECT_EQ(spreadsheet_value(cell), s);
    EXPECT_TRUE(cell.empty() || formula_triggers.find(cell[0]) == std::string_view::npos);
  }
}

TEST(CsvSafety, TheIssuesArmAndSiteAreNeutralisedInCasesCsvAndRawOnRequest) {
  auto c = example();
  c.arm = "=HYPERLINK(\"http://evil.example\",\"click\")";
  c.site = "+cmd|/C calc!A0";
  const auto t = make_tidy_tables(std::vector{c});
  const auto safe = tidy_csv(t, "cases");
  EXPECT_NE(safe.find("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\""), std::string::npos) << safe;
  EXPECT_EQ(column(safe, "arm"), std::vector<std::string>{"'" + *c.arm});
  EXPECT_EQ(column(safe, "site"), std::vector<std::string>{"'" + *c.site});
  const auto raw = tidy_csv(t, "cases", true, {.raw_cells = true});
  EXPECT_EQ(column(raw, "arm"), std::vector<std::string>{*c.arm});
  EXPECT_EQ(column(raw, "site"), std::vector<std::string>{*c.site});
  // The assessments table repeats the arm.
  for (const auto& arm : column(tidy_csv(t, "assessments"), "arm")) EXPECT_EQ(arm, "'" + *c.arm);
}

TEST(CsvSafety, NoTextCellOfAnyTableBeginsWithATrigger) {
  std::vector<case_record> cases;
  for (std::size_t i = 0; i < std::size(triggers); ++i) cases.push_back(starting_with(triggers[i], i));
  const auto t = make_tidy_tables(cases, {.complete = true});
  std::size_t neutralised = 0;
  for (auto name : tidy_table_names) {
    const auto table = parsed(tidy_csv(t, name));
    for (const auto& row : table.rows)
      for (std::size_t k = 0; k < row.cells.size(); ++k) {
        const auto& text = row.cells[k].text;
        if (text.empty() || formula_triggers.find(text[0]) == std::string_view::npos) {
          neutralised += text.starts_with('\'');
          continue;
        }
        // Only a number may begin with '-': the day columns, totals, changes.
        EXPECT_EQ(text[0], '-') << name << "." << table.header[k] << ": " << text;
        EXPECT_TRUE(std::all_of(text.begin() + 1, text.end(), [](char ch) { return (ch >= '0' && ch <= '9') || ch == '.'; }))
            << name << "." << table.header[k] << ": " << text;
      }
  }
  EXPECT_GE(neutralised, std::size(triggers) * 4);  // arm, site, notes, label; case ids and more besides
}

TEST(CsvSafety, NegativeNumbersStayNumbers) {
  auto c = read_case(test::read_file(test::source_dir() / "examples/data/grief-normal-brief.json")).value();
  c.case_id = "-neg";
  const std::vector cases{c};
  const auto rows = outcomes(cases);
  const auto improved = std::find_if(rows.begin(), rows.end(), [](const case_outcome& r) { return r.change && *r.change < 0; });
  ASSERT_NE(improved, rows.end()) << "the example improves on some instrument";
  const auto index = static_cast<std::size_t>(improved - rows.begin());
  for (const auto& csv : {to_csv<case_outcome>(rows), tidy_csv(make_tidy_tables(cases), "outcomes")}) {
    EXPECT_EQ(column(csv, "change").at(index), std::to_string(*improved->change));
    EXPECT_EQ(column(csv, "case_id").at(index), "'-neg");  // the text id beside it is neutralised
  }
  EXPECT_EQ(column(to_csv<case_outcome>(rows, {.raw_cells = true}), "case_id").at(index), "-neg");

  // A day before the contract start is negative in every table that has it.
  auto early = c;
  early.assessments.at(0).date = date(std::chrono::sys_days(c.contract.start_date) - std::chrono::days{14});
  const auto days = column(tidy_csv(make_tidy_tables(std::vector{early}), "assessments"), "day");
  EXPECT_EQ(days.at(0), "-14");
}

TEST(CsvSafety, ExportImportGivesEveryValueBackByteForByte) {
  std::vector<case_record> cases;
  std::size_t n = 0;
  for (const auto& t : triggers) {
    cases.push_back(starting_with(t, n++));
    cases.push_back(starting_with("'" + t, n++));  // an apostrophe the writer did not add
  }
  cases.push_back(starting_with("''", n++));
  cases.push_back(starting_with("'", n++));
  cases.push_back(starting_with("'a", n++));
  for (const bool raw : {false, true}) {
    import_options options;
    options.raw_cells = raw;
    const auto back = import_tables(tables_of(cases, {.raw_cells = raw}), options);
    ASSERT_TRUE(back.ok()) << (back.errors.empty() ? "" : to_string(back.errors.front()));
    ASSERT_EQ(back.cases.size(), cases.size());
    for (std::size_t i = 0; i < cases.size(); ++i)
      EXPECT_EQ(write_case(back.cases[i], {json_style::compact}), write_case(cases[i], {json_style::compact}))
          << "raw " << raw << ", case " << i;
  }
}

TEST(CsvSafety, RawTablesMustBeImportedRaw) {
  // A value that begins with an apostrophe and a trigger, written raw, reads back without its
  // apostrophe unless the import is raw too: the pairing docs/interop.md asks for.
  const std::vector cases{starting_with("'=", 0)};
  const auto back = import_tables(tables_of(cases, {.raw_cells = true}));
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back.cases.at(0).arm, "=HYPERLINK(\"http://evil.example\",\"click\")");
}

}  // namespace
