#pragma once
/// @file
/// @brief Time to event: the Kaplan-Meier estimate with Greenwood standard errors, log-log
/// intervals, medians, numbers at risk, and the log-rank test (docs/trials.md "Time to event").

#include <boost/describe.hpp>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace iptkit::stats {

/// @brief One distinct observed time of one group: who was at risk just before it, what happened
/// at it, and the estimate just after it.
struct km_step {
  std::string group;              ///< group label ("all" when ungrouped)
  double time = 0;                ///< an observed time (event or censoring)
  std::size_t at_risk = 0;        ///< subjects with time >= this time
  std::size_t events = 0;         ///< events at this time
  std::size_t censored = 0;       ///< censorings at this time (counted at risk at it)
  double survival = 1;            ///< product of (1 - events / at_risk) up to and including this time
  /// Greenwood standard error of `survival`; none once survival is 0 (everyone at risk had the
  /// event, so Greenwood's d / (n (n - d)) is undefined).
  std::optional<double> std_err;
  std::optional<double> lower;    ///< 95% log-log lower bound (1 before the first event; none with std_err none)
  std::optional<double> upper;    ///< 95% log-log upper bound (as lower)
  friend bool operator==(const km_step&, const km_step&) = default;
};
BOOST_DESCRIBE_STRUCT(km_step, (), (group, time, at_risk, events, censored, survival, std_err, lower, upper))

/// @brief The median survival time of one group with its 95% interval (Brookmeyer and Crowley 1982,
/// log-log transform, as SAS PROC LIFETEST and statsmodels' quantile_ci).
struct km_median {
  std::string group;              ///< group label
  std::size_t n = 0;              ///< subjects in the group
  std::size_t events = 0;         ///< events in the group
  /// The first event time at which survival falls strictly below 0.5; none when it never does
  /// (median not reached).
  std::optional<double> median;
  std::optional<double> lower;    ///< 95% lower bound; none when no event time is in the interval
  std::optional<double> upper;    ///< 95% upper bound; none when not reached (the interval is open above)
  friend bool operator==(const km_median&, const km_median&) = default;
};
BOOST_DESCRIBE_STRUCT(km_median, (), (group, n, events, median, lower, upper))

/// @brief The Kaplan-Meier estimate of every group.
struct kaplan_meier_fit {
  std::size_t n = 0;                 ///< subjects
  std::vector<km_step> table;        ///< by group (sorted labels), then time
  std::vector<km_median> medians;    ///< one per group, same order
  friend bool operator==(const kaplan_meier_fit&, const kaplan_meier_fit&) = default;
};
BOOST_DESCRIBE_STRUCT(kaplan_meier_fit, (), (n, table, medians))

/// @brief The log-rank test of k groups (Mantel 1966): chi-square with k - 1 degrees of freedom.
struct logrank_test {
  std::size_t n = 0;                     ///< subjects
  std::vector<std::string> groups;       ///< sorted labels
  std::vector<std::size_t> group_n;      ///< subjects per group
  std::vector<double> observed;          ///< events per group
  std::vector<double> expected;          ///< expected events per group under equal hazards
  double statistic = 0;                  ///< (O - E)' V^-1 (O - E) over the first k - 1 groups
  std::size_t df = 0;                    ///< k - 1
  double pvalue = 1;                     ///< upper tail of chi-square(df)
  friend bool operator==(const logrank_test&, const logrank_test&) = default;
};
BOOST_DESCRIBE_STRUCT(logrank_test, (), (n, groups, group_n, observed, expected, statistic, df, pvalue))

/// @brief What is wrong with survival data (empty when it can be used): lengths that differ,
/// times that are negative or not finite, events other than 0 or 1. Each message says what was
/// expected and what was found, for at most the first 5 offending elements of each kind.
std::vector<std::string> survival_input_errors(std::span<const double> time, std::span<const int> event,
                                               std::span<const std::string> group = {});

/// @brief The Kaplan-Meier estimate (Kaplan and Meier 1958) of each group (all subjects as one
/// group "all" when `group` is empty), Greenwood's variance (Greenwood 1926) and log-log 95%
/// intervals (Kalbfleisch and Prentice 2002).
/// @throws std::invalid_argument when survival_input_errors() is not empty, or there are no subjects.
kaplan_meier_fit kaplan_meier(std::span<const double> time, std::span<const int> event,
                              std::span<const std::string> group = {});

/// @brief The log-rank test across the groups of `group`.
/// @throws std::invalid_argument when survival_input_errors() is not empty, there are fewer than
/// two groups, or no events at all (the statistic would be 0 / 0).
logrank_test logrank(std::span<const double> time, std::span<const int> event,
                     std::span<const std::string> group);

}  // namespace iptkit::stats
