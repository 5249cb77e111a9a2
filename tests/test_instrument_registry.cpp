// Instruments as data: the built-ins exactly as outcomes.md, user instruments from JSON.
#include <iptkit/json/read.hpp>
#include <iptkit/json/schema.hpp>
#include <iptkit/json/write.hpp>
#include <iptkit/measures/instrument_registry.hpp>
#include <iptkit/measures/scoring.hpp>

#include <gtest/gtest.h>
#include <boost/json.hpp>

namespace {

const iptkit::instrument& builtin(std::string_view id) {
  const auto* in = iptkit::instrument_registry::builtin().find(id);
  EXPECT_NE(in, nullptr) << id;
  return *in;
}

TEST(instrument_registry, phq9_as_outcomes_md) {
  const auto& phq9 = builtin("phq9");
  EXPECT_EQ(phq9.items, 9);
  EXPECT_EQ(phq9.total_max, 27);
  EXPECT_EQ(phq9.caseness, 10);
  EXPECT_EQ(phq9.remission, 4);
  EXPECT_EQ(phq9.reliable_change, 6);
  EXPECT_EQ(phq9.loinc, "44261-6");
  EXPECT_EQ(phq9.loinc_panel, "44249-1");
  EXPECT_EQ(phq9.risk_items, std::vector<int>{9});
  EXPECT_EQ(iptkit::band_of(phq9, 4)->label, "minimal");
  EXPECT_EQ(iptkit::band_of(phq9, 5)->label, "mild");
  EXPECT_EQ(iptkit::band_of(phq9, 15)->label, "moderately_severe");
  EXPECT_EQ(iptkit::band_of(phq9, 27)->label, "severe");
  EXPECT_EQ(iptkit::band_of(phq9, 28), nullptr);
}

TEST(instrument_registry, gad7_bdi2_hamd17) {
  const auto& gad7 = builtin("gad7");
  EXPECT_EQ(gad7.items, 7);
  EXPECT_EQ(gad7.caseness, 8);
  EXPECT_EQ(gad7.reliable_change, 4);
  EXPECT_TRUE(gad7.risk_items.empty());
  const auto& bdi2 = builtin("bdi2");
  EXPECT_EQ(bdi2.items, 21);
  EXPECT_EQ(iptkit::band_of(bdi2, 13)->label, "minimal");
  EXPECT_EQ(iptkit::band_of(bdi2, 14)->label, "mild");
  EXPECT_EQ(iptkit::band_of(bdi2, 19)->label, "mild");
  EXPECT_EQ(iptkit::band_of(bdi2, 20)->label, "moderate");
  EXPECT_EQ(iptkit::band_of(bdi2, 29)->label, "severe");
  EXPECT_FALSE(bdi2.reliable_change);  // Jacobson-Truax, from the manual's outpatient sample
  ASSERT_TRUE(bdi2.jacobson_truax);
  EXPECT_EQ(bdi2.jacobson_truax->sd, 12.75);
  EXPECT_EQ(bdi2.jacobson_truax->reliability, 0.93);
  EXPECT_FALSE(builtin("hamd17").jacobson_truax);  // no normative SD a source gives: the trial's own
  const auto& hamd = builtin("hamd17");
  EXPECT_EQ(hamd.items, 17);
  EXPECT_EQ(hamd.total_max, 52);
  EXPECT_FALSE(hamd.loinc);
  EXPECT_EQ(hamd.risk_items, std::vector<int>{3});
  int sum_of_maxima = 0;
  for (std::size_t k = 0; k < 17; ++k) sum_of_maxima += iptkit::item_max_of(hamd, k);
  EXPECT_EQ(sum_of_maxima, 52);
  for (int item : {1, 2, 3, 7, 8, 9, 10, 11, 15}) EXPECT_EQ(iptkit::item_max_of(hamd, item - 1), 4) << item;
  for (int item : {4, 5, 6, 12, 13, 14, 16, 17}) EXPECT_EQ(iptkit::item_max_of(hamd, item - 1), 2) << item;
  EXPECT_EQ(iptkit::band_of(hamd, 7)->label, "none");
  EXPECT_EQ(iptkit::band_of(hamd, 24)->label, "severe");
}

TEST(instrument_registry, scoring_uses_total_or_a_complete_item_list) {
  const auto& phq9 = builtin("phq9");
  iptkit::assessment a{.instrument = "phq9", .items = {2, 2, 2, 1, 2, 1, 2, 1, 0}};
  EXPECT_EQ(iptkit::score_total(a, &phq9), 13);
  a.items.pop_back();
  EXPECT_EQ(iptkit::score_total(a, &phq9), std::nullopt);  // incomplete: no total
  a.total = 12;
  EXPECT_EQ(iptkit::score_total(a, &phq9), 12);
}

TEST(instrument_registry, user_instrument_from_json) {
  auto loaded = iptkit::read_instruments(R"([{
    "id": "trial_mood", "name": "Trial mood scale", "items": 5, "item_min": 0, "item_max": 4,
    "total_min": 0, "total_max": 20,
    "bands": [{"label": "low", "min": 0, "max": 7}, {"label": "high", "min": 8, "max": 20}],
    "caseness": 8, "remission": 3, "jacobson_truax": {"sd": 4.5, "reliability": 0.85},
    "risk_items": [5]}])");
  ASSERT_TRUE(loaded) << iptkit::to_string(loaded.errors()[0]);
  auto r = iptkit::instrument_registry::with_builtins();
  r.add_all(*loaded);
  const auto* in = r.find("trial_mood");
  ASSERT_NE(in, nullptr);
  EXPECT_EQ(in->direction, iptkit::score_direction::higher_is_worse);  // default
  EXPECT_DOUBLE_EQ(in->jacobson_truax->reliability, 0.85);
  EXPECT_EQ(iptkit::band_of(*in, 9)->label, "high");
  EXPECT_EQ(r.entries().size(), 5u);
  // Written back canonically and read again: the same definition.
  EXPECT_EQ(iptkit::read_instruments(iptkit::write_instruments({*in})).value().at(0), *in);
}

TEST(instrument_registry, bad_instrument_file_reports_paths) {
  auto loaded = iptkit::read_instruments(R"([{"id": "x", "name": "x", "items": 0, "item_max": 3, "total_max": 9,
    "jacobson_truax": {"sd": 4.5, "reliability": 1.5}}])");
  ASSERT_FALSE(loaded);
  ASSERT_EQ(loaded.errors().size(), 2u);
  EXPECT_EQ(loaded.errors()[0].path, "/0/items");
  EXPECT_EQ(loaded.errors()[1].path, "/0/jacobson_truax/reliability");
  EXPECT_EQ(loaded.errors()[1].kind, iptkit::error_kind::out_of_range);
}

TEST(instrument_registry, builtins_round_trip_and_have_a_schema) {
  const auto& r = iptkit::instrument_registry::builtin();
  EXPECT_EQ(iptkit::read_instruments(iptkit::write_instruments(r.entries())).value(), r.entries());
  auto schema = boost::json::parse(iptkit::instruments_json_schema());
  EXPECT_EQ(schema.at_pointer("/$defs/jacobson_truax/properties/reliability/maximum"), 1.0);
}

// Bands must give every total one severity: no gap, no overlap, total_min to total_max.
TEST(instrument_registry, entries_are_checked_when_added) {
  auto r = iptkit::instrument_registry::with_builtins();
  for (const auto& in : r.entries()) EXPECT_TRUE(iptkit::entry_errors(in).empty()) << in.id;
  auto in = *r.find("phq9");
  in.id = "phq9_trial";
  const auto path_of = [&](iptkit::instrument changed) {
    const auto e = r.try_add(std::move(changed));
    return e.empty() ? std::string("(added)") : e.front().path;
  };
  auto gap = in;
  gap.bands[1].min = 6;  // 5 has no band
  EXPECT_EQ(path_of(gap), "/bands/1/min");
  auto overlap = in;
  overlap.bands[2].min = 9;
  EXPECT_EQ(path_of(overlap), "/bands/2/min");
  auto short_of_max = in;
  short_of_max.bands.back().max = 26;
  EXPECT_EQ(path_of(short_of_max), "/bands/4/max");
  auto caseness = in;
  caseness.caseness = 28;
  EXPECT_EQ(path_of(caseness), "/caseness");
  auto risk = in;
  risk.risk_items = {10};
  EXPECT_EQ(path_of(risk), "/risk_items/0");
  // Found in a cold try: two definitions of reliable change, and Jacobson-Truax parameters that
  // would make S_diff 0 (then reliable change quietly vanished).
  auto both = in;
  both.jacobson_truax = iptkit::jacobson_truax{5, 0.8};  // phq9 has reliable_change 6 already
  EXPECT_EQ(path_of(both), "/jacobson_truax");
  auto perfect = in;
  perfect.reliable_change.reset();
  perfect.jacobson_truax = iptkit::jacobson_truax{5, 1.0};
  EXPECT_EQ(path_of(perfect), "/jacobson_truax/reliability");
  auto flat = in;
  flat.reliable_change.reset();
  flat.jacobson_truax = iptkit::jacobson_truax{0, 0.8};
  EXPECT_EQ(path_of(flat), "/jacobson_truax/sd");
  auto maxima = in;
  maxima.item_maxima = {3, 3};
  EXPECT_EQ(path_of(maxima), "/item_maxima");
  auto items = in;
  items.item_min = 4;  // above item_max: the reader's rule too
  EXPECT_EQ(path_of(items), "/item_max");
  // Found in a cold try: a total range that the items' sum leaves, and two bands of one label.
  auto below_items = in;
  below_items.total_max = 20;  // nine items of 0-3 sum to 27
  below_items.bands = {{"low", 0, 9}, {"high", 10, 20}};
  EXPECT_EQ(path_of(below_items), "/total_max");
  auto above_items = in;
  above_items.total_max = 30;  // fine: every sum of the items is in range
  above_items.bands.back().max = 30;
  EXPECT_EQ(path_of(above_items), "(added)");
  auto lowest = in;
  lowest.id = "phq9_lowest";
  lowest.total_min = 1;  // nine items of 0 sum to 0
  lowest.bands.front().min = 1;
  EXPECT_EQ(path_of(lowest), "/total_min");
  auto labels = in;
  labels.id = "phq9_labels";
  labels.bands[3].label = labels.bands[1].label;
  EXPECT_EQ(path_of(labels), "/bands/3/label");
  EXPECT_EQ(r.find("phq9_trial")->total_max, 30);
  EXPECT_EQ(path_of(in), "(added)");  // replaces it
  // The reader of an instruments file reports the rules it can (item and total ranges).
  const auto read = iptkit::read_instruments(R"([{"id": "x", "name": "X", "items": 2, "item_min": 3,
      "item_max": 1, "total_max": 2}])");
  ASSERT_FALSE(read);
  EXPECT_EQ(read.errors()[0].path, "/0/item_max");
}

TEST(instrument_registry, iterate_contains_and_remove) {
  auto r = iptkit::instrument_registry::with_builtins();
  std::size_t n = 0;
  for (auto it = r.begin(); it != r.end(); ++it, ++n) EXPECT_EQ(it->id, r.ids()[n]);
  EXPECT_EQ(n, r.size());
  EXPECT_TRUE(r.contains("gad7"));
  EXPECT_TRUE(r.remove("gad7"));
  EXPECT_FALSE(r.contains("gad7"));
  EXPECT_FALSE(r.remove("gad7"));
  EXPECT_EQ(r.size(), n - 1);
  EXPECT_TRUE(iptkit::instrument_registry::builtin().contains("gad7"));
}

}  // namespace
