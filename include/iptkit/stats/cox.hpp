#pragma once
/// @file
/// @brief Cox proportional hazards regression (Cox 1972) by Newton-Raphson on the partial
/// likelihood, ties by Efron (1977, the default) or Breslow (1974) (docs/trials.md "Cox model").

#include <iptkit/meta/enum_printing.hpp>
#include <boost/describe.hpp>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace iptkit::stats {

/// @brief How tied event times enter the partial likelihood.
enum class cox_ties { efron, breslow };
BOOST_DESCRIBE_ENUM(cox_ties, efron, breslow)
IPTKIT_ENUM_PRINTING(cox_ties)

/// @brief The covariates of a Cox model: `names.size()` columns, `values` row-major with one row
/// per subject (as a C-ordered numpy array).
struct covariate_matrix {
  std::vector<std::string> names;     ///< one per column, distinct
  std::span<const double> values;     ///< n rows x names.size() columns, row-major
};

/// @brief How the fit is run. Convergence: every Newton step |delta_j| <= tolerance (1 + |beta_j|).
struct cox_options {
  cox_ties ties = cox_ties::efron;      ///< tie handling
  std::size_t max_iterations = 100;     ///< Newton steps at most (each halved while the log-likelihood falls)
  double tolerance = 1e-10;             ///< on the step, relative to 1 + |coefficient|
  friend bool operator==(const cox_options&, const cox_options&) = default;
};
BOOST_DESCRIBE_STRUCT(cox_options, (), (ties, max_iterations, tolerance))

/// @brief One covariate's estimate; every value is none when the fit did not converge.
struct cox_term {
  std::string name;                     ///< covariate name
  std::optional<double> coef;           ///< log hazard ratio per unit
  std::optional<double> se;             ///< from the inverse observed information
  std::optional<double> hazard_ratio;   ///< exp(coef)
  std::optional<double> lower;          ///< exp(coef - 1.96 se), Wald 95%
  std::optional<double> upper;          ///< exp(coef + 1.96 se)
  std::optional<double> z;              ///< coef / se
  std::optional<double> pvalue;         ///< two-sided normal
  friend bool operator==(const cox_term&, const cox_term&) = default;
};
BOOST_DESCRIBE_STRUCT(cox_term, (), (name, coef, se, hazard_ratio, lower, upper, z, pvalue))

/// @brief A Cox model fit with its global tests against the model with no covariates.
///
/// Separation (monotone likelihood: some combination of covariates orders every event before or
/// after every subject still at risk, e.g. an arm without events) makes a coefficient grow without
/// bound. It is detected as a fit that stops without meeting the step criterion (singular
/// information or max_iterations) with a coefficient whose size times its covariate's standard
/// deviation exceeds 10 (a hazard ratio above e^10 per SD); those covariates are listed in
/// `separated`, `converged` is false and no estimate is given.
struct cox_fit {
  std::size_t n = 0;                          ///< subjects
  std::size_t events = 0;                     ///< events
  cox_ties ties = cox_ties::efron;            ///< tie handling used
  std::vector<cox_term> table;                ///< one per covariate, in the order given
  double loglik = 0;                          ///< log partial likelihood at the estimate (last iterate when not converged)
  double null_loglik = 0;                     ///< at all coefficients 0
  std::optional<double> lr_statistic;         ///< 2 (loglik - null_loglik)
  std::size_t df = 0;                         ///< covariates
  std::optional<double> lr_pvalue;            ///< chi-square(df) upper tail
  std::optional<double> wald_statistic;       ///< beta' I beta
  std::optional<double> wald_pvalue;          ///< chi-square(df) upper tail
  std::size_t iterations = 0;                 ///< Newton steps taken
  bool converged = false;                     ///< the step criterion was met
  std::vector<std::string> separated;         ///< covariates whose coefficients diverge (see above)
  friend bool operator==(const cox_fit&, const cox_fit&) = default;
};
BOOST_DESCRIBE_STRUCT(cox_fit, (), (n, events, ties, table, loglik, null_loglik, lr_statistic, df, lr_pvalue,
                                    wald_statistic, wald_pvalue, iterations, converged, separated))

/// @brief What is wrong with the data of a Cox model (empty when it can be fitted): the survival
/// checks, a matrix whose size is not n x names, no or duplicate names, values not finite,
/// a constant covariate, no events.
std::vector<std::string> cox_input_errors(std::span<const double> time, std::span<const int> event,
                                          const covariate_matrix& x);

/// @brief Fits the Cox model; a fit that does not converge is returned flagged (see cox_fit).
/// @throws std::invalid_argument when cox_input_errors() is not empty, or the covariates are
/// collinear (the information at 0 is singular).
cox_fit cox(std::span<const double> time, std::span<const int> event, const covariate_matrix& x,
            const cox_options& options = {});

}  // namespace iptkit::stats
