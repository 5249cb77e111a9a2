// The one-pass reader against the DOM reader (its reference): for every valid document the one-pass
// reader is really taken and gives the DOM reader's value; for every other document the public
// reader's result (value, errors, warnings) is the DOM reader's, exactly.
#include <iptkit/json/cohort.hpp>
#include <iptkit/json/read.hpp>
#include <iptkit/json/write.hpp>
#include <iptkit/measures/instrument_registry.hpp>
#include <iptkit/synth/generator.hpp>

#include <gtest/gtest.h>
#include <boost/json.hpp>

#include <random>
#include <sstream>

#include "test_support.hpp"

namespace {

namespace bj = boost::json;
namespace jd = iptkit::json::detail;
using iptkit::read_options;

std::string show(const std::vector<iptkit::read_error>& list) {
  std::string s;
  for (const auto& e : list) s += "\n  " + iptkit::to_string(e);
  return s;
}

std::string head(const std::string& text) { return text.substr(0, 300); }

// The one-pass reader accepts `text` and gives the DOM reader's value; returns that value.
template <class T>
T fast_equals_dom(const std::string& text, const read_options& o = {}) {
  T fast{};
  EXPECT_TRUE(jd::read_json_fast(text, o, fast)) << head(text);
  auto dom = jd::read_json_dom<T>(text, o);
  EXPECT_TRUE(dom) << show(dom.errors()) << "\n" << head(text);
  if (!dom) return fast;
  EXPECT_TRUE(dom.warnings().empty());
  EXPECT_TRUE(fast == *dom) << head(text);
  auto pub = iptkit::read_json<T>(text, o);
  EXPECT_TRUE(pub && *pub == *dom && pub.warnings().empty());
  return fast;
}

// Whatever the text: the public reader's result is the DOM reader's.
template <class T>
void same_result(const std::string& text, const read_options& o = {}) {
  auto pub = iptkit::read_json<T>(text, o);
  auto dom = jd::read_json_dom<T>(text, o);
  ASSERT_EQ(pub.has_value(), dom.has_value()) << show(dom.errors()) << "\n" << head(text);
  if (pub) {
    EXPECT_TRUE(*pub == *dom) << head(text);
  }
  EXPECT_TRUE(pub.errors() == dom.errors()) << show(pub.errors()) << "\nvs" << show(dom.errors());
  EXPECT_TRUE(pub.warnings() == dom.warnings()) << show(pub.warnings()) << "\nvs" << show(dom.warnings());
  // The one-pass reader never accepts what the DOM reader rejects or warns about.
  T fast{};
  if (jd::read_json_fast(text, o, fast)) {
    EXPECT_TRUE(dom && dom.warnings().empty() && fast == *dom) << head(text);
  }
}

std::vector<std::string> example_texts() {
  std::vector<std::string> texts;
  for (const auto& p : iptkit::test::files_in("examples/data", ".json"))
    texts.push_back(iptkit::test::read_file(p));
  std::istringstream lines(iptkit::test::read_file(iptkit::test::source_dir() / "examples/data/cohort.jsonl"));
  for (std::string l; std::getline(lines, l);)
    if (!l.empty()) texts.push_back(l);
  texts.push_back(iptkit::test::read_file(iptkit::test::source_dir() / "tests/data/base-case.json"));
  return texts;
}

std::vector<std::string> synthetic_texts(std::size_t n, std::uint64_t seed) {
  iptkit::synth_options o;
  o.seed = seed;
  std::vector<std::string> texts;
  for (std::size_t i = 0; i < n; ++i)
    texts.push_back(iptkit::write_case(iptkit::synthesize_case(o, i),
                                       {i % 10 ? iptkit::json_style::compact : iptkit::json_style::pretty}));
  return texts;
}

// Every object's members in reverse order, except that a focus keeps `area` first.
bj::value reversed(const bj::value& v) {
  if (v.is_array()) {
    bj::array a;
    for (const auto& e : v.get_array()) a.push_back(reversed(e));
    return a;
  }
  if (!v.is_object()) return v;
  const auto& o = v.get_object();
  bj::object out;
  if (const auto* area = o.if_contains("area")) out["area"] = *area;
  for (auto it = o.end(); it != o.begin();) {
    --it;
    if (it->key() != "area") out[it->key()] = reversed(it->value());
  }
  return out;
}

// ---- valid documents: the one-pass reader is taken and agrees ---------------------------------

TEST(read_fast, every_example_reads_in_one_pass_with_the_dom_value) {
  for (const auto& text : example_texts()) {
    const auto c = fast_equals_dom<iptkit::case_record>(text);
    // And in any member order (the variant tag still first).
    fast_equals_dom<iptkit::case_record>(bj::serialize(reversed(bj::parse(text))));
    // Canonical write and read back.
    EXPECT_EQ(fast_equals_dom<iptkit::case_record>(iptkit::write_case(c)), c);
  }
}

TEST(read_fast, two_thousand_synthetic_cases_read_in_one_pass_with_the_dom_value) {
  iptkit::synth_options o;
  o.seed = 20260105;
  for (std::size_t i = 0; i < 2000; ++i) {
    const auto c = iptkit::synthesize_case(o, i);
    const auto text = iptkit::write_case(c, {i % 10 ? iptkit::json_style::compact : iptkit::json_style::pretty});
    EXPECT_EQ(fast_equals_dom<iptkit::case_record>(text), c) << i;
    if (i % 50 == 0) fast_equals_dom<iptkit::case_record>(bj::serialize(reversed(bj::parse(text))));
    if (HasFailure()) break;
  }
}

TEST(read_fast, absent_and_null_members_keep_their_defaults) {
  // maintenance.frequency has a default (monthly); null and absent keep it.
  const std::string base = R"({"schema":"iptkit.case/1","case_id":"A-1","adaptation":"ipt",)"
                           R"("contract":{"planned_sessions":12,"frequency":"weekly","start_date":"2026-01-05","format":"individual","modality":"video"},)";
  for (const std::string m : {R"("maintenance":{"contract_date":"2026-04-01"}})",
                              R"("maintenance":{"contract_date":"2026-04-01","frequency":null,"skills":null}})",
                              R"("maintenance":{"contract_date":"2026-04-01","frequency":"weekly"}})",
                              R"("arm":null,"site":"north","age_at_intake":null,"sessions":null,"maintenance":null})"}) {
    fast_equals_dom<iptkit::case_record>(base + m);
  }
  // synth_options: every member has a default; a list given as null keeps the default list.
  for (const std::string text : {R"({})", R"({"dropout_rate": 0.1, "deviations": {"long_gap": 0.5}, "risk_rate": 0})",
                                 R"({"arms": null, "sites": [], "seed": 18446744073709551615, "start_from": "2024-02-29"})",
                                 R"({"arms": [{"id": "a", "adaptations": [{"id": "ipt"}], "allocation": 2}], "id_prefix": "X-"})"}) {
    fast_equals_dom<iptkit::synth_options>(text);
  }
}

TEST(read_fast, strings_keys_enums_and_dates_in_parts) {
  // Escapes make the parser hand strings over in parts; long ones in several.
  std::string notes;
  for (int i = 0; i < 3000; ++i) notes += "line \\\"" + std::to_string(i) + "\\\"\\n\\u00e9\\t";
  const std::string text =
      R"({"schema":"iptkit.case\/1","case\u005fid":"A-\u0031","adaptation":"i\u0070t",)"
      R"("contract":{"planned_sessions":12,"frequency":"weekly","start_date":"2026\u002d01-05","format":"individ\u0075al","modality":"video"},)"
      R"("formulation":{"agreed_session":3,"patient_agreed":true,"focus":[{"a\u0072ea":"role\u005fdispute","relationship":"p\u0031","stage":"impasse"}]},)"
      R"("inventory":{"relationships":[{"id":"p\u0031","label":"\ud83d\ude00","kind":"partner","status":"current","closeness":1}]},)"
      R"("notes":")" + notes + R"("})";
  const auto c = fast_equals_dom<iptkit::case_record>(text);
  EXPECT_EQ(c.case_id, "A-1");
  EXPECT_EQ(c.inventory->relationships[0].label, "\xF0\x9F\x98\x80");
  EXPECT_GT(c.notes->size(), 30000u);
}

TEST(read_fast, protocols_instruments_and_plain_lists) {
  fast_equals_dom<std::vector<iptkit::protocol>>(
      iptkit::test::read_file(iptkit::test::source_dir() / "tests/data/cli/trial-protocols.json"));
  fast_equals_dom<std::vector<iptkit::protocol>>(
      iptkit::write_protocols(iptkit::protocol_registry::builtin().entries()));
  fast_equals_dom<std::vector<iptkit::instrument>>(
      iptkit::write_instruments(iptkit::instrument_registry::builtin().entries()));
  fast_equals_dom<std::vector<std::uint64_t>>("[0, 18446744073709551615]");
  fast_equals_dom<std::vector<double>>("[0, -1, 18446744073709551615, 1.5e300]");
  fast_equals_dom<std::vector<std::optional<int>>>("[1, null, 3]");
  fast_equals_dom<std::vector<std::vector<int>>>("[[1], null, []]");
  fast_equals_dom<std::optional<int>>("null");
}

TEST(read_fast, a_case_array_reads_in_one_pass_like_each_case_alone) {
  std::string array = "[";
  const auto texts = example_texts();
  for (const auto& t : texts) array += (array.size() > 1 ? "," : "") + t;
  array += "]";
  auto entries = iptkit::read_case_array(array);
  ASSERT_TRUE(entries);
  ASSERT_EQ(entries->size(), texts.size());
  for (std::size_t i = 0; i < texts.size(); ++i) {
    EXPECT_EQ((*entries)[i].index, i);
    EXPECT_TRUE((*entries)[i].value && *(*entries)[i].value == *jd::read_json_dom<iptkit::case_record>(texts[i]));
  }
}

// ---- documents the one-pass reader leaves to the DOM reader -------------------------------------

TEST(read_fast, a_focus_whose_area_is_not_first_is_left_to_the_dom_reader_and_read_all_the_same) {
  const std::string text = iptkit::test::read_file(iptkit::test::source_dir() / "tests/data/base-case.json");
  auto doc = bj::parse(text);
  auto& focus = doc.at("formulation").at("focus").as_array()[0].as_object();
  const bj::value area = focus.at("area");
  focus.erase("area");
  focus["area"] = area;
  const auto moved = bj::serialize(doc);
  iptkit::case_record fast{};
  EXPECT_FALSE(jd::read_json_fast(moved, {}, fast));
  same_result<iptkit::case_record>(moved);
  EXPECT_TRUE(iptkit::read_case(moved));
}

TEST(read_fast, every_invalid_file_is_left_to_the_dom_reader) {
  read_options lax;
  lax.lax = true;
  for (const auto& p : iptkit::test::files_in("tests/data/invalid", ".json")) {
    const auto text = iptkit::test::read_file(p);
    iptkit::case_record fast{};
    EXPECT_FALSE(jd::read_json_fast(text, {}, fast)) << p;
    same_result<iptkit::case_record>(text);
    same_result<iptkit::case_record>(text, lax);
  }
}

TEST(read_fast, the_depth_limit_is_the_dom_readers) {
  const std::string text = iptkit::test::read_file(iptkit::test::source_dir() / "tests/data/base-case.json");
  for (std::size_t depth : {1u, 2u, 3u, 4u, 5u, 6u, 64u}) {
    read_options o;
    o.max_depth = depth;
    same_result<iptkit::case_record>(text, o);
  }
  same_result<iptkit::case_record>(std::string(200, '[') + std::string(200, ']'));
}

// Random edits of valid documents, seeded: bytes flipped, inserted, deleted.
std::string mutate_bytes(std::string text, std::mt19937& rng) {
  static constexpr std::string_view alphabet = "{}[]\":,0123456789-.eEtruefalsn \\x\x01\xC3\xA9";
  const int edits = 1 + static_cast<int>(rng() % 3);
  for (int k = 0; k < edits && !text.empty(); ++k) {
    const std::size_t at = rng() % text.size();
    const char ch = alphabet[rng() % alphabet.size()];
    switch (rng() % 3) {
      case 0: text[at] = ch; break;
      case 1: text.insert(text.begin() + static_cast<std::ptrdiff_t>(at), ch); break;
      default: text.erase(at, 1 + rng() % 4); break;
    }
  }
  return text;
}

void collect(bj::value& v, std::vector<bj::value*>& all) {
  all.push_back(&v);
  if (v.is_object())
    for (auto& kv : v.get_object()) collect(kv.value(), all);
  else if (v.is_array())
    for (auto& e : v.get_array()) collect(e, all);
}

// Random edits of the structure: a value replaced by another type, a bad enum or date, a number out
// of range, a member removed, an unknown or repeated key, an element repeated, a tag moved last.
std::string mutate_structure(const std::string& text, std::mt19937& rng) {
  auto doc = bj::parse(text);
  const int edits = 1 + static_cast<int>(rng() % 2);
  std::string duplicate;  // a key to repeat: written as a placeholder key and renamed after
  for (int k = 0; k < edits; ++k) {
    std::vector<bj::value*> all;
    collect(doc, all);
    bj::value& v = *all[rng() % all.size()];
    switch (rng() % 14) {
      case 0: v = nullptr; break;
      case 1: v = "x"; break;
      case 2: v = -1; break;
      case 3: v = 1.5; break;
      case 4: v = true; break;
      case 5: v = bj::array{}; break;
      case 6: v = bj::object{}; break;
      case 7:
        if (v.is_object() && !v.get_object().empty())
          v.get_object().erase(std::next(v.get_object().begin(), static_cast<std::ptrdiff_t>(rng() % v.get_object().size())));
        break;
      case 8:
        if (v.is_object()) v.get_object()["zz_unknown"] = 1;
        break;
      case 9:
        if (v.is_object() && !v.get_object().empty() && duplicate.empty()) {
          auto& o = v.get_object();
          const auto& kv = *std::next(o.begin(), static_cast<std::ptrdiff_t>(rng() % o.size()));
          duplicate = kv.key();
          const bj::value copy = kv.value();
          o["\x01" "dup"] = copy;
        }
        break;
      case 10:
        if (v.is_int64()) v = v.get_int64() + static_cast<std::int64_t>(rng() % 3 ? 200 : 1) * (rng() % 2 ? 1 : -1);
        else if (v.is_double()) v = 1e300;
        break;
      case 11:
        if (v.is_string()) {
          static const char* const replacements[] = {"", "2026-02-30", "2026-1-5", "not_an_enum", "A B", "iptkit.case/2", "ipt_g"};
          v = replacements[rng() % std::size(replacements)];
        }
        break;
      case 12:
        if (v.is_array() && !v.get_array().empty()) v.get_array().push_back(v.get_array()[0]);
        break;
      default:
        if (v.is_object() && v.get_object().contains("area")) {
          const bj::value area = v.get_object().at("area");
          v.get_object().erase("area");
          v.get_object()["area"] = area;
        } else if (v.is_int64()) {
          v = static_cast<std::int64_t>(rng() % 3) - 1;
        }
        break;
    }
  }
  std::string out = bj::serialize(doc);
  if (!duplicate.empty()) {
    const auto at = out.find("\"\\u0001dup\"");
    if (at != std::string::npos) out.replace(at, 11, bj::serialize(bj::value(duplicate)));
  }
  return out;
}

TEST(read_fast, mutated_documents_give_the_dom_readers_result_exactly) {
  auto bases = example_texts();
  for (auto& t : synthetic_texts(20, 99)) bases.push_back(std::move(t));
  std::mt19937 rng(12345);
  read_options lax;
  lax.lax = true;
  std::size_t accepted = 0;
  for (int i = 0; i < 600; ++i) {
    const auto& base = bases[rng() % bases.size()];
    const std::string text = i % 2 ? mutate_bytes(base, rng) : mutate_structure(base, rng);
    same_result<iptkit::case_record>(text);
    same_result<iptkit::case_record>(text, lax);
    iptkit::case_record fast{};
    accepted += jd::read_json_fast(text, {}, fast);
    if (HasFailure()) {
      ADD_FAILURE() << "mutation " << i << ": " << text;
      break;
    }
  }
  // Some mutations leave a valid document (a changed count, an optional removed); most do not.
  EXPECT_GT(accepted, 10u);
  EXPECT_LT(accepted, 500u);
}

TEST(read_fast, mutated_protocol_lists_give_the_dom_readers_result_exactly) {
  const std::string base = iptkit::write_protocols(iptkit::protocol_registry::builtin().entries());
  std::mt19937 rng(777);
  for (int i = 0; i < 200; ++i) {
    const std::string text = i % 2 ? mutate_bytes(base, rng) : mutate_structure(base, rng);
    same_result<std::vector<iptkit::protocol>>(text);
    if (HasFailure()) {
      ADD_FAILURE() << "mutation " << i << ": " << text;
      break;
    }
  }
}

}  // namespace
