// The HTML report's trial sections: the CONSORT flow and time to relapse or recurrence.
#include "html_report_parts.hpp"

#include <iptkit/export/consort_svg.hpp>
#include <iptkit/trials/consort.hpp>

#include <algorithm>

namespace iptkit::report_parts {

bool has_trial(const report_context& x) {
  return std::any_of(x.cases.begin(), x.cases.end(), [](const case_record& c) { return c.trial.has_value(); });
}

// The CONSORT 2010 diagram of the cases with a trial record, and what its counts assume.
void write_consort(std::string& out, const report_context& x) {
  // The diagram's Analysed boxes follow the report's set; completers depends on the instrument,
  // so the diagram then counts intention to treat (and says so, as every set name is drawn).
  const auto flow = x.population.set == analysis_set::per_protocol ? consort(x.cases, x.population) : consort(x.cases);
  out += "<section id=\"trial-flow\">\n<h2>Trial flow (CONSORT)</h2>\n<p class=\"lead\">";
  out += "The CONSORT 2010 flow diagram (Schulz, Altman and Moher, BMJ 2010;340:c332) of the cases with a trial "
         "record: from screening to analysis, one column per allocated arm. Analysed: ";
  out += esc(flow.analysis_set == "itt" ? std::string("intention to treat, every randomised case in the arm it was "
                                                      "allocated to")
                                        : "per protocol, the cases of the summary; the others are excluded from "
                                          "analysis by reason");
  if (x.population.set == analysis_set::completers)
    out += " (the summary's completers set depends on the instrument, so the diagram counts intention to treat)";
  out += ".</p>\n<figure>\n";
  out += consort_svg(flow, {.width = 820, .id = "consort", .title = {}});
  out += "\n<figcaption>Every count is a number of patients. A patient may give several exclusion reasons, so the "
         "patients per reason can add up to more than the excluded box; the reasons given in all are counted "
         "too.</figcaption>\n</figure>\n";
  if (flow.notes.empty()) {
    out += "<p class=\"ok\">Every record was placed as recorded: no count rests on an assumption.</p>\n";
  } else {
    out += "<table class=\"consort-notes\">\n<thead><tr><th scope=\"col\">What the counts leave out or assume"
           "</th></tr></thead>\n<tbody>\n";
    for (const auto& n : flow.notes) out += "<tr><td>" + esc(n) + "</td></tr>\n";
    out += "</tbody>\n</table>\n";
  }
  out += "</section>\n";
}

namespace {

// Days, or why there is no number: a median or upper bound beyond the data is not reached; a lower
// bound with no event time in its interval is not estimable (as `iptkit relapse` says).
std::string days_text(const std::optional<double>& v, const char* none = "not reached") {
  return v ? fixed(*v, 0) : std::string(none);
}

}  // namespace

void write_relapse(std::string& out, const report_context& x) {
  const auto& fit = x.relapse;
  out += "<section id=\"time-to-relapse\">\n<h2>Time to relapse or recurrence</h2>\n<p class=\"lead\">";
  for (std::size_t i = 0; i < fit.notes.size(); ++i) {
    if (i) out += ' ';
    out += esc(fit.notes[i]);
  }
  out += "</p>\n";
  // Kaplan-Meier curves as steps: each event time drawn at the survival before and after it.
  std::vector<trajectory_series> series;
  double last = 0;
  for (const auto& m : fit.kaplan_meier.medians) {
    trajectory_series s{group_display(m.group, x.options.by), {{0, 100, 100, 100, "start: " + std::to_string(m.n) + " at risk"}}};
    double before = 100, low = 100, high = 100;
    for (const auto& step : fit.kaplan_meier.table) {
      if (step.group != m.group) continue;
      last = std::max(last, step.time);
      if (step.events == 0) continue;
      s.points.push_back({step.time, before, low, high, ""});
      before = step.survival * 100;
      low = step.lower.value_or(0) * 100;
      high = step.upper.value_or(1) * 100;
      s.points.push_back({step.time, before, low, high,
                          "day " + fixed(step.time, 0) + ": " + fixed(before, 1) + "% without, " +
                              std::to_string(step.at_risk) + " at risk, " + std::to_string(step.events) + " event(s)"});
    }
    s.points.push_back({last, before, low, high, "end of follow-up"});
    series.push_back(std::move(s));
  }
  svg_options o;
  o.id = "relapse-curves";
  o.width = 1160;
  o.height = 400;
  o.title = "Without relapse or recurrence (Kaplan-Meier)";
  o.x_label = "days since the end of the acute course";
  o.x_name = "day";
  o.y_label = "% without relapse or recurrence";
  o.value_name = "% without";
  o.y_min = 0;
  o.y_max = 100;
  out += "<figure>\n" + trajectory_svg(series, o) +
         "\n<figcaption>Kaplan-Meier estimate per group with its 95% log-log band (Kaplan and Meier 1958; "
         "Greenwood's variance). Each step is an event time; censored cases leave the risk set without a step. "
         "Hover over a step for the numbers at risk.</figcaption>\n</figure>\n";
  out += "<table id=\"relapse-medians\">\n<thead><tr><th scope=\"col\">Group</th><th scope=\"col\">At risk</th>"
         "<th scope=\"col\">Events</th><th scope=\"col\">Median days (95% CI)</th></tr></thead>\n<tbody>\n";
  for (const auto& m : fit.kaplan_meier.medians)
    out += "<tr><th scope=\"row\">" + esc(group_display(m.group, x.options.by)) + "</th><td class=\"num\">" +
           std::to_string(m.n) + "</td><td class=\"num\">" + std::to_string(m.events) + "</td><td class=\"num\">" +
           days_text(m.median) + " (" + days_text(m.lower, "not estimable") + " to " +
           days_text(m.upper) + ")</td></tr>\n";
  out += "</tbody>\n</table>\n";
  if (fit.logrank)
    out += "<p>Log-rank test (Mantel 1966): chi-square " + fixed(fit.logrank->statistic, 2) + " on " +
           std::to_string(fit.logrank->df) + " df, p = " + fixed(fit.logrank->pvalue, 4) + ".</p>\n";
  out += "</section>\n";
}

}  // namespace iptkit::report_parts
