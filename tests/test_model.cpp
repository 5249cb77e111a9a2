// The domain model: enum spellings from the description, focus helpers, contract arithmetic.
#include <iptkit/meta/enum.hpp>
#include <iptkit/model/case_record.hpp>

#include <gtest/gtest.h>

namespace {

using iptkit::meta::enum_from_name;
using iptkit::meta::enum_name;
using iptkit::meta::enum_names;

TEST(model, enum_spellings_are_the_spec_names) {
  EXPECT_EQ(enum_name(iptkit::session_frequency::every_2_weeks), "every_2_weeks");
  EXPECT_EQ(enum_name(iptkit::relationship_kind::friend_), "friend");
  EXPECT_EQ(enum_from_name<iptkit::relationship_kind>("friend"), iptkit::relationship_kind::friend_);
  EXPECT_FALSE(enum_from_name<iptkit::phase>("Initial"));
  EXPECT_EQ(enum_names<iptkit::grief_type>(),
            (std::vector<std::string_view>{"normal", "delayed", "distorted", "chronic", "inhibited"}));
  EXPECT_EQ(enum_names<iptkit::task>().size(), 32u);
  EXPECT_EQ(enum_name(static_cast<iptkit::phase>(42)), "");
}

TEST(model, enum_position_indexes_enum_names) {
  const auto names = enum_names<iptkit::task>();
  for (std::size_t i = 0; i < names.size(); ++i) {
    const auto value = enum_from_name<iptkit::task>(names[i]);
    ASSERT_TRUE(value);
    EXPECT_EQ(iptkit::meta::enum_position(*value), static_cast<int>(i)) << names[i];
  }
  EXPECT_EQ(iptkit::meta::enum_position(static_cast<iptkit::attendance>(200)), -1);
}

TEST(model, focus_area_and_relationship) {
  iptkit::focus f = iptkit::grief_focus{"mother", iptkit::grief_type::delayed};
  EXPECT_EQ(iptkit::area_of(f), iptkit::problem_area::grief);
  ASSERT_NE(iptkit::relationship_of(f), nullptr);
  EXPECT_EQ(*iptkit::relationship_of(f), "mother");
  f = iptkit::role_transition_focus{iptkit::transition_type::retirement};
  EXPECT_EQ(iptkit::area_of(f), iptkit::problem_area::role_transition);
  EXPECT_EQ(iptkit::relationship_of(f), nullptr);
}

TEST(model, planned_sessions_follow_the_latest_renegotiation) {
  iptkit::contract c;
  c.planned_sessions = 12;
  EXPECT_EQ(iptkit::planned_sessions(c), 12);
  c.renegotiations = {{6, 14, "illness"}, {10, 16, std::nullopt}};
  EXPECT_EQ(iptkit::planned_sessions(c), 16);
  EXPECT_EQ(iptkit::planned_sessions_at(c, 5), 12);
  EXPECT_EQ(iptkit::planned_sessions_at(c, 7), 14);
  EXPECT_EQ(iptkit::planned_sessions_at(c, 12), 16);
}

TEST(model, types_are_plain_aggregates) {
  static_assert(std::is_aggregate_v<iptkit::case_record>);
  static_assert(std::is_aggregate_v<iptkit::relationship>);
  static_assert(std::is_aggregate_v<iptkit::session>);
  iptkit::session s{.number = 2, .phase = iptkit::phase::middle};
  EXPECT_EQ(s.number, 2);
  EXPECT_TRUE(iptkit::is_acute(s.phase));
  EXPECT_FALSE(iptkit::is_acute(iptkit::phase::maintenance));
}

TEST(model, default_case_carries_the_format_tag) {
  EXPECT_EQ(iptkit::case_record{}.schema, "iptkit.case/1");
}

}  // namespace
