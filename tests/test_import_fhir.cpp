// Assessments from FHIR R4 QuestionnaireResponses: LHC-Forms and SDC styles, Bundles, NDJSON,
// attaching to cases; every problem is an issue at its input, line, resource and FHIRPath.
#include "test_support.hpp"
#include "trial_case.hpp"

#include <iptkit/export/fhir.hpp>
#include <iptkit/import/fhir.hpp>
#include <iptkit/json/check.hpp>
#include <iptkit/json/read.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace {

using namespace iptkit;

const std::vector<std::string> phq9_codes = {"44250-9", "44255-8", "44259-0", "44254-1", "44251-7",
                                             "44258-2", "44252-5", "44253-3", "44260-8"};
const std::vector<std::string> gad7_codes = {"69725-0", "68509-2", "69733-4", "69734-2",
                                             "69735-9", "69689-8", "69736-7"};
const char* const answer_codes[] = {"LA6568-5", "LA6569-3", "LA6570-1", "LA6571-9"};

std::string integer_answer(int s) { return R"({"valueInteger":)" + std::to_string(s) + "}"; }

// LHC-Forms: linkIds `/<code>`, LOINC answer codes without a system.
std::string lhc_item(const std::string& code, int s) {
  return R"({"linkId":"/)" + code + R"(","text":"Little interest or pleasure","answer":[{"valueCoding":{"code":")" +
         answer_codes[s] + R"(","display":"Several days"}}]})";
}

// SDC: the answer's score in an ordinalValue extension on the Coding.
std::string sdc_item(const std::string& code, int s, const char* url = "http://hl7.org/fhir/StructureDefinition/ordinalValue") {
  return R"({"linkId":")" + code + R"(","answer":[{"valueCoding":{"extension":[{"url":")" + url +
         R"(","valueDecimal":)" + std::to_string(s) + R"(}],"system":"http://loinc.org","code":")" + answer_codes[s] +
         R"("}}]})";
}

std::string int_item(const std::string& code, int s) {
  return R"({"linkId":")" + code + R"(","answer":[)" + integer_answer(s) + "]}";
}

template <class Item>
std::string item_list(const std::vector<std::string>& codes, const std::vector<int>& scores, Item item) {
  std::string out;
  for (std::size_t k = 0; k < scores.size(); ++k) out += (k ? "," : "") + item(codes[k], scores[k]);
  return out;
}

std::string response(const std::string& item_json, const std::string& extra = R"("questionnaire":"http://loinc.org/q/44249-1",)",
                     const std::string& subject = R"({"reference":"Patient/P-1"})",
                     const std::string& authored = "2026-02-03", const std::string& status = "completed") {
  return R"({"resourceType":"QuestionnaireResponse","id":"qr-1",)" + extra + R"("status":")" + status +
         R"(","subject":)" + subject + R"(,"authored":")" + authored + R"(","item":[)" + item_json + "]}";
}

const std::vector<int> scores9 = {1, 2, 0, 3, 1, 1, 2, 0, 1};  // sum 11
const std::vector<int> scores7 = {1, 2, 1, 1, 0, 3, 1};        // sum 9

fhir_import_result run(const std::string& text, const std::string& name = "responses.json",
                       const fhir_import_options& options = {}, const catalog& cat = catalog::builtin()) {
  return import_questionnaire_responses({{name, text}}, options, cat);
}

const import_issue* find(const std::vector<import_issue>& list, import_error_kind kind) {
  const auto it = std::find_if(list.begin(), list.end(), [&](const import_issue& e) { return e.kind == kind; });
  return it == list.end() ? nullptr : &*it;
}

std::string first_error(const fhir_import_result& r) { return r.errors.empty() ? "" : to_string(r.errors.front()); }

TEST(import_fhir, builtin_instruments_carry_their_item_codes) {
  const auto& reg = instrument_registry::builtin();
  EXPECT_EQ(reg.find("phq9")->item_loinc, phq9_codes);
  EXPECT_EQ(reg.find("phq9")->loinc_panel, "44249-1");
  EXPECT_EQ(reg.find("gad7")->item_loinc, gad7_codes);
  EXPECT_EQ(reg.find("gad7")->loinc_panel, "69737-5");
  EXPECT_TRUE(reg.find("hamd17")->item_loinc.empty());
  // Optional in a file of instruments; when given, one distinct code per item.
  auto loaded = read_instruments(R"([{"id": "two", "name": "Two", "items": 2, "item_max": 3, "total_max": 6,
    "bands": [{"label": "all", "min": 0, "max": 6}], "item_loinc": ["1-1", "2-2"]}])");
  ASSERT_TRUE(loaded) << to_string(loaded.errors()[0]);
  EXPECT_EQ(loaded->at(0).item_loinc, (std::vector<std::string>{"1-1", "2-2"}));
  auto bad = loaded->at(0);
  bad.item_loinc = {"1-1"};
  ASSERT_FALSE(entry_errors(bad).empty());
  EXPECT_EQ(entry_errors(bad)[0].path, "/item_loinc");
  bad.item_loinc = {"1-1", "1-1"};
  ASSERT_FALSE(entry_errors(bad).empty());
  EXPECT_EQ(entry_errors(bad)[0].path, "/item_loinc/1");
}

TEST(import_fhir, lhc_forms_style) {
  // LHC-Forms: no questionnaire canonical, linkIds with a leading `/`, codes without a system,
  // item 10 (difficulty) answered, and the total as a valueDecimal.
  const auto text = response(item_list(phq9_codes, scores9, lhc_item) +
                                 R"(,{"linkId":"/69722-7","answer":[{"valueCoding":{"code":"LA6572-7"}}]})"
                                 R"(,{"linkId":"/44261-6","answer":[{"valueDecimal":11}]})",
                             "");
  const auto r = run(text);
  ASSERT_TRUE(r.ok()) << first_error(r);
  ASSERT_EQ(r.assessments.size(), 1u);
  const auto& a = r.assessments[0];
  EXPECT_EQ(a.case_id, "P-1");
  EXPECT_EQ(a.value.instrument, "phq9");
  EXPECT_EQ(a.value.items, scores9);
  EXPECT_EQ(a.value.total, 11);
  EXPECT_EQ(format_date(a.value.date), "2026-02-03");
  EXPECT_EQ(a.source, "responses.json");
  EXPECT_EQ(a.row, 1u);
  EXPECT_FALSE(a.line);
  EXPECT_EQ(a.resource_id, "qr-1");
  EXPECT_TRUE(a.path.empty());
  EXPECT_EQ(r.resources_read, 1u);
  // Item 10 is asked but not scored: listed as unused, never an error.
  ASSERT_EQ(r.unused.size(), 1u);
  EXPECT_EQ(r.unused[0].kind, import_error_kind::not_mapped);
  EXPECT_EQ(r.unused[0].field, "QuestionnaireResponse.item[9]");
  EXPECT_EQ(r.unused[0].case_id, "P-1");
  EXPECT_EQ(r.unused[0].row, 1u);
}

TEST(import_fhir, sdc_style_with_ordinal_extensions_and_groups) {
  // SDC: the questionnaire canonical (with a version), items inside a group, scores in
  // ordinalValue (and, for one item, itemWeight) extensions, a dateTime with a zone.
  const std::vector<int> first8(scores9.begin(), scores9.end() - 1);
  const auto group = item_list(phq9_codes, first8, [](const std::string& c, int s) { return sdc_item(c, s); }) + "," +
                     sdc_item("44260-8", scores9.back(), "http://hl7.org/fhir/StructureDefinition/itemWeight");
  const auto text = response(R"({"linkId":"44249-1","item":[)" + group + "]}",
                             R"("questionnaire":"http://loinc.org/q/44249-1|2.68",)",
                             R"({"identifier":{"system":"urn:trial","value":"T-007"}})", "2026-02-03T23:30:00-05:00");
  const auto r = run(text);
  ASSERT_TRUE(r.ok()) << first_error(r);
  ASSERT_EQ(r.assessments.size(), 1u);
  EXPECT_EQ(r.assessments[0].case_id, "T-007");
  EXPECT_EQ(r.assessments[0].value.items, scores9);
  EXPECT_FALSE(r.assessments[0].value.total);
  // The date as written, in the respondent's zone (in UTC it would be the 4th).
  EXPECT_EQ(format_date(r.assessments[0].value.date), "2026-02-03");
  EXPECT_TRUE(r.unused.empty());
}

TEST(import_fhir, value_integer_answers) {
  const auto r = run(response(item_list(phq9_codes, scores9, int_item), R"("questionnaire":"Questionnaire/44249-1",)"));
  ASSERT_TRUE(r.ok()) << first_error(r);
  ASSERT_EQ(r.assessments.size(), 1u);
  EXPECT_EQ(r.assessments[0].value.items, scores9);
  EXPECT_EQ(r.assessments[0].value.instrument, "phq9");
}

TEST(import_fhir, a_wrong_stated_total_is_an_error) {
  const auto text = response(item_list(phq9_codes, scores9, int_item) +
                             R"(,{"linkId":"44261-6","answer":[{"valueInteger":15}]})");
  const auto r = run(text);
  EXPECT_TRUE(r.assessments.empty());
  ASSERT_EQ(r.errors.size(), 1u);
  const auto& e = r.errors[0];
  EXPECT_EQ(e.kind, import_error_kind::inconsistent);
  EXPECT_EQ(e.field, "QuestionnaireResponse.item[9].answer[0].valueInteger");
  EXPECT_EQ(e.source, "responses.json");
  EXPECT_EQ(e.row, 1u);
  EXPECT_EQ(e.case_id, "P-1");
  EXPECT_NE(e.message.find("15"), std::string::npos);
  EXPECT_NE(e.message.find("11"), std::string::npos);
  // A matching total is kept; a total alone is the assessment's total.
  const auto right = run(response(item_list(phq9_codes, scores9, int_item) +
                                  R"(,{"linkId":"44261-6","answer":[{"valueQuantity":{"value":11}}]})"));
  ASSERT_TRUE(right.ok()) << first_error(right);
  EXPECT_EQ(right.assessments[0].value.total, 11);
  const auto alone = run(response(R"({"linkId":"44261-6","answer":[{"valueInteger":17}]})"));
  ASSERT_TRUE(alone.ok()) << first_error(alone);
  EXPECT_TRUE(alone.assessments[0].value.items.empty());
  EXPECT_EQ(alone.assessments[0].value.total, 17);
  // A total with items missing cannot be checked against them: never trusted silently.
  const auto partial = run(response(item_list(phq9_codes, {1, 1, 1}, int_item) +
                                    R"(,{"linkId":"44261-6","answer":[{"valueInteger":3}]})"));
  ASSERT_EQ(partial.errors.size(), 1u);
  EXPECT_EQ(partial.errors[0].kind, import_error_kind::inconsistent);
  // A total past the instrument's range.
  const auto high = run(response(R"({"linkId":"44261-6","answer":[{"valueInteger":28}]})"));
  ASSERT_EQ(high.errors.size(), 1u);
  EXPECT_EQ(high.errors[0].read_kind, error_kind::out_of_range);
}

TEST(import_fhir, bundle_with_two_subjects) {
  const auto qr = [](const std::string& subject, const std::vector<int>& s) {
    return response(item_list(phq9_codes, s, int_item), R"("questionnaire":"http://loinc.org/q/44249-1",)", subject);
  };
  const std::string bundle = R"({"resourceType":"Bundle","type":"collection","entry":[
    {"fullUrl":"urn:uuid:9f1c3a9e-0000-4000-8000-000000000001","resource":{"resourceType":"Patient","id":"A-1"}},
    {"fullUrl":"urn:uuid:9f1c3a9e-0000-4000-8000-000000000002","resource":)" +
                             qr(R"({"reference":"urn:uuid:9f1c3a9e-0000-4000-8000-000000000001"})", scores9) + R"(},
    {"resource":)" + qr(R"({"reference":"https://fhir.example.org/r4/Patient/B-2/_history/3"})", {0, 0, 0, 0, 0, 0, 0, 0, 0}) +
                             "}]}";
  const auto r = run(bundle, "bundle.json");
  ASSERT_TRUE(r.ok()) << first_error(r);
  ASSERT_EQ(r.assessments.size(), 2u);
  EXPECT_EQ(r.assessments[0].case_id, "A-1");
  EXPECT_EQ(r.assessments[0].row, 2u);
  EXPECT_EQ(r.assessments[0].value.items, scores9);
  EXPECT_EQ(r.assessments[1].case_id, "B-2");
  EXPECT_EQ(r.assessments[1].row, 3u);
  EXPECT_EQ(r.resources_read, 3u);
  // The Patient is read for the reference, not imported.
  ASSERT_EQ(r.unused.size(), 1u);
  EXPECT_EQ(r.unused[0].kind, import_error_kind::not_mapped);
  EXPECT_EQ(r.unused[0].field, "Bundle.entry[0].resource");
  EXPECT_EQ(r.unused[0].row, 1u);
  // Errors in a Bundle name the entry.
  auto broken = bundle;
  broken.replace(broken.find(R"("valueInteger":2)"), 16, R"("valueInteger":7)");
  const auto b = run(broken, "bundle.json");
  ASSERT_EQ(b.errors.size(), 1u);
  EXPECT_EQ(b.errors[0].field, "Bundle.entry[1].resource.item[1].answer[0].valueInteger");
  EXPECT_EQ(b.errors[0].read_kind, error_kind::out_of_range);
  EXPECT_EQ(b.errors[0].case_id, "A-1");
  EXPECT_EQ(b.assessments.size(), 1u);
}

TEST(import_fhir, ndjson_with_a_broken_line) {
  const auto one = [](const std::string& id) {
    return response(item_list(gad7_codes, scores7, int_item), "", R"({"reference":"Patient/)" + id + R"("})");
  };
  const std::string text = one("N-1") + "\n" + R"({"resourceType":"QuestionnaireResponse","status":)" + "\n\n" +
                           one("N-3") + "\r\n";
  const auto r = run(text, "export.ndjson");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].kind, import_error_kind::syntax);
  EXPECT_EQ(r.errors[0].line, 2u);
  EXPECT_EQ(r.errors[0].row, 2u);
  EXPECT_EQ(r.errors[0].source, "export.ndjson");
  ASSERT_EQ(r.assessments.size(), 2u);
  EXPECT_EQ(r.assessments[0].case_id, "N-1");
  EXPECT_EQ(r.assessments[0].line, 1u);
  EXPECT_EQ(r.assessments[1].case_id, "N-3");
  EXPECT_EQ(r.assessments[1].line, 4u);  // the blank line 3 is skipped
  EXPECT_EQ(r.assessments[1].row, 3u);
  EXPECT_EQ(r.resources_read, 3u);
  // Without the extension, lines are told from a document by content, as the cohort reader does.
  EXPECT_EQ(run(one("N-1") + "\n" + one("N-2") + "\n", "export").assessments.size(), 2u);
}

TEST(import_fhir, gad7_by_its_item_codes) {
  const auto r = run(response(item_list(gad7_codes, scores7, lhc_item) +
                              R"(,{"linkId":"/70274-6","answer":[{"valueInteger":9}]})", ""));
  ASSERT_TRUE(r.ok()) << first_error(r);
  ASSERT_EQ(r.assessments.size(), 1u);
  EXPECT_EQ(r.assessments[0].value.instrument, "gad7");
  EXPECT_EQ(r.assessments[0].value.items, scores7);
  EXPECT_EQ(r.assessments[0].value.total, 9);
  // And by its panel code.
  const auto by_panel = run(response(item_list(gad7_codes, scores7, int_item), R"("questionnaire":"Questionnaire/69737-5",)"));
  ASSERT_TRUE(by_panel.ok()) << first_error(by_panel);
  EXPECT_EQ(by_panel.assessments[0].value.instrument, "gad7");
}

TEST(import_fhir, attach_to_cases) {
  auto c = read_case(test::read_file(test::source_dir() / "examples/data/in-progress-job-loss.json")).value();
  const auto before = c.assessments.size();
  const auto mine = response(item_list(phq9_codes, scores9, int_item), "",
                             R"({"reference":"Patient/EX-INPROGRESS-JOBLOSS"})", "2026-04-06");
  const auto stranger = response(item_list(phq9_codes, scores9, int_item), "", R"({"reference":"Patient/NOBODY"})");
  fhir_import_options options;
  options.attach = fhir_attach::to_cases;
  options.cases = {c};
  const auto r = import_questionnaire_responses({{"in.ndjson", mine + "\n" + stranger + "\n"}}, options);
  ASSERT_EQ(r.cases.size(), 1u);
  ASSERT_EQ(r.cases[0].assessments.size(), before + 1);
  const auto& added = r.cases[0].assessments.back();
  EXPECT_EQ(added.instrument, "phq9");
  EXPECT_EQ(added.items, scores9);
  EXPECT_EQ(format_date(added.date), "2026-04-06");
  EXPECT_TRUE(check(r.cases[0]).empty());
  ASSERT_EQ(r.assessments.size(), 1u);
  EXPECT_EQ(r.assessments[0].path, "/assessments/" + std::to_string(before));
  // The stranger's subject names no case.
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].kind, import_error_kind::unmatched_row);
  EXPECT_EQ(r.errors[0].case_id, "NOBODY");
  EXPECT_EQ(r.errors[0].line, 2u);
  EXPECT_EQ(r.errors[0].field, "QuestionnaireResponse.subject");
  EXPECT_NE(r.errors[0].message.find("NOBODY"), std::string::npos);
  // Imported again: the case has it already, and nothing is added twice.
  options.cases = r.cases;
  const auto again = import_questionnaire_responses({{"in.ndjson", mine}}, options);
  ASSERT_TRUE(again.ok()) << first_error(again);
  EXPECT_EQ(again.cases, r.cases);
  EXPECT_TRUE(again.assessments.empty());
  ASSERT_NE(find(again.unused, import_error_kind::duplicate_row), nullptr);
  // The case's own copy carries a session number (a response never does): still the same form.
  options.cases = r.cases;
  options.cases[0].assessments.back().session = 3;
  const auto with_session = import_questionnaire_responses({{"in.ndjson", mine}}, options);
  EXPECT_TRUE(with_session.assessments.empty());
  ASSERT_NE(find(with_session.unused, import_error_kind::duplicate_row), nullptr);
  // A given case that does not read is reported and left out.
  auto bad = c;
  bad.case_id = "EX-2";
  bad.contract.planned_sessions = 0;
  options.cases = {c, bad};
  const auto mixed = import_questionnaire_responses({{"in.ndjson", mine}}, options);
  EXPECT_EQ(mixed.cases.size(), 1u);
  const auto* invalid = find(mixed.errors, import_error_kind::invalid);
  ASSERT_NE(invalid, nullptr);
  EXPECT_EQ(invalid->case_id, "EX-2");
  EXPECT_EQ(invalid->path, "/contract/planned_sessions");
}

TEST(import_fhir, assessments_only_needs_no_cases) {
  const auto r = run(response(item_list(phq9_codes, scores9, int_item)) + "\n" +
                         response(item_list(gad7_codes, scores7, int_item), "", R"({"reference":"Patient/P-2"})") + "\n",
                     "two.ndjson");
  ASSERT_TRUE(r.ok()) << first_error(r);
  EXPECT_TRUE(r.cases.empty());
  ASSERT_EQ(r.assessments.size(), 2u);
  EXPECT_EQ(r.assessments[0].case_id, "P-1");
  EXPECT_EQ(r.assessments[0].value.instrument, "phq9");
  EXPECT_EQ(r.assessments[1].case_id, "P-2");
  EXPECT_EQ(r.assessments[1].value.instrument, "gad7");
  EXPECT_EQ(r.assessments[1].line, 2u);
}

TEST(import_fhir, unknown_answer_codes) {
  auto text = response(item_list(phq9_codes, scores9, lhc_item), "");
  text.replace(text.find("LA6568-5"), 8, "LA9999-9");  // item 3's answer
  auto r = run(text);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].kind, import_error_kind::unknown_code);
  EXPECT_EQ(r.errors[0].field, "QuestionnaireResponse.item[2].answer[0].valueCoding");
  EXPECT_NE(r.errors[0].message.find("LA9999-9"), std::string::npos);
  EXPECT_TRUE(r.assessments.empty());
  // A LOINC answer code under another system is not that answer.
  auto snomed = response(item_list(phq9_codes, scores9, lhc_item), "");
  snomed.replace(snomed.find(R"({"code":"LA6568-5")"), 18, R"({"system":"http://snomed.info/sct","code":"LA6568-5")");
  EXPECT_EQ(run(snomed).errors.at(0).kind, import_error_kind::unknown_code);
  // Free text in a code is never quoted, and with redact no value at all is.
  auto prose = response(item_list(phq9_codes, scores9, lhc_item), "");
  prose.replace(prose.find("LA6568-5"), 8, "my sister said I seem sad");
  const auto p = run(prose);
  ASSERT_EQ(p.errors.size(), 1u);
  EXPECT_EQ(p.errors[0].message.find("sister"), std::string::npos);
  fhir_import_options redacted;
  redacted.read.redact = true;
  EXPECT_EQ(run(text, "r.json", redacted).errors.at(0).message.find("LA9999-9"), std::string::npos);
  // An ordinal extension and a code that disagree.
  auto clash = response(item_list(phq9_codes, scores9, [](const std::string& c, int s) { return sdc_item(c, s); }));
  clash.replace(clash.find(R"("valueDecimal":0)"), 16, R"("valueDecimal":2)");
  EXPECT_EQ(run(clash).errors.at(0).kind, import_error_kind::inconsistent);
}

TEST(import_fhir, responses_not_completed_are_unused) {
  for (const char* status : {"in-progress", "stopped", "entered-in-error"}) {
    const auto r = run(response(item_list(phq9_codes, scores9, int_item), "", R"({"reference":"Patient/P-9"})",
                                "2026-02-03", status));
    EXPECT_TRUE(r.ok()) << status;
    EXPECT_TRUE(r.assessments.empty());
    ASSERT_EQ(r.unused.size(), 1u);
    EXPECT_EQ(r.unused[0].kind, import_error_kind::incomplete);
    EXPECT_EQ(r.unused[0].field, "QuestionnaireResponse.status");
    EXPECT_EQ(r.unused[0].case_id, "P-9");
    EXPECT_NE(r.unused[0].message.find(status), std::string::npos);
  }
  EXPECT_TRUE(run(response(item_list(phq9_codes, scores9, int_item), "", R"({"reference":"Patient/P-9"})",
                           "2026-02-03", "amended")).ok());
}

TEST(import_fhir, dates_subjects_and_items) {
  const auto items = item_list(phq9_codes, scores9, int_item);
  for (const char* bad : {"2026-02", "2026-02-30", "2026-02-03T10:00", "2026-02-03T10:00:00", "03/02/2026"}) {
    const auto r = run(response(items, "", R"({"reference":"Patient/P-1"})", bad));
    ASSERT_EQ(r.errors.size(), 1u) << bad;
    EXPECT_EQ(r.errors[0].read_kind, error_kind::bad_date) << bad;
    EXPECT_EQ(r.errors[0].field, "QuestionnaireResponse.authored");
  }
  EXPECT_TRUE(run(response(items, "", R"({"reference":"Patient/P-1"})", "2026-02-03T10:00:00.123Z")).ok());
  auto missing = response(items);
  missing.erase(missing.find(R"(,"authored")"), 24);
  EXPECT_EQ(run(missing).errors.at(0).read_kind, error_kind::missing_field);
  // Subjects: not a Patient, an identifier no case_id can be, none.
  EXPECT_EQ(run(response(items, "", R"({"reference":"Group/G1"})")).errors.at(0).field, "QuestionnaireResponse.subject.reference");
  const auto spaced = run(response(items, "", R"({"identifier":{"value":"Jane Doe 1970"}})"));
  ASSERT_EQ(spaced.errors.size(), 1u);
  EXPECT_EQ(spaced.errors[0].read_kind, error_kind::bad_format);
  EXPECT_EQ(spaced.errors[0].message.find("Jane"), std::string::npos);
  EXPECT_EQ(run(response(items, "", "{}")).errors.at(0).field, "QuestionnaireResponse.subject");
  // Items 1-3 alone: kept, unscored (validate reports the short list); a gap is an error.
  const auto three = run(response(item_list(phq9_codes, {1, 2, 3}, int_item)));
  ASSERT_TRUE(three.ok()) << first_error(three);
  EXPECT_EQ(three.assessments[0].value.items, (std::vector<int>{1, 2, 3}));
  auto gap = item_list(phq9_codes, {1, 2, 3}, int_item);
  gap.erase(gap.find(R"({"linkId":"44255-8")"), int_item("44255-8", 2).size() + 1);
  const auto g = run(response(gap));
  ASSERT_EQ(g.errors.size(), 1u);
  EXPECT_EQ(g.errors[0].read_kind, error_kind::missing_field);
  EXPECT_NE(g.errors[0].message.find("44255-8"), std::string::npos);
  // Two answers to one item; an item answered twice.
  auto two = response(items);
  two.replace(two.find(R"([{"valueInteger":1}])"), 20, R"([{"valueInteger":1},{"valueInteger":2}])");
  EXPECT_EQ(run(two).errors.at(0).field, "QuestionnaireResponse.item[0].answer");
  auto both_values = response(items);
  both_values.replace(both_values.find(R"([{"valueInteger":1}])"), 20, R"([{"valueInteger":1,"valueCoding":{"code":"LA6569-3"}}])");
  EXPECT_EQ(run(both_values).errors.at(0).read_kind, error_kind::wrong_type);
  const auto twice = run(response(items + "," + int_item("44250-9", 1)));
  EXPECT_EQ(twice.errors.at(0).read_kind, error_kind::duplicate_id);
  // No recognisable item.
  const auto none = run(response(R"({"linkId":"q1","answer":[{"valueString":"fine"}]})", ""));
  ASSERT_EQ(none.errors.size(), 1u);
  EXPECT_EQ(none.errors[0].kind, import_error_kind::unknown_code);
  // Items of two instruments without a questionnaire.
  const auto both = run(response(int_item("44250-9", 1) + "," + int_item("69725-0", 1), ""));
  EXPECT_EQ(both.errors.at(0).kind, import_error_kind::mapping);
}

TEST(import_fhir, a_registered_instrument_with_codes_imports) {
  catalog cat;
  instrument mood;
  mood.id = "mood3";
  mood.name = "Mood-3";
  mood.items = 3;
  mood.item_max = 4;
  mood.total_max = 12;
  mood.bands = {{"all", 0, 12}};
  mood.loinc_panel = "99990-1";
  mood.item_loinc = {"99991-9", "99992-7", "99993-5"};
  cat.instruments.add(mood);
  const std::vector<std::string> codes = mood.item_loinc;
  const auto r = run(response(item_list(codes, {4, 0, 2}, int_item), R"("questionnaire":"Questionnaire/99990-1",)"),
                     "m.json", {}, cat);
  ASSERT_TRUE(r.ok()) << first_error(r);
  EXPECT_EQ(r.assessments.at(0).value.instrument, "mood3");
  EXPECT_EQ(r.assessments.at(0).value.items, (std::vector<int>{4, 0, 2}));
  // The built-in catalog does not know it.
  EXPECT_EQ(run(response(item_list(codes, {4, 0, 2}, int_item), "")).errors.at(0).kind, import_error_kind::unknown_code);
}

TEST(import_fhir, malformed_inputs_never_crash) {
  const auto only_error = [](const fhir_import_result& r, import_error_kind kind) {
    ASSERT_EQ(r.errors.size(), 1u);
    EXPECT_EQ(r.errors[0].kind, kind);
    EXPECT_TRUE(r.assessments.empty());
  };
  only_error(run("this is not JSON"), import_error_kind::syntax);
  only_error(run(""), import_error_kind::syntax);
  only_error(run("{\"resourceType\": \"QuestionnaireResponse\",\n \"status\": }"), import_error_kind::syntax);
  EXPECT_EQ(run("{\"resourceType\": \"QuestionnaireResponse\",\n \"status\": }").errors[0].line, 2u);
  only_error(run(R"({"resourceType":"Patient","id":"P-1"})"), import_error_kind::mapping);
  only_error(run(R"({"id":"no type"})"), import_error_kind::mapping);
  only_error(run("[1, 2, 3]"), import_error_kind::mapping);
  only_error(run("42"), import_error_kind::mapping);
  only_error(run(R"({"resourceType":"Bundle","entry":{}})"), import_error_kind::invalid);
  // Nesting past the limit: one error, no recursion into it.
  const auto deep = run(std::string(100'000, '[') + std::string(100'000, ']'));
  ASSERT_EQ(deep.errors.size(), 1u);
  EXPECT_EQ(deep.errors[0].read_kind, error_kind::limit_exceeded);
  // Items nested within the limit are walked.
  std::string nested = int_item("44250-9", 2);
  for (int k = 0; k < 20; ++k) nested = R"({"linkId":"g)" + std::to_string(k) + R"(","item":[)" + nested + "]}";
  const auto n = run(response(nested));
  ASSERT_TRUE(n.ok()) << first_error(n);
  EXPECT_EQ(n.assessments.at(0).value.items, std::vector<int>{2});
  // Wrong types everywhere.
  for (const char* doc : {R"({"resourceType":"QuestionnaireResponse","status":"completed","item":7})",
                          R"({"resourceType":"QuestionnaireResponse","status":3,"subject":[],"item":[1,{"answer":5}]})",
                          R"({"resourceType":"QuestionnaireResponse","status":"completed","subject":{"reference":7},)"
                          R"("authored":"2026-01-01","item":[{"linkId":"44250-9","answer":[{"valueCoding":"LA6568-5"}]}]})",
                          R"({"resourceType":"Bundle","entry":[1,{"resource":[]},{"resource":{"resourceType":"QuestionnaireResponse"}}]})",
                          "{\"a\":1,\"a\":2}", "\xEF\xBB\xBF{\"resourceType\":\"QuestionnaireResponse\"}", "\xff\xfe{"}) {
    const auto r = run(doc);
    EXPECT_FALSE(r.ok()) << doc;
    EXPECT_TRUE(r.assessments.empty()) << doc;
    for (const auto& e : r.errors) EXPECT_FALSE(to_string(e).empty());
  }
  // A document past the size limit.
  fhir_import_options small;
  small.read.max_document_bytes = 100;
  const auto big = run(response(item_list(phq9_codes, scores9, int_item)), "big.json", small);
  ASSERT_EQ(big.errors.size(), 1u);
  EXPECT_EQ(big.errors[0].read_kind, error_kind::limit_exceeded);
  // No inputs at all.
  EXPECT_TRUE(import_questionnaire_responses({}, {}).ok());
}

TEST(import_fhir, own_fhir_export_has_no_questionnaire_responses) {
  // iptkit's FHIR export writes assessment totals as Observations, not QuestionnaireResponses:
  // importing it reads every entry, imports nothing and reports no error. The trial record's
  // resources (ResearchSubject, AdverseEvent, ...) do not come back either.
  const auto example = test::source_dir() / "examples/data/in-progress-job-loss.json";
  for (const auto& c : {read_case(test::read_file(example)).value(), test::trial_case()}) {
    SCOPED_TRACE(c.case_id);
    const auto bundle = fhir_bundle(c);
    const auto r = run(bundle, "export.json");
    EXPECT_TRUE(r.ok()) << first_error(r);
    EXPECT_TRUE(r.assessments.empty());
    EXPECT_GT(r.resources_read, c.assessments.size());
    EXPECT_EQ(r.unused.size(), r.resources_read);
    for (const auto& u : r.unused) EXPECT_EQ(u.kind, import_error_kind::not_mapped);
  }
}

}  // namespace
