// Calendar dates: strict ISO 8601 YYYY-MM-DD, checked against the calendar.
#include <iptkit/model/date.hpp>

#include <gtest/gtest.h>

namespace {

TEST(date, parses_and_formats) {
  auto d = iptkit::parse_date("2026-01-05");
  ASSERT_TRUE(d);
  EXPECT_EQ(iptkit::format_date(*d), "2026-01-05");
  EXPECT_EQ(iptkit::format_date(iptkit::add_days(*d, 7)), "2026-01-12");
  EXPECT_EQ(iptkit::days_between(*d, iptkit::add_days(*d, 60)), 60);
}

TEST(date, rejects_days_that_do_not_exist) {
  EXPECT_FALSE(iptkit::parse_date("2026-02-29"));
  EXPECT_TRUE(iptkit::parse_date("2028-02-29"));
  EXPECT_FALSE(iptkit::parse_date("2026-04-31"));
  EXPECT_FALSE(iptkit::parse_date("2026-13-01"));
  EXPECT_FALSE(iptkit::parse_date("2026-00-10"));
  EXPECT_FALSE(iptkit::parse_date("2026-01-00"));
}

TEST(date, rejects_other_shapes) {
  for (auto s : {"2026-1-5", "2026/01/05", "20260105", "2026-01-05T00:00", " 2026-01-05", "", "abcd-ef-gh"}) {
    EXPECT_FALSE(iptkit::parse_date(s)) << s;
  }
  EXPECT_TRUE(iptkit::has_date_shape("2026-02-30"));
  EXPECT_FALSE(iptkit::has_date_shape("2026/02/30"));
}

}  // namespace
