// The HTML report's cohort sections (summary, trajectories, trial flow, findings) and the plain words and
// numbers every section is written in. The case sections are in html_report_cases.cpp, the page
// around them in html_report.cpp.
#include "html_report_parts.hpp"

#include <iptkit/measures/scoring.hpp>
#include <iptkit/meta/enum.hpp>
#include <iptkit/model/protocol_registry.hpp>

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <set>
#include <variant>

namespace iptkit::report_parts {

// ---------------------------------------------------------------------------------------------
// Plain words for the model's spellings.

std::string_view area_name(problem_area a) {
  switch (a) {
    case problem_area::grief: return "Grief";
    case problem_area::role_dispute: return "Role dispute";
    case problem_area::role_transition: return "Role transition";
    case problem_area::interpersonal_deficits: return "Interpersonal deficits";
  }
  return "";
}

std::string_view area_meaning(problem_area a) {
  switch (a) {
    case problem_area::grief: return "Grief: symptoms linked to the death of a significant person";
    case problem_area::role_dispute: return "Role dispute: non-reciprocal expectations with a significant other";
    case problem_area::role_transition: return "Role transition: difficulty coping with a life change";
    case problem_area::interpersonal_deficits:
      return "Interpersonal deficits: isolation or few, unsustained relationships (chosen only when no other area applies)";
  }
  return "";
}

std::string_view grief_words(grief_type g) {
  switch (g) {
    case grief_type::normal: return "normal grief";
    case grief_type::delayed: return "delayed grief (mourning was postponed: the reaction was absent at the time of the loss and came later)";
    case grief_type::distorted: return "distorted grief (little felt sadness; other symptoms such as insomnia instead)";
    case grief_type::chronic: return "chronic grief (lasting much longer than usual)";
    case grief_type::inhibited: return "inhibited grief (little separation distress)";
  }
  return "";
}

std::string_view stage_words(dispute_stage s) {
  switch (s) {
    case dispute_stage::renegotiation: return "renegotiation stage (both still engaged and talking)";
    case dispute_stage::impasse: return "impasse (talks have stopped; resentment)";
    case dispute_stage::dissolution: return "dissolution (the relationship is ending)";
  }
  return "";
}

std::string_view transition_words(transition_type t) {
  switch (t) {
    case transition_type::marriage: return "marriage";
    case transition_type::divorce_separation: return "divorce or separation";
    case transition_type::parenthood: return "becoming a parent";
    case transition_type::retirement: return "retirement";
    case transition_type::job_change: return "a job change";
    case transition_type::job_loss: return "job loss";
    case transition_type::relocation: return "moving home";
    case transition_type::illness: return "illness";
    case transition_type::education: return "education";
    case transition_type::other: return "another life change";
  }
  return "";
}

std::string_view pattern_words(deficit_pattern p) {
  switch (p) {
    case deficit_pattern::social_isolation: return "social isolation";
    case deficit_pattern::unfulfilling_relationships: return "unfulfilling relationships";
    case deficit_pattern::emotional_expression: return "difficulty expressing emotion";
    case deficit_pattern::communication_beliefs: return "beliefs that block communication";
  }
  return "";
}

std::string_view reason_words(not_computed r) {
  switch (r) {
    case not_computed::no_assessments: return "no scorable assessment";
    case not_computed::unknown_instrument: return "instrument not registered";
    case not_computed::no_baseline: return "no baseline score";
    case not_computed::no_endpoint: return "no later score yet";
    case not_computed::baseline_zero: return "baseline is 0";
    case not_computed::not_higher_is_worse: return "defined only where higher is worse";
    case not_computed::no_caseness_cutoff: return "instrument has no caseness cut-off";
    case not_computed::no_remission_cutoff: return "instrument has no remission cut-off";
    case not_computed::no_reliable_change_definition: return "instrument has no reliable-change definition";
    case not_computed::not_case_at_baseline: return "not a case at baseline";
    case not_computed::no_relapse_rule: return "no relapse rule";
    case not_computed::other_instrument: return "relapse rule uses another instrument";
    case not_computed::no_maintenance_assessments: return "no maintenance scores yet";
    case not_computed::not_in_paired_definition: return "not part of the paired definition";
    case not_computed::not_finished_treatment: return "fewer than 2 sessions attended (not a finished course)";
  }
  return "";
}

std::string_view severity_words(severity s) {
  switch (s) {
    case severity::alert: return "Alert";
    case severity::error: return "Error";
    case severity::warning: return "Warning";
  }
  return "";
}

std::string_view severity_meaning(severity s) {
  switch (s) {
    case severity::alert: return "Alert: a clinical risk a person should see now (not a protocol breach)";
    case severity::error: return "Error: the record contradicts the protocol or itself; fix it before trusting its outcomes";
    case severity::warning: return "Warning: a departure from usual IPT practice that may be justified; check it";
  }
  return "";
}

// Alerts first: a clinician scanning the page must meet the risks before the bookkeeping.
int severity_rank(severity s) {
  switch (s) {
    case severity::alert: return 0;
    case severity::error: return 1;
    case severity::warning: return 2;
  }
  return 3;
}

std::string badge(severity s) {
  return "<span class=\"badge " + std::string(meta::enum_name(s)) + "\"" + " title=\"" + esc(severity_meaning(s)) + "\">" +
         std::string(severity_words(s)) + "</span>";
}

std::string abbr(std::string_view shown, std::string_view meaning) {
  return "<abbr title=\"" + esc(meaning) + "\">" + esc(shown) + "</abbr>";
}

std::string capitalized(std::string text) {
  if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 'a' + 'A');
  return text;
}

// ---------------------------------------------------------------------------------------------
// Numbers.

std::string percent(double rate) { return fixed(rate * 100, 0); }

std::string signed_fixed(double v, int decimals) {
  std::string s = fixed(v, decimals);
  return (s.front() != '-' && s.find_first_not_of("0.") != std::string::npos) ? "+" + s : s;
}

constexpr std::string_view not_available = "<td class=\"na\" title=\"not computable: no cases where it is defined\">&#8212;</td>";

std::string proportion_cell(const proportion& p) {
  if (p.n == 0 || !p.rate) return std::string(not_available);
  std::string cell = "<td class=\"num\"><strong>" + percent(*p.rate) + "%</strong>";
  if (p.lower && p.upper) cell += " <span class=\"ci\">[" + percent(*p.lower) + "&#8211;" + percent(*p.upper) + "]</span>";
  cell += " <span class=\"kn\">" + std::to_string(p.k) + "/" + std::to_string(p.n) + "</span></td>";
  return cell;
}

std::string mean_sd_cell(const mean_sd& m, bool is_signed = false) {
  if (m.n == 0 || !m.mean) return std::string(not_available);
  std::string cell = "<td class=\"num\">" + (is_signed ? signed_fixed(*m.mean, 1) : fixed(*m.mean, 1));
  if (m.sd) cell += " <span class=\"ci\">(" + fixed(*m.sd, 1) + ")</span>";
  cell += " <span class=\"kn\">n=" + std::to_string(m.n) + "</span></td>";
  return cell;
}

std::string interval(const std::optional<double>& lower, const std::optional<double>& upper, int decimals) {
  if (!lower || !upper) return "";
  return " <span class=\"ci\">[" + fixed(*lower, decimals) + " to " + fixed(*upper, decimals) + "]</span>";
}

std::string effect_cell(const effect_size& e) {
  if (!e.g) return "<td class=\"na\" title=\"needs at least 3 cases with baseline and endpoint, and varying change\">&#8212;</td>";
  return "<td class=\"num\">" + fixed(*e.g, 2) + interval(e.lower, e.upper, 2) + " <span class=\"kn\">n=" +
         std::to_string(e.n) + "</span></td>";
}

std::string rate_difference_cell(const group_comparison& c, std::string_view outcome) {
  for (const auto& r : c.rates)
    if (r.outcome == outcome && r.difference)
      return "<td class=\"num\">" + signed_fixed(*r.difference * 100, 0) + " points" +
             (r.lower && r.upper ? " <span class=\"ci\">[" + fixed(*r.lower * 100, 0) + " to " + fixed(*r.upper * 100, 0) + "]</span>"
                                 : std::string()) +
             "</td>";
  return std::string(not_available);
}

// ---------------------------------------------------------------------------------------------
// Instruments.

std::string instrument_name(const instrument_registry& reg, std::string_view id) {
  if (id == paired_instrument) return "PHQ-9 + GAD-7 (paired)";
  if (const auto* in = reg.find(id)) return in->name;
  return std::string(id);
}

std::string worse_words(const instrument& in, int cutoff, bool at_or_worse) {
  const bool up = in.direction == score_direction::higher_is_worse;
  return in.name + " " + std::to_string(cutoff) + (at_or_worse == up ? " or above" : " or below");
}

std::string remission_meaning(const instrument_registry& reg, const std::vector<std::string>& ids) {
  std::string s;
  for (const auto& id : ids)
    if (const auto* in = reg.find(id); in && in->remission)
      s += (s.empty() ? "" : "; ") + worse_words(*in, *in->remission, false);
  return s.empty() ? "the endpoint is at or better than the instrument's remission cut-off" : s;
}

std::string caseness_meaning(const instrument_registry& reg, const std::vector<std::string>& ids) {
  std::string s;
  for (const auto& id : ids)
    if (const auto* in = reg.find(id); in && in->caseness)
      s += (s.empty() ? "" : "; ") + worse_words(*in, *in->caseness, true);
  return s.empty() ? "at or beyond the instrument's caseness cut-off" : s;
}

std::string reliable_meaning(const instrument_registry& reg, const std::vector<std::string>& ids) {
  std::string s;
  for (const auto& id : ids) {
    const auto* in = reg.find(id);
    if (!in) continue;
    std::string part;
    if (in->reliable_change) part = "at least " + std::to_string(*in->reliable_change) + " points on " + in->name;
    else if (in->jacobson_truax) part = "a reliable change index beyond 1.96 on " + in->name + " (Jacobson-Truax)";
    else part = "not defined for " + in->name;
    s += (s.empty() ? "" : "; ") + part;
  }
  return s.empty() ? "a change at least the instrument's reliable-change threshold" : s;
}

// The instruments of a set of outcome rows, most cases first (ties: first appearance); the
// paired row last, since it only restates the other two.
std::vector<std::string> instruments_by_use(std::span<const case_outcome> rows) {
  std::vector<std::string> order;
  std::map<std::string, std::size_t> count;
  for (const auto& r : rows) {
    if (r.instrument.empty()) continue;
    if (count[r.instrument]++ == 0) order.push_back(r.instrument);
  }
  std::stable_sort(order.begin(), order.end(), [&](const std::string& a, const std::string& b) {
    const bool pa = a == paired_instrument, pb = b == paired_instrument;
    if (pa != pb) return pb;
    return count[a] > count[b];
  });
  return order;
}

// ---------------------------------------------------------------------------------------------
// Per-case view: what every section needs to know about a case.


std::string group_display(std::string_view label, group_by by) {
  if (by == group_by::none) return "All cases";
  if (label == "(none)") return "no " + std::string(meta::enum_name(by)) + " recorded";
  return std::string(label);
}

const relationship* find_relationship(const case_record& c, const std::string& id) {
  if (!c.inventory) return nullptr;
  for (const auto& r : c.inventory->relationships)
    if (r.id == id) return &r;
  return nullptr;
}

std::string person_words(const case_record& c, const std::string& id) {
  const auto* r = find_relationship(c, id);
  if (!r) return "<code>" + esc(id) + "</code>";
  std::string s = "<strong>" + esc(r->label.empty() ? r->id : r->label) + "</strong>";
  s += " (" + esc(humanize(meta::enum_name(r->kind)));
  if (r->status != relationship_status::current) s += ", " + std::string(meta::enum_name(r->status));
  return s + ")";
}

std::string focus_words(const focus& f, const case_record& c) {
  const auto area = area_of(f);
  std::string s = abbr(area_name(area), area_meaning(area));
  if (const auto* g = std::get_if<grief_focus>(&f)) {
    s += " for " + person_words(c, g->relationship) + ": " + esc(grief_words(g->grief_type));
  } else if (const auto* d = std::get_if<role_dispute_focus>(&f)) {
    s += " with " + person_words(c, d->relationship) + ": " + esc(stage_words(d->stage));
  } else if (const auto* t = std::get_if<role_transition_focus>(&f)) {
    s += ": " + esc(transition_words(t->transition));
    if (t->old_role && t->new_role) s += ", from &#8220;" + esc(*t->old_role) + "&#8221; to &#8220;" + esc(*t->new_role) + "&#8221;";
    else if (t->new_role) s += ", to &#8220;" + esc(*t->new_role) + "&#8221;";
    if (t->date) s += " (" + format_date(*t->date) + ")";
  } else if (const auto* p = std::get_if<interpersonal_deficits_focus>(&f)) {
    s += ": " + esc(pattern_words(p->pattern));
  }
  return s;
}

const group_summary* find_summary(const cohort_summary& s, const std::string& group, const std::string& instrument) {
  for (const auto& g : s.groups)
    if (g.group == group && g.instrument == instrument) return &g;
  return nullptr;
}

void write_summary(std::string& out, const report_context& x) {
  const auto& ids = x.plain_instruments;
  out += "<section id=\"cohort-summary\">\n<h2>Cohort summary</h2>\n";
  out += "<p class=\"lead\">Outcomes per instrument and " +
         std::string(x.options.by == group_by::none ? "for all cases" : "by " + std::string(meta::enum_name(x.options.by))) +
         ". Rates are given as a percentage with its 95% confidence interval in brackets and the number of cases "
         "(<abbr title=\"k cases with the outcome out of n cases where it could be computed\">k/n</abbr>). "
         "Negative change means fewer symptoms.</p>\n";
  // The analysis set and the handling of missing data, as the summary states them.
  out += "<p id=\"analysis-set\" class=\"lead\">";
  for (std::size_t i = 0; i < x.summary.notes.size(); ++i) {
    if (i) out += ' ';
    out += escape_xml(x.summary.notes[i]);
  }
  out += "</p>\n";
  const std::size_t columns = x.groups.size() + 1;
  out += "<table id=\"summary\">\n<thead><tr><th scope=\"col\">Measure</th>";
  for (const auto& g : x.groups)
    out += "<th scope=\"col\" class=\"num\">" + esc(group_display(g, x.options.by)) +
           (x.options.by == group_by::none ? "" : "<span class=\"group-label\">" + std::string(meta::enum_name(x.options.by)) + "</span>") +
           "</th>";
  out += "</tr></thead>\n";

  struct row {
    std::string header;
    std::function<std::string(const group_summary&)> cell;
    std::function<bool(const group_summary&)> has;
  };
  const std::vector<row> rows = {
      {"Cases",
       [](const group_summary& s) { return "<td class=\"num\">" + std::to_string(s.cases) + "</td>"; },
       [](const group_summary&) { return true; }},
      {"<span class=\"sub\">with baseline and endpoint</span>",
       [](const group_summary& s) { return "<td class=\"num\">" + std::to_string(s.with_baseline_and_endpoint) + "</td>"; },
       [](const group_summary&) { return true; }},
      {abbr("Baseline", "The first score from 28 days before the contract start up to the first attended session") +
           "<span class=\"sub\">mean (SD)</span>",
       [](const group_summary& s) { return mean_sd_cell(s.baseline); },
       [](const group_summary& s) { return s.baseline.n > 0; }},
      {abbr("Endpoint", "The last score after baseline, up to 14 days after the last acute session (last observation carried forward)") +
           "<span class=\"sub\">mean (SD)</span>",
       [](const group_summary& s) { return mean_sd_cell(s.endpoint); },
       [](const group_summary& s) { return s.endpoint.n > 0; }},
      {abbr("Change", "Endpoint minus baseline; negative means fewer symptoms") + "<span class=\"sub\">mean (SD)</span>",
       [](const group_summary& s) { return mean_sd_cell(s.change, true); },
       [](const group_summary& s) { return s.change.n > 0; }},
      {abbr("Response", "Endpoint at most half the baseline: a fall of at least 50%"),
       [](const group_summary& s) { return proportion_cell(s.response); },
       [](const group_summary& s) { return s.response.n > 0; }},
      {abbr("Remission", "Endpoint at or below the remission cut-off: " + remission_meaning(x.instruments, ids)),
       [](const group_summary& s) { return proportion_cell(s.remission); },
       [](const group_summary& s) { return s.remission.n > 0; }},
      {abbr("Reliable improvement", "A fall larger than measurement error: " + reliable_meaning(x.instruments, ids)),
       [](const group_summary& s) { return proportion_cell(s.reliable_improvement); },
       [](const group_summary& s) { return s.reliable_improvement.n > 0; }},
      {abbr("Reliable deterioration", "A rise larger than measurement error (the same thresholds as reliable improvement)"),
       [](const group_summary& s) { return proportion_cell(s.reliable_deterioration); },
       [](const group_summary& s) { return s.reliable_deterioration.n > 0; }},
      {abbr("Recovery", "A case at baseline (" + caseness_meaning(x.instruments, ids) +
                            ") and no longer a case at endpoint; among cases that finished treatment (at least 2 "
                            "attended sessions) and were at caseness at baseline (NHS Talking Therapies)"),
       [](const group_summary& s) { return proportion_cell(s.recovery); },
       [](const group_summary& s) { return s.recovery.n > 0; }},
      {abbr("Reliable recovery", "Recovery together with reliable improvement"),
       [](const group_summary& s) { return proportion_cell(s.reliable_recovery); },
       [](const group_summary& s) { return s.reliable_recovery.n > 0; }},
      {abbr("Relapse", "The relapse rule fired before the remission had lasted the recovery period (" +
                           std::to_string(x.options.recovery_period_months) +
                           " months; Frank et al. 1991); among cases that remitted and whose rule was applied"),
       [](const group_summary& s) { return proportion_cell(s.relapse); },
       [](const group_summary& s) { return s.relapse.n > 0; }},
      {abbr("Recurrence", "The relapse rule fired after a remission had lasted the recovery period: a new episode "
                          "after recovery (Frank et al. 1991); among the same cases"),
       [](const group_summary& s) { return proportion_cell(s.recurrence); },
       [](const group_summary& s) { return s.recurrence.n > 0; }},
      {abbr("Completed treatment", "Attended a termination-phase session (on a comparator arm: its last planned contact)"),
       [](const group_summary& s) { return proportion_cell(s.completers); },
       [](const group_summary& s) { return s.completers.n > 0; }},
      {abbr("Effect size d_z", "Within-group pre-post effect: mean change divided by the SD of change, with Hedges' "
                               "small-sample correction (g) and its 95% interval; negative means improvement. It "
                               "describes how consistently cases changed.") +
           "<span class=\"sub\">Hedges g [95% CI]</span>",
       [](const group_summary& s) { return effect_cell(s.d_z); },
       [](const group_summary& s) { return s.d_z.g.has_value(); }},
  };

  for (const auto& id : x.instrument_order) {
    out += "<tbody>\n<tr class=\"instrument\"><th colspan=\"" + std::to_string(columns) + "\" scope=\"rowgroup\">" +
           esc(instrument_name(x.instruments, id));
    if (const auto* in = x.instruments.find(id))
      out += "<span class=\"range\">total " + std::to_string(in->total_min) + "&#8211;" + std::to_string(in->total_max) + ", " +
             (in->direction == score_direction::higher_is_worse ? "higher is worse" : "higher is better") + "</span>";
    else if (id == paired_instrument)
      out += "<span class=\"range\">NHS Talking Therapies: a case when either is at caseness; recovered when "
             "neither is at endpoint</span>";
    out += "</th></tr>\n";
    for (const auto& r : rows) {
      bool any = false;
      for (const auto& g : x.groups)
        if (const auto* s = find_summary(x.summary, g, id); s && r.has(*s)) any = true;
      if (!any) continue;
      out += "<tr><th scope=\"row\">" + r.header + "</th>";
      for (const auto& g : x.groups) {
        const auto* s = find_summary(x.summary, g, id);
        out += s ? r.cell(*s) : std::string(not_available);
      }
      out += "</tr>\n";
    }
    out += "</tbody>\n";
  }
  out += "</table>\n";

  // Between-group comparisons (every pair on every shared instrument), where any figure exists.
  std::string comparisons;
  for (const auto& id : x.instrument_order)
    for (const auto& c : x.summary.comparisons) {
      if (c.instrument != id) continue;
      bool any = c.hedges_g.g.has_value();
      for (const auto& r : c.rates) any = any || r.difference.has_value();
      if (!any) continue;
      comparisons += "<tr><th scope=\"row\">" + esc(instrument_name(x.instruments, id)) + "</th><td>" +
                     esc(group_display(c.group_a, x.options.by)) + " vs " + esc(group_display(c.group_b, x.options.by)) +
                     "</td>" + effect_cell(c.hedges_g) + rate_difference_cell(c, "response") +
                     rate_difference_cell(c, "remission") + rate_difference_cell(c, "reliable_improvement") +
                     rate_difference_cell(c, "recovery") + "</tr>\n";
    }
  if (!comparisons.empty()) {
    out += "<h3>Between groups</h3>\n<p class=\"note\">The first group minus the second. " +
           abbr("Hedges' g", "Difference in mean change between the two groups divided by the pooled SD of change, with "
                             "Hedges' small-sample correction; negative means the first group improved more") +
           " on change with its 95% interval; rate differences in percentage points with Newcombe's 95% interval. "
           "Small groups give wide intervals.</p>\n";
    out += "<table class=\"comparisons\">\n<thead><tr><th scope=\"col\">Instrument</th><th scope=\"col\">Groups</th>"
           "<th scope=\"col\" class=\"num\">Change: Hedges g [95% CI]</th><th scope=\"col\" class=\"num\">Response</th>"
           "<th scope=\"col\" class=\"num\">Remission</th><th scope=\"col\" class=\"num\">Reliable improvement</th>"
           "<th scope=\"col\" class=\"num\">Recovery</th></tr></thead>\n<tbody>\n" +
           comparisons + "</tbody>\n</table>\n";
  }
  bool no_scores = false;
  for (const auto& v : x.views)
    for (const auto* r : v.rows) no_scores = no_scores || r->instrument.empty();
  if (no_scores) out += "<p class=\"note\">Cases without any scorable assessment are counted in no instrument's row.</p>\n";
  out += "</section>\n";
}

// Mean of the primary instrument by week since contract start, per group, with a 95% band.
void write_trajectory(std::string& out, const report_context& x) {
  constexpr std::size_t min_cases = 3;
  out += "<section id=\"symptom-trajectories\">\n<h2>Symptom trajectories</h2>\n";
  const std::string id = x.primary.value_or("");
  const instrument* in = x.instruments.find(id);
  const std::string name = x.primary ? instrument_name(x.instruments, id) : "Score";

  std::vector<trajectory_series> series;
  std::vector<std::string> too_few;
  for (const auto& g : x.groups) {
    // Each case counts once per week: its latest score that week (a later score supersedes).
    std::map<long, std::vector<double>> by_week;
    for (std::size_t i = 0; i < x.views.size(); ++i) {
      const auto& v = x.views[i];
      if (v.group != g || !x.primary || !x.population.member[i]) continue;
      std::map<long, std::pair<date, int>> latest;
      for (const auto& a : v.c->assessments) {
        if (a.instrument != id) continue;
        const auto total = score_total(a, in);
        if (!total) continue;
        const long days = days_between(v.c->contract.start_date, a.date);
        const long week = static_cast<long>(std::lround(static_cast<double>(days) / 7.0));
        auto it = latest.find(week);
        if (it == latest.end() || !(a.date < it->second.first)) latest[week] = {a.date, *total};
      }
      for (const auto& [week, dt] : latest) by_week[week].push_back(dt.second);
    }
    trajectory_series s{group_display(g, x.options.by), {}};
    for (const auto& [week, values] : by_week) {
      const std::size_t n = values.size();
      if (n < min_cases) continue;
      double sum = 0;
      for (double v : values) sum += v;
      const double mean = sum / static_cast<double>(n);
      double ss = 0;
      for (double v : values) ss += (v - mean) * (v - mean);
      const double sd = std::sqrt(ss / static_cast<double>(n - 1));
      const double half = 1.96 * sd / std::sqrt(static_cast<double>(n));
      s.points.push_back({static_cast<double>(week), mean, mean - half, mean + half,
                          "mean of " + std::to_string(n) + " cases, 95% CI " + fixed(mean - half, 1) + " to " +
                              fixed(mean + half, 1)});
    }
    if (s.points.empty()) too_few.push_back(group_display(g, x.options.by));
    else series.push_back(std::move(s));
  }

  svg_options o;
  o.id = "trajectory";
  o.width = 1160;
  o.height = 440;
  o.title = "Mean " + name + " by week since contract start";
  o.x_label = "weeks since contract start";
  o.x_name = "week";
  o.y_label = name + " total (mean)";
  o.value_name = name;
  if (in) {
    o.y_min = in->total_min;
    o.y_max = in->total_max;
    o.reference_lines = cutoff_lines(*in);
  }
  out += "<figure>\n" + trajectory_svg(series, o) + "\n<figcaption>Mean " + esc(name) +
         " total by week since the contract start (days / 7, rounded), " +
         (x.options.by == group_by::none ? std::string("for all cases") : "per " + std::string(meta::enum_name(x.options.by))) +
         ", with a shaded 95% confidence band (mean &#177; 1.96 &#215; SD / &#8730;n). Only weeks with scores from at "
         "least " + std::to_string(min_cases) + " cases are shown; a case counts once per week (its latest score "
         "that week). Cases start at different times and courses differ in length, so the cases behind each point "
         "differ. Dashed lines: caseness and remission cut-offs. Hover over a point for its n. The cases of the "
         "analysis set " + std::string(to_string(x.population.set)) + " (" + std::to_string(x.population.size) +
         " case(s)), grouped as the summary.";
  if (!too_few.empty()) {
    out += " Not drawn (fewer than " + std::to_string(min_cases) + " cases in every week): ";
    for (std::size_t i = 0; i < too_few.size(); ++i) out += (i ? ", " : "") + esc(too_few[i]);
    out += ".";
  }
  out += "</figcaption>\n</figure>\n</section>\n";
}

void write_findings(std::string& out, const report_context& x) {
  struct code_summary {
    severity worst = severity::warning;
    std::size_t count = 0;
    std::vector<const case_view*> cases;
  };
  std::map<std::string, code_summary> codes;
  std::size_t total = 0;
  for (const auto& v : x.views)
    for (const auto& f : v.findings) {
      auto& s = codes[f.code];
      if (s.count == 0 || severity_rank(f.severity) < severity_rank(s.worst)) s.worst = f.severity;
      ++s.count;
      ++total;
      if (s.cases.empty() || s.cases.back() != &v) s.cases.push_back(&v);
    }
  out += "<section id=\"protocol-findings\">\n<h2>Protocol findings</h2>\n";
  if (codes.empty()) {
    out += "<p class=\"ok\">No protocol findings in " + std::to_string(x.cases.size()) + " cases.</p>\n</section>\n";
    return;
  }
  std::vector<std::pair<std::string, const code_summary*>> order;
  for (const auto& [code, s] : codes) order.emplace_back(code, &s);
  std::stable_sort(order.begin(), order.end(), [](const auto& a, const auto& b) {
    return severity_rank(a.second->worst) < severity_rank(b.second->worst);
  });
  out += "<p class=\"lead\">" + std::to_string(total) + (total == 1 ? " finding" : " findings") + " of " +
         std::to_string(order.size()) + (order.size() == 1 ? " rule" : " rules") +
         ", alerts first. Each case links to its section, where the finding's message names the values involved.</p>\n";
  out += "<table class=\"findings\">\n<thead><tr><th scope=\"col\">Code</th><th scope=\"col\">Severity</th>"
         "<th scope=\"col\">What the rule checks</th><th scope=\"col\" class=\"num\">Findings</th>"
         "<th scope=\"col\">Cases</th></tr></thead>\n<tbody>\n";
  const auto& rules = x.cat.rules;
  for (const auto& [code, s] : order) {
    const rule* r = rules.find(code);
    out += "<tr class=\"sev-" + std::string(meta::enum_name(s->worst)) + "\" id=\"finding-" + esc(svg_detail::id_token(code)) +
           "\"><td><code>" + esc(code) + "</code></td><td>" + badge(s->worst) + "</td><td>" +
           (r ? esc(capitalized(r->title)) : std::string("<em>a rule outside the built-in catalogue</em>")) +
           "</td><td class=\"num\">" + std::to_string(s->count) + "</td><td>";
    for (std::size_t i = 0; i < s->cases.size(); ++i)
      out += (i ? ", " : "") + std::string("<a href=\"#") + esc(s->cases[i]->anchor) + "\">" + esc(s->cases[i]->c->case_id) + "</a>";
    out += "</td></tr>\n";
  }
  out += "</tbody>\n</table>\n</section>\n";
}


}  // namespace iptkit::report_parts
