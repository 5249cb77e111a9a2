// Reading case documents: every error kind with its exact path, all errors collected, lax mode.
#include <iptkit/json/read.hpp>
#include <iptkit/json/detail/pretty.hpp>
#include <iptkit/measures/scoring.hpp>

#include <gtest/gtest.h>
#include <boost/json.hpp>
#include <algorithm>

#include "test_support.hpp"

namespace {

namespace bj = boost::json;
using iptkit::error_kind;

// The spec's example case (canonical form), as a DOM to mutate.
bj::object base() {
  return bj::parse(iptkit::test::read_file(iptkit::test::source_dir() / "tests/data/base-case.json"))
      .as_object();
}

std::vector<std::pair<std::string, error_kind>> errors_of(std::string_view json,
                                                          const iptkit::read_options& o = {}) {
  std::vector<std::pair<std::string, error_kind>> out;
  for (const auto& e : iptkit::read_case(json, o).errors()) out.emplace_back(e.path, e.kind);
  return out;
}
std::vector<std::pair<std::string, error_kind>> errors_of(const bj::object& doc) {
  return errors_of(bj::serialize(doc));
}
using errs = std::vector<std::pair<std::string, error_kind>>;

// The object at a JSON Pointer (Boost.JSON 1.81 has at_pointer on value only).
bj::object& at(bj::object& doc, std::string_view pointer) {
  bj::value* v = nullptr;
  bj::object* o = &doc;
  while (!pointer.empty()) {
    pointer.remove_prefix(1);
    const auto token = pointer.substr(0, pointer.find('/'));
    pointer.remove_prefix(token.size());
    v = o ? &o->at(token) : &v->as_array().at(std::stoul(std::string(token)));
    o = v->is_object() ? &v->as_object() : nullptr;
  }
  return *o;
}

TEST(read, base_case_reads) {
  auto r = iptkit::read_case(bj::serialize(base()));
  ASSERT_TRUE(r) << r.errors().size();
  EXPECT_EQ(r->case_id, "RD-017");
  EXPECT_EQ(r->contract.start_date, (iptkit::date{std::chrono::year{2026}, std::chrono::January, std::chrono::day{5}}));
  ASSERT_EQ(r->formulation->focus.size(), 1u);
  EXPECT_EQ(iptkit::area_of(r->formulation->focus[0]), iptkit::problem_area::role_dispute);
  EXPECT_EQ(r->assessments[0].items.size(), 9u);
}

TEST(read, syntax_error_reports_where) {
  auto r = iptkit::read_case(R"({"schema": "iptkit.case/1", "case_id": )");
  ASSERT_EQ(r.errors().size(), 1u);
  EXPECT_EQ(r.errors()[0].kind, error_kind::syntax);
  EXPECT_EQ(r.errors()[0].path, "/case_id");
  // Where parsing stopped (the end of the text) is in fields; the message does not repeat it.
  EXPECT_EQ(r.errors()[0].line, 1u);
  EXPECT_EQ(r.errors()[0].column, 40u);
  EXPECT_EQ(r.errors()[0].message.find("line"), std::string::npos) << r.errors()[0].message;
}

TEST(read, a_pretty_printed_document_gives_line_and_column) {
  // Syntax error: the byte where parsing stopped.
  auto r = iptkit::read_case("{\n  \"schema\": \"iptkit.case/1\",\n  \"case_id\" \"A\"\n}\n");
  ASSERT_EQ(r.errors().size(), 1u);
  EXPECT_EQ(r.errors()[0].line, 3u);
  EXPECT_EQ(r.errors()[0].column, 13u);
  EXPECT_EQ(iptkit::to_string(r.errors()[0]).substr(0, 19), "line 3, column 13: ");
  // Structural errors: the value at the path, or the object that lacks a missing field; a
  // byte order mark is not counted.
  auto doc = base();
  doc["age_at_intake"] = "forty";
  at(doc, "/contract").erase("start_date");
  const std::string pretty = "\xEF\xBB\xBF" + iptkit::json::detail::pretty_print(doc);
  r = iptkit::read_case(pretty);
  ASSERT_EQ(r.errors().size(), 2u);
  const auto place_of = [&](std::string_view needle, std::size_t after) {
    const auto offset = pretty.find(needle) + after - 3;
    const auto before = pretty.substr(3, offset);
    const auto newline = before.rfind('\n');
    return std::pair<std::size_t, std::size_t>(std::count(before.begin(), before.end(), '\n') + 1,
                                               offset - (newline == std::string::npos ? 0 : newline + 1) + 1);
  };
  for (const auto& e : r.errors()) {
    ASSERT_TRUE(e.line && e.column) << e.path;
    const auto want = e.path == "/age_at_intake" ? place_of("\"forty\"", 0) : place_of("\"contract\": ", 12);
    EXPECT_EQ(std::pair(*e.line, *e.column), want) << e.path;
  }
}

TEST(read, a_repeated_key_is_located_at_the_value_read) {
  auto r = iptkit::read_case(R"({"case_id": 1,
"case_id": 2})");
  ASSERT_FALSE(r);
  for (const auto& e : r.errors())
    if (e.path == "/case_id") {
      EXPECT_EQ(e.line, 2u) << iptkit::to_string(e);
      EXPECT_EQ(e.column, 12u);
    }
}

TEST(read, locating_survives_any_text) {
  // locate() runs on texts that are not JSON too (a duplicate key before a syntax error).
  for (std::string_view text : {R"({"a":1,"a":)", R"({"a":[1,{"b":"\")", "{\"a\":1,\"a\":2,", "[[[", "\"", "{\"\\u00"}) {
    std::vector<iptkit::read_error> errors{{"/a/0/b", error_kind::wrong_type, "", std::nullopt, std::nullopt},
                                           {"/a", error_kind::duplicate_key, "", std::nullopt, std::nullopt}};
    iptkit::json::detail::locate(text, errors);
    for (const auto& e : errors)
      if (e.column) {
        EXPECT_LE(*e.column, text.size() + 1) << text;
      }
  }
}

TEST(read, empty_document_is_a_syntax_error) {
  EXPECT_EQ(errors_of("  \n"), (errs{{"", error_kind::syntax}}));
  EXPECT_EQ(errors_of(""), (errs{{"", error_kind::syntax}}));
}

TEST(read, trailing_garbage_is_a_syntax_error) {
  auto doc = bj::serialize(base()) + " x";
  EXPECT_EQ(errors_of(doc), (errs{{"", error_kind::syntax}}));
}

TEST(read, missing_field_points_where_it_belongs) {
  auto doc = base();
  at(doc, "/contract").erase("start_date");
  auto r = iptkit::read_case(bj::serialize(doc));
  ASSERT_EQ(r.errors().size(), 1u);
  EXPECT_EQ(r.errors()[0].path, "/contract/start_date");
  EXPECT_EQ(r.errors()[0].kind, error_kind::missing_field);
  EXPECT_EQ(r.errors()[0].message, "expected field \"start_date\" (a date YYYY-MM-DD); found it missing");
}

TEST(read, unknown_field_is_an_error_when_strict_and_a_warning_when_lax) {
  auto doc = base();
  at(doc, "/contract")["colour"] = "blue";
  EXPECT_EQ(errors_of(doc), (errs{{"/contract/colour", error_kind::unknown_field}}));
  iptkit::read_options lax;
  lax.lax = true;
  auto r = iptkit::read_case(bj::serialize(doc), lax);
  ASSERT_TRUE(r);
  ASSERT_EQ(r.warnings().size(), 1u);
  EXPECT_EQ(r.warnings()[0].path, "/contract/colour");
  EXPECT_EQ(r.warnings()[0].kind, error_kind::unknown_field);
}

TEST(read, wrong_type) {
  auto doc = base();
  doc["age_at_intake"] = "41";
  auto r = iptkit::read_case(bj::serialize(doc));
  ASSERT_EQ(r.errors().size(), 1u);
  EXPECT_EQ(r.errors()[0].path, "/age_at_intake");
  EXPECT_EQ(r.errors()[0].kind, error_kind::wrong_type);
  EXPECT_EQ(r.errors()[0].message, "expected an integer; found \"41\"");
}

TEST(read, a_float_where_an_integer_belongs_is_wrong_type) {
  auto doc = base();
  at(doc, "/contract")["planned_sessions"] = 12.5;
  EXPECT_EQ(errors_of(doc), (errs{{"/contract/planned_sessions", error_kind::wrong_type}}));
}

TEST(read, float_messages_show_the_number_as_written) {
  auto doc = base();
  at(doc, "/contract")["planned_sessions"] = 12.5;
  at(doc, "/contract")["session_minutes"] = 50.0;
  auto r = iptkit::read_case(bj::serialize(doc));
  ASSERT_EQ(r.errors().size(), 2u);
  EXPECT_EQ(r.errors()[0].message, "expected an integer; found 12.5");
  EXPECT_EQ(r.errors()[1].message, "expected an integer; found 50.0");
}

TEST(read, integers_beyond_64_bits_are_out_of_range) {
  std::string doc = bj::serialize(base());
  const auto at_age = doc.find("\"age_at_intake\":41");
  ASSERT_NE(at_age, std::string::npos);
  doc.replace(at_age, 18, "\"age_at_intake\":123456789012345678901234567890");
  EXPECT_EQ(errors_of(doc), (errs{{"/age_at_intake", error_kind::out_of_range}}));
}

TEST(read, unsigned_64_bit_fields_read_their_whole_range) {
  auto r = iptkit::read_json<std::vector<std::uint64_t>>("[0, 18446744073709551615]");
  ASSERT_TRUE(r);
  EXPECT_EQ((*r)[1], 18446744073709551615u);
  auto negative = iptkit::read_json<std::vector<std::uint64_t>>("[-1]");
  ASSERT_FALSE(negative);
  EXPECT_EQ(negative.errors()[0].kind, error_kind::out_of_range);
  EXPECT_EQ(negative.errors()[0].path, "/0");
}

TEST(read, integer_beyond_the_type_is_out_of_range) {
  auto doc = base();
  at(doc, "/contract")["planned_sessions"] = std::uint64_t{18446744073709551615u};
  EXPECT_EQ(errors_of(doc), (errs{{"/contract/planned_sessions", error_kind::out_of_range}}));
}

TEST(read, bad_enum_lists_the_allowed_values) {
  auto doc = base();
  at(doc, "/formulation/focus/0")["stage"] = "stalemate";
  auto r = iptkit::read_case(bj::serialize(doc));
  ASSERT_EQ(r.errors().size(), 1u);
  EXPECT_EQ(r.errors()[0].path, "/formulation/focus/0/stage");
  EXPECT_EQ(r.errors()[0].kind, error_kind::bad_enum);
  EXPECT_EQ(r.errors()[0].message,
            "expected one of renegotiation, impasse, dissolution; found \"stalemate\"");
}

TEST(read, keyword_enumerator_is_spelled_as_the_spec) {
  auto doc = base();
  at(doc, "/inventory/relationships/1")["kind"] = "friend";
  auto r = iptkit::read_case(bj::serialize(doc));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->inventory->relationships[1].kind, iptkit::relationship_kind::friend_);
  at(doc, "/inventory/relationships/1")["kind"] = "friend_";
  EXPECT_EQ(errors_of(doc), (errs{{"/inventory/relationships/1/kind", error_kind::bad_enum}}));
}

TEST(read, unknown_adaptation_is_bad_enum_unless_registered) {
  auto doc = base();
  doc["adaptation"] = "ipt_trial_x";
  EXPECT_EQ(errors_of(doc), (errs{{"/adaptation", error_kind::bad_enum}}));
  iptkit::catalog cat;
  iptkit::protocol p;
  p.id = "ipt_trial_x";
  p.name = "trial manual";
  cat.protocols.add(p);
  EXPECT_TRUE(iptkit::read_case(bj::serialize(doc), {}, cat));
}

TEST(read, out_of_range) {
  auto doc = base();
  at(doc, "/inventory/relationships/0")["closeness"] = 7;
  auto r = iptkit::read_case(bj::serialize(doc));
  ASSERT_EQ(r.errors().size(), 1u);
  EXPECT_EQ(r.errors()[0].path, "/inventory/relationships/0/closeness");
  EXPECT_EQ(r.errors()[0].kind, error_kind::out_of_range);
  EXPECT_EQ(r.errors()[0].message, "expected an integer from 1 to 4; found 7");
}

TEST(read, zero_and_negative_counts_are_out_of_range) {
  auto doc = base();
  at(doc, "/contract")["planned_sessions"] = 0;
  at(doc, "/sessions/0")["number"] = -1;
  EXPECT_EQ(errors_of(doc), (errs{{"/contract/planned_sessions", error_kind::out_of_range},
                                  {"/sessions/0/number", error_kind::out_of_range}}));
}

// Found with the fuzz targets (crafted inputs): a count of two billion sessions made progress()
// plan two billion sessions, a session numbered INT_MAX overflowed the next number, scores near
// INT_MAX overflowed their sums.
TEST(read, session_counts_and_scores_are_bounded) {
  auto doc = base();
  at(doc, "/contract")["planned_sessions"] = 1001;
  at(doc, "/sessions/0")["number"] = 2147483647;
  at(doc, "/assessments/0")["total"] = -2147483647 - 1;
  EXPECT_EQ(errors_of(doc), (errs{{"/contract/planned_sessions", error_kind::out_of_range},
                                  {"/sessions/0/number", error_kind::out_of_range},
                                  {"/assessments/0/total", error_kind::out_of_range}}));
  auto max = base();
  at(max, "/contract")["planned_sessions"] = 1000;
  at(max, "/assessments/0")["total"] = 1000000;
  EXPECT_TRUE(iptkit::read_case(bj::serialize(max)));
  // A sum of items beyond the score bound is no total.
  iptkit::assessment a{.instrument = "x", .items = {2147483647, 2147483647}};
  EXPECT_EQ(iptkit::sum_of_items(a), 4294967294);
  EXPECT_FALSE(iptkit::score_total(a, nullptr));
  a.items = {999999, 1};
  EXPECT_EQ(iptkit::score_total(a, nullptr), 1000000);
}

TEST(read, bad_date_shape_and_calendar) {
  auto doc = base();
  at(doc, "/sessions/1")["date"] = "2026-02-30";
  at(doc, "/sessions/2")["date"] = "2026/01/19";
  auto r = iptkit::read_case(bj::serialize(doc));
  ASSERT_EQ(r.errors().size(), 2u);
  EXPECT_EQ(r.errors()[0].path, "/sessions/1/date");
  EXPECT_EQ(r.errors()[0].kind, error_kind::bad_date);
  EXPECT_NE(r.errors()[0].message.find("does not exist"), std::string::npos);
  EXPECT_EQ(r.errors()[1].path, "/sessions/2/date");
  EXPECT_EQ(r.errors()[1].kind, error_kind::bad_date);
}

TEST(read, leap_day_is_a_date) {
  auto doc = base();
  at(doc, "/contract")["start_date"] = "2028-02-29";
  EXPECT_TRUE(iptkit::read_case(bj::serialize(doc)));
  at(doc, "/contract")["start_date"] = "2027-02-29";
  EXPECT_EQ(errors_of(doc), (errs{{"/contract/start_date", error_kind::bad_date}}));
}

TEST(read, bad_format_of_case_id) {
  auto doc = base();
  doc["case_id"] = "RD 017";
  EXPECT_EQ(errors_of(doc), (errs{{"/case_id", error_kind::bad_format}}));
  doc["case_id"] = std::string(65, 'a');
  EXPECT_EQ(errors_of(doc), (errs{{"/case_id", error_kind::bad_format}}));
  doc["case_id"] = std::string(64, 'a');
  EXPECT_EQ(errors_of(doc), errs{});
}

TEST(read, duplicate_key) {
  std::string doc = bj::serialize(base());
  doc.insert(1, R"("case_id": "X-1", )");
  EXPECT_EQ(errors_of(doc), (errs{{"/case_id", error_kind::duplicate_key}}));
}

TEST(read, duplicate_key_inside_a_list_element) {
  std::string doc = bj::serialize(base());
  const auto at_session = doc.find(R"({"number":2)");
  ASSERT_NE(at_session, std::string::npos);
  doc.insert(at_session + 1, R"("phase":"initial",)");
  EXPECT_EQ(errors_of(doc), (errs{{"/sessions/1/phase", error_kind::duplicate_key}}));
}

TEST(read, duplicate_relationship_id) {
  auto doc = base();
  at(doc, "/inventory/relationships/1")["id"] = "partner";
  EXPECT_EQ(errors_of(doc), (errs{{"/inventory/relationships/1/id", error_kind::duplicate_id}}));
}

TEST(read, nesting_beyond_the_limit) {
  std::string deep = std::string(100, '[') + std::string(100, ']');
  std::string doc = bj::serialize(base());
  doc.insert(doc.size() - 1, R"(,"notes":)" + deep);
  auto r = iptkit::read_case(doc);
  ASSERT_EQ(r.errors().size(), 1u);
  EXPECT_EQ(r.errors()[0].kind, error_kind::limit_exceeded);
  EXPECT_EQ(r.errors()[0].path.substr(0, 8), "/notes/0");
}

TEST(read, unsupported_schema) {
  auto doc = base();
  doc["schema"] = "iptkit.case/2";
  auto r = iptkit::read_case(bj::serialize(doc));
  ASSERT_EQ(r.errors().size(), 1u);
  EXPECT_EQ(r.errors()[0].path, "/schema");
  EXPECT_EQ(r.errors()[0].kind, error_kind::unsupported_schema);
  EXPECT_NE(r.errors()[0].message.find("\"iptkit.case/2\""), std::string::npos);
}

TEST(read, another_areas_field_in_a_focus_is_unknown) {
  auto doc = base();
  at(doc, "/formulation/focus/0")["grief_type"] = "normal";
  EXPECT_EQ(errors_of(doc), (errs{{"/formulation/focus/0/grief_type", error_kind::unknown_field}}));
}

TEST(read, focus_without_area) {
  auto doc = base();
  at(doc, "/formulation/focus/0").erase("area");
  EXPECT_EQ(errors_of(doc), (errs{{"/formulation/focus/0/area", error_kind::missing_field}}));
}

TEST(read, every_focus_area) {
  auto doc = base();
  auto& focus = doc.at("formulation").as_object().at("focus").as_array();
  focus.emplace_back(bj::parse(R"({"area": "role_transition", "transition": "retirement", "date": "2025-12-01"})"));
  focus.emplace_back(bj::parse(R"({"area": "interpersonal_deficits", "pattern": "social_isolation"})"));
  focus.emplace_back(bj::parse(R"({"area": "grief", "relationship": "sister", "grief_type": "delayed"})"));
  auto r = iptkit::read_case(bj::serialize(doc));
  ASSERT_TRUE(r);
  const auto& f = r->formulation->focus;
  ASSERT_EQ(f.size(), 4u);
  EXPECT_EQ(std::get<iptkit::role_transition_focus>(f[1]).transition, iptkit::transition_type::retirement);
  EXPECT_EQ(std::get<iptkit::interpersonal_deficits_focus>(f[2]).pattern, iptkit::deficit_pattern::social_isolation);
  EXPECT_EQ(std::get<iptkit::grief_focus>(f[3]).grief_type, iptkit::grief_type::delayed);
}

TEST(read, optional_fields_may_be_null_or_absent) {
  auto doc = base();
  doc["arm"] = nullptr;
  doc["inventory"] = nullptr;
  doc["diagnoses"] = nullptr;
  at(doc, "/formulation/focus/0");  // still valid
  doc.erase("formulation");
  auto r = iptkit::read_case(bj::serialize(doc));
  ASSERT_TRUE(r);
  EXPECT_FALSE(r->arm);
  EXPECT_FALSE(r->inventory);
  EXPECT_TRUE(r->diagnoses.empty());
  EXPECT_FALSE(r->formulation);
}

TEST(read, required_field_null_is_wrong_type) {
  auto doc = base();
  at(doc, "/contract")["start_date"] = nullptr;
  EXPECT_EQ(errors_of(doc), (errs{{"/contract/start_date", error_kind::wrong_type}}));
}

TEST(read, assessment_needs_items_or_total) {
  auto doc = base();
  auto& a = at(doc, "/assessments/0");
  a.erase("items");
  EXPECT_EQ(errors_of(doc), errs{});
  a.erase("total");
  EXPECT_EQ(errors_of(doc), (errs{{"/assessments/0/total", error_kind::missing_field}}));
  a["items"] = bj::array{};  // an empty list is not a score either (the schema agrees: minItems 1)
  EXPECT_EQ(errors_of(doc), (errs{{"/assessments/0/total", error_kind::missing_field}}));
}

TEST(read, maintenance_frequency_defaults_to_monthly) {
  auto doc = base();
  doc["maintenance"] = bj::parse(R"({"contract_date": "2026-04-01"})");
  auto r = iptkit::read_case(bj::serialize(doc));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->maintenance->frequency, iptkit::session_frequency::monthly);
}

TEST(read, five_mistakes_give_exactly_five_errors) {
  auto doc = base();
  doc["case_id"] = "bad id!";                                   // bad_format
  at(doc, "/contract").erase("frequency");                      // missing_field
  at(doc, "/inventory/relationships/0")["closeness"] = 0;       // out_of_range
  at(doc, "/sessions/3")["phase"] = "ending";                   // bad_enum
  at(doc, "/assessments/0")["date"] = "2026-13-01";             // bad_date
  EXPECT_EQ(errors_of(doc), (errs{{"/case_id", error_kind::bad_format},
                                  {"/contract/frequency", error_kind::missing_field},
                                  {"/inventory/relationships/0/closeness", error_kind::out_of_range},
                                  {"/sessions/3/phase", error_kind::bad_enum},
                                  {"/assessments/0/date", error_kind::bad_date}}));
}

TEST(read, errors_come_in_document_order) {
  // The parser finds the duplicate key (inside /sessions) before the walk finds /age_at_intake.
  auto doc = base();
  doc["age_at_intake"] = "x";
  at(doc, "/inventory/relationships/0")["closeness"] = 9;
  std::string text = bj::serialize(doc);
  text.insert(text.find(R"({"number":2)") + 1, R"("phase":"initial",)");
  EXPECT_EQ(errors_of(text), (errs{{"/age_at_intake", error_kind::wrong_type},
                                   {"/inventory/relationships/0/closeness", error_kind::out_of_range},
                                   {"/sessions/1/phase", error_kind::duplicate_key}}));
}

TEST(read, defaulted_field_may_be_null) {
  auto doc = base();
  doc["maintenance"] = bj::parse(R"({"contract_date": "2026-04-01", "frequency": null})");
  EXPECT_EQ(iptkit::read_case(bj::serialize(doc)).value().maintenance->frequency,
            iptkit::session_frequency::monthly);
}

TEST(read, json_pointer_escapes_keys) {
  auto doc = base();
  doc["a/b~c"] = 1;
  EXPECT_EQ(errors_of(doc), (errs{{"/a~1b~0c", error_kind::unknown_field}}));
}

TEST(read, not_an_object) {
  EXPECT_EQ(errors_of("[1, 2]"), (errs{{"", error_kind::wrong_type}}));
  EXPECT_EQ(errors_of("42"), (errs{{"", error_kind::wrong_type}}));
}

TEST(read, invalid_utf8_is_a_syntax_error) {
  std::string doc = bj::serialize(base());
  doc.insert(doc.find("Partner") + 1, "\xC3\x28");
  EXPECT_EQ(iptkit::read_case(doc).errors().at(0).kind, error_kind::syntax);
}

TEST(read, value_throws_decode_error_with_every_error) {
  auto doc = base();
  doc["case_id"] = "";
  doc["age_at_intake"] = 200;
  auto r = iptkit::read_case(bj::serialize(doc));
  try {
    (void)r.value();
    FAIL() << "expected decode_error";
  } catch (const iptkit::decode_error& e) {
    EXPECT_EQ(e.errors().size(), 2u);
    EXPECT_NE(std::string(e.what()).find("/age_at_intake"), std::string::npos);
  }
}

}  // namespace
