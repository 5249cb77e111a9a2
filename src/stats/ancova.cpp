// ANCOVA by ordinary least squares on the normal equations (Cholesky). Formulas and sources:
// docs/trials.md "ANCOVA"; tests/python_module/test_stats.py checks it against statsmodels OLS.
#include <iptkit/stats/ancova.hpp>

#include "common.hpp"

#include <algorithm>
#include <cmath>

namespace iptkit::stats {

namespace {

bool complete(double endpoint, double baseline) { return !std::isnan(endpoint) && !std::isnan(baseline); }

// The complete rows and the arm levels among them.
struct rows {
  std::vector<std::size_t> kept;
  std::vector<std::string> arm, stratum;
};

rows complete_rows(std::span<const double> endpoint, std::span<const std::string> arm, std::span<const double> baseline,
                   std::span<const std::string> stratum) {
  rows r;
  for (std::size_t i = 0; i < endpoint.size(); ++i) {
    if (!complete(endpoint[i], baseline[i])) continue;
    r.kept.push_back(i);
    r.arm.push_back(arm[i]);
    if (!stratum.empty()) r.stratum.push_back(stratum[i]);
  }
  return r;
}

}  // namespace

std::vector<std::string> ancova_input_errors(std::span<const double> endpoint, std::span<const std::string> arm,
                                             std::span<const double> baseline, std::span<const std::string> stratum,
                                             const std::optional<std::string>& reference) {
  std::vector<std::string> errors;
  detail::check_length(errors, "arm", arm.size(), "endpoint", endpoint.size());
  detail::check_length(errors, "baseline", baseline.size(), "endpoint", endpoint.size());
  if (!stratum.empty()) detail::check_length(errors, "stratum", stratum.size(), "endpoint", endpoint.size());
  if (!errors.empty()) return errors;
  detail::error_list list(errors);
  detail::check_finite(list, "endpoint", endpoint);
  detail::check_finite(list, "baseline", baseline);
  list.finish();
  const auto r = complete_rows(endpoint, arm, baseline, stratum);
  const auto arms = detail::index_levels(r.arm);
  if (arms.names.size() < 2) {
    std::string m = "the complete rows have ";
    m += std::to_string(arms.names.size());
    m += " arm(s): expected at least 2 to compare";
    errors.push_back(std::move(m));
  }
  detail::check_reference(errors, reference, arms.names, "complete rows");
  const std::size_t strata = stratum.empty() ? 0 : detail::index_levels(r.stratum).names.size();
  const std::size_t parameters = arms.names.size() + 1 + (strata ? strata - 1 : 0);
  if (errors.empty() && r.kept.size() <= parameters) {
    std::string m = std::to_string(r.kept.size());
    m += " complete rows for ";
    m += std::to_string(parameters);
    m += " parameters: expected more rows than parameters";
    errors.push_back(std::move(m));
  }
  return errors;
}

ancova_fit ancova(std::span<const double> endpoint, std::span<const std::string> arm, std::span<const double> baseline,
                  std::span<const std::string> stratum, const std::optional<std::string>& reference) {
  detail::throw_if("ancova", ancova_input_errors(endpoint, arm, baseline, stratum, reference));
  const auto r = complete_rows(endpoint, arm, baseline, stratum);
  const auto arms = detail::index_levels(r.arm);
  const auto strata = stratum.empty() ? detail::levels{} : detail::index_levels(r.stratum);
  const std::size_t ref = reference ? static_cast<std::size_t>(std::find(arms.names.begin(), arms.names.end(), *reference) -
                                                                arms.names.begin())
                                    : 0;
  const std::size_t n = r.kept.size(), a = arms.names.size(), s = strata.names.size();
  // Columns: intercept, the a - 1 other arms, baseline (centred: the arm coefficients do not
  // change and the normal equations are better conditioned), the s - 1 other strata.
  const std::size_t p = a + 1 + (s ? s - 1 : 0);
  double mean_baseline = 0;
  for (auto i : r.kept) mean_baseline += baseline[i];
  mean_baseline /= static_cast<double>(n);
  std::vector<double> xtx(p * p, 0.0), xty(p, 0.0), row(p);
  auto fill = [&](std::size_t k) {
    std::fill(row.begin(), row.end(), 0.0);
    row[0] = 1;
    const std::size_t g = arms.index[k];
    if (g != ref) row[1 + (g < ref ? g : g - 1)] = 1;
    row[a] = baseline[r.kept[k]] - mean_baseline;
    if (s && strata.index[k] > 0) row[a + strata.index[k]] = 1;
  };
  for (std::size_t k = 0; k < n; ++k) {
    fill(k);
    const double y = endpoint[r.kept[k]];
    for (std::size_t i = 0; i < p; ++i) {
      xty[i] += row[i] * y;
      for (std::size_t j = 0; j < p; ++j) xtx[i * p + j] += row[i] * row[j];
    }
  }
  auto factor = xtx;
  if (!detail::cholesky(factor, p))
    detail::throw_if("ancova", {"the design is singular (a stratum that coincides with an arm, or a constant "
                                "baseline): expected arm, baseline and strata to vary independently"});
  const auto beta = detail::cholesky_solve(factor, p, xty);
  double rss = 0;
  for (std::size_t k = 0; k < n; ++k) {
    fill(k);
    double fitted = 0;
    for (std::size_t i = 0; i < p; ++i) fitted += row[i] * beta[i];
    const double e = endpoint[r.kept[k]] - fitted;
    rss += e * e;
  }
  const auto cov = detail::cholesky_inverse(factor, p);
  ancova_fit fit;
  fit.n = n;
  fit.excluded = endpoint.size() - n;
  fit.df = n - p;
  const double df = static_cast<double>(fit.df);
  const double sigma2 = rss / df;
  fit.residual_sd = std::sqrt(sigma2);
  fit.reference = arms.names[ref];
  fit.reference_n = static_cast<std::size_t>(std::count(arms.index.begin(), arms.index.end(), ref));
  fit.baseline_slope = beta[a];
  fit.baseline_se = std::sqrt(sigma2 * cov[a * p + a]);
  fit.strata = strata.names;
  const double q = detail::t_quantile(0.975, df);
  for (std::size_t g = 0; g < a; ++g) {
    if (g == ref) continue;
    const std::size_t c = 1 + (g < ref ? g : g - 1);
    const double se = std::sqrt(sigma2 * cov[c * p + c]);
    const double t = beta[c] / se;
    fit.differences.push_back({arms.names[g], fit.reference,
                               static_cast<std::size_t>(std::count(arms.index.begin(), arms.index.end(), g)), beta[c],
                               se, beta[c] - q * se, beta[c] + q * se, t, detail::t_upper_two_sided(t, df)});
  }
  return fit;
}

}  // namespace iptkit::stats
