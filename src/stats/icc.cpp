// ICC(1) by the one-way ANOVA estimator, the design effect and cluster-adjusted differences.
// Formulas and sources: docs/trials.md "Clustering"; tests/python_module/test_stats.py checks them
// against a hand computation in numpy.
#include <iptkit/stats/icc.hpp>

#include "common.hpp"

#include <algorithm>
#include <cmath>
#include <map>

namespace iptkit::stats {

namespace {

struct data {
  std::vector<std::size_t> kept;    // rows with a value
  detail::levels clusters, arms;    // over the kept rows
};

data prepare(std::span<const double> values, std::span<const std::string> cluster, std::span<const std::string> arm) {
  data d;
  std::vector<std::string> c, a;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (std::isnan(values[i])) continue;
    d.kept.push_back(i);
    c.push_back(cluster[i]);
    a.push_back(arm.empty() ? std::string("all") : arm[i]);
  }
  d.clusters = detail::index_levels(c);
  d.arms = detail::index_levels(a);
  return d;
}

}  // namespace

std::vector<std::string> icc_input_errors(std::span<const double> values, std::span<const std::string> cluster,
                                          std::span<const std::string> arm, const std::optional<std::string>& reference) {
  std::vector<std::string> errors;
  detail::check_length(errors, "cluster", cluster.size(), "values", values.size());
  if (!arm.empty()) detail::check_length(errors, "arm", arm.size(), "values", values.size());
  if (!errors.empty()) return errors;
  detail::error_list list(errors);
  detail::check_finite(list, "values", values);
  list.finish();
  const auto d = prepare(values, cluster, arm);
  std::map<std::string, std::string, std::less<>> arm_of;
  for (std::size_t k = 0; k < d.kept.size(); ++k) {
    const auto& c = d.clusters.names[d.clusters.index[k]];
    const auto& a = d.arms.names[d.arms.index[k]];
    auto [it, fresh] = arm_of.emplace(c, a);
    if (!fresh && it->second != a) {
      std::string m = "cluster ";
      m += c;
      m += " is in arms ";
      m += it->second;
      m += " and ";
      m += a;
      m += ": expected each cluster within one arm";
      errors.push_back(std::move(m));
      it->second = a;
    }
  }
  const std::size_t k = d.clusters.names.size(), a = d.arms.names.size();
  if (errors.empty() && k <= a) {
    std::string m = std::to_string(k);
    m += " cluster(s) in ";
    m += std::to_string(a);
    m += " arm(s): expected more clusters than arms";
    errors.push_back(std::move(m));
  }
  if (errors.empty() && d.kept.size() <= k) {
    std::string m = std::to_string(d.kept.size());
    m += " values in ";
    m += std::to_string(k);
    m += " clusters: expected some cluster with two or more values";
    errors.push_back(std::move(m));
  }
  if (!arm.empty() && a < 2 && errors.empty()) errors.push_back("one arm: expected at least 2 arms to compare");
  detail::check_reference(errors, reference, d.arms.names, "values");
  return errors;
}

icc_fit icc(std::span<const double> values, std::span<const std::string> cluster, std::span<const std::string> arm,
            const std::optional<std::string>& reference) {
  detail::throw_if("icc", icc_input_errors(values, cluster, arm, reference));
  const auto d = prepare(values, cluster, arm);
  const std::size_t k = d.clusters.names.size(), a = d.arms.names.size(), n = d.kept.size();
  std::vector<double> c_sum(k, 0.0), c_n(k, 0.0), a_sum(a, 0.0), a_n(a, 0.0), a_ss(a, 0.0);
  std::vector<std::size_t> arm_of_cluster(k);
  for (std::size_t r = 0; r < n; ++r) {
    const double v = values[d.kept[r]];
    c_sum[d.clusters.index[r]] += v;
    c_n[d.clusters.index[r]] += 1;
    a_sum[d.arms.index[r]] += v;
    a_n[d.arms.index[r]] += 1;
    arm_of_cluster[d.clusters.index[r]] = d.arms.index[r];
  }
  double ss_within = 0, ss_between = 0;
  for (std::size_t r = 0; r < n; ++r) {
    const double v = values[d.kept[r]];
    const std::size_t c = d.clusters.index[r], g = d.arms.index[r];
    ss_within += (v - c_sum[c] / c_n[c]) * (v - c_sum[c] / c_n[c]);
    a_ss[g] += (v - a_sum[g] / a_n[g]) * (v - a_sum[g] / a_n[g]);
  }
  double sum_sq_over_arm = 0;  // sum over arms of sum n_c^2 / n_arm
  for (std::size_t c = 0; c < k; ++c) {
    const std::size_t g = arm_of_cluster[c];
    const double dev = c_sum[c] / c_n[c] - a_sum[g] / a_n[g];
    ss_between += c_n[c] * dev * dev;
    sum_sq_over_arm += c_n[c] * c_n[c] / a_n[g];
  }
  icc_fit fit;
  fit.n = n;
  fit.excluded = values.size() - n;
  fit.clusters = k;
  fit.arms = a;
  fit.df_between = static_cast<double>(k - a);
  fit.df_within = static_cast<double>(n - k);
  fit.ms_between = ss_between / fit.df_between;
  fit.ms_within = ss_within / fit.df_within;
  fit.n0 = (static_cast<double>(n) - sum_sq_over_arm) / fit.df_between;
  fit.mean_cluster_size = static_cast<double>(n) / static_cast<double>(k);
  if (fit.ms_within > 0) {
    const double f = fit.ms_between / fit.ms_within;
    fit.f_statistic = f;
    fit.f_pvalue = detail::f_upper(f, fit.df_between, fit.df_within);
    fit.icc = (fit.ms_between - fit.ms_within) / (fit.ms_between + (fit.n0 - 1) * fit.ms_within);
    const double fl = f / detail::f_quantile(0.975, fit.df_between, fit.df_within);
    const double fu = f * detail::f_quantile(0.975, fit.df_within, fit.df_between);
    fit.lower = (fl - 1) / (fl + fit.n0 - 1);
    fit.upper = (fu - 1) / (fu + fit.n0 - 1);
    // A negative estimate is reported as it is; the design effect never shrinks a variance.
    fit.design_effect = 1 + (fit.mean_cluster_size - 1) * std::max(*fit.icc, 0.0);
  } else if (fit.ms_between > 0) {
    // Every cluster constant within itself: all variation is between clusters, the limit of the
    // estimate and of both bounds as F grows without bound.
    fit.icc = fit.lower = fit.upper = 1.0;
    fit.design_effect = fit.mean_cluster_size;
  }  // else every value is equal: nothing to correlate (none), and no variance to inflate
  if (arm.empty()) return fit;
  const std::size_t ref = reference ? static_cast<std::size_t>(std::find(d.arms.names.begin(), d.arms.names.end(),
                                                                         *reference) - d.arms.names.begin())
                                    : 0;
  const double df = fit.df_between;
  const double q = detail::t_quantile(0.975, df);
  for (std::size_t g = 0; g < a; ++g) {
    if (g == ref) continue;
    cluster_adjusted_difference x;
    x.arm = d.arms.names[g];
    x.reference = d.arms.names[ref];
    x.n = static_cast<std::size_t>(a_n[g]);
    x.reference_n = static_cast<std::size_t>(a_n[ref]);
    x.difference = a_sum[g] / a_n[g] - a_sum[ref] / a_n[ref];
    // Each arm's sample variance (n - 1); an arm of one value contributes no variance estimate.
    const double var_g = a_n[g] > 1 ? a_ss[g] / (a_n[g] - 1) : 0.0;
    const double var_r = a_n[ref] > 1 ? a_ss[ref] / (a_n[ref] - 1) : 0.0;
    x.se = std::sqrt(var_g / a_n[g] + var_r / a_n[ref]);
    x.se_adjusted = x.se * std::sqrt(fit.design_effect);
    x.df = df;
    x.lower = x.difference - q * x.se_adjusted;
    x.upper = x.difference + q * x.se_adjusted;
    fit.differences.push_back(std::move(x));
  }
  return fit;
}

}  // namespace iptkit::stats
