// `relapse`, `ancova`, `icc`: the trial analyses of a cohort in an analysis set (docs/trials.md).
#include "cli.hpp"

#include <iptkit/export/csv.hpp>
#include <iptkit/json/write.hpp>
#include <iptkit/stats/ancova.hpp>
#include <iptkit/stats/cox.hpp>
#include <iptkit/stats/icc.hpp>
#include <iptkit/trials/relapse_survival.hpp>

#include <cmath>
#include <cstdio>
#include <iostream>
#include <limits>
#include <stdexcept>

namespace iptkit::cli {

namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

std::string fixed(double v, const char* format = "%.2f") {
  if (std::isnan(v)) return "-";
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, format, v);
  return buffer;
}

std::string fixed(const std::optional<double>& v, const char* format = "%.2f") { return fixed(v.value_or(nan), format); }

// A JSON value without the line end to_json() ends it with, for assembling an object.
std::string json_value(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return text;
}

std::string notes_text(const std::vector<std::string>& notes) {
  std::string out;
  for (const auto& n : notes) {
    out += n;
    out += '\n';
  }
  return out;
}

// The cohort, its outcome rows and the analysis set of --set: what every analysis verb starts from.
struct analysis_input {
  catalog reg;
  loaded_cohort cohort;
  std::vector<case_outcome> rows;
  analysis_population population;
};

analysis_input load_analysis(const std::vector<std::string>& files, const common_options& o) {
  analysis_input in{load_catalog(o), {}, {}, {}};
  in.cohort = load_cohort(files, reading(o), in.reg, o);
  report_unreadable(in.cohort.unreadable);
  in.rows = outcomes(in.cohort.cases, {.threads = o.threads, .recovery_period_months = o.recovery_months}, in.reg);
  in.population = population_of(in.cohort.cases, o, in.reg);
  return in;
}

// Per case of the set with both measures on `instrument`: the row (the first one of the case).
// An instrument the catalog does not know, or no case of the set has, is a usage error.
std::vector<const case_outcome*> complete_rows(const analysis_input& in, const std::string& instrument,
                                               std::size_t& missing) {
  if (!in.reg.instruments.find(instrument)) {
    std::string known;
    for (const auto& id : in.reg.instruments.ids()) known += (known.empty() ? "" : ", ") + std::string(id);
    throw fatal("--instrument: no instrument \"" + instrument + "\" in the catalog (it has " + known + ")");
  }
  std::vector<const case_outcome*> out;
  std::vector<std::uint8_t> seen(in.cohort.cases.size(), 0);
  for (const auto& r : in.rows) {
    if (r.instrument != instrument || !in.population.member[r.case_index] || seen[r.case_index]) continue;
    seen[r.case_index] = 1;
    out.push_back(&r);
  }
  missing = in.population.size - out.size();
  if (out.empty())
    throw fatal("--instrument " + instrument + ": no case of the analysis set " + std::string(to_string(in.population.set)) +
                " was measured on it");
  std::erase_if(out, [](const case_outcome* r) { return !r->baseline || !r->endpoint; });
  return out;
}

std::string set_note(const analysis_input& in, const std::string& instrument, std::size_t used, std::size_t missing) {
  return "Analysis set " + std::string(to_string(in.population.set)) + ": " + std::to_string(in.population.size) +
         " case(s); " + std::to_string(used) + " with baseline and endpoint of " + instrument + " in the model, " +
         std::to_string(in.population.size - used) + " without (" + std::to_string(missing) +
         " never measured on it): a complete-case analysis of endpoints that are each case's last measure within "
         "the acute course (last observation carried forward); nothing else is imputed.";
}

// {"analysis_set", "instrument", ["cluster",] "note", "fit"}: a fit with what it was computed on.
std::string fit_json(const analysis_input& in, const std::string& instrument, const std::string& cluster,
                     const std::string& note, std::string fit) {
  std::string out = "{\"analysis_set\":\"";
  out += to_string(in.population.set);
  out += "\",\"instrument\":";
  out += json_value(to_json(instrument));
  if (!cluster.empty()) {
    out += ",\"cluster\":";
    out += json_value(to_json(cluster));
  }
  out += ",\"note\":";
  out += json_value(to_json(note));
  out += ",\"fit\":";
  out += json_value(std::move(fit));
  out += "}\n";
  return out;
}

// The Cox model of the groups (each against the first in sorted order, as indicator covariates):
// none with one group or no event, and a note instead of a fit the data cannot give.
std::optional<stats::cox_fit> group_cox(const relapse_survival_fit& fit, stats::cox_ties ties, std::string& reference,
                                        std::vector<std::string>& notes) {
  if (fit.kaplan_meier.medians.size() < 2 || !fit.logrank) return std::nullopt;
  reference = fit.kaplan_meier.medians.front().group;  // sorted labels
  std::vector<std::string> names;
  for (std::size_t g = 1; g < fit.kaplan_meier.medians.size(); ++g)
    names.push_back(fit.kaplan_meier.medians[g].group + " vs " + reference);
  std::vector<double> time, x;
  std::vector<int> event;
  for (const auto& s : fit.subjects) {
    time.push_back(s.days);
    event.push_back(s.event);
    for (std::size_t g = 1; g < fit.kaplan_meier.medians.size(); ++g)
      x.push_back(s.group == fit.kaplan_meier.medians[g].group ? 1.0 : 0.0);
  }
  const stats::covariate_matrix m{names, x};
  if (auto errors = stats::cox_input_errors(time, event, m); !errors.empty()) {
    notes.push_back("Cox model not fitted: " + errors.front());
    return std::nullopt;
  }
  try {
    auto c = stats::cox(time, event, m, {.ties = ties});
    if (!c.converged) {
      std::string list;
      for (const auto& s : c.separated) list += (list.empty() ? "" : ", ") + s;
      notes.push_back("Cox model: no estimate, the likelihood has no maximum (separation" +
                      (list.empty() ? std::string() : ": " + list) + ")");
    }
    return c;
  } catch (const std::invalid_argument& e) {
    notes.push_back(std::string("Cox model not fitted: ") + e.what());
    return std::nullopt;
  }
}

}  // namespace

int run_relapse(const std::vector<std::string>& files, group_by by, stats::cox_ties ties, const common_options& o) {
  auto in = load_analysis(files, o);
  auto fit = relapse_survival(in.cohort.cases, in.rows, in.population, group_labels(in.cohort.cases, by), by);
  std::string reference;
  const auto cox = group_cox(fit, ties, reference, fit.notes);
  switch (o.format) {
    case output_format::json: {
      std::string out = "{\"survival\":";
      out += json_value(to_json(fit));
      out += ",\"cox\":";
      out += cox ? json_value(to_json(*cox)) : std::string("null");
      out += ",\"cox_reference\":";
      out += cox ? json_value(to_json(reference)) : std::string("null");
      out += "}\n";
      write_output("-", out);
      break;
    }
    case output_format::csv: write_output("-", to_csv<stats::km_step>(fit.kaplan_meier.table, {.raw_cells = o.raw_cells})); break;
    case output_format::text: {
      std::vector<std::vector<std::string>> table;
      for (const auto& m : fit.kaplan_meier.medians)
        table.push_back({m.group, std::to_string(m.n), std::to_string(m.events),
                         m.median ? fixed(*m.median, "%.0f") : "not reached",
                         (m.lower ? fixed(*m.lower, "%.0f") : std::string("not estimable")) + " to " +
                             (m.upper ? fixed(*m.upper, "%.0f") : "not reached")});
      std::string out = "Time to relapse or recurrence (days from the end of the acute course)\n\n";
      if (!table.empty()) out += text_table({"group", "n", "events", "median", "95% CI"}, table);
      if (fit.logrank)
        out += "\nlog-rank: chi-square " + fixed(fit.logrank->statistic) + ", df " + std::to_string(fit.logrank->df) +
               ", p " + fixed(fit.logrank->pvalue, "%.4g") + "\n";
      if (cox && cox->converged) {
        out += "\nCox proportional hazards (";
        out += to_string(cox->ties);
        out += " ties), hazard ratio against " + reference + ":\n";
        std::vector<std::vector<std::string>> rows;
        for (const auto& t : cox->table)
          rows.push_back({t.name, fixed(t.hazard_ratio, "%.3f"),
                          fixed(t.lower, "%.3f") + " to " + fixed(t.upper, "%.3f"), fixed(t.pvalue, "%.4g")});
        out += text_table({"term", "HR", "95% CI (Wald)", "p"}, rows);
        out += "likelihood-ratio test: chi-square " + fixed(cox->lr_statistic) + ", df " + std::to_string(cox->df) +
               ", p " + fixed(cox->lr_pvalue, "%.4g") + "\n";
      }
      out += "\n" + notes_text(fit.notes);
      write_output("-", out);
      break;
    }
  }
  if (!o.quiet) std::cerr << fit.subjects.size() << " case(s) at risk of relapse or recurrence\n";
  return in.cohort.unreadable.empty() ? ok : problems;
}

int run_ancova(const std::vector<std::string>& files, const std::string& instrument, bool stratified,
               const std::string& reference, const common_options& o) {
  auto in = load_analysis(files, o);
  std::size_t missing = 0;
  const auto used = complete_rows(in, instrument, missing);
  std::vector<double> endpoint, baseline;
  std::vector<std::string> arm, stratum;
  for (const auto* r : used) {
    endpoint.push_back(*r->endpoint);
    baseline.push_back(*r->baseline);
    arm.push_back(in.population.arm[r->case_index]);
    if (stratified) {
      const auto& c = in.cohort.cases[r->case_index];
      stratum.push_back(c.trial && c.trial->stratum ? *c.trial->stratum : "(none)");
    }
  }
  const auto unstratified = static_cast<std::size_t>(std::count(stratum.begin(), stratum.end(), "(none)"));
  if (stratified && unstratified == stratum.size())
    throw fatal("--stratum: no case in the model has trial.stratum, so there is nothing to adjust for");
  const std::optional<std::string> ref = reference.empty() ? std::nullopt : std::optional<std::string>(reference);
  if (auto errors = stats::ancova_input_errors(endpoint, arm, baseline, stratum, ref); !errors.empty())
    throw fatal("ancova of " + instrument + ": " + errors.front());
  stats::ancova_fit fit;
  try {
    fit = stats::ancova(endpoint, arm, baseline, stratum, ref);
  } catch (const std::invalid_argument& e) {
    throw fatal("ancova of " + instrument + ": " + e.what());
  }
  std::string note = set_note(in, instrument, used.size(), missing);
  if (unstratified)
    note += " " + std::to_string(unstratified) + " case(s) without trial.stratum form a stratum of their own, (none).";
  switch (o.format) {
    case output_format::csv:  // not offered (--format text|json)
    case output_format::json: write_output("-", fit_json(in, instrument, {}, note, to_json(fit))); break;
    case output_format::text: {
      std::vector<std::vector<std::string>> table;
      for (const auto& d : fit.differences)
        table.push_back({d.arm + " - " + d.reference, std::to_string(d.n) + " / " + std::to_string(fit.reference_n),
                         fixed(d.estimate), fixed(d.lower) + " to " + fixed(d.upper), fixed(d.pvalue, "%.4g")});
      std::string out = "ANCOVA of the " + instrument + " endpoint on arm, adjusted for baseline" +
                        (stratified ? " and stratum" : "") + " (OLS)\n\n";
      out += text_table({"difference", "n", "adjusted", "95% CI", "p"}, table);
      out += "\nbaseline slope " + fixed(fit.baseline_slope, "%.3f") + " (SE " + fixed(fit.baseline_se, "%.3f") +
             "), residual SD " + fixed(fit.residual_sd) + ", df " + std::to_string(fit.df) + "\n\n" + note + "\n";
      write_output("-", out);
      break;
    }
  }
  return in.cohort.unreadable.empty() ? ok : problems;
}

int run_icc(const std::vector<std::string>& files, const std::string& instrument, const std::string& cluster,
            const common_options& o) {
  auto in = load_analysis(files, o);
  std::size_t missing = 0;
  const auto used = complete_rows(in, instrument, missing);
  std::vector<double> change;
  std::vector<std::string> clusters, arm;
  std::size_t unclustered = 0, crossed = 0;
  for (const auto* r : used) {
    const auto& c = in.cohort.cases[r->case_index];
    const auto& id = cluster == "group" ? c.group_id : c.therapist_id;
    if (!id) {
      ++unclustered;
      continue;
    }
    change.push_back(static_cast<double>(*r->endpoint - *r->baseline));
    clusters.push_back(*id);
    // Nested in the arm received: a therapist or group delivers one treatment, whatever the
    // allocation of a patient who crossed over.
    arm.push_back(c.arm.value_or("(none)"));
    crossed += c.trial && c.trial->allocation && c.arm != c.trial->allocation;
  }
  if (change.empty())
    throw fatal("icc: no case of the set with " + instrument + " baseline and endpoint has a " +
                (cluster == "group" ? std::string("group_id") : std::string("therapist_id")));
  // One arm: the ICC alone; several: clusters nested in arms, with cluster-adjusted differences.
  const bool arms = std::any_of(arm.begin(), arm.end(), [&](const std::string& a) { return a != arm.front(); });
  const std::span<const std::string> arm_span = arms ? std::span<const std::string>(arm) : std::span<const std::string>();
  if (auto errors = stats::icc_input_errors(change, clusters, arm_span); !errors.empty())
    throw fatal("icc of " + instrument + " change by " + cluster + ": " + errors.front());
  const auto fit = stats::icc(change, clusters, arm_span);
  std::string note = set_note(in, instrument, used.size(), missing);
  if (unclustered) note += " " + std::to_string(unclustered) + " of them without a " + cluster + " id left out.";
  if (arms)
    note += " Clusters are nested in the arm received (" + std::to_string(crossed) +
            " case(s) received another arm than allocated), so the cluster-adjusted difference compares the arms "
            "received.";
  switch (o.format) {
    case output_format::csv:  // not offered (--format text|json)
    case output_format::json: write_output("-", fit_json(in, instrument, cluster, note, to_json(fit))); break;
    case output_format::text: {
      std::string out = "ICC of " + instrument + " change by " + cluster + " (one-way ANOVA estimator" +
                        (arms ? ", clusters within arms" : "") + ")\n\n";
      out += "ICC " + fixed(fit.icc, "%.3f") + " (95% CI " + fixed(fit.lower, "%.3f") + " to " +
             fixed(fit.upper, "%.3f") + "), " + std::to_string(fit.clusters) + " clusters, " + std::to_string(fit.n) +
             " cases, mean cluster size " + fixed(fit.mean_cluster_size) + ", design effect " +
             fixed(fit.design_effect, "%.3f") + "\n";
      if (!fit.differences.empty()) {
        std::vector<std::vector<std::string>> table;
        for (const auto& d : fit.differences)
          table.push_back({d.arm + " - " + d.reference, fixed(d.difference),
                           fixed(d.se, "%.3f") + " / " + fixed(d.se_adjusted, "%.3f"),
                           fixed(d.lower) + " to " + fixed(d.upper)});
        out += "\nmean change, cluster-adjusted:\n";
        out += text_table({"difference", "estimate", "SE / adjusted", "95% CI"}, table);
      }
      out += "\n" + note + "\n";
      write_output("-", out);
      break;
    }
  }
  return in.cohort.unreadable.empty() ? ok : problems;
}

}  // namespace iptkit::cli
