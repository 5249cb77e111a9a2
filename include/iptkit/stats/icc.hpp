#pragma once
/// @file
/// @brief Clustering by therapist or group: the one-way random effects intraclass correlation
/// ICC(1) with its F-based interval (Shrout and Fleiss 1979; McGraw and Wong 1996), the design
/// effect (Donner and Klar 2000) and cluster-adjusted arm comparisons (docs/trials.md "Clustering").

#include <boost/describe.hpp>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace iptkit::stats {

/// @brief A difference of mean values between two arms with its standard error inflated by the
/// square root of the design effect, and the 95% t interval on clusters - arms degrees of freedom.
struct cluster_adjusted_difference {
  std::string arm;              ///< the arm compared
  std::string reference;        ///< the reference arm
  std::size_t n = 0;            ///< subjects of `arm`
  std::size_t reference_n = 0;  ///< subjects of `reference`
  double difference = 0;        ///< mean(arm) - mean(reference)
  double se = 0;                ///< sqrt(s_a^2 / n_a + s_r^2 / n_r), ignoring clustering
  double se_adjusted = 0;       ///< se * sqrt(design effect)
  double df = 0;                ///< clusters - arms
  double lower = 0;             ///< 95% lower bound with se_adjusted
  double upper = 0;             ///< 95% upper bound with se_adjusted
  friend bool operator==(const cluster_adjusted_difference&, const cluster_adjusted_difference&) = default;
};
BOOST_DESCRIBE_STRUCT(cluster_adjusted_difference, (),
                      (arm, reference, n, reference_n, difference, se, se_adjusted, df, lower, upper))

/// @brief ICC(1) by the one-way ANOVA estimator, with clusters nested in arms when arms are given
/// (the between-cluster sum of squares then about each arm's mean, df clusters - arms).
struct icc_fit {
  std::size_t n = 0;                    ///< values used
  std::size_t excluded = 0;             ///< values left out as missing (NaN)
  std::size_t clusters = 0;             ///< k
  std::size_t arms = 1;                 ///< a (1 without arms)
  double df_between = 0;                ///< k - a
  double df_within = 0;                 ///< n - k
  double ms_between = 0;                ///< between-cluster mean square
  double ms_within = 0;                 ///< within-cluster mean square
  std::optional<double> f_statistic;    ///< ms_between / ms_within; none when ms_within is 0
  std::optional<double> f_pvalue;       ///< upper tail of F(df_between, df_within)
  double n0 = 0;                        ///< adjusted mean cluster size (n - sum over arms of sum n_c^2 / n_arm) / (k - a)
  double mean_cluster_size = 0;         ///< m = n / k
  /// (MSB - MSW) / (MSB + (n0 - 1) MSW), reported as is when negative; 1 (and both bounds 1) when
  /// ms_within is 0 but ms_between is not; none when every value is equal.
  std::optional<double> icc;
  std::optional<double> lower;          ///< 95% F-based lower bound
  std::optional<double> upper;          ///< 95% F-based upper bound
  double design_effect = 1;             ///< 1 + (m - 1) max(icc, 0); 1 when icc is none
  std::vector<cluster_adjusted_difference> differences;  ///< each non-reference arm, when arms are given
  friend bool operator==(const icc_fit&, const icc_fit&) = default;
};
BOOST_DESCRIBE_STRUCT(icc_fit, (), (n, excluded, clusters, arms, df_between, df_within, ms_between, ms_within,
                                    f_statistic, f_pvalue, n0, mean_cluster_size, icc, lower, upper,
                                    design_effect, differences))

/// @brief What is wrong with clustered data (empty when it can be used): lengths that differ,
/// infinite values, a cluster in two arms, too few clusters or values, an unknown reference.
std::vector<std::string> icc_input_errors(std::span<const double> values, std::span<const std::string> cluster,
                                          std::span<const std::string> arm = {},
                                          const std::optional<std::string>& reference = {});

/// @brief ICC(1) of `values` (e.g. change scores) by `cluster` (therapist or group), the design
/// effect, and with `arm` the cluster-adjusted difference of each arm from `reference` (or the
/// first arm in sorted order). NaN values are left out as missing and counted.
/// @throws std::invalid_argument when icc_input_errors() is not empty.
icc_fit icc(std::span<const double> values, std::span<const std::string> cluster, std::span<const std::string> arm = {},
            const std::optional<std::string>& reference = {});

}  // namespace iptkit::stats
