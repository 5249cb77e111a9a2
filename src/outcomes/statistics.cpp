// Cohort statistics. Formulas and sources are in docs/outcomes.md; tests check them against an
// independent numpy/scipy computation.
#include <iptkit/outcomes/statistics.hpp>

#include <cmath>
#include <algorithm>
#include <map>

namespace iptkit {

namespace {

constexpr double z95 = 1.959963984540054;  // the 97.5% normal quantile

// Hedges' small-sample correction J for df degrees of freedom (Hedges 1981).
double hedges_j(double df) { return 1.0 - 3.0 / (4.0 * df - 1.0); }

mean_sd describe(const std::vector<double>& v) {
  mean_sd m;
  m.n = v.size();
  if (v.empty()) return m;
  double sum = 0;
  for (double x : v) sum += x;
  const double mean = sum / static_cast<double>(v.size());
  m.mean = mean;
  if (v.size() >= 2) {
    double ss = 0;
    for (double x : v) ss += (x - mean) * (x - mean);
    m.sd = std::sqrt(ss / static_cast<double>(v.size() - 1));
  }
  return m;
}

effect_size corrected(double d, double se, std::size_t n, double df) {
  const double j = hedges_j(df);
  effect_size e;
  e.n = n;
  e.d = d;
  e.g = j * d;
  e.lower = j * d - z95 * j * se;
  e.upper = j * d + z95 * j * se;
  return e;
}

struct tally {
  std::size_t k = 0, n = 0;
  void add(const std::optional<bool>& v) {
    if (!v) return;
    ++n;
    k += *v;
  }
};

struct accumulator {
  std::size_t rows = 0;
  std::vector<double> baseline, endpoint, change;
  tally response, remission, improvement, deterioration, recovery, reliable_recovery, relapse, recurrence, completers;
};

rate_difference newcombe(std::string name, const proportion& a, const proportion& b) {
  rate_difference r;
  r.outcome = std::move(name);
  if (!a.rate || !b.rate) return r;
  const double p1 = *a.rate, p2 = *b.rate, d = p1 - p2;
  r.difference = d;
  r.lower = d - std::sqrt((p1 - *a.lower) * (p1 - *a.lower) + (*b.upper - p2) * (*b.upper - p2));
  r.upper = d + std::sqrt((*a.upper - p1) * (*a.upper - p1) + (p2 - *b.lower) * (p2 - *b.lower));
  return r;
}

}  // namespace

proportion wilson(std::size_t k, std::size_t n) {
  proportion p;
  p.k = k;
  p.n = n;
  if (n == 0) return p;
  const double nn = static_cast<double>(n), phat = static_cast<double>(k) / nn, z2 = z95 * z95;
  const double centre = (phat + z2 / (2 * nn)) / (1 + z2 / nn);
  const double half = z95 / (1 + z2 / nn) * std::sqrt(phat * (1 - phat) / nn + z2 / (4 * nn * nn));
  p.rate = phat;
  // Exactly 0 and 1 at the edges (the formula gives them up to rounding).
  p.lower = k == 0 ? 0.0 : std::max(0.0, centre - half);
  p.upper = k == n ? 1.0 : std::min(1.0, centre + half);
  return p;
}

std::vector<std::string> group_labels(std::span<const case_record> cases, group_by by) {
  std::vector<std::string> labels;
  labels.reserve(cases.size());
  for (const auto& c : cases) {
    switch (by) {
      case group_by::none: labels.emplace_back("all"); break;
      case group_by::arm: labels.push_back(c.arm.value_or("(none)")); break;
      case group_by::site: labels.push_back(c.site.value_or("(none)")); break;
      case group_by::adaptation: labels.push_back(c.adaptation); break;
    }
  }
  return labels;
}

namespace {

// A binary outcome under itt with missing endpoints as failures: missing for want of a measure
// counts as 0; missing because it is not defined for the row (a baseline of 0, an instrument
// without a remission cut-off) stays out, as in every set.
// With `failed` (a discontinued case under discontinued_non_response) a defined outcome counts as 0 too.
void add_itt(tally& t, const std::optional<bool>& v, const std::optional<not_computed>& reason, bool failed) {
  if (v) return t.add(failed ? std::optional<bool>(false) : v);
  if (reason == not_computed::no_baseline || reason == not_computed::no_endpoint ||
      reason == not_computed::no_assessments)
    t.add(false);
}

std::string count_of(std::size_t n, const char* what) { return std::to_string(n) + " " + what; }

cohort_summary summarize_set(std::span<const case_outcome> rows, const analysis_population* population,
                             std::span<const std::string> group_of_case, group_by by, missing_outcome missing) {
  const analysis_set set = population ? population->set : analysis_set::completers;
  const bool impute = set == analysis_set::itt && missing != missing_outcome::left_out;
  const bool fail_discontinued = set == analysis_set::itt && missing == missing_outcome::discontinued_non_response;
  const auto label = [&](std::size_t i) -> const std::string& {
    static const std::string all = "all";
    if (population && by == group_by::arm && i < population->arm.size()) return population->arm[i];
    return i < group_of_case.size() ? group_of_case[i] : all;
  };
  // Groups in the order of their labels, so that "a vs b" (a minus b) does not flip with the order
  // of the cases in a file; instruments in order of first appearance within the cohort.
  std::vector<std::string> groups, instruments;
  std::map<std::pair<std::string, std::string>, accumulator> acc;
  std::map<std::string, tally> unscored;  // per group: cases of the set with no scorable assessment, completers among them
  for (const auto& r : rows) {
    if (population && (r.case_index >= population->member.size() || !population->member[r.case_index])) continue;
    const std::string& g = label(r.case_index);
    if (std::find(groups.begin(), groups.end(), g) == groups.end()) groups.push_back(g);
    if (r.instrument.empty()) {  // a case with no assessment at all
      unscored[g].add(r.completer);
      continue;
    }
    if (std::find(instruments.begin(), instruments.end(), r.instrument) == instruments.end())
      instruments.push_back(r.instrument);
    auto& a = acc[{g, r.instrument}];
    ++a.rows;
    if (r.baseline && r.endpoint) {
      a.baseline.push_back(*r.baseline);
      a.endpoint.push_back(*r.endpoint);
      a.change.push_back(*r.endpoint - *r.baseline);
    }
    if (impute) {
      const bool failed = fail_discontinued && population->discontinued[r.case_index];
      add_itt(a.response, r.response, r.response_reason, failed);
      add_itt(a.remission, r.remission, r.remission_reason, failed);
    } else {
      a.response.add(r.response);
      a.remission.add(r.remission);
    }
    a.improvement.add(r.reliable_improvement);
    a.deterioration.add(r.reliable_deterioration);
    a.recovery.add(r.recovery);
    a.reliable_recovery.add(r.reliable_recovery);
    // At risk of relapse or recurrence: remitted after the baseline, and the rule was applied
    // (fired and told, or censored). A firing whose kind cannot be told stays out.
    if (r.relapse_rule_fired && r.remission_date && (!*r.relapse_rule_fired || r.relapse_kind)) {
      a.relapse.add(r.relapse_kind == relapse_kind::relapse);
      a.recurrence.add(r.relapse_kind == relapse_kind::recurrence);
    }
    a.completers.add(r.completer);
  }
  std::sort(groups.begin(), groups.end());
  // Under itt a case of the set with no scorable assessment at all is in the denominator of the
  // trial's primary instrument, the one measured in the most cases (first appearance on a tie):
  // missing, so a failure when missing endpoints are. Not in the other instruments', which a
  // trial may measure in some patients only, nor in the paired row's.
  std::string primary;
  std::size_t unscored_cases = 0;
  for (const auto& [g, t] : unscored) unscored_cases += t.n;
  if (set == analysis_set::itt && unscored_cases) {
    std::size_t most = 0;
    for (const auto& i : instruments) {
      if (i == paired_instrument) continue;
      std::size_t n = 0;
      for (const auto& [key, a] : acc)
        if (key.second == i) n += a.rows;
      if (n > most) most = n, primary = i;
    }
  }
  if (!primary.empty())
    for (auto& [key, a] : acc)
      if (auto it = unscored.find(key.first); key.second == primary && it != unscored.end()) {
        const tally& t = it->second;
        a.rows += t.n;
        if (impute) {
          a.response.n += t.n;
          a.remission.n += t.n;
        }
        a.completers.n += t.n;
        a.completers.k += t.k;
      }

  cohort_summary out;
  out.by = by;
  out.analysis_set = set;
  if (set == analysis_set::itt) out.missing_endpoints = missing;
  if (population) {
    out.population = population->size;
    out.excluded = population->member.size() - population->size;
  } else {
    std::vector<std::size_t> seen;
    for (const auto& r : rows) seen.push_back(r.case_index);
    std::sort(seen.begin(), seen.end());
    out.population = static_cast<std::size_t>(std::unique(seen.begin(), seen.end()) - seen.begin());
  }
  switch (set) {
    case analysis_set::completers:
      out.notes.push_back("Analysis set completers: " + count_of(out.population, "case(s)") +
                          (out.excluded ? " (" + count_of(out.excluded, "record(s) screened and not randomised left out") + ")" : "") +
                          "; every statistic uses the cases with both baseline and endpoint observed.");
      break;
    case analysis_set::itt: {
      out.notes.push_back("Analysis set itt (intention to treat): " + count_of(out.population, "randomised case(s)") +
                          ", each in the arm allocated (" + count_of(out.excluded, "record(s) not randomised left out") + ").");
      std::string binary;
      switch (missing) {
        case missing_outcome::non_response:
          binary = "Response and remission: a missing endpoint counts as no response and no remission.";
          break;
        case missing_outcome::left_out:
          binary = "Response and remission: cases with a missing endpoint are left out of the denominator.";
          break;
        case missing_outcome::discontinued_non_response:
          binary = "Response and remission: a missing endpoint, and every discontinued case whatever its last "
                   "measure, counts as no response and no remission.";
          break;
      }
      if (!primary.empty())
        binary += " " + count_of(unscored_cases, "case(s)") + " never measured are in the denominators of " + primary +
                  " (the instrument measured in most cases), not of the other instruments.";
      out.notes.push_back(binary);
      out.notes.push_back("Means, changes, effect sizes, reliable change, recovery and relapse use the cases with both "
                          "baseline and endpoint observed.");
      break;
    }
    case analysis_set::per_protocol:
      out.notes.push_back("Analysis set per_protocol: " + count_of(out.population, "case(s)") +
                          " randomised that received the allocated arm, finished treatment, were not discontinued and "
                          "have no major protocol deviation (" + count_of(out.excluded, "record(s) left out") + ").");
      out.notes.push_back("Every statistic uses the cases with both baseline and endpoint observed.");
      break;
  }
  out.notes.push_back("The endpoint is a case's last measure within the acute course (the last observation carried "
                      "forward to the end of the course), so a case that stopped early keeps the endpoint of its last "
                      "measure; no other value is imputed.");
  for (const auto& g : groups)
    for (const auto& i : instruments) {
      auto it = acc.find({g, i});
      if (it == acc.end()) continue;
      const auto& a = it->second;
      group_summary s;
      s.group = g;
      s.instrument = i;
      s.cases = a.rows;
      s.with_baseline_and_endpoint = a.change.size();
      s.baseline = describe(a.baseline);
      s.endpoint = describe(a.endpoint);
      s.change = describe(a.change);
      s.response = wilson(a.response.k, a.response.n);
      s.remission = wilson(a.remission.k, a.remission.n);
      s.reliable_improvement = wilson(a.improvement.k, a.improvement.n);
      s.reliable_deterioration = wilson(a.deterioration.k, a.deterioration.n);
      s.recovery = wilson(a.recovery.k, a.recovery.n);
      s.reliable_recovery = wilson(a.reliable_recovery.k, a.reliable_recovery.n);
      s.relapse = wilson(a.relapse.k, a.relapse.n);
      s.recurrence = wilson(a.recurrence.k, a.recurrence.n);
      s.completers = wilson(a.completers.k, a.completers.n);
      s.analysis_set = set;
      s.missing_endpoints = out.missing_endpoints;
      const std::size_t n = a.change.size();
      s.d_z.n = s.d_av.n = n;
      const double nn = static_cast<double>(n);
      if (n >= 3 && s.change.sd && *s.change.sd > 0) {
        // d_z: SE = sqrt(1/n + d^2 / 2n) (Lakens 2013; Borenstein et al. 2009).
        const double dz = *s.change.mean / *s.change.sd;
        s.d_z = corrected(dz, std::sqrt(1 / nn + dz * dz / (2 * nn)), n, nn - 1);
      }
      // d_av: standardised by the mean of the two SDs, so defined even when every change is the
      // same (change SD 0, r = 1); SE with the pre-post correlation r.
      if (n >= 3 && s.baseline.sd && s.endpoint.sd && *s.baseline.sd > 0 && *s.endpoint.sd > 0) {
        const double sb = *s.baseline.sd, se = *s.endpoint.sd;
        double cov = 0;
        for (std::size_t k = 0; k < n; ++k)
          cov += (a.baseline[k] - *s.baseline.mean) * (a.endpoint[k] - *s.endpoint.mean);
        const double r = std::min(1.0, cov / (nn - 1) / (sb * se));
        const double dav = *s.change.mean / ((sb + se) / 2);
        s.d_av = corrected(dav, std::sqrt(2 * (1 - r) / nn + dav * dav / (2 * nn)), n, nn - 1);
      }
      out.groups.push_back(std::move(s));
    }

  // Every pair of groups on each instrument they share. Cases with no arm (or site) recorded are a
  // row of their own but never a side of a comparison: they were not randomised to anything.
  for (std::size_t x = 0; x < groups.size(); ++x)
    for (std::size_t y = x + 1; y < groups.size(); ++y)
      for (const auto& i : instruments) {
        if (groups[x] == "(none)" || groups[y] == "(none)") continue;
        const group_summary *a = nullptr, *b = nullptr;
        for (const auto& s : out.groups) {
          if (s.instrument != i) continue;
          if (s.group == groups[x]) a = &s;
          if (s.group == groups[y]) b = &s;
        }
        if (!a || !b) continue;
        group_comparison c;
        c.instrument = i;
        c.group_a = a->group;
        c.group_b = b->group;
        const std::size_t n1 = a->change.n, n2 = b->change.n;
        c.hedges_g.n = n1 + n2;
        if (n1 >= 2 && n2 >= 2) {
          const double m1 = *a->change.mean, m2 = *b->change.mean, s1 = *a->change.sd, s2 = *b->change.sd;
          const double df = static_cast<double>(n1 + n2 - 2);
          const double pooled = std::sqrt(((n1 - 1) * s1 * s1 + (n2 - 1) * s2 * s2) / df);
          if (pooled > 0) {
            const double d = (m1 - m2) / pooled, nsum = static_cast<double>(n1 + n2);
            const double se = std::sqrt(nsum / (static_cast<double>(n1) * static_cast<double>(n2)) +
                                        d * d / (2 * nsum));
            c.hedges_g = corrected(d, se, n1 + n2, df);
          }
        }
        c.rates = {newcombe("response", a->response, b->response),
                   newcombe("remission", a->remission, b->remission),
                   newcombe("reliable_improvement", a->reliable_improvement, b->reliable_improvement),
                   newcombe("reliable_deterioration", a->reliable_deterioration, b->reliable_deterioration),
                   newcombe("recovery", a->recovery, b->recovery),
                   newcombe("reliable_recovery", a->reliable_recovery, b->reliable_recovery),
                   newcombe("completers", a->completers, b->completers)};
        out.comparisons.push_back(std::move(c));
      }
  return out;
}

}  // namespace

cohort_summary summarize(std::span<const case_outcome> rows, std::span<const std::string> group_of_case,
                         group_by by) {
  return summarize_set(rows, nullptr, group_of_case, by, missing_outcome::left_out);
}

cohort_summary summarize(std::span<const case_outcome> rows, const analysis_population& population,
                         std::span<const std::string> group_of_case, group_by by, missing_outcome missing) {
  return summarize_set(rows, &population, group_of_case, by, missing);
}

}  // namespace iptkit
