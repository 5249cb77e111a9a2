#pragma once
/// @file
/// @brief Deterministic synthetic cohorts: clinically plausible IPT cases for tests, demos and
/// benchmarks, the same on every machine for the same seed (docs/synthetic.md).

#include <iptkit/meta/field_rules.hpp>
#include <iptkit/model/case_record.hpp>
#include <iptkit/model/date.hpp>
#include <iptkit/model/focus.hpp>
#include <iptkit/catalog.hpp>
#include <boost/describe.hpp>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace iptkit {

/// @brief One labelled share of a mix (adaptations within an arm, sites). Weights are relative:
/// they need not sum to 1, and a weight of 0 switches the entry off.
struct synth_share {
  std::string id;     ///< adaptation id (a protocol of the registry) or site label
  double weight = 1;  ///< relative weight, >= 0
  friend bool operator==(const synth_share&, const synth_share&) = default;
};
BOOST_DESCRIBE_STRUCT(synth_share, (), (id, weight))

template <>
inline constexpr auto meta::field_rules<synth_share> = std::tuple{
    meta::field(&synth_share::id, meta::non_empty{}),
    meta::field(&synth_share::weight, meta::has_default{}, meta::real_range{0, 1e9})};

/// @brief One share of the problem-area mix of the primary focus.
struct synth_area_share {
  problem_area area{};  ///< grief, role_dispute, role_transition, interpersonal_deficits
  double weight = 1;    ///< relative weight, >= 0
  friend bool operator==(const synth_area_share&, const synth_area_share&) = default;
};
BOOST_DESCRIBE_STRUCT(synth_area_share, (), (area, weight))

template <>
inline constexpr auto meta::field_rules<synth_area_share> = std::tuple{
    meta::field(&synth_area_share::weight, meta::has_default{}, meta::real_range{0, 1e9})};

/// @brief A trial arm: its share of cases, its adaptation mix and its symptom response.
///
/// A patient's course-end PHQ-9 improvement is a proportion of the baseline drawn from
/// N(`improvement_mean`, `improvement_sd`) (clipped to -0.25..1); docs/synthetic.md shows the
/// response and remission rates the defaults give and the literature they aim at.
struct synth_arm {
  std::string id;                        ///< the case's `arm` label
  double allocation = 1;                 ///< relative share of cases
  std::vector<synth_share> adaptations;  ///< adaptation mix within the arm
  double improvement_mean = 0.6;         ///< mean proportional PHQ-9 reduction over a full course
  double improvement_sd = 0.35;          ///< between-patient SD of that proportion
  bool maintenance = true;               ///< completers below PHQ-9 10 may be offered IPT-M
  double deterioration = 0.075;          ///< share of cases drawn to worsen by 7-10 points on PHQ-9 items 1-8 (fewer reach reliable deterioration: see docs/synthetic.md)
  friend bool operator==(const synth_arm&, const synth_arm&) = default;
};
BOOST_DESCRIBE_STRUCT(synth_arm, (),
                      (id, allocation, adaptations, improvement_mean, improvement_sd, maintenance,
                       deterioration))

template <>
inline constexpr auto meta::field_rules<synth_arm> = std::tuple{
    meta::field(&synth_arm::id, meta::non_empty{}),
    meta::field(&synth_arm::allocation, meta::has_default{}, meta::real_range{0, 1e9}),
    meta::field(&synth_arm::improvement_mean, meta::has_default{}, meta::real_range{-1, 1}),
    meta::field(&synth_arm::improvement_sd, meta::has_default{}, meta::real_range{0, 1}),
    meta::field(&synth_arm::maintenance, meta::has_default{}),
    meta::field(&synth_arm::deterioration, meta::has_default{}, meta::real_range{0, 1})};

/// @brief Protocol deviations injected at known per-case rates, each where the case has a place
/// for it (docs/synthetic.md says which cases can carry which deviation).
struct synth_deviations {
  double missing_focus_areas = 0.03;   ///< an attended middle session without `focus_areas` (P005)
  double long_gap = 0.03;              ///< a 3-week break between attended acute sessions (C005)
  double unagreed_formulation = 0.02;  ///< formulation with `patient_agreed: false` (F004)
  double missing_endpoint = 0.02;      ///< no measure at the last two acute sessions of a completed course (A006)
  friend bool operator==(const synth_deviations&, const synth_deviations&) = default;
};
BOOST_DESCRIBE_STRUCT(synth_deviations, (),
                      (missing_focus_areas, long_gap, unagreed_formulation, missing_endpoint))

template <>
inline constexpr auto meta::field_rules<synth_deviations> = std::tuple{
    meta::field(&synth_deviations::missing_focus_areas, meta::has_default{}, meta::real_range{0, 1}),
    meta::field(&synth_deviations::long_gap, meta::has_default{}, meta::real_range{0, 1}),
    meta::field(&synth_deviations::unagreed_formulation, meta::has_default{}, meta::real_range{0, 1}),
    meta::field(&synth_deviations::missing_endpoint, meta::has_default{}, meta::real_range{0, 1})};

/// @brief The randomised-trial record of a synthetic cohort (docs/synthetic.md "Trial records"):
/// screening, randomisation, therapists and groups, discontinuations, follow-up visits and
/// adverse events. Every case then has a `trial` record; without these options none has.
struct synth_trial {
  double screen_failure_rate = 0.2;        ///< records screened and never randomised
  double declined_share = 0.35;            ///< of those: eligible but declined (the rest not eligible)
  double second_reason_share = 0.2;        ///< not-eligible records with a second exclusion reason
  int therapists_per_site = 4;             ///< therapists per site (per cohort without sites)
  double therapist_effect_sd = 0.05;       ///< SD of a therapist's shift of the proportional PHQ-9 improvement
  double colleague_session_share = 0.05;   ///< attended sessions taken by another therapist of the site
  double crossover_rate = 0.02;            ///< cases that received another arm than allocated (with a reason)
  std::vector<int> follow_up_days = {90, 180, 365};  ///< follow-up visits after the last acute session
  double missed_follow_up_rate = 0.15;     ///< per visit: not attended
  double adverse_event_rate = 0.06;        ///< cases with an adverse event
  double serious_share = 0.15;             ///< of those events: serious (ICH E2A)
  friend bool operator==(const synth_trial&, const synth_trial&) = default;
};
BOOST_DESCRIBE_STRUCT(synth_trial, (),
                      (screen_failure_rate, declined_share, second_reason_share, therapists_per_site,
                       therapist_effect_sd, colleague_session_share, crossover_rate, follow_up_days,
                       missed_follow_up_rate, adverse_event_rate, serious_share))

template <>
inline constexpr auto meta::field_rules<synth_trial> = std::tuple{
    meta::field(&synth_trial::screen_failure_rate, meta::has_default{}, meta::real_range{0, 1}),
    meta::field(&synth_trial::declined_share, meta::has_default{}, meta::real_range{0, 1}),
    meta::field(&synth_trial::second_reason_share, meta::has_default{}, meta::real_range{0, 1}),
    meta::field(&synth_trial::therapists_per_site, meta::has_default{}, meta::in_range{1, 1000}),
    meta::field(&synth_trial::therapist_effect_sd, meta::has_default{}, meta::real_range{0, 1}),
    meta::field(&synth_trial::colleague_session_share, meta::has_default{}, meta::real_range{0, 1}),
    meta::field(&synth_trial::crossover_rate, meta::has_default{}, meta::real_range{0, 1}),
    meta::field(&synth_trial::follow_up_days, meta::has_default{}),
    meta::field(&synth_trial::missed_follow_up_rate, meta::has_default{}, meta::real_range{0, 1}),
    meta::field(&synth_trial::adverse_event_rate, meta::has_default{}, meta::real_range{0, 1}),
    meta::field(&synth_trial::serious_share, meta::has_default{}, meta::real_range{0, 1})};

/// @brief The default arms, allocated 1:1: `ipt` (adults: individual IPT, some of it in the group
/// format) and `tau` (the `usual_care` comparator: a few contacts, no IPT).
std::vector<synth_arm> default_synth_arms();

/// @brief The default sites: `site-a` .. `site-d`, equal shares.
std::vector<synth_share> default_synth_sites();

/// @brief The default primary problem-area mix: role dispute 35%, role transition 30%, grief 20%,
/// interpersonal deficits 15%.
std::vector<synth_area_share> default_synth_problem_areas();

/// @brief Every knob of the generator, with defaults that give a realistic two-arm cohort.
/// Rates are per case unless their comment says otherwise.
struct synth_options {
  std::uint64_t seed = 1;                          ///< the cohort's seed: same seed, same cohort
  std::size_t cases = 100;                         ///< how many cases synthesize() makes
  std::string id_prefix = "SYN-";                  ///< case ids are the prefix and a 1-based 6-digit number
  std::vector<synth_arm> arms = default_synth_arms();                     ///< trial arms
  std::vector<synth_share> sites = default_synth_sites();                 ///< sites (none: no `site`)
  std::vector<synth_area_share> problem_areas = default_synth_problem_areas();  ///< primary focus mix
  double second_focus_share = 0.2;                 ///< cases with a second focus (never with deficits)
  date start_from{std::chrono::year{2023}, std::chrono::January, std::chrono::day{1}};  ///< first start date
  date start_to{std::chrono::year{2024}, std::chrono::June, std::chrono::day{30}};  ///< last start date (weekends move to Monday); two years of maintenance after it end in 2026
  double dropout_rate = 0.2;                       ///< courses that stop before the termination phase
  double cancellation_rate = 0.05;                 ///< per middle-phase appointment: cancelled
  double no_show_rate = 0.07;                      ///< per middle-phase appointment: not attended
  double missing_assessment_rate = 0.05;           ///< per attended session: no measure recorded
  double gad7_share = 0.5;                         ///< cases that also complete GAD-7
  double antidepressant_share = 0.3;               ///< cases with a concurrent antidepressant
  double renegotiation_share = 0.05;               ///< completed courses renegotiated to 2 more sessions, where the protocol allows
  double maintenance_share = 0.3;                  ///< eligible completers (arm allows, PHQ-9 <= 9) given a maintenance plan
  double relapse_share = 0.26;                     ///< maintenance cases whose relapse rule fires within the 24 monthly sessions (M003)
  double risk_rate = 0.1;                          ///< cases with PHQ-9 item 9 above 0 (A007)
  synth_deviations deviations;                     ///< protocol deviations
  std::optional<synth_trial> trial;                ///< the trial record; absent: cases have none
  friend bool operator==(const synth_options&, const synth_options&) = default;
};
BOOST_DESCRIBE_STRUCT(synth_options, (),
                      (seed, cases, id_prefix, arms, sites, problem_areas, second_focus_share,
                       start_from, start_to, dropout_rate, cancellation_rate, no_show_rate,
                       missing_assessment_rate, gad7_share, antidepressant_share,
                       renegotiation_share, maintenance_share, relapse_share, risk_rate,
                       deviations, trial))

template <>
inline constexpr auto meta::field_rules<synth_options> = std::tuple{
    meta::field(&synth_options::seed, meta::has_default{}),
    meta::field(&synth_options::cases, meta::has_default{}),
    meta::field(&synth_options::id_prefix, meta::has_default{}),
    meta::field(&synth_options::second_focus_share, meta::has_default{}, meta::real_range{0, 1}),
    meta::field(&synth_options::start_from, meta::has_default{}),
    meta::field(&synth_options::start_to, meta::has_default{}),
    meta::field(&synth_options::dropout_rate, meta::has_default{}, meta::real_range{0, 1}),
    meta::field(&synth_options::cancellation_rate, meta::has_default{}, meta::real_range{0, 1}),
    meta::field(&synth_options::no_show_rate, meta::has_default{}, meta::real_range{0, 1}),
    meta::field(&synth_options::missing_assessment_rate, meta::has_default{}, meta::real_range{0, 1}),
    meta::field(&synth_options::gad7_share, meta::has_default{}, meta::real_range{0, 1}),
    meta::field(&synth_options::antidepressant_share, meta::has_default{}, meta::real_range{0, 1}),
    meta::field(&synth_options::renegotiation_share, meta::has_default{}, meta::real_range{0, 1}),
    meta::field(&synth_options::maintenance_share, meta::has_default{}, meta::real_range{0, 1}),
    meta::field(&synth_options::relapse_share, meta::has_default{}, meta::real_range{0, 1}),
    meta::field(&synth_options::risk_rate, meta::has_default{}, meta::real_range{0, 1}),
    meta::field(&synth_options::deviations, meta::has_default{}),
    meta::field(&synth_options::trial, meta::has_default{})};

/// @brief What is wrong with `options` (empty when they can be used): rates outside 0-1, mixes
/// without a positive weight, adaptations the catalog does not know, an empty date range, an
/// id prefix that would make invalid case ids.
std::vector<std::string> synth_option_errors(
    const synth_options& options, const catalog& cat = catalog::builtin());

/// @brief Case `index` (0-based) of the cohort. It depends only on the options and `index`, not on
/// `options.cases`, so a cohort can be made in chunks, in any order, in parallel.
/// @throws std::invalid_argument when synth_option_errors() is not empty.
case_record synthesize_case(const synth_options& options, std::size_t index,
                            const catalog& cat = catalog::builtin());

/// @brief The cohort: cases 0 .. `options.cases` - 1, in order.
/// @throws std::invalid_argument when synth_option_errors() is not empty.
std::vector<case_record> synthesize(const synth_options& options,
                                    const catalog& cat = catalog::builtin());

/// @brief The cohort, one case at a time and in order, handed to `sink`; memory does not grow
/// with `options.cases`.
/// @throws std::invalid_argument when synth_option_errors() is not empty.
void synthesize(const synth_options& options, const std::function<void(case_record&&)>& sink,
                const catalog& cat = catalog::builtin());

}  // namespace iptkit
