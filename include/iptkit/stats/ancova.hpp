#pragma once
/// @file
/// @brief ANCOVA: a continuous endpoint on arm adjusted for baseline (and stratum) by ordinary
/// least squares (EMA 2015 guideline on adjustment for baseline covariates; docs/trials.md "ANCOVA").

#include <boost/describe.hpp>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace iptkit::stats {

/// @brief One arm against the reference arm, adjusted for baseline (and stratum).
struct ancova_difference {
  std::string arm;              ///< the arm compared
  std::string reference;        ///< the reference arm
  std::size_t n = 0;            ///< subjects of `arm` in the model
  double estimate = 0;          ///< adjusted mean difference arm - reference (the arm's OLS coefficient)
  double se = 0;                ///< its OLS standard error
  double lower = 0;             ///< 95% t interval, df = n - parameters
  double upper = 0;             ///< 95% t interval
  double t = 0;                 ///< estimate / se
  double pvalue = 1;            ///< two-sided t
  friend bool operator==(const ancova_difference&, const ancova_difference&) = default;
};
BOOST_DESCRIBE_STRUCT(ancova_difference, (), (arm, reference, n, estimate, se, lower, upper, t, pvalue))

/// @brief The ANCOVA fit: endpoint = intercept + arm dummies + slope * baseline + stratum dummies.
struct ancova_fit {
  std::size_t n = 0;                          ///< subjects in the model (endpoint and baseline both present)
  std::size_t excluded = 0;                   ///< subjects left out for a missing (NaN) endpoint or baseline
  std::size_t df = 0;                         ///< residual degrees of freedom: n - parameters
  std::string reference;                      ///< the reference arm
  std::size_t reference_n = 0;                ///< its subjects in the model
  std::vector<ancova_difference> differences; ///< each other arm, in sorted order
  double baseline_slope = 0;                  ///< the baseline coefficient
  double baseline_se = 0;                     ///< its standard error
  double residual_sd = 0;                     ///< sqrt(residual sum of squares / df)
  std::vector<std::string> strata;            ///< stratum levels (the first is the reference), empty without strata
  friend bool operator==(const ancova_fit&, const ancova_fit&) = default;
};
BOOST_DESCRIBE_STRUCT(ancova_fit, (), (n, excluded, df, reference, reference_n, differences, baseline_slope,
                                       baseline_se, residual_sd, strata))

/// @brief What is wrong with ANCOVA data (empty when it can be fitted): lengths that differ,
/// infinite values, a reference arm that is not among the arms, fewer than two arms or no
/// residual degrees of freedom among the complete rows.
std::vector<std::string> ancova_input_errors(std::span<const double> endpoint, std::span<const std::string> arm,
                                             std::span<const double> baseline,
                                             std::span<const std::string> stratum = {},
                                             const std::optional<std::string>& reference = {});

/// @brief The ANCOVA of `endpoint` on `arm` adjusted for `baseline` and, when given, `stratum`.
/// The reference arm is `reference` or else the first arm in sorted order. Rows whose endpoint or
/// baseline is NaN (missing) are left out and counted in `excluded`: a complete-case analysis.
/// @throws std::invalid_argument when ancova_input_errors() is not empty or the design is
/// singular (a stratum that coincides with an arm, a constant baseline).
ancova_fit ancova(std::span<const double> endpoint, std::span<const std::string> arm, std::span<const double> baseline,
                  std::span<const std::string> stratum = {}, const std::optional<std::string>& reference = {});

}  // namespace iptkit::stats
