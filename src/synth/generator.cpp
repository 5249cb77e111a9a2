// Deterministic synthetic cohorts (docs/synthetic.md): the options, their checks and defaults.
// The random numbers are in random.hpp, one case is built in case_builder.cpp.
//
// Determinism across machines and compilers is the point of this file, so:
// - no std:: random engines or distributions (distributions differ between standard libraries);
//   a portable splitmix64 + xoshiro256** generator and our own uniform and normal draws;
// - every case, and every part of a case, draws from its own stream keyed by (seed, case index,
//   purpose, sub-key), so a case depends only on (seed, index) and switching one knob on does not
//   reshuffle the rest of the cohort;
// - no floating point on the generation path: the knobs' rates and weights are converted once to
//   integers (exact operations: division, ldexp, llround), and symptom arithmetic is 16.16 fixed
//   point. Libm functions (log, cos) and FMA contraction may differ in the last bit between
//   platforms; integers do not.
#include <iptkit/synth/generator.hpp>

#include "cohort_generator.hpp"

#include <algorithm>
#include <string_view>

namespace iptkit {

namespace {

bool is_rate(double x) { return x >= 0 && x <= 1; }  // false for NaN

bool is_weight(double x) { return x >= 0 && x <= 1e9; }

}  // namespace

std::vector<synth_arm> default_synth_arms() {
  // One population (adults) in both arms, as a trial has: IPT mostly individual, some of it in
  // groups; the control arm is usual care, a comparator with a few contacts and no IPT. Reliable
  // deterioration: a median of 4% in psychotherapy arms (Cuijpers et al. 2018, J Affect Disord
  // 239:138), 7.6% in control arms (Ebert et al. 2016, Psychol Med 46:2679). The worsening drawn
  // is more often than that, because a high baseline leaves the PHQ-9 no room for 6 more points
  // and a dropout stops early: docs/synthetic.md gives the rates a default cohort reaches.
  return {
      {"ipt", 1, {{"ipt", 0.8}, {"ipt_g", 0.2}}, 0.6, 0.35, true, 0.06},
      {"tau", 1, {{"usual_care", 1}}, 0.48, 0.4, false, 0.155},
  };
}

std::vector<synth_share> default_synth_sites() {
  return {{"site-a", 1}, {"site-b", 1}, {"site-c", 1}, {"site-d", 1}};
}

std::vector<synth_area_share> default_synth_problem_areas() {
  return {{problem_area::role_dispute, 0.35},
          {problem_area::role_transition, 0.30},
          {problem_area::grief, 0.20},
          {problem_area::interpersonal_deficits, 0.15}};
}

std::vector<std::string> synth_option_errors(const synth_options& o, const catalog& cat) {
  const protocol_registry& protocols = cat.protocols;
  std::vector<std::string> errors;
  const auto rate = [&](std::string_view name, double x) {
    if (!is_rate(x)) errors.push_back(std::string(name) + " must be between 0 and 1");
  };
  const auto mix = [&](std::string_view name, const auto& entries, auto weight_of) {
    double total = 0;
    bool ok = true;
    for (const auto& e : entries) {
      ok = ok && is_weight(weight_of(e));
      if (ok) total += weight_of(e);
    }
    if (!ok) errors.push_back(std::string(name) + ": weights must be between 0 and 1e9");
    else if (!(total > 0)) errors.push_back(std::string(name) + ": needs an entry with a positive weight");
  };
  if (o.arms.empty()) errors.emplace_back("arms: needs at least one arm");
  else mix("arms", o.arms, [](const synth_arm& a) { return a.allocation; });
  for (const auto& a : o.arms) {
    const std::string where = "arms[" + a.id + "]";
    if (a.id.empty()) errors.push_back("arms: an arm has an empty id");
    mix(where + ".adaptations", a.adaptations, [](const synth_share& s) { return s.weight; });
    for (const auto& s : a.adaptations)
      if (!protocols.find(s.id)) errors.push_back(where + ": unknown adaptation \"" + s.id + "\"");
    if (!(a.improvement_mean >= -1 && a.improvement_mean <= 1))
      errors.push_back(where + ".improvement_mean must be between -1 and 1");
    if (!is_rate(a.improvement_sd)) errors.push_back(where + ".improvement_sd must be between 0 and 1");
    if (!is_rate(a.deterioration)) errors.push_back(where + ".deterioration must be between 0 and 1");
  }
  if (!o.sites.empty()) mix("sites", o.sites, [](const synth_share& s) { return s.weight; });
  for (const auto& s : o.sites)
    if (s.id.empty()) errors.emplace_back("sites: a site has an empty id");
  if (o.problem_areas.empty()) errors.emplace_back("problem_areas: needs at least one area");
  else mix("problem_areas", o.problem_areas, [](const synth_area_share& a) { return a.weight; });
  if (!o.start_from.ok() || !o.start_to.ok() || o.start_to < o.start_from)
    errors.emplace_back("start_from .. start_to must be valid dates, start_from first");
  if (o.id_prefix.size() > 50 ||
      !std::all_of(o.id_prefix.begin(), o.id_prefix.end(), [](char ch) {
        return (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ||
               ch == '.' || ch == '_' || ch == '-';
      }))
    errors.emplace_back("id_prefix must be at most 50 characters of A-Z a-z 0-9 . _ -");
  rate("second_focus_share", o.second_focus_share);
  rate("dropout_rate", o.dropout_rate);
  rate("cancellation_rate", o.cancellation_rate);
  rate("no_show_rate", o.no_show_rate);
  if (is_rate(o.cancellation_rate) && is_rate(o.no_show_rate) && o.cancellation_rate + o.no_show_rate > 1)
    errors.emplace_back("cancellation_rate + no_show_rate must be at most 1");
  rate("missing_assessment_rate", o.missing_assessment_rate);
  rate("gad7_share", o.gad7_share);
  rate("antidepressant_share", o.antidepressant_share);
  rate("renegotiation_share", o.renegotiation_share);
  rate("maintenance_share", o.maintenance_share);
  rate("relapse_share", o.relapse_share);
  rate("risk_rate", o.risk_rate);
  rate("deviations.missing_focus_areas", o.deviations.missing_focus_areas);
  rate("deviations.long_gap", o.deviations.long_gap);
  rate("deviations.unagreed_formulation", o.deviations.unagreed_formulation);
  rate("deviations.missing_endpoint", o.deviations.missing_endpoint);
  if (o.trial) {
    const auto& t = *o.trial;
    rate("trial.screen_failure_rate", t.screen_failure_rate);
    rate("trial.declined_share", t.declined_share);
    rate("trial.second_reason_share", t.second_reason_share);
    rate("trial.therapist_effect_sd", t.therapist_effect_sd);
    rate("trial.colleague_session_share", t.colleague_session_share);
    rate("trial.crossover_rate", t.crossover_rate);
    rate("trial.missed_follow_up_rate", t.missed_follow_up_rate);
    rate("trial.adverse_event_rate", t.adverse_event_rate);
    rate("trial.serious_share", t.serious_share);
    if (t.therapists_per_site < 1 || t.therapists_per_site > 1000)
      errors.emplace_back("trial.therapists_per_site must be between 1 and 1000");
    for (int d : t.follow_up_days)
      if (d < 15 || d > 3650) {
        errors.emplace_back("trial.follow_up_days must be between 15 and 3650 days");
        break;
      }
  }
  return errors;
}

case_record synthesize_case(const synth_options& options, std::size_t index, const catalog& cat) {
  return synth::detail::generator(options, cat).make(index);
}

std::vector<case_record> synthesize(const synth_options& options, const catalog& cat) {
  std::vector<case_record> out;
  out.reserve(options.cases);
  synthesize(options, [&](case_record&& c) { out.push_back(std::move(c)); }, cat);
  return out;
}

void synthesize(const synth_options& options, const std::function<void(case_record&&)>& sink, const catalog& cat) {
  const synth::detail::generator g(options, cat);
  for (std::size_t i = 0; i < options.cases; ++i) sink(g.make(i));
}

}  // namespace iptkit

