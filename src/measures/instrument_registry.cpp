// The built-in instruments of outcomes.md. This is the only place their numbers live: scoring,
// bands, rules and outcomes read them from a registry.
#include <iptkit/measures/instrument_registry.hpp>

#include <iptkit/json/check.hpp>

#include <string>

namespace iptkit {

std::vector<read_error> entry_errors(const instrument& in) {
  auto errors = check(in);
  if (!errors.empty()) return errors;  // the consistency below assumes well-formed numbers
  const auto fail = [&](std::string path, std::string message) {
    errors.push_back({std::move(path), error_kind::out_of_range, std::move(message), std::nullopt});
  };
  const auto n = [](auto v) { return std::to_string(v); };
  if (!in.item_maxima.empty() && in.item_maxima.size() != static_cast<std::size_t>(in.items))
    fail("/item_maxima", "expected one maximum per item (" + n(in.items) + "); found " + n(in.item_maxima.size()));
  for (std::size_t k = 0; k < in.item_maxima.size(); ++k)
    if (in.item_maxima[k] < in.item_min)
      fail("/item_maxima/" + n(k), "expected at least item_min (" + n(in.item_min) + "); found " + n(in.item_maxima[k]));
  // A total scored from items is their sum (score_total()): it must fall within the total range.
  if (in.item_maxima.empty() || in.item_maxima.size() == static_cast<std::size_t>(in.items)) {
    long long lowest = static_cast<long long>(in.items) * in.item_min, highest = 0;
    for (int k = 0; k < in.items; ++k)
      highest += in.item_maxima.empty() ? in.item_max : in.item_maxima[static_cast<std::size_t>(k)];
    if (lowest < in.total_min)
      fail("/total_min", "expected at most the lowest sum of the items (" + n(lowest) + "); found " + n(in.total_min));
    if (highest > in.total_max)
      fail("/total_max", "expected at least the highest sum of the items (" + n(highest) + "); found " + n(in.total_max));
  }
  // Bands in order, each starting right after the one before, from total_min to total_max.
  int expected_min = in.total_min;
  for (std::size_t k = 0; k < in.bands.size(); ++k) {
    const auto& b = in.bands[k];
    const std::string at = "/bands/" + n(k);
    if (b.min != expected_min) {
      fail(at + "/min", "expected " + n(expected_min) + (k ? " (the total after the band before)" : " (total_min)") +
                            "; found " + n(b.min));
      break;
    }
    if (b.max < b.min) {
      fail(at + "/max", "expected at least min (" + n(b.min) + "); found " + n(b.max));
      break;
    }
    expected_min = b.max + 1;
    if (k + 1 == in.bands.size() && b.max != in.total_max)
      fail(at + "/max", "expected total_max (" + n(in.total_max) + ") in the last band; found " + n(b.max));
  }
  for (std::size_t k = 1; k < in.bands.size(); ++k)
    for (std::size_t j = 0; j < k; ++j)
      if (in.bands[k].label == in.bands[j].label) {
        fail("/bands/" + n(k) + "/label", "expected a label no other band has; found \"" + in.bands[k].label +
                                              "\", the label of band " + n(j));
        break;
      }
  for (const auto* cut : {&in.caseness, &in.remission})
    if (*cut && (**cut < in.total_min || **cut > in.total_max))
      fail(cut == &in.caseness ? "/caseness" : "/remission", "expected a total from " + n(in.total_min) + " to " +
                                                                  n(in.total_max) + "; found " + n(**cut));
  // Reliable change has one definition: two would leave the reader guessing which one counted.
  if (in.reliable_change && in.jacobson_truax)
    fail("/jacobson_truax", "expected either reliable_change (points) or jacobson_truax; found both");
  // S_diff = SD * sqrt(2 (1 - r)) must be above 0, or no change could be judged.
  if (in.jacobson_truax) {
    if (in.jacobson_truax->sd <= 0)
      fail("/jacobson_truax/sd", "expected a standard deviation above 0; found " + n(in.jacobson_truax->sd));
    if (in.jacobson_truax->reliability >= 1)
      fail("/jacobson_truax/reliability", "expected a reliability below 1 (at 1 every change would be reliable); found " +
                                              n(in.jacobson_truax->reliability));
  }
  // Item codes identify answers in an import (FHIR QuestionnaireResponse linkIds): one per item,
  // each its own, or an answer could land on the wrong item.
  if (!in.item_loinc.empty() && in.item_loinc.size() != static_cast<std::size_t>(in.items))
    fail("/item_loinc", "expected one code per item (" + n(in.items) + "); found " + n(in.item_loinc.size()));
  for (std::size_t k = 0; k < in.item_loinc.size(); ++k) {
    if (in.item_loinc[k].empty()) fail("/item_loinc/" + n(k), "expected a code; found an empty text");
    for (std::size_t j = 0; j < k; ++j)
      if (in.item_loinc[k] == in.item_loinc[j]) {
        fail("/item_loinc/" + n(k), "expected a code no other item has; found the code of item " + n(j + 1));
        break;
      }
  }
  for (std::size_t k = 0; k < in.risk_items.size(); ++k)
    if (in.risk_items[k] < 1 || in.risk_items[k] > in.items)
      fail("/risk_items/" + n(k), "expected an item number from 1 to " + n(in.items) + "; found " + n(in.risk_items[k]));
  return errors;
}

namespace {
instrument make(std::string id, std::string name, int items, int total_max,
                std::vector<severity_band> bands, int caseness, int remission) {
  instrument in;
  in.id = std::move(id);
  in.name = std::move(name);
  in.items = items;
  in.item_min = 0;
  in.item_max = 3;
  in.total_min = 0;
  in.total_max = total_max;
  in.bands = std::move(bands);
  in.caseness = caseness;
  in.remission = remission;
  return in;
}
}  // namespace

instrument_registry instrument_registry::with_builtins() {
  instrument_registry r;

  auto phq9 = make("phq9", "PHQ-9", 9, 27,
                   {{"minimal", 0, 4}, {"mild", 5, 9}, {"moderate", 10, 14},
                    {"moderately_severe", 15, 19}, {"severe", 20, 27}},
                   10, 4);
  phq9.reliable_change = 6;
  phq9.risk_items = {9};
  phq9.loinc = "44261-6";
  phq9.loinc_panel = "44249-1";
  phq9.item_loinc = {"44250-9", "44255-8", "44259-0", "44254-1", "44251-7",
                     "44258-2", "44252-5", "44253-3", "44260-8"};
  phq9.source = "Kroenke et al. 2001, J Gen Intern Med 16:606; NHS Talking Therapies manual";
  r.add(phq9);

  auto gad7 = make("gad7", "GAD-7", 7, 21,
                   {{"minimal", 0, 4}, {"mild", 5, 9}, {"moderate", 10, 14}, {"severe", 15, 21}},
                   8, 4);
  gad7.reliable_change = 4;
  gad7.loinc = "70274-6";
  gad7.loinc_panel = "69737-5";
  gad7.item_loinc = {"69725-0", "68509-2", "69733-4", "69734-2", "69735-9", "69689-8", "69736-7"};
  gad7.source = "Spitzer et al. 2006, Arch Intern Med 166:1092; NHS Talking Therapies manual";
  r.add(gad7);

  // Reliable change by Jacobson-Truax from the manual's outpatient sample (n = 500: SD 12.75)
  // and its one-week test-retest reliability (.93): S_diff = 12.75 * sqrt(2 * 0.07) = 4.77, so a
  // change of 10 points or more is reliable (|RCI| > 1.96 from 9.35 points).
  auto bdi2 = make("bdi2", "BDI-II", 21, 63,
                   {{"minimal", 0, 13}, {"mild", 14, 19}, {"moderate", 20, 28}, {"severe", 29, 63}},
                   14, 13);
  bdi2.risk_items = {9};
  bdi2.loinc = "89209-1";
  bdi2.jacobson_truax = jacobson_truax{12.75, 0.93};
  bdi2.source = "Beck, Steer & Brown 1996, BDI-II manual (bands; outpatient SD 12.75, test-retest r .93)";
  r.add(bdi2);

  auto hamd = make("hamd17", "HAM-D-17 (HRSD)", 17, 52,
                   {{"none", 0, 7}, {"mild", 8, 16}, {"moderate", 17, 23}, {"severe", 24, 52}}, 8, 7);
  hamd.item_max = 4;
  // Items 1,2,3,7,8,9,10,11,15 score 0-4; items 4,5,6,12,13,14,16,17 score 0-2.
  hamd.item_maxima = {4, 4, 4, 2, 2, 2, 4, 4, 4, 4, 4, 2, 2, 2, 4, 2, 2};
  hamd.risk_items = {3};
  hamd.source = "Hamilton 1960; bands Zimmerman et al. 2013, J Affect Disord 150:384; remission <= 7 (Frank et al. 1991)";
  r.add(hamd);
  return r;
}

const instrument_registry& instrument_registry::builtin() {
  static const instrument_registry registry = with_builtins();
  return registry;
}

}  // namespace iptkit
