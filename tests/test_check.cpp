// check(): a case built in code gets exactly the errors reading its written JSON would give, and
// nothing that check() rejects is validated by the rules or written by any writer.
#include <iptkit/iptkit.hpp>
#include <iptkit/json/check.hpp>
#include <iptkit/json/detail/check_value.hpp>

#include <gtest/gtest.h>

#include "test_support.hpp"

#include <cstdint>
#include <functional>
#include <limits>
#include <random>
#include <set>
#include <string>
#include <utility>
#include <vector>

using namespace iptkit;

namespace {

date ymd(int y, unsigned m, unsigned d) {
  return date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

// What a comparison looks at: the location and the words, not the line (which depends on layout).
std::vector<std::tuple<std::string, error_kind, std::string>> essence(const std::vector<read_error>& errors) {
  std::vector<std::tuple<std::string, error_kind, std::string>> out;
  for (const auto& e : errors) out.emplace_back(e.path, e.kind, e.message);
  return out;
}

// The errors of reading `c` written without a check.
std::vector<read_error> read_back(const case_record& c, const read_options& options = {},
                                  const catalog& cat = catalog::builtin()) {
  write_options w;
  w.style = json_style::compact;
  w.unchecked = true;
  auto r = read_case(write_case(c, w, cat), options, cat);
  if (r) return {};
  return std::move(r).errors();
}

// Random changes in memory of any described value: every scalar can take a value the reader
// rejects (out-of-range numbers and enums, impossible dates, bad identifiers...), optionals can
// be emptied or filled with a default value, lists emptied or given a duplicate element.
class mutator {
 public:
  explicit mutator(std::uint64_t seed) : rng_(seed) {}

  // One random change of `c`; the slots are collected anew each time (a change may move lists).
  void mutate(case_record& c) {
    slots_.clear();
    collect(c);
    if (!slots_.empty()) slots_[pick(slots_.size())]();
  }

 private:
  std::size_t pick(std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng_); }

  template <class T>
  T integer() {
    static constexpr std::int64_t values[] = {0,  -1,   1,    2,       3,        4,        5,
                                              9,  10,   13,   24,      25,       27,       28,
                                              63, 64,   100,  999,     1000,     1001,     1000000,
                                              1000001, -1000000, -1000001, std::numeric_limits<std::int32_t>::min()};
    for (;;) {
      const std::int64_t v = values[pick(std::size(values))];
      if (std::in_range<T>(v)) return static_cast<T>(v);
    }
  }

  std::string text() {
    static const std::string values[] = {"",         "x",        "bad id!",  "SYN-000001", "p1",
                                         "a/b~c",    "\t\n",     "ipt",      "ipt_g",      "no_such_protocol",
                                         "deceased", std::string(70, 'a'), "iptkit-case/1", "1.0", "é"};
    return values[pick(std::size(values))];
  }

  date a_date() {
    static const date values[] = {ymd(2026, 2, 30), ymd(2025, 2, 29), ymd(2024, 2, 29), ymd(2026, 13, 1),
                                  ymd(2026, 0, 10),  ymd(12026, 1, 5), ymd(-1, 1, 5),    ymd(2026, 1, 5),
                                  ymd(2026, 4, 31),  ymd(1899, 12, 31)};
    return values[pick(std::size(values))];
  }

  template <class T>
  void collect(T& v) {
    if constexpr (std::is_same_v<T, bool>) {
      slots_.push_back([&v] { v = !v; });
    } else if constexpr (meta::is_integer_v<T>) {
      slots_.push_back([&v, this] { v = integer<T>(); });
    } else if constexpr (std::is_floating_point_v<T>) {
      slots_.push_back([&v, this] { v = static_cast<T>(integer<int>()) / 3; });
    } else if constexpr (std::is_same_v<T, std::string>) {
      slots_.push_back([&v, this] { v = text(); });
    } else if constexpr (std::is_same_v<T, date>) {
      slots_.push_back([&v, this] { v = a_date(); });
    } else if constexpr (meta::is_described_enum_v<T>) {
      slots_.push_back([&v, this] {
        v = static_cast<T>(pick(meta::enum_size<T> + 3));  // now and then past the last enumerator
      });
    } else if constexpr (meta::is_optional_v<T>) {
      if (v) {
        collect(*v);
        slots_.push_back([&v] { v.reset(); });
      } else {
        slots_.push_back([&v] { v.emplace(); });
      }
    } else if constexpr (meta::is_vector_v<T>) {
      for (auto& e : v) collect(e);
      slots_.push_back([&v] { v.clear(); });
      slots_.push_back([&v] {
        if (!v.empty()) v.push_back(v.front());
      });
    } else if constexpr (meta::is_variant_v<T>) {
      std::visit([&](auto& alternative) { collect(alternative); }, v);
    } else if constexpr (meta::is_described_struct_v<T>) {
      boost::mp11::mp_for_each<meta::members_of<T>>([&](auto D) { collect(v.*D.pointer); });
    }
  }

  std::mt19937_64 rng_;
  std::vector<std::function<void()>> slots_;
};

// The verdict of the check the writer makes as it writes (one walk); `out` is left as it was
// when the verdict is no.
bool writes_checked(const case_record& c, const read_options& o = {}) {
  for (const bool pretty : {false, true}) {
    std::string out = "kept";
    const bool ok = json::detail::write_if_well_formed(out, c, pretty, o, catalog::builtin().protocols);
    EXPECT_EQ(out == "kept", !ok);
    if (ok != json::detail::write_if_well_formed(out, c, !pretty, o, catalog::builtin().protocols))
      ADD_FAILURE() << "the layouts disagree";
    if (!pretty) return ok;
  }
  return false;
}

case_record example_case() {
  return read_case(test::read_file(test::source_dir() / "examples/data/grief-chronic-sertraline.json")).value();
}

}  // namespace

// The property of the issue: for synthetic cases and random changes of their fields in memory,
// check() equals the errors of reading the unchecked written form, path for path.
TEST(check, equals_the_errors_of_reading_the_written_form) {
  synth_options options;
  options.cases = 2000;
  options.seed = 15;
  const auto cohort = synthesize(options);
  mutator change(20261202);
  std::size_t compared = 0, with_errors = 0;
  std::set<error_kind> kinds;
  for (std::size_t i = 0; i < cohort.size(); ++i) {
    ASSERT_TRUE(check(cohort[i]).empty()) << cohort[i].case_id;
    ASSERT_TRUE(is_well_formed(cohort[i]));
    for (int round = 0; round < 4; ++round) {
      case_record c = cohort[i];
      const int changes = 1 + round % 3;
      for (int k = 0; k < changes; ++k) change.mutate(c);
      if (round == 3 && !c.assessments.empty()) {  // two changes that only count together
        auto& a = c.assessments[i % c.assessments.size()];
        a.items.clear();
        a.total.reset();
      }
      const auto found = check(c);
      ASSERT_EQ(essence(found), essence(read_back(c))) << write_case(c, {.style = json_style::pretty, .unchecked = true});
      ASSERT_EQ(is_well_formed(c), found.empty());
      ASSERT_EQ(writes_checked(c), found.empty());
      ++compared;
      with_errors += !found.empty();
      for (const auto& e : found) kinds.insert(e.kind);
    }
  }
  EXPECT_GE(compared + cohort.size(), 10'000u);
  // The mutations must really produce errors, of many kinds, or the property says little.
  EXPECT_GT(with_errors, compared / 5) << with_errors << " of " << compared;
  for (const auto kind : {error_kind::out_of_range, error_kind::bad_enum, error_kind::bad_date, error_kind::bad_format,
                          error_kind::missing_field, error_kind::duplicate_id})
    EXPECT_TRUE(kinds.count(kind)) << meta::enum_name(kind);
}

TEST(check, every_example_is_well_formed) {
  for (const auto& path : test::files_in("examples/data", ".json")) {
    auto c = read_case(test::read_file(path));
    if (!c) continue;  // the deliberately broken examples
    EXPECT_TRUE(check(*c).empty()) << path;
  }
}

// The silent cases of the issue, one by one: each is now an error with the reader's words.
TEST(check, a_bad_case_id) {
  auto c = example_case();
  c.case_id = "has spaces!";
  const auto e = check(c);
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].path, "/case_id");
  EXPECT_EQ(e[0].kind, error_kind::bad_format);
}

TEST(check, a_closeness_of_nine) {
  auto c = example_case();
  ASSERT_FALSE(c.inventory->relationships.empty());
  c.inventory->relationships[0].closeness = 9;
  const auto e = check(c);
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].path, "/inventory/relationships/0/closeness");
  EXPECT_EQ(e[0].kind, error_kind::out_of_range);
  EXPECT_EQ(e[0].message, "expected an integer from 1 to 4; found 9");
}

TEST(check, an_enum_value_outside_the_enum) {
  auto c = example_case();
  c.sessions[0].phase = static_cast<phase>(42);
  const auto e = check(c);
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].path, "/sessions/0/phase");
  EXPECT_EQ(e[0].kind, error_kind::bad_enum);
}

TEST(check, a_date_that_does_not_exist) {
  auto c = example_case();
  c.contract.start_date = ymd(2026, 2, 30);
  const auto e = check(c);
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].path, "/contract/start_date");
  EXPECT_EQ(e[0].kind, error_kind::bad_date);
  EXPECT_EQ(e[0].message, "expected a calendar date YYYY-MM-DD; found \"2026-02-30\", which does not exist");
}

TEST(check, a_year_past_9999_is_not_clamped_into_another_date) {
  auto c = example_case();
  c.contract.start_date = ymd(12026, 1, 5);
  const auto e = check(c);
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].kind, error_kind::bad_date);
  EXPECT_EQ(format_date(c.contract.start_date), "+12026-01-05");
  EXPECT_EQ(essence(e), essence(read_back(c)));
}

TEST(check, an_assessment_with_neither_items_nor_total) {
  auto c = example_case();
  ASSERT_FALSE(c.assessments.empty());
  c.assessments[0].items.clear();
  c.assessments[0].total.reset();
  const auto e = check(c);
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].path, "/assessments/0/total");
  EXPECT_EQ(e[0].kind, error_kind::missing_field);
}

TEST(check, an_adaptation_the_registry_does_not_know) {
  auto c = example_case();
  c.adaptation = "ipt_unknown";
  const auto e = check(c);
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].path, "/adaptation");
  EXPECT_EQ(e[0].kind, error_kind::bad_enum);
  // validate() used to return no findings at all for such a case.
  const auto findings = validate(c);
  ASSERT_FALSE(findings.empty());
  EXPECT_EQ(findings[0].code, structural_code);
  EXPECT_EQ(findings[0].severity, severity::error);
  EXPECT_EQ(findings[0].path, "/adaptation");
}

TEST(check, validate_reports_structural_errors_first_then_the_rules) {
  auto c = example_case();
  const auto clean = validate(c);
  c.inventory->relationships[0].closeness = 9;
  c.sessions[1].number = 1001;
  const auto findings = validate(c);
  const auto errors = check(c);
  ASSERT_EQ(errors.size(), 2u);
  std::vector<finding> structural;
  for (const auto& f : findings)
    if (f.code == "S001") structural.push_back(f);
  ASSERT_EQ(structural.size(), errors.size());
  for (std::size_t i = 0; i < errors.size(); ++i) {
    EXPECT_EQ(structural[i].severity, severity::error);
    EXPECT_EQ(structural[i].path, errors[i].path);
    EXPECT_EQ(structural[i].message, errors[i].message);
  }
  EXPECT_GT(findings.size(), structural.size() + clean.size());  // C002: the numbers have a gap now
  validation_options redacted;
  redacted.redact = true;
  for (const auto& f : validate(c, redacted)) EXPECT_EQ(f.message.find('9'), std::string::npos) << f.message;
  // validate_cohort agrees, on any number of threads.
  const std::vector<case_record> cohort{example_case(), c};
  const auto per_case = validate_cohort(cohort, {.threads = 2});
  EXPECT_EQ(per_case[1], findings);
}

TEST(check, every_writer_refuses_a_case_that_fails_it) {
  auto c = example_case();
  c.inventory->relationships[0].closeness = 9;
  const auto expected = essence(check(c));
  const auto refused = [&](auto&& write) {
    try {
      write();
    } catch (const decode_error& e) {
      return essence(e.errors());
    }
    ADD_FAILURE() << "written without a check";
    return decltype(expected){};
  };
  EXPECT_EQ(refused([&] { (void)write_case(c); }), expected);
  std::string out = "kept";
  EXPECT_EQ(refused([&] { write_case(out, c, {json_style::compact}); }), expected);
  EXPECT_EQ(out, "kept");
  EXPECT_EQ(refused([&] { (void)to_json(c); }), expected);
  EXPECT_EQ(refused([&] { (void)fhir_bundle(c); }), expected);
  // In a cohort, the path names the case's position.
  const std::vector<case_record> cohort{example_case(), c};
  auto in_cohort = expected;
  for (auto& e : in_cohort) std::get<0>(e).insert(0, "/1");
  EXPECT_EQ(refused([&] { (void)to_json(cohort); }), in_cohort);
  EXPECT_EQ(refused([&] { (void)make_tidy_tables(cohort); }), in_cohort);
  // The escape hatch writes it anyway, and reading says the same.
  write_options unchecked;
  unchecked.unchecked = true;
  EXPECT_EQ(essence(read_case(write_case(c, unchecked)).errors()), expected);
}

TEST(check, a_case_of_a_registered_protocol_is_written_with_its_catalog) {
  catalog cat;
  auto custom = *cat.protocols.find("ipt");
  custom.id = "ipt_trial_manual";
  cat.protocols.add(custom);
  auto c = example_case();
  c.adaptation = "ipt_trial_manual";
  EXPECT_THROW((void)write_case(c), decode_error);
  EXPECT_FALSE(check(c).empty());
  EXPECT_NO_THROW((void)write_case(c, {}, cat));
  EXPECT_TRUE(check(c, {}, cat).empty());
  EXPECT_TRUE(is_well_formed(c, {}, cat));
}

TEST(check, limits_as_the_reader_applies_them) {
  auto c = example_case();
  for (const std::size_t string_limit : {std::size_t{4}, std::size_t{12}}) {
    read_options o;
    o.max_string_bytes = string_limit;
    EXPECT_EQ(essence(check(c, o)), essence(read_back(c, o))) << string_limit;
    ASSERT_EQ(check(c, o).size(), 1u);
    EXPECT_EQ(check(c, o)[0].kind, error_kind::limit_exceeded);
    EXPECT_FALSE(writes_checked(c, o));
  }
  for (const std::size_t list_limit : {std::size_t{1}, std::size_t{2}, std::size_t{5}}) {
    read_options o;
    o.max_list_length = list_limit;
    EXPECT_EQ(essence(check(c, o)), essence(read_back(c, o))) << list_limit;
    EXPECT_EQ(writes_checked(c, o), check(c, o).empty()) << list_limit;
  }
  read_options small;
  small.max_document_bytes = 100;
  EXPECT_EQ(essence(check(c, small)), essence(read_back(c, small)));
  ASSERT_EQ(check(c, small).size(), 1u);
  EXPECT_FALSE(writes_checked(c, small));
  EXPECT_TRUE(writes_checked(c));
}

TEST(check, nesting_deeper_than_max_depth) {
  const auto c = example_case();
  for (const std::size_t depth : {std::size_t{1}, std::size_t{2}, std::size_t{3}, std::size_t{4}}) {
    read_options o;
    o.max_depth = depth;
    const auto found = check(c, o);
    const auto read = read_back(c, o);
    ASSERT_EQ(found.size(), 1u) << depth;
    ASSERT_EQ(read.size(), 1u) << depth;
    EXPECT_EQ(found[0].kind, read[0].kind);
    EXPECT_EQ(found[0].path, read[0].path) << depth;
    EXPECT_FALSE(writes_checked(c, o)) << depth;
  }
  // The writer's verdict turns at the same depth as the check's.
  std::size_t passes_from = 0;
  for (std::size_t depth = 1; depth <= 12; ++depth) {
    read_options o;
    o.max_depth = depth;
    EXPECT_EQ(writes_checked(c, o), check(c, o).empty()) << depth;
    if (!passes_from && check(c, o).empty()) passes_from = depth;
  }
  EXPECT_GT(passes_from, 4u);
}

TEST(check, bytes_that_are_not_utf8) {
  auto c = example_case();
  c.notes = std::string("caf\xC3", 4);  // a sequence cut short
  const auto e = check(c);
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].path, "/notes");
  EXPECT_EQ(e[0].kind, error_kind::syntax);
  const auto read = read_back(c);
  ASSERT_EQ(read.size(), 1u);
  EXPECT_EQ(read[0].kind, error_kind::syntax);  // the parser stopped there too
  EXPECT_FALSE(writes_checked(c));
  c.notes = "caf\xC3\xA9 au lait, longer than eight bytes";
  EXPECT_TRUE(check(c).empty());
  EXPECT_TRUE(writes_checked(c));
  EXPECT_TRUE(json::detail::is_ascii("plain text of more than eight bytes"));
  EXPECT_FALSE(json::detail::is_ascii("twelve bytes\xC3\xA9"));  // the tail, past the words
  EXPECT_FALSE(json::detail::is_ascii("caf\xC3\xA9 au lait"));   // inside a word
  for (const std::string_view good : {"plain", "caf\xC3\xA9", "\xE2\x82\xAC", "\xF0\x9F\x98\x80"})
    EXPECT_TRUE(json::detail::is_utf8(good)) << good;
  for (const std::string_view bad : {"\x80", "\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xF0\x9F\x98"})
    EXPECT_FALSE(json::detail::is_utf8(bad)) << bad;
}

TEST(check, registry_entries) {
  for (const auto& p : protocol_registry::builtin().entries()) EXPECT_TRUE(check(p).empty()) << p.id;
  auto p = *protocol_registry::builtin().find("ipt");
  p.max_sessions = p.min_sessions - 1;
  const auto e = check(p);
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].path, "/max_sessions");
}
