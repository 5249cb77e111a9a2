// Kaplan-Meier and the log-rank test. Formulas and sources: docs/trials.md "Time to event";
// tests/python_module/test_stats.py checks them against statsmodels (SurvfuncRight, survdiff).
#include <iptkit/stats/survival.hpp>

#include "common.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace iptkit::stats {

namespace {

using detail::z95;

// One group's subjects sorted by time, walked one distinct time at a time.
struct time_point {
  double time;
  std::size_t at_risk, events, censored;
};

std::vector<time_point> time_points(std::span<const double> time, std::span<const int> event,
                                    const std::vector<std::size_t>& members) {
  std::vector<std::size_t> order = members;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return time[a] < time[b]; });
  std::vector<time_point> out;
  std::size_t at_risk = order.size();
  for (std::size_t i = 0; i < order.size();) {
    time_point p{time[order[i]], at_risk, 0, 0};
    for (; i < order.size() && time[order[i]] == p.time; ++i) (event[order[i]] ? p.events : p.censored) += 1;
    at_risk -= p.events + p.censored;
    out.push_back(p);
  }
  return out;
}

// g(S) = log(-log S) and its derivative, the transform of the median's interval.
double cloglog(double s) { return std::log(-std::log(s)); }
double cloglog_slope(double s) { return -1 / (s * std::log(s)); }

km_median median_of(std::string group, std::size_t n, const std::vector<km_step>& steps) {
  km_median m{std::move(group), n, 0, {}, {}, {}};
  // Only event times count, as in statsmodels and SAS: the estimate changes nowhere else.
  std::vector<const km_step*> ev;
  for (const auto& s : steps)
    if (s.events > 0) {
      ev.push_back(&s);
      m.events += s.events;
    }
  for (const auto* s : ev)
    if (s->survival < 0.5) {  // strict, as SAS and statsmodels
      m.median = s->time;
      break;
    }
  // Brookmeyer-Crowley: the event times whose survival is not rejected as 0.5 by a z test on the
  // log-log scale; the interval runs from the first of them to the event time after the last.
  std::optional<std::size_t> first, last;
  for (std::size_t i = 0; i < ev.size(); ++i) {
    const auto& s = *ev[i];
    if (!s.std_err || s.survival <= 0 || s.survival >= 1) continue;
    const double r = (cloglog(s.survival) - cloglog(0.5)) / (cloglog_slope(s.survival) * *s.std_err);
    if (std::fabs(r) <= z95) {
      if (!first) first = i;
      last = i;
    }
  }
  if (first) {
    m.lower = ev[*first]->time;
    if (*last + 1 < ev.size()) m.upper = ev[*last + 1]->time;
  }
  return m;
}

void check_groups(std::vector<std::string>& errors, std::span<const double> time,
                  std::span<const std::string> group) {
  if (!group.empty()) detail::check_length(errors, "group", group.size(), "time", time.size());
}

}  // namespace

std::vector<std::string> survival_input_errors(std::span<const double> time, std::span<const int> event,
                                               std::span<const std::string> group) {
  std::vector<std::string> errors;
  detail::check_length(errors, "event", event.size(), "time", time.size());
  check_groups(errors, time, group);
  detail::error_list list(errors);
  for (std::size_t i = 0; i < time.size(); ++i) {
    if (std::isfinite(time[i]) && time[i] >= 0) continue;
    list.element("negative or non-finite times",
                 detail::element_message("time", i, detail::number(time[i]), "times must be finite and >= 0"));
  }
  for (std::size_t i = 0; i < event.size(); ++i) {
    if (event[i] == 0 || event[i] == 1) continue;
    list.element("events not 0/1", detail::element_message("event", i, std::to_string(event[i]),
                                                           "events must be 0 (censored) or 1 (event)"));
  }
  list.finish();
  return errors;
}

kaplan_meier_fit kaplan_meier(std::span<const double> time, std::span<const int> event,
                              std::span<const std::string> group) {
  auto errors = survival_input_errors(time, event, group);
  if (errors.empty() && time.empty()) errors.push_back("no subjects: expected at least one time");
  detail::throw_if("kaplan_meier", errors);

  detail::levels lv;
  if (group.empty()) {
    lv.names = {"all"};
    lv.index.assign(time.size(), 0);
  } else {
    lv = detail::index_levels(group);
  }
  std::vector<std::vector<std::size_t>> members(lv.names.size());
  for (std::size_t i = 0; i < time.size(); ++i) members[lv.index[i]].push_back(i);

  kaplan_meier_fit fit;
  fit.n = time.size();
  for (std::size_t g = 0; g < lv.names.size(); ++g) {
    std::vector<km_step> steps;
    double s = 1;
    double greenwood = 0;  // sum of d / (n (n - d)); undefined (none) once n == d
    bool defined = true;
    for (const auto& p : time_points(time, event, members[g])) {
      km_step k{lv.names[g], p.time, p.at_risk, p.events, p.censored, 1, {}, {}, {}};
      if (p.events > 0) {
        const double n = static_cast<double>(p.at_risk), d = static_cast<double>(p.events);
        s *= 1 - d / n;
        if (p.events == p.at_risk) {
          defined = false;
          s = 0;
        } else {
          greenwood += d / (n * (n - d));
        }
      }
      k.survival = s;
      if (defined) {
        k.std_err = s * std::sqrt(greenwood);
        if (s >= 1) {  // before the first event: no uncertainty yet
          k.lower = k.upper = 1.0;
        } else {
          // log(-log S) has standard error sqrt(greenwood) / |log S| (the delta method).
          const double w = z95 * std::sqrt(greenwood) / std::fabs(std::log(s));
          k.lower = std::pow(s, std::exp(w));
          k.upper = std::pow(s, std::exp(-w));
        }
      }
      steps.push_back(std::move(k));
    }
    fit.medians.push_back(median_of(lv.names[g], members[g].size(), steps));
    fit.table.insert(fit.table.end(), std::make_move_iterator(steps.begin()), std::make_move_iterator(steps.end()));
  }
  return fit;
}

logrank_test logrank(std::span<const double> time, std::span<const int> event, std::span<const std::string> group) {
  auto errors = survival_input_errors(time, event, group);
  if (errors.empty() && group.size() != time.size())
    detail::check_length(errors, "group", group.size(), "time", time.size());
  detail::throw_if("logrank", errors);
  const auto lv = detail::index_levels(group);
  const std::size_t k = lv.names.size();
  if (k < 2) {
    std::string m = "group has ";
    m += std::to_string(k);
    m += " distinct label(s): expected at least 2 groups to compare";
    detail::throw_if("logrank", {m});
  }
  if (std::none_of(event.begin(), event.end(), [](int e) { return e == 1; }))
    detail::throw_if("logrank", {"no events in any group: expected at least one event"});

  logrank_test out;
  out.n = time.size();
  out.groups = lv.names;
  out.df = k - 1;
  out.group_n.assign(k, 0);
  out.observed.assign(k, 0);
  out.expected.assign(k, 0);
  for (auto i : lv.index) ++out.group_n[i];

  std::vector<std::size_t> order(time.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return time[a] < time[b]; });
  std::vector<double> at_risk(k);  // per group, just before the current time
  for (std::size_t g = 0; g < k; ++g) at_risk[g] = static_cast<double>(out.group_n[g]);
  const std::size_t m = k - 1;
  std::vector<double> v(m * m, 0.0);
  std::vector<double> deaths(k);
  for (std::size_t i = 0; i < order.size();) {
    const double t = time[order[i]];
    std::fill(deaths.begin(), deaths.end(), 0.0);
    std::vector<double> leaving(k, 0.0);
    for (; i < order.size() && time[order[i]] == t; ++i) {
      const auto g = lv.index[order[i]];
      deaths[g] += event[order[i]];
      leaving[g] += 1;
    }
    const double n = std::accumulate(at_risk.begin(), at_risk.end(), 0.0);
    const double d = std::accumulate(deaths.begin(), deaths.end(), 0.0);
    if (d > 0) {
      for (std::size_t g = 0; g < k; ++g) {
        out.observed[g] += deaths[g];
        out.expected[g] += at_risk[g] * d / n;
      }
      // The hypergeometric covariance of the group counts; 0 when one subject is at risk.
      if (n > 1) {
        const double c = d * (n - d) / (n - 1);
        for (std::size_t a = 0; a < m; ++a)
          for (std::size_t b = 0; b < m; ++b)
            v[a * m + b] += c * (at_risk[a] / n) * ((a == b ? 1.0 : 0.0) - at_risk[b] / n);
      }
    }
    for (std::size_t g = 0; g < k; ++g) at_risk[g] -= leaving[g];
  }
  // Any k - 1 of the groups give the same statistic: the k differences O - E sum to 0.
  std::vector<double> diff(m);
  for (std::size_t g = 0; g < m; ++g) diff[g] = out.observed[g] - out.expected[g];
  auto l = v;
  if (!detail::cholesky(l, m)) {
    std::vector<std::string> why;
    for (std::size_t g = 0; g < k; ++g)
      if (out.expected[g] == 0) {
        std::string msg = "group ";
        msg += lv.names[g];
        msg += " has nobody at risk at any event time: expected each group to be at risk when an event occurs";
        why.push_back(std::move(msg));
      }
    if (why.empty()) why.push_back("the covariance of the group event counts is singular: no test is possible");
    detail::throw_if("logrank", why);
  }
  const auto x = detail::cholesky_solve(l, m, diff);
  double chi = 0;
  for (std::size_t g = 0; g < m; ++g) chi += diff[g] * x[g];
  out.statistic = chi;
  out.pvalue = detail::chi_squared_upper(chi, static_cast<double>(out.df));
  return out;
}

}  // namespace iptkit::stats
