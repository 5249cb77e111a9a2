// Cases from a REDCap project (examples/redcap: events, repeating instruments, a checkbox with a
// negative code, missing-data codes, an incomplete form, identifier fields). Each kind of mistake
// is reported at its record, event, instance and field; every column of the export is read or
// listed as not read.
#include "test_support.hpp"

#include <iptkit/import/csv.hpp>
#include <iptkit/import/redcap.hpp>
#include <iptkit/json/write.hpp>

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

namespace {

using namespace iptkit;

redcap_input example(std::string_view records = "records.csv") {
  const auto dir = test::source_dir() / "examples" / "redcap";
  return {{"dictionary.csv", test::read_file(dir / "dictionary.csv")},
          {std::string(records), test::read_file(dir / records)},
          {"mapping.json", test::read_file(dir / "mapping.json")}};
}

// The records CSV with one cell changed: data row `row` (0-based), column `column`.
std::string with_cell(const std::string& csv, std::string_view column, std::size_t row, std::string_view text) {
  std::vector<import_issue> errors;
  auto t = parse_csv(csv, "", errors);
  t.rows.at(row).cells.at(static_cast<std::size_t>(t.column(column))) = {std::string(text), false};
  std::string out;
  const auto line = [&](const auto& cells, auto text_of) {
    for (std::size_t i = 0; i < cells.size(); ++i) out += (i ? "," : "") + text_of(cells[i]);
    out += "\n";
  };
  line(t.header, [](const std::string& s) { return s; });
  for (const auto& r : t.rows)
    line(r.cells, [](const csv_cell& c) {
      return c.text.find_first_of(",\"\n") == std::string::npos ? c.text : "\"" + c.text + "\"";
    });
  return out;
}

// The 0-based data row of a record's row with this event, instrument and instance.
std::size_t row_of(const std::string& csv, std::string_view record, std::string_view event,
                   std::string_view instrument = "", std::string_view instance = "") {
  std::vector<import_issue> errors;
  const auto t = parse_csv(csv, "", errors);
  const auto at = [&](const csv_row& r, std::string_view c) { return r.cells[static_cast<std::size_t>(t.column(c))].text; };
  for (std::size_t i = 0; i < t.rows.size(); ++i) {
    const auto& r = t.rows[i];
    if (at(r, "record_id") == record && at(r, "redcap_event_name") == event &&
        at(r, "redcap_repeat_instrument") == instrument && at(r, "redcap_repeat_instance") == instance)
      return i;
  }
  ADD_FAILURE() << "no such row";
  return 0;
}

// `text` with the first `from` made `to` (the test fails when there is none).
void replace(std::string& text, std::string_view from, std::string_view to) {
  const auto at = text.find(from);
  ASSERT_NE(at, std::string::npos) << from;
  text.replace(at, from.size(), to);
}

const import_issue* find(const std::vector<import_issue>& list, import_error_kind kind, std::string_view field) {
  const auto it = std::find_if(list.begin(), list.end(), [&](const import_issue& e) { return e.kind == kind && e.field == field; });
  return it == list.end() ? nullptr : &*it;
}

std::string all(const std::vector<import_issue>& list) {
  std::string out;
  for (const auto& e : list) out += to_string(e) + "\n";
  return out;
}

void expect_place(const import_issue& e, std::string_view record, std::string_view event,
                  std::optional<std::size_t> instance, std::string_view field) {
  EXPECT_EQ(e.record, record) << to_string(e);
  EXPECT_EQ(e.event, event) << to_string(e);
  EXPECT_EQ(e.instance, instance) << to_string(e);
  EXPECT_EQ(e.field, field) << to_string(e);
  EXPECT_EQ(e.source, "records.csv");
  EXPECT_TRUE(e.line.has_value());
}

}  // namespace

TEST(import_redcap, the_example_project_makes_its_cases) {
  const auto r = import_redcap(example());
  ASSERT_TRUE(r.ok()) << all(r.errors);
  ASSERT_EQ(r.cases.size(), 6u);
  EXPECT_EQ(r.rows_read, 95u);
  const auto& c = r.cases[0];
  EXPECT_EQ(c.case_id, "1001");
  EXPECT_EQ(c.adaptation, "ipt");
  EXPECT_EQ(c.arm, "ipt");
  EXPECT_EQ(c.site, "pittsburgh");
  ASSERT_EQ(c.diagnoses.size(), 1u);
  EXPECT_EQ(c.diagnoses[0].code, "F32.1");
  EXPECT_EQ(c.contract.planned_sessions, 12);
  ASSERT_TRUE(c.inventory.has_value());
  ASSERT_EQ(c.inventory->relationships.size(), 2u);  // a repeating instrument in the enrolment event
  EXPECT_EQ(c.inventory->relationships[0].id, "mother");
  EXPECT_EQ(c.inventory->relationships[0].status, relationship_status::deceased);
  ASSERT_TRUE(c.formulation.has_value());
  EXPECT_TRUE(c.formulation->patient_agreed);  // a yes/no field
  ASSERT_EQ(c.formulation->focus.size(), 1u);
  EXPECT_EQ(c.sessions[0].tasks.size(), 2u);
  EXPECT_EQ(c.sessions.size(), 12u);
  EXPECT_EQ(c.sessions[4].number, 5);
  ASSERT_EQ(c.sessions[4].focus_areas.size(), 1u);
  EXPECT_EQ(c.sessions[4].focus_areas[0], problem_area::grief);
  // Baseline (enrolment event), three in treatment (repeating) and the follow-up event.
  ASSERT_EQ(c.assessments.size(), 5u);
  EXPECT_EQ(c.assessments[0].items.size(), 9u);
  EXPECT_EQ(c.assessments[0].total, 16);
  const auto& brief = r.cases[2];
  EXPECT_EQ(brief.adaptation, "ipt_brief");
  EXPECT_EQ(brief.arm, "brief_ipt");
  // A missing-data code (UNK) in an optional number: absent, not an error.
  EXPECT_FALSE(r.cases[3].age_at_intake.has_value());
  // The checkbox's negative code (-99, not recorded) is missing: session 4 of 1003 has no areas.
  EXPECT_TRUE(brief.sessions[3].focus_areas.empty());
  EXPECT_EQ(brief.sessions[3].phase, phase::middle);
}

TEST(import_redcap, the_api_flat_json_records_make_the_same_cases) {
  const auto csv = import_redcap(example());
  const auto json = import_redcap(example("records.json"));
  ASSERT_TRUE(json.ok()) << all(json.errors);
  ASSERT_EQ(json.cases.size(), csv.cases.size());
  for (std::size_t i = 0; i < csv.cases.size(); ++i)
    EXPECT_EQ(write_case(json.cases[i], {json_style::compact}), write_case(csv.cases[i], {json_style::compact}));
  EXPECT_EQ(json.unused.size(), csv.unused.size());
}

TEST(import_redcap, every_column_of_the_export_is_read_or_listed_as_not_read) {
  const auto in = example();
  const auto r = import_redcap(in);
  std::vector<import_issue> ignored;
  const auto header = parse_csv(in.records.text, "", ignored).header;
  // What the mapping reads, worked out here from the mapping and the export independently.
  std::set<std::string> read{"record_id", "redcap_event_name", "redcap_repeat_instrument", "redcap_repeat_instance",
                             "site", "age", "dx_code", "planned_sessions", "frequency", "start_date", "format",
                             "modality", "session_minutes", "sess_date", "sess_phase", "sess_attend",
                             "sess_minutes", "session_complete", "phq9_total", "phq9_complete", "inv_session",
                             "relationship_complete"};
  for (const auto& h : header)
    if (h.starts_with("sess_focus___") || h.starts_with("sess_tasks___") || h.starts_with("phq9_") ||
        h.starts_with("rel_") || (h.starts_with("form_") && h != "formulation_complete"))
      read.insert(h);
  std::set<std::string> listed;
  for (const auto& u : r.unused)
    if (!u.line) listed.insert(u.field);  // a column (rows have lines)
  for (const auto& h : header) {
    // phq9 fields are read in every row but the incomplete form's, which is listed with its row.
    const bool partly = h == "phq9_date" || h == "phq9_1" || h == "phq9_2";
    if (partly) EXPECT_TRUE(listed.count(h)) << h << " has a value in the incomplete form's row";
    else EXPECT_NE(read.count(h), listed.count(h)) << h << ": read and listed, or neither";
  }
  for (const auto& name : listed) EXPECT_NE(std::find(header.begin(), header.end(), name), header.end()) << name;
  // Identifier fields are listed as such, never read.
  const auto* mrn = find(r.unused, import_error_kind::not_mapped, "mrn");
  ASSERT_NE(mrn, nullptr);
  EXPECT_NE(mrn->message.find("identifier"), std::string::npos);
  // The incomplete PHQ-9 is listed with its record, event and instance.
  const auto* incomplete = find(r.unused, import_error_kind::incomplete, "phq9_complete");
  ASSERT_NE(incomplete, nullptr);
  expect_place(*incomplete, "1005", "treatment_arm_1", 2, "phq9_complete");
}

TEST(import_redcap, an_unknown_field_in_the_mapping_stops_before_any_record) {
  auto in = example();
  replace(in.mapping.text, "\"sess_date\"", "\"sess_dat\"");
  const auto r = import_redcap(in);
  ASSERT_EQ(r.errors.size(), 1u) << all(r.errors);
  const auto& e = r.errors[0];
  EXPECT_EQ(e.kind, import_error_kind::mapping);
  EXPECT_EQ(e.source, "mapping.json");
  EXPECT_EQ(e.field, "sess_dat");
  EXPECT_EQ(e.path, "/lists/1/fields/~1date/field");
  EXPECT_NE(e.message.find("did you mean sess_date"), std::string::npos) << e.message;
  EXPECT_TRUE(r.cases.empty());
  EXPECT_EQ(r.rows_read, 0u) << "no record is read with a broken mapping";
}

TEST(import_redcap, a_dictionary_code_without_a_translation_is_a_mapping_error) {
  auto in = example();
  replace(in.mapping.text, ", \"3\": \"telephone\"", "");
  const auto r = import_redcap(in);
  const auto* e = find(r.errors, import_error_kind::mapping, "modality");
  ASSERT_NE(e, nullptr) << all(r.errors);
  EXPECT_EQ(e->path, "/case/fields/~1contract~1modality/choices");
  EXPECT_NE(e->message.find("code 3"), std::string::npos) << e->message;
}

TEST(import_redcap, a_case_field_of_the_wrong_type_or_target_is_a_mapping_error) {
  auto in = example();
  replace(in.mapping.text, "{\"field\": \"start_date\"}", "{\"field\": \"planned_sessions\"}");
  replace(in.mapping.text, "\"/minutes\"", "\"/minutes_\"");
  const auto r = import_redcap(in);
  const auto* wrong_type = find(r.errors, import_error_kind::mapping, "planned_sessions");
  ASSERT_NE(wrong_type, nullptr) << all(r.errors);
  EXPECT_NE(wrong_type->message.find("not a date field"), std::string::npos) << wrong_type->message;
  const auto unknown = std::find_if(r.errors.begin(), r.errors.end(),
                                    [](const import_issue& e) { return e.path == "/lists/1/fields/~1minutes_"; });
  ASSERT_NE(unknown, r.errors.end()) << all(r.errors);
  EXPECT_NE(unknown->message.find("not a field of the case format"), std::string::npos);
}

TEST(import_redcap, an_identifier_field_needs_to_be_mapped_explicitly) {
  auto in = example();
  const auto original = in.mapping.text;
  replace(in.mapping.text, "\"/age_at_intake\": {\"field\": \"age\"}", "\"/notes\": {\"field\": \"mrn\"}");
  auto r = import_redcap(in);
  const auto* e = find(r.errors, import_error_kind::mapping, "mrn");
  ASSERT_NE(e, nullptr) << all(r.errors);
  EXPECT_NE(e->message.find("identifier"), std::string::npos);
  in.mapping.text = original;
  replace(in.mapping.text, "\"/age_at_intake\": {\"field\": \"age\"}", "\"/notes\": {\"field\": \"mrn\", \"identifier\": true}");
  r = import_redcap(in);
  ASSERT_TRUE(r.ok()) << all(r.errors);
  EXPECT_EQ(r.cases[0].notes, "MRN48213");
}

TEST(import_redcap, an_unmapped_choice_code_in_a_record_is_placed) {
  auto in = example();
  const auto row = row_of(in.records.text, "1002", "treatment_arm_1", "session", "3");
  in.records.text = with_cell(in.records.text, "sess_phase", row, "7");
  const auto r = import_redcap(in);
  ASSERT_EQ(r.errors.size(), 1u) << all(r.errors);
  const auto& e = r.errors[0];
  EXPECT_EQ(e.kind, import_error_kind::unknown_code);
  expect_place(e, "1002", "treatment_arm_1", 3, "sess_phase");
  EXPECT_EQ(e.case_id, "1002");
  EXPECT_EQ(e.path, "/sessions/2/phase");
  EXPECT_EQ(r.cases.size(), 5u) << "only the record with the error is left out";
}

TEST(import_redcap, a_wrong_date_is_placed) {
  auto in = example();
  const auto row = row_of(in.records.text, "1003", "treatment_arm_2", "session", "2");
  in.records.text = with_cell(in.records.text, "sess_date", row, "2026-02-30");
  const auto r = import_redcap(in);
  ASSERT_EQ(r.errors.size(), 1u) << all(r.errors);
  EXPECT_EQ(r.errors[0].read_kind, error_kind::bad_date);
  expect_place(r.errors[0], "1003", "treatment_arm_2", 2, "sess_date");
}

TEST(import_redcap, a_missing_code_in_a_numeric_field) {
  auto in = example();
  // A declared missing-data code in one item of a scored form: the form cannot be scored.
  const auto row = row_of(in.records.text, "1001", "treatment_arm_1", "phq9", "2");
  in.records.text = with_cell(in.records.text, "phq9_3", row, "-99");
  // An undeclared code in a number is a number like any other: -77 sessions are out of range.
  in.records.text = with_cell(in.records.text, "planned_sessions", row_of(in.records.text, "1002", "enrolment_arm_1"), "-77");
  // A declared code in a required number: the field is missing, and the report says why.
  in.records.text = with_cell(in.records.text, "planned_sessions", row_of(in.records.text, "1003", "enrolment_arm_2"), "-98");
  // An undeclared text code in a number: an error, never a guess (and a word is never quoted).
  in.records.text = with_cell(in.records.text, "age", row_of(in.records.text, "1005", "enrolment_arm_1"), "NK");
  const auto r = import_redcap(in);
  ASSERT_EQ(r.errors.size(), 4u) << all(r.errors);
  const auto* item = find(r.errors, import_error_kind::invalid, "phq9_3");
  ASSERT_NE(item, nullptr);
  expect_place(*item, "1001", "treatment_arm_1", 2, "phq9_3");
  EXPECT_EQ(item->read_kind, error_kind::missing_field);
  EXPECT_NE(item->message.find("-99"), std::string::npos) << item->message;
  const auto by_record = [&](std::string_view id) {
    return &*std::find_if(r.errors.begin(), r.errors.end(), [&](const import_issue& e) { return e.record == id; });
  };
  const auto* undeclared = by_record("1002");
  EXPECT_EQ(undeclared->read_kind, error_kind::out_of_range);
  expect_place(*undeclared, "1002", "enrolment_arm_1", std::nullopt, "planned_sessions");
  const auto* declared = by_record("1003");
  EXPECT_EQ(declared->read_kind, error_kind::missing_field);
  EXPECT_EQ(declared->path, "/contract/planned_sessions");
  expect_place(*declared, "1003", "enrolment_arm_2", std::nullopt, "planned_sessions");
  EXPECT_NE(declared->message.find("-98"), std::string::npos) << declared->message;
  const auto* text = by_record("1005");
  EXPECT_EQ(text->read_kind, error_kind::wrong_type);
  expect_place(*text, "1005", "enrolment_arm_1", std::nullopt, "age");
  EXPECT_EQ(text->message.find("NK"), std::string::npos) << "a word in a cell is never quoted: " << text->message;
}

TEST(import_redcap, a_duplicated_instance_is_an_error) {
  auto in = example();
  const auto row = row_of(in.records.text, "1004", "treatment_arm_2", "session", "5");
  std::vector<import_issue> ignored;
  const auto lines_before = parse_csv(in.records.text, "", ignored).rows.at(row).line;
  // Insert a copy of the row right after it.
  std::size_t at = 0;
  for (std::size_t l = 1; l < lines_before; ++l) at = in.records.text.find('\n', at) + 1;
  const auto end = in.records.text.find('\n', at) + 1;
  in.records.text.insert(end, in.records.text.substr(at, end - at));
  const auto r = import_redcap(in);
  const auto* e = find(r.errors, import_error_kind::duplicate_row, "redcap_repeat_instance");
  ASSERT_NE(e, nullptr) << all(r.errors);
  expect_place(*e, "1004", "treatment_arm_2", 5, "redcap_repeat_instance");
  EXPECT_EQ(e->line, lines_before + 1);
}

TEST(import_redcap, the_case_readers_findings_are_placed_at_their_field) {
  auto in = example();
  const auto row = row_of(in.records.text, "1001", "enrolment_arm_1");
  in.records.text = with_cell(in.records.text, "age", row, "140");
  const auto r = import_redcap(in);
  ASSERT_EQ(r.errors.size(), 1u) << all(r.errors);
  EXPECT_EQ(r.errors[0].read_kind, error_kind::out_of_range);
  EXPECT_EQ(r.errors[0].path, "/age_at_intake");
  expect_place(r.errors[0], "1001", "enrolment_arm_1", std::nullopt, "age");
}

TEST(import_redcap, a_checked_missing_choice_with_others_is_inconsistent) {
  auto in = example();
  const auto row = row_of(in.records.text, "1001", "treatment_arm_1", "session", "5");
  in.records.text = with_cell(in.records.text, "sess_focus____99", row, "1");
  const auto r = import_redcap(in);
  const auto* e = find(r.errors, import_error_kind::inconsistent, "sess_focus____99");
  ASSERT_NE(e, nullptr) << all(r.errors);
  expect_place(*e, "1001", "treatment_arm_1", 5, "sess_focus____99");
}

TEST(import_redcap, an_event_the_export_does_not_have_is_a_mapping_error) {
  auto in = example();
  replace(in.mapping.text, "\"treatment_arm_2\"]", "\"treatment_arm_3\"]");
  const auto r = import_redcap(in);
  ASSERT_EQ(r.errors.size(), 1u) << all(r.errors);
  EXPECT_EQ(r.errors[0].kind, import_error_kind::mapping);
  EXPECT_EQ(r.errors[0].path, "/lists/1/events/1");
  EXPECT_TRUE(r.cases.empty()) << "a filter that matches nothing is never silent";
}

TEST(import_redcap, any_input_is_reported_never_thrown) {
  const auto in = example();
  for (const std::string& bad : std::vector<std::string>{"", "\xff\xfe", "[", "[1,2]", "{}", "a,b\n\"", std::string(70, '[')}) {
    for (int which = 0; which < 3; ++which) {
      auto x = in;
      (which == 0 ? x.dictionary : which == 1 ? x.records : x.mapping).text = bad;
      const auto r = import_redcap(x);
      EXPECT_FALSE(r.ok()) << which << ": " << bad;
      EXPECT_TRUE(r.cases.empty());
    }
  }
}

TEST(import_redcap, a_malformed_row_fails_its_record_and_an_unplaceable_one_every_record) {
  auto in = example();
  // An extra cell on record 1003's second session: that record fails, the others import.
  const auto row = row_of(in.records.text, "1003", "treatment_arm_2", "session", "2");
  std::vector<import_issue> ignored;
  const auto line = parse_csv(in.records.text, "", ignored).rows.at(row).line;
  std::size_t at = 0;
  for (std::size_t l = 1; l < line; ++l) at = in.records.text.find('\n', at) + 1;
  auto wide = in;
  wide.records.text.insert(in.records.text.find('\n', at), ",x");
  auto r = import_redcap(wide);
  ASSERT_EQ(r.errors.size(), 1u) << all(r.errors);
  EXPECT_EQ(r.errors[0].kind, import_error_kind::syntax);
  EXPECT_EQ(r.errors[0].record, "1003");
  EXPECT_EQ(r.errors[0].line, line);
  EXPECT_EQ(r.cases.size(), 5u);
  // A quote broken inside the record id: no record can be sure it is complete.
  auto unplaceable = in;
  unplaceable.records.text.insert(at, "\"1\"x");
  r = import_redcap(unplaceable);
  EXPECT_TRUE(r.cases.empty());
  ASSERT_EQ(r.errors.size(), 2u) << all(r.errors);
  EXPECT_NE(r.errors[1].message.find("no record is imported"), std::string::npos);
}

TEST(import_redcap, an_export_with_labels_is_an_error_never_a_silent_loss) {
  auto in = example();
  // Labels in a form status (Complete) and in the repeating instrument's name (Session).
  const auto row = row_of(in.records.text, "1001", "treatment_arm_1", "session", "2");
  auto status = in;
  status.records.text = with_cell(in.records.text, "session_complete", row, "Complete");
  auto r = import_redcap(status);
  const auto* e = find(r.errors, import_error_kind::unknown_code, "session_complete");
  ASSERT_NE(e, nullptr) << all(r.errors);
  expect_place(*e, "1001", "treatment_arm_1", 2, "session_complete");
  EXPECT_NE(e->message.find("labels"), std::string::npos) << e->message;
  auto instrument = in;
  instrument.records.text = with_cell(in.records.text, "redcap_repeat_instrument", row, "Session");
  r = import_redcap(instrument);
  ASSERT_NE(find(r.errors, import_error_kind::unknown_code, "redcap_repeat_instrument"), nullptr) << all(r.errors);
  EXPECT_TRUE(r.cases.empty());
}

TEST(import_redcap, a_list_that_finds_nothing_in_the_export_is_an_error) {
  auto in = example();
  replace(in.mapping.text, "\"form\": \"session\",\n      \"events\": [\"treatment_arm_1\", \"treatment_arm_2\"]",
          "\"form\": \"session\",\n      \"events\": [\"followup_arm_1\"]");
  const auto r = import_redcap(in);
  ASSERT_EQ(r.errors.size(), 1u) << all(r.errors);
  EXPECT_EQ(r.errors[0].kind, import_error_kind::mapping);
  EXPECT_EQ(r.errors[0].path, "/lists/1/form");
  EXPECT_FALSE(r.ok());
}

TEST(import_redcap, messages_never_quote_words_and_nothing_with_redact) {
  auto in = example();
  const auto row = row_of(in.records.text, "1002", "enrolment_arm_1");
  in.records.text = with_cell(in.records.text, "age", row, "Jane Doe");
  in.records.text = with_cell(in.records.text, "planned_sessions", row, "12.5");
  auto r = import_redcap(in);
  ASSERT_EQ(r.errors.size(), 2u) << all(r.errors);
  EXPECT_EQ(all(r.errors).find("Jane"), std::string::npos);
  EXPECT_NE(all(r.errors).find("12.5"), std::string::npos) << "a number may be shown";
  redcap_options redacted;
  redacted.read.redact = true;
  r = import_redcap(in, redacted);
  EXPECT_EQ(all(r.errors).find("Jane"), std::string::npos);
  EXPECT_EQ(all(r.errors).find("12.5"), std::string::npos) << "with redact, nothing of a cell is shown";
}

TEST(import_redcap, the_dictionary_as_the_apis_json_gives_the_same_cases) {
  auto in = example();
  const auto csv = import_redcap(in);
  std::vector<import_issue> ignored;
  const auto t = parse_csv(in.dictionary.text, "", ignored);
  const auto at = [&](const csv_row& r, std::string_view c) {
    return boost::json::value(r.cells[static_cast<std::size_t>(t.column(c))].text);
  };
  boost::json::array fields;
  for (const auto& r : t.rows)
    fields.push_back(boost::json::object{
        {"field_name", at(r, "Variable / Field Name")}, {"form_name", at(r, "Form Name")},
        {"field_type", at(r, "Field Type")},
        {"select_choices_or_calculations", at(r, "Choices, Calculations, OR Slider Labels")},
        {"text_validation_type_or_show_slider_number", at(r, "Text Validation Type OR Show Slider Number")},
        {"identifier", at(r, "Identifier?")}});
  in.dictionary.text = boost::json::serialize(fields);
  const auto json = import_redcap(in);
  ASSERT_TRUE(json.ok()) << all(json.errors);
  ASSERT_EQ(json.cases.size(), csv.cases.size());
  EXPECT_EQ(json.cases, csv.cases);
  EXPECT_EQ(json.unused, csv.unused);
}

TEST(import_redcap, a_semicolon_separated_dictionary_is_said_to_be_one) {
  auto in = example();
  std::string text;
  for (const char ch : in.dictionary.text) text += ch == ',' ? ';' : ch;  // quoted commas too: good enough here
  in.dictionary.text = text;
  const auto r = import_redcap(in);
  ASSERT_EQ(r.errors.size(), 1u) << all(r.errors);
  EXPECT_NE(r.errors[0].message.find("`;`"), std::string::npos) << r.errors[0].message;
}

TEST(import_redcap, a_record_id_marked_identifier_needs_case_id_mapped) {
  auto in = example();
  replace(in.dictionary.text, "record_id,enrolment,,text,Record ID,,,,,,", "record_id,enrolment,,text,Record ID,,,,,,y");
  auto r = import_redcap(in);
  const auto* e = find(r.errors, import_error_kind::mapping, "record_id");
  ASSERT_NE(e, nullptr) << all(r.errors);
  EXPECT_EQ(e->path, "/case/fields");
  replace(in.mapping.text, "\"/adaptation\"", "\"/case_id\": {\"field\": \"record_id\", \"identifier\": true},\n      \"/adaptation\"");
  r = import_redcap(in);
  EXPECT_TRUE(r.ok()) << all(r.errors);
}

TEST(import_redcap, mapping_mistakes_say_where_and_suggest) {
  auto in = example();
  auto typo = in;
  replace(typo.mapping.text, "\"sess_date\"", "\"sess_dte\"");
  auto r = import_redcap(typo);
  ASSERT_EQ(r.errors.size(), 1u) << all(r.errors);
  EXPECT_NE(r.errors[0].message.find("did you mean sess_date?"), std::string::npos) << r.errors[0].message;
  EXPECT_NE(to_string(r.errors[0]).find("/lists/1/fields/~1date/field"), std::string::npos) << to_string(r.errors[0]);
  auto broken = in;
  replace(broken.mapping.text, "\"statuses\": [1, 2],", "\"statuses\": [1, 2],,");
  r = import_redcap(broken);
  ASSERT_EQ(r.errors.size(), 1u) << all(r.errors);
  EXPECT_NE(r.errors[0].message.find("line 6, column"), std::string::npos) << r.errors[0].message;
}
