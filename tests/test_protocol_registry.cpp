// The adaptation table as data: built-ins as domain.md, overrides and additions from C++ and JSON.
#include <iptkit/json/read.hpp>
#include <iptkit/json/write.hpp>
#include <iptkit/model/protocol_registry.hpp>

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

TEST(protocol_registry, builtins_follow_the_adaptation_table) {
  const auto& r = iptkit::protocol_registry::builtin();
  EXPECT_EQ(r.ids().size(), 16u);
  const auto* ipt = r.find("ipt");
  ASSERT_NE(ipt, nullptr);
  EXPECT_EQ(ipt->min_sessions, 12);
  EXPECT_EQ(ipt->max_sessions, 16);
  EXPECT_EQ(ipt->initial_max, 4);
  EXPECT_EQ(ipt->termination_min, 2);
  EXPECT_EQ(iptkit::planned_initial_sessions(*ipt), 3);
  const auto* group = r.find("ipt_g");
  ASSERT_NE(group, nullptr);
  EXPECT_EQ(group->format, iptkit::therapy_format::group);
  EXPECT_EQ(group->termination_min, 5);
  EXPECT_EQ(r.find("ipc")->max_sessions, 6);
  EXPECT_EQ(r.find("ipt_a")->min_age, 12);
  EXPECT_EQ(r.find("ipt_telephone")->modality, iptkit::therapy_modality::telephone);
  EXPECT_EQ(r.find("nope"), nullptr);
  // Focus models: DIT and MIT do not work on the IPT problem areas.
  EXPECT_EQ(ipt->focus_model, iptkit::focus_model::ipt_areas);
  EXPECT_EQ(r.find("dit")->focus_model, iptkit::focus_model::ipaf);
  EXPECT_EQ(r.find("mit")->focus_model, iptkit::focus_model::maladaptive_schema);
  EXPECT_EQ(r.find("mit_g")->focus_model, iptkit::focus_model::maladaptive_schema);
  // Comparator arms are protocols of their own kind, never an IPT adaptation; IPC is not one.
  for (const char* id : {"usual_care", "waitlist", "medication_only", "cbt"}) {
    EXPECT_EQ(r.find(id)->kind, iptkit::protocol_kind::comparator) << id;
    EXPECT_EQ(r.find(id)->focus_model, iptkit::focus_model::none) << id;
  }
  EXPECT_EQ(r.find("ipc")->kind, iptkit::protocol_kind::adaptation);
}

TEST(protocol_registry, add_overrides_by_id_and_appends_new_ones) {
  auto r = iptkit::protocol_registry::with_builtins();
  auto trial = *r.find("ipt");
  trial.min_sessions = trial.max_sessions = 10;
  trial.initial_max = 2;
  r.add(trial);
  EXPECT_EQ(r.ids().size(), 16u);
  EXPECT_EQ(r.find("ipt")->max_sessions, 10);
  EXPECT_EQ(iptkit::protocol_registry::builtin().find("ipt")->max_sessions, 16);  // untouched
  iptkit::protocol extra;
  extra.id = "ipt_trial";
  r.add(extra);
  EXPECT_EQ(r.ids().back(), "ipt_trial");
}

TEST(protocol_registry, protocols_load_from_json) {
  auto loaded = iptkit::read_protocols(R"([
    {"id": "ipt", "name": "IPT, trial manual", "format": "individual", "min_sessions": 10,
     "max_sessions": 10, "initial_max": 2, "termination_min": 2},
    {"id": "ipt_phone_trial", "name": "telephone trial", "format": "individual", "modality": "telephone",
     "min_sessions": 8, "max_sessions": 12, "initial_max": 3, "termination_min": 1, "frequency": "every_2_weeks"}
  ])");
  ASSERT_TRUE(loaded);
  auto r = iptkit::protocol_registry::with_builtins();
  r.add_all(*loaded);
  EXPECT_EQ(r.find("ipt")->min_sessions, 10);
  EXPECT_EQ(r.find("ipt")->frequency, iptkit::session_frequency::weekly);  // default
  EXPECT_EQ(r.find("ipt_phone_trial")->frequency, iptkit::session_frequency::every_2_weeks);
}

TEST(protocol_registry, bad_protocol_file_reports_paths) {
  auto loaded = iptkit::read_protocols(R"([{"id": "x", "name": "x", "format": "solo",
     "min_sessions": 0, "max_sessions": 3, "initial_max": 1, "termination_min": 1}])");
  ASSERT_FALSE(loaded);
  ASSERT_EQ(loaded.errors().size(), 2u);
  EXPECT_EQ(loaded.errors()[0].path, "/0/format");
  EXPECT_EQ(loaded.errors()[1].path, "/0/min_sessions");
}

TEST(protocol_registry, max_sessions_below_min_sessions_is_an_error) {
  auto loaded = iptkit::read_protocols(R"([{"id": "x", "name": "x", "format": "individual",
     "min_sessions": 12, "max_sessions": 8, "initial_max": 3, "termination_min": 2}])");
  ASSERT_FALSE(loaded);
  ASSERT_EQ(loaded.errors().size(), 1u);
  EXPECT_EQ(loaded.errors()[0].path, "/0/max_sessions");
  EXPECT_EQ(loaded.errors()[0].kind, iptkit::error_kind::out_of_range);
  EXPECT_EQ(loaded.errors()[0].message, "expected at least min_sessions (12); found 8");
}

TEST(protocol_registry, builtins_round_trip_through_json) {
  const auto& r = iptkit::protocol_registry::builtin();
  auto text = iptkit::write_protocols(r.entries());
  auto back = iptkit::read_protocols(text);
  ASSERT_TRUE(back);
  EXPECT_EQ(*back, r.entries());
}

// A registry takes only entries that agree with themselves, and says why it refuses one.
TEST(protocol_registry, entries_are_checked_when_added) {
  auto r = iptkit::protocol_registry::with_builtins();
  for (const auto& p : r.entries()) EXPECT_TRUE(iptkit::entry_errors(p).empty()) << p.id;
  auto bad = *r.find("ipt");
  bad.id = "ipt_short";
  bad.max_sessions = 3;  // below min_sessions (12) and initial_max (4)
  const auto errors = r.try_add(bad);
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0].path, "/max_sessions");
  EXPECT_EQ(r.find("ipt_short"), nullptr);
  EXPECT_THROW(r.add(bad), iptkit::decode_error);
  bad.id = "not an id";
  bad.max_sessions = 16;
  EXPECT_EQ(r.try_add(bad).at(0).path, "/id");
  // A list is added whole or not at all; paths name the entry.
  auto good = *r.find("ipt");
  good.id = "ipt_good";
  bad.id = "ipt_bad";
  bad.termination_min = 40;
  const auto all = r.try_add_all({good, bad});
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].path, "/1/max_sessions");
  EXPECT_EQ(r.find("ipt_good"), nullptr);
  EXPECT_EQ(r.ids().size(), 16u);
}

// ids() are views into the registry: asking a temporary for them does not compile.
// So are entries() and find(): asking a temporary for them does not compile either.
template <class R>
concept ids_of_temporary = requires { R{}.ids(); };
template <class R>
concept entries_of_temporary = requires { R{}.entries(); };
template <class R>
concept find_in_temporary = requires { R{}.find("ipt"); };
static_assert(!ids_of_temporary<iptkit::protocol_registry> && !entries_of_temporary<iptkit::protocol_registry> &&
              !find_in_temporary<iptkit::protocol_registry>);
static_assert(requires(const iptkit::protocol_registry& r) { r.ids(); r.entries(); r.find("ipt"); });

// A registry iterates its entries in order, answers contains() and removes from itself only.
TEST(protocol_registry, iterate_contains_and_remove) {
  auto r = iptkit::protocol_registry::with_builtins();
  std::vector<std::string> seen;  // copies: remove() invalidates views into the registry
  for (const iptkit::protocol& p : r) seen.push_back(p.id);
  const auto ids = r.ids();
  EXPECT_EQ(seen, std::vector<std::string>(ids.begin(), ids.end()));
  EXPECT_EQ(r.size(), seen.size());
  EXPECT_FALSE(r.empty());
  EXPECT_TRUE(r.contains("ipt_a"));
  EXPECT_FALSE(r.contains("ipt_unknown"));

  EXPECT_TRUE(r.remove("ipt_a"));
  EXPECT_FALSE(r.contains("ipt_a"));
  EXPECT_EQ(r.find("ipt_a"), nullptr);
  EXPECT_EQ(r.size(), seen.size() - 1);
  EXPECT_FALSE(r.remove("ipt_a"));  // nothing left to remove
  EXPECT_FALSE(r.remove("ipt_unknown"));
  // The order of what is left is kept; the shared built-ins are untouched.
  auto expected = seen;
  std::erase(expected, "ipt_a");
  const auto left = r.ids();
  EXPECT_EQ(std::vector<std::string>(left.begin(), left.end()), expected);
  EXPECT_TRUE(iptkit::protocol_registry::builtin().contains("ipt_a"));
  // Added back, it comes last.
  r.add(*iptkit::protocol_registry::builtin().find("ipt_a"));
  EXPECT_EQ(r.ids().back(), "ipt_a");
}

}  // namespace
