// result<T>: value_or, transform and and_then pass errors and warnings on; *r is checked in debug.
#include <iptkit/result.hpp>

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace {

using iptkit::error_kind;
using iptkit::read_error;
using iptkit::result;

const read_error missing{"/case_id", error_kind::missing_field, "expected a case_id", 1, 1};
const read_error unknown{"/colour", error_kind::unknown_field, "not a field of a case", 2, 3};
const read_error late{"/x", error_kind::unknown_field, "not a field of a step", {}, {}};

result<int> ok(int v) { return result<int>(v, {unknown}); }
result<int> failed() { return result<int>::failure({missing}, {unknown}); }

TEST(result, value_or_gives_the_value_or_the_fallback) {
  EXPECT_EQ(ok(4).value_or(0), 4);
  EXPECT_EQ(failed().value_or(-1), -1);
  const result<std::string> text("abc");
  EXPECT_EQ(text.value_or("none"), "abc");
  EXPECT_EQ(result<std::string>::failure({missing}).value_or("none"), "none");
}

TEST(result, transform_maps_the_value_and_keeps_warnings) {
  const auto r = ok(4).transform([](int v) { return std::to_string(v * 2); });
  static_assert(std::is_same_v<decltype(r), const result<std::string>>);
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(*r, "8");
  EXPECT_EQ(r.warnings(), std::vector<read_error>{unknown});
}

TEST(result, transform_passes_errors_on_without_calling) {
  int calls = 0;
  const auto r = failed().transform([&](int v) { ++calls; return v + 1.5; });
  static_assert(std::is_same_v<decltype(r), const result<double>>);
  EXPECT_FALSE(r.has_value());
  EXPECT_EQ(calls, 0);
  EXPECT_EQ(r.errors(), std::vector<read_error>{missing});
  EXPECT_EQ(r.warnings(), std::vector<read_error>{unknown});
  EXPECT_THROW((void)r.value(), iptkit::decode_error);
}

TEST(result, and_then_chains_steps_and_joins_warnings_in_order) {
  const auto step = [](int v) {
    return v > 0 ? result<std::string>(std::string(static_cast<std::size_t>(v), '*'), {late})
                 : result<std::string>::failure({late});
  };
  const auto r = ok(3).and_then(step);
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(*r, "***");
  EXPECT_EQ(r.warnings(), (std::vector<read_error>{unknown, late}));

  const auto second_fails = ok(-3).and_then(step);
  EXPECT_FALSE(second_fails.has_value());
  EXPECT_EQ(second_fails.errors(), std::vector<read_error>{late});
  EXPECT_EQ(second_fails.warnings(), std::vector<read_error>{unknown});

  int calls = 0;
  const auto first_fails = failed().and_then([&](int v) { ++calls; return step(v); });
  EXPECT_EQ(calls, 0);
  EXPECT_EQ(first_fails.errors(), std::vector<read_error>{missing});
}

// A temporary's value is moved through, so a move-only value works.
TEST(result, rvalues_move_the_value) {
  auto r = result<std::unique_ptr<int>>(std::make_unique<int>(7))
               .transform([](std::unique_ptr<int> p) { return *p + 1; });
  EXPECT_EQ(r.value(), 8);
  auto p = result<std::unique_ptr<int>>(std::make_unique<int>(5)).value_or(nullptr);
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(*p, 5);
  auto chained = result<std::unique_ptr<int>>(std::make_unique<int>(2)).and_then([](std::unique_ptr<int> q) {
    return result<std::unique_ptr<int>>(std::make_unique<int>(*q * 10));
  });
  EXPECT_EQ(**chained, 20);
}

// value() and operator* on a temporary return the value itself: a range-for over a member, or a
// reference bound to it, would otherwise refer into the destroyed result (ASan checks this).
TEST(result, rvalue_access_returns_a_value_not_a_reference_into_the_temporary) {
  static_assert(std::is_same_v<decltype(ok(1).value()), int>);
  static_assert(std::is_same_v<decltype(*ok(1)), int>);
  static_assert(std::is_same_v<decltype(std::declval<result<int>&>().value()), int&>);
  const auto make = [] { return result<std::vector<std::string>>(std::vector<std::string>{"a", "bb", "ccc"}); };
  std::string joined;
  for (const auto& s : make().value()) joined += s;
  EXPECT_EQ(joined, "abbccc");
  const auto& held = *make();
  EXPECT_EQ(held.size(), 3u);
}

// `->` on a temporary would point into it: it does not compile (use value()).
template <class R>
concept arrow_on_temporary = requires { std::declval<R>().operator->(); };
static_assert(!arrow_on_temporary<result<std::string>>);
static_assert(requires(result<std::string>& r, const result<std::string>& c) { r->size(); c->size(); });

#ifndef NDEBUG
// In a debug build `*r` on a failure stops loudly, naming the first error, rather than reading
// an empty optional.
TEST(result_death, operator_star_on_errors_aborts_in_debug) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  const auto r = failed();
  EXPECT_DEATH((void)*r, "result that holds errors.*/case_id: expected a case_id");
  const auto text = result<std::string>::failure({missing});
  EXPECT_DEATH((void)text->size(), "result that holds errors");
}
#endif

}  // namespace
