// The Cox model: Newton-Raphson on the log partial likelihood with Efron's or Breslow's handling
// of ties. Formulas and sources: docs/trials.md "Cox model"; tests/python_module/test_stats.py
// checks it against statsmodels' PHReg with both ties methods.
#include <iptkit/stats/cox.hpp>
#include <iptkit/stats/survival.hpp>

#include "common.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <set>

namespace iptkit::stats {

namespace {

// Above this |beta_j| * sd_j a coefficient that stopped without converging is taken as diverging.
constexpr double diverging = 10;

struct model {
  std::size_t n, p;
  std::vector<double> x;         // centred, row-major: centring leaves the partial likelihood unchanged
  std::vector<double> sd;        // of each column
  std::vector<std::size_t> order;  // by time, descending
  std::span<const double> time;
  std::span<const int> event;
  cox_ties ties;
};

struct evaluation {
  double loglik = 0;
  std::vector<double> score;        // p
  std::vector<double> information;  // p x p, minus the Hessian
};

evaluation evaluate(const model& m, const std::vector<double>& beta) {
  const std::size_t n = m.n, p = m.p;
  std::vector<double> eta(n, 0.0);
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < p; ++j) eta[i] += m.x[i * p + j] * beta[j];
  // exp(eta - shift) keeps the sums finite however large the coefficients grow.
  const double shift = n ? *std::max_element(eta.begin(), eta.end()) : 0;
  evaluation e;
  e.score.assign(p, 0.0);
  e.information.assign(p * p, 0.0);
  double s0 = 0;
  std::vector<double> s1(p, 0.0), s2(p * p, 0.0);  // risk set sums of w, w x, w x x'
  std::vector<double> d1(p), d2(p * p), a(p);
  for (std::size_t k = 0; k < n;) {
    const double t = m.time[m.order[k]];
    double d0 = 0;
    std::size_t deaths = 0;
    std::fill(d1.begin(), d1.end(), 0.0);
    std::fill(d2.begin(), d2.end(), 0.0);
    for (; k < n && m.time[m.order[k]] == t; ++k) {
      const std::size_t i = m.order[k];
      const double w = std::exp(eta[i] - shift);
      const double* xi = &m.x[i * p];
      s0 += w;
      for (std::size_t r = 0; r < p; ++r) {
        s1[r] += w * xi[r];
        for (std::size_t c = 0; c < p; ++c) s2[r * p + c] += w * xi[r] * xi[c];
      }
      if (!m.event[i]) continue;
      ++deaths;
      d0 += w;
      e.loglik += eta[i];
      for (std::size_t r = 0; r < p; ++r) {
        e.score[r] += xi[r];
        d1[r] += w * xi[r];
        for (std::size_t c = 0; c < p; ++c) d2[r * p + c] += w * xi[r] * xi[c];
      }
    }
    // Efron: the l-th of the d tied events sees the risk set less l/d of the tied subjects'
    // weight; Breslow: every one sees the whole risk set.
    for (std::size_t l = 0; l < deaths; ++l) {
      const double f = m.ties == cox_ties::efron ? static_cast<double>(l) / static_cast<double>(deaths) : 0.0;
      const double phi = s0 - f * d0;
      e.loglik -= std::log(phi) + shift;
      for (std::size_t r = 0; r < p; ++r) {
        a[r] = (s1[r] - f * d1[r]) / phi;
        e.score[r] -= a[r];
      }
      for (std::size_t r = 0; r < p; ++r)
        for (std::size_t c = 0; c < p; ++c)
          e.information[r * p + c] += (s2[r * p + c] - f * d2[r * p + c]) / phi - a[r] * a[c];
    }
  }
  return e;
}

std::vector<std::string> separated_names(const model& m, const covariate_matrix& x, const std::vector<double>& beta) {
  std::vector<std::string> out;
  for (std::size_t j = 0; j < m.p; ++j)
    if (std::fabs(beta[j]) * m.sd[j] > diverging) out.push_back(x.names[j]);
  return out;
}

}  // namespace

std::vector<std::string> cox_input_errors(std::span<const double> time, std::span<const int> event,
                                          const covariate_matrix& x) {
  auto errors = survival_input_errors(time, event);
  const std::size_t p = x.names.size();
  if (p == 0) errors.push_back("no covariates: expected at least one named column");
  std::set<std::string, std::less<>> seen;
  for (const auto& name : x.names)
    if (!seen.insert(name).second) {
      std::string m = "covariate name ";
      m += name;
      m += " appears twice: expected distinct names";
      errors.push_back(std::move(m));
    }
  if (p == 0 || x.values.size() != time.size() * p) {
    if (p) {
      std::string m = "covariates have ";
      m += std::to_string(x.values.size());
      m += " values: expected ";
      m += std::to_string(time.size());
      m += " rows x ";
      m += std::to_string(p);
      m += " columns";
      errors.push_back(std::move(m));
    }
    return errors;
  }
  detail::error_list list(errors);
  for (std::size_t i = 0; i < x.values.size(); ++i) {
    if (std::isfinite(x.values[i])) continue;
    std::string m = "covariate ";
    m += x.names[i % p];
    m += " row ";
    m += std::to_string(i / p);
    m += " is ";
    m += detail::number(x.values[i]);
    m += ": expected a finite number";
    list.element("non-finite covariate values", m);
  }
  list.finish();
  for (std::size_t j = 0; j < p && !time.empty(); ++j) {
    bool constant = true;
    for (std::size_t i = 1; i < time.size() && constant; ++i) constant = x.values[i * p + j] == x.values[j];
    if (constant) {
      std::string m = "covariate ";
      m += x.names[j];
      m += " is constant: expected it to vary (its coefficient is not identified)";
      errors.push_back(std::move(m));
    }
  }
  if (errors.empty() && std::none_of(event.begin(), event.end(), [](int e) { return e == 1; }))
    errors.push_back("no events: expected at least one event");
  return errors;
}

cox_fit cox(std::span<const double> time, std::span<const int> event, const covariate_matrix& x,
            const cox_options& options) {
  detail::throw_if("cox", cox_input_errors(time, event, x));
  const std::size_t n = time.size(), p = x.names.size();
  model m{n, p, std::vector<double>(x.values.begin(), x.values.end()), std::vector<double>(p), {}, time, event, options.ties};
  for (std::size_t j = 0; j < p; ++j) {
    double mean = 0, ss = 0;
    for (std::size_t i = 0; i < n; ++i) mean += m.x[i * p + j];
    mean /= static_cast<double>(n);
    for (std::size_t i = 0; i < n; ++i) {
      m.x[i * p + j] -= mean;
      ss += m.x[i * p + j] * m.x[i * p + j];
    }
    m.sd[j] = std::sqrt(ss / static_cast<double>(n));
  }
  m.order.resize(n);
  std::iota(m.order.begin(), m.order.end(), 0);
  std::stable_sort(m.order.begin(), m.order.end(), [&](std::size_t a, std::size_t b) { return time[a] > time[b]; });

  cox_fit fit;
  fit.n = n;
  fit.events = static_cast<std::size_t>(std::count(event.begin(), event.end(), 1));
  fit.ties = options.ties;
  fit.df = p;
  std::vector<double> beta(p, 0.0);
  auto current = evaluate(m, beta);
  fit.null_loglik = current.loglik;
  std::vector<double> factor = current.information;
  if (!detail::cholesky(factor, p))
    detail::throw_if("cox", {"the covariates are collinear (the information matrix at 0 is singular): "
                             "expected linearly independent columns"});
  while (fit.iterations < options.max_iterations) {
    factor = current.information;
    if (!detail::cholesky(factor, p)) break;  // singular information: flagged below
    const auto step = detail::cholesky_solve(factor, p, current.score);
    ++fit.iterations;
    double scale = 1;
    std::vector<double> next(p);
    evaluation trial;
    // Step halving: Newton on a concave function may overshoot far from the maximum.
    for (int halving = 0; halving < 40; ++halving, scale /= 2) {
      for (std::size_t j = 0; j < p; ++j) next[j] = beta[j] + scale * step[j];
      trial = evaluate(m, next);
      if (std::isfinite(trial.loglik) && trial.loglik >= current.loglik - 1e-12 * std::fabs(current.loglik)) break;
    }
    bool small = true;
    for (std::size_t j = 0; j < p; ++j) small = small && std::fabs(next[j] - beta[j]) <= options.tolerance * (1 + std::fabs(next[j]));
    beta = std::move(next);
    current = std::move(trial);
    if (small) {
      fit.converged = true;
      break;
    }
  }
  fit.loglik = current.loglik;
  factor = current.information;
  if (fit.converged && !detail::cholesky(factor, p)) fit.converged = false;
  if (!fit.converged) {
    fit.separated = separated_names(m, x, beta);
    for (const auto& name : x.names) fit.table.push_back({name, {}, {}, {}, {}, {}, {}, {}});
    return fit;
  }
  const auto cov = detail::cholesky_inverse(factor, p);
  double wald = 0;
  for (std::size_t r = 0; r < p; ++r)
    for (std::size_t c = 0; c < p; ++c) wald += beta[r] * current.information[r * p + c] * beta[c];
  for (std::size_t j = 0; j < p; ++j) {
    const double se = std::sqrt(cov[j * p + j]);
    const double z = beta[j] / se;
    fit.table.push_back({x.names[j], beta[j], se, std::exp(beta[j]), std::exp(beta[j] - detail::z95 * se),
                         std::exp(beta[j] + detail::z95 * se), z, detail::normal_upper_two_sided(z)});
  }
  const double lr = std::max(0.0, 2 * (fit.loglik - fit.null_loglik));
  fit.lr_statistic = lr;
  fit.lr_pvalue = detail::chi_squared_upper(lr, static_cast<double>(p));
  fit.wald_statistic = wald;
  fit.wald_pvalue = detail::chi_squared_upper(wald, static_cast<double>(p));
  return fit;
}

}  // namespace iptkit::stats
