#pragma once
/// @file
/// @brief Cohort statistics on outcome rows (outcomes.md "Cohort statistics"): every statistic
/// carries its n; nothing is imputed.

#include <iptkit/meta/enum_printing.hpp>
#include <iptkit/model/case_record.hpp>
#include <iptkit/outcomes/case_outcome.hpp>
#include <iptkit/trials/analysis_set.hpp>
#include <boost/describe.hpp>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace iptkit {

/// @brief k of n, with the Wilson score 95% interval (Wilson 1927; Newcombe 1998 method 3).
struct proportion {
  std::size_t k = 0;                ///< cases with the outcome
  std::size_t n = 0;                ///< cases where it is defined
  std::optional<double> rate;       ///< k / n
  std::optional<double> lower;      ///< 95% lower bound
  std::optional<double> upper;      ///< 95% upper bound
  friend bool operator==(const proportion&, const proportion&) = default;
};
BOOST_DESCRIBE_STRUCT(proportion, (), (k, n, rate, lower, upper))

/// @brief Mean and sample SD (n - 1) of n values.
struct mean_sd {
  std::size_t n = 0;            ///< values
  std::optional<double> mean;   ///< n >= 1
  std::optional<double> sd;     ///< n >= 2
  friend bool operator==(const mean_sd&, const mean_sd&) = default;
};
BOOST_DESCRIBE_STRUCT(mean_sd, (), (n, mean, sd))

/// @brief A standardised mean difference: raw d, Hedges-corrected g, and g's 95% interval.
struct effect_size {
  std::size_t n = 0;            ///< cases (total of both groups for a comparison)
  std::optional<double> d;      ///< uncorrected
  std::optional<double> g;      ///< with Hedges' small-sample correction J
  std::optional<double> lower;  ///< 95% lower bound of g
  std::optional<double> upper;  ///< 95% upper bound of g
  friend bool operator==(const effect_size&, const effect_size&) = default;
};
BOOST_DESCRIBE_STRUCT(effect_size, (), (n, d, g, lower, upper))

/// @brief The statistics of one group and instrument.
struct group_summary {
  std::string group;                    ///< group label ("all" when ungrouped, "(none)" when unlabelled)
  std::string instrument;               ///< instrument id or `phq9+gad7`
  std::size_t cases = 0;                ///< outcome rows in the group
  std::size_t with_baseline_and_endpoint = 0;  ///< rows with both
  mean_sd baseline;                     ///< over rows with both
  mean_sd endpoint;                     ///< over rows with both
  mean_sd change;                       ///< endpoint - baseline
  proportion response;                  ///< where defined
  proportion remission;                 ///< where defined
  proportion reliable_improvement;      ///< where defined
  proportion reliable_deterioration;    ///< where defined
  proportion recovery;                  ///< among finished courses at caseness at baseline
  proportion reliable_recovery;         ///< among finished courses at caseness at baseline
  proportion relapse;                   ///< relapse_kind relapse, among rows that remitted and the relapse rule was applied to
  proportion recurrence;                ///< relapse_kind recurrence, among the same rows
  proportion completers;                ///< over all rows
  effect_size d_z;                      ///< mean change / SD of change (Lakens 2013)
  effect_size d_av;                     ///< mean change / mean of the two SDs (Lakens 2013)
  iptkit::analysis_set analysis_set = analysis_set::completers;  ///< the set the row describes
  /// @brief Under `itt`: what response and remission did with a missing endpoint; absent otherwise
  /// (missing endpoints are then left out of every statistic).
  std::optional<missing_outcome> missing_endpoints;
  friend bool operator==(const group_summary&, const group_summary&) = default;
};
BOOST_DESCRIBE_STRUCT(group_summary, (),
                      (group, instrument, cases, with_baseline_and_endpoint, baseline, endpoint,
                       change, response, remission, reliable_improvement, reliable_deterioration,
                       recovery, reliable_recovery, relapse, recurrence, completers, d_z, d_av,
                       analysis_set, missing_endpoints))

/// @brief A difference in rates (a - b) with Newcombe's hybrid score 95% interval (method 10).
struct rate_difference {
  std::string outcome;                  ///< e.g. `response`
  std::optional<double> difference;     ///< rate a - rate b
  std::optional<double> lower;          ///< 95% lower bound
  std::optional<double> upper;          ///< 95% upper bound
  friend bool operator==(const rate_difference&, const rate_difference&) = default;
};
BOOST_DESCRIBE_STRUCT(rate_difference, (), (outcome, difference, lower, upper))

/// @brief Two groups compared on one instrument: Hedges' g on change scores and rate differences.
struct group_comparison {
  std::string instrument;                  ///< instrument id
  std::string group_a;                     ///< first group
  std::string group_b;                     ///< second group
  effect_size hedges_g;                    ///< (mean change a - mean change b) / pooled SD
  std::vector<rate_difference> rates;      ///< response, remission, reliable improvement, recovery ...
  friend bool operator==(const group_comparison&, const group_comparison&) = default;
};
BOOST_DESCRIBE_STRUCT(group_comparison, (), (instrument, group_a, group_b, hedges_g, rates))

/// @brief What to group cases by.
enum class group_by { none, arm, adaptation, site };
BOOST_DESCRIBE_ENUM(group_by, none, arm, adaptation, site)
IPTKIT_ENUM_PRINTING(group_by)

/// @brief Every group's statistics and every pair of groups compared, with the analysis set they
/// describe and how it handled missing data, in words.
struct cohort_summary {
  iptkit::group_by by = group_by::none;        ///< the grouping
  std::vector<group_summary> groups;           ///< by group (first-appearance order), then instrument
  std::vector<group_comparison> comparisons;   ///< every pair of groups, per instrument
  iptkit::analysis_set analysis_set = analysis_set::completers;  ///< who is analysed
  std::optional<missing_outcome> missing_endpoints;  ///< under itt: missing binary endpoints
  std::size_t population = 0;                  ///< cases in the set
  std::size_t excluded = 0;                    ///< cases outside it
  std::vector<std::string> notes;              ///< the set and the handling of missing data, one sentence each
  friend bool operator==(const cohort_summary&, const cohort_summary&) = default;
};
BOOST_DESCRIBE_STRUCT(cohort_summary, (),
                      (by, groups, comparisons, analysis_set, missing_endpoints, population, excluded, notes))

/// @brief The Wilson 95% interval of k of n.
proportion wilson(std::size_t k, std::size_t n);

/// @brief Statistics of outcome rows; `group_of_case[r.case_index]` labels each row's case. Every
/// case is in: the `completers` set of a cohort without trial records.
cohort_summary summarize(std::span<const case_outcome> rows, std::span<const std::string> group_of_case,
                         group_by by);

/// @brief Statistics of the outcome rows of the cases in `population` (select_analysis_set()),
/// grouped by `group_of_case`, or by the population's arm (the allocated arm under itt and
/// per_protocol) when `by` is group_by::arm. Continuous statistics use the rows with baseline and
/// endpoint in every set. Under itt, response and remission count every case of the set in
/// their denominator, a missing endpoint as failure with missing_outcome::non_response, or left
/// out with missing_outcome::left_out (docs/trials.md "Analysis sets").
cohort_summary summarize(std::span<const case_outcome> rows, const analysis_population& population,
                         std::span<const std::string> group_of_case, group_by by,
                         missing_outcome missing = missing_outcome::non_response);

/// @brief The group label of each case ("all" for none; "(none)" where the field is absent).
std::vector<std::string> group_labels(std::span<const case_record> cases, group_by by);

}  // namespace iptkit
