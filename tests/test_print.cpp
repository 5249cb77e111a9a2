// Printing and small values: enums, dates, findings and errors print as the case format spells
// them; findings and errors hash and order as values.
#include <iptkit/json/write.hpp>
#include <iptkit/meta/enum.hpp>
#include <iptkit/model/relationship.hpp>
#include <iptkit/model/session.hpp>
#include <iptkit/print.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <sstream>
#include <string>
#include <unordered_set>
#include <vector>

// An enum of an application, described as iptkit's are: iptkit's printing must leave it alone.
namespace app {
enum class colour { red, green };
BOOST_DESCRIBE_ENUM(colour, red, green)
}  // namespace app

namespace {

// What std::formatter is specialised for (where <format> exists): iptkit's enums, no other.
static_assert(iptkit::detail::print_lookup::iptkit_enum<iptkit::phase>);
static_assert(iptkit::detail::print_lookup::iptkit_enum<iptkit::relationship_kind>);
static_assert(!iptkit::detail::print_lookup::iptkit_enum<app::colour>);
static_assert(!iptkit::detail::print_lookup::iptkit_enum<int>);

using iptkit::finding;
using iptkit::import_issue;
using iptkit::read_error;

template <class T>
std::string streamed(const T& value) {
  std::ostringstream os;
  os << value;
  return os.str();
}

// Every enumerator of E, in declaration order.
template <class E>
std::vector<E> enumerators() {
  std::vector<E> values;
  boost::mp11::mp_for_each<boost::describe::describe_enumerators<E>>([&](auto D) { values.push_back(D.value); });
  return values;
}

template <class E>
void expect_spellings() {
  const auto names = iptkit::meta::enum_names<E>();
  const auto values = enumerators<E>();
  ASSERT_EQ(names.size(), values.size());
  for (std::size_t i = 0; i < values.size(); ++i) {
    EXPECT_EQ(to_string(values[i]), names[i]);  // unqualified: found by argument-dependent lookup
    EXPECT_EQ(streamed(values[i]), names[i]);
  }
}

TEST(print, enums_print_their_spelling_by_lookup) {
  expect_spellings<iptkit::phase>();
  expect_spellings<iptkit::relationship_kind>();
  expect_spellings<iptkit::severity>();
  expect_spellings<iptkit::error_kind>();
  expect_spellings<iptkit::import_error_kind>();
  EXPECT_EQ(streamed(iptkit::phase::middle), "middle");
}

// The C++ name `friend_` is spelled "friend" in the case format; printing follows the format, as
// the JSON writer does.
TEST(print, enum_spelling_is_the_case_formats_not_the_cpp_name) {
  EXPECT_EQ(to_string(iptkit::relationship_kind::friend_), "friend");
  EXPECT_EQ(streamed(iptkit::relationship_kind::friend_), "friend");
  iptkit::relationship r;
  r.kind = iptkit::relationship_kind::friend_;
  const std::string json = iptkit::to_json(r);
  EXPECT_NE(json.find("\"" + to_string(r.kind) + "\""), std::string::npos) << json;
}

// A value made by a cast is never printed as if it were an enumerator.
TEST(print, a_value_outside_the_enum_prints_as_type_and_number) {
  const auto bad = static_cast<iptkit::severity>(7);
  EXPECT_EQ(to_string(bad), "severity(7)");
  EXPECT_EQ(streamed(bad), "severity(7)");
}

TEST(print, dates_are_iso_8601) {
  const auto d = iptkit::parse_date("2026-01-05").value();
  EXPECT_EQ(iptkit::to_string(d), "2026-01-05");
  EXPECT_EQ(iptkit::to_string(iptkit::add_days(d, 365)), "2027-01-05");
}

TEST(print, findings_and_errors_stream_as_their_to_string) {
  const finding f{"F007", iptkit::severity::warning, "/formulation", "no focus agreed"};
  EXPECT_EQ(streamed(f), "F007 warning /formulation: no focus agreed");
  EXPECT_EQ(streamed(f), to_string(f));
  const read_error e{"/sessions/3/date", iptkit::error_kind::bad_date, "expected a date", 40, 15};
  EXPECT_EQ(streamed(e), "line 40, column 15: /sessions/3/date: expected a date (bad_date)");
  import_issue i;
  i.source = "sessions.csv";
  i.line = 4;
  i.field = "date";
  i.kind = iptkit::import_error_kind::invalid;
  i.message = "expected a date";
  EXPECT_EQ(streamed(i), "sessions.csv:4: date: expected a date");
  EXPECT_EQ(streamed(i), to_string(i));
}

#if defined(IPTKIT_HAS_STD_FORMAT)
TEST(print, std_format_uses_the_same_text) {
  EXPECT_EQ(std::format("{}", iptkit::relationship_kind::friend_), "friend");
  EXPECT_EQ(std::format("[{:>8}]", iptkit::phase::middle), "[  middle]");
  const finding f{"F007", iptkit::severity::warning, "", "no focus agreed"};
  EXPECT_EQ(std::format("{}", f), to_string(f));
  const read_error e{"/x", iptkit::error_kind::syntax, "bad", {}, {}};
  EXPECT_EQ(std::format("{}", e), to_string(e));
}
#endif

TEST(values, equal_findings_hash_alike_and_collapse_in_a_set) {
  const finding a{"F007", iptkit::severity::warning, "/formulation", "m"};
  finding b = a;
  EXPECT_EQ(std::hash<finding>{}(a), std::hash<finding>{}(b));
  b.severity = iptkit::severity::error;
  const std::unordered_set<finding> set{a, a, b};
  EXPECT_EQ(set.size(), 2u);
  EXPECT_TRUE(set.contains(a));
  EXPECT_TRUE(set.contains(b));
  EXPECT_FALSE(set.contains(finding{"F008", iptkit::severity::warning, "/formulation", "m"}));
}

TEST(values, errors_and_import_issues_hash_and_order) {
  const read_error ten{"/sessions/10", iptkit::error_kind::bad_date, "m", 1, 2};
  const read_error two{"/sessions/2", iptkit::error_kind::bad_date, "m", 1, 2};
  read_error two_later = two;
  two_later.line = 9;
  // Text order of the path, then the other members: a total order, not document order.
  EXPECT_LT(ten, two);
  EXPECT_LT(two, two_later);
  EXPECT_EQ(std::set<read_error>({two_later, ten, two, ten}), (std::set<read_error>{ten, two, two_later}));
  const std::unordered_set<read_error> errors{ten, two, two, two_later};
  EXPECT_EQ(errors.size(), 3u);

  import_issue x;
  x.source = "cases.csv";
  x.row = 1;
  import_issue y = x;
  y.read_kind = iptkit::error_kind::bad_enum;
  EXPECT_NE(x, y);
  EXPECT_LT(x, y);  // an empty optional orders first
  EXPECT_EQ(std::unordered_set<import_issue>({x, y, x}).size(), 2u);
}

TEST(values, findings_sort_by_their_members_in_order) {
  std::vector<finding> fs{{"F007", iptkit::severity::alert, "/b", "m"},
                          {"C001", iptkit::severity::warning, "/a", "m"},
                          {"F007", iptkit::severity::error, "/c", "m"}};
  std::sort(fs.begin(), fs.end());
  EXPECT_EQ(fs[0].code, "C001");
  EXPECT_EQ(fs[1].severity, iptkit::severity::error);  // declaration order of severity
  EXPECT_EQ(fs[2].severity, iptkit::severity::alert);
}

}  // namespace
