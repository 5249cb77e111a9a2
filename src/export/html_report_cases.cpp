// The HTML report's case sections: one per case, with its key facts, measures and their outcome
// tags, findings, trajectory over severity bands and closeness circle. The words and numbers they
// share with the cohort sections are in html_report_sections.cpp.
#include "html_report_parts.hpp"

#include <iptkit/measures/scoring.hpp>
#include <iptkit/meta/enum.hpp>
#include <iptkit/model/protocol_registry.hpp>

#include <algorithm>
#include <string>

namespace iptkit::report_parts {

std::string outcome_tags(const case_outcome& r) {
  std::string s;
  const auto tag = [&](std::string_view cls, std::string_view words) {
    s += "<span class=\"outcome " + std::string(cls) + "\">" + std::string(words) + "</span>";
  };
  if (r.status) {
    tag("", "not computed: " + std::string(reason_words(*r.status)));
    return s;
  }
  if (r.response && *r.response) tag("good", "response");
  if (r.remission && *r.remission) tag("good", "remission");
  if (r.reliable_improvement && *r.reliable_improvement) tag("good", "reliable improvement");
  if (r.recovery && *r.recovery) tag("good", "recovered");
  if (r.reliable_deterioration && *r.reliable_deterioration) tag("bad", "reliable deterioration");
  if (r.sustained_remission_date) tag("good", "remission sustained from " + format_date(*r.sustained_remission_date));
  if (r.relapse_rule_fired) {
    if (*r.relapse_rule_fired) {
      const std::string_view what = !r.relapse_kind                               ? "relapse rule fired"
                                    : *r.relapse_kind == relapse_kind::recurrence ? "recurrence"
                                    : *r.relapse_kind == relapse_kind::relapse    ? "relapse"
                                                                                  : "no remission before the relapse rule fired";
      tag("bad", std::string(what) + " on " + (r.relapse_date ? format_date(*r.relapse_date) : std::string("?")));
    } else {
      tag("good", "no relapse or recurrence in maintenance");
    }
  }
  if (s.empty()) {
    // Say which outcomes were not reached, naming only those defined for this row.
    std::string missed;
    const auto add = [&](const std::optional<bool>& v, std::string_view name) {
      if (v && !*v) missed += (missed.empty() ? "" : ", ") + std::string(name);
    };
    add(r.response, "response");
    add(r.remission, "remission");
    add(r.reliable_improvement, "reliable improvement");
    add(r.recovery, "recovery");
    tag("", missed.empty() ? std::string("no outcome defined") : "none of: " + missed);
  }
  return s;
}

std::string score_with_band(const std::optional<int>& total, const std::optional<std::string>& band,
                            const std::optional<date>& when) {
  if (!total) return "&#8212;";
  std::string s = "<strong>" + std::to_string(*total) + "</strong>";
  if (band) s += " " + esc(humanize(*band));
  if (when) s += "<span class=\"date\">" + format_date(*when) + "</span>";
  return s;
}

void write_case(std::string& out, const case_view& v, const report_context& x) {
  const auto& c = *v.c;
  const auto* p = x.cat.protocols.find(c.adaptation);
  out += "<section class=\"case" + std::string(v.has_alert ? " has-alert" : "") + "\" id=\"" + esc(v.anchor) +
         "\" aria-labelledby=\"" + esc(v.anchor) + "-heading\">\n";
  out += "<h3 id=\"" + esc(v.anchor) + "-heading\">" + esc(c.case_id) + " <span class=\"badge tag\">" +
         esc(p ? p->name : c.adaptation) + "</span>" + (v.has_alert ? " " + badge(severity::alert) : "") + "</h3>\n";
  out += "<div class=\"case-grid\">\n<div>\n<dl class=\"facts\">\n";
  out += "<dt>Adaptation</dt><dd>" + esc(p ? p->name : c.adaptation) + " <code>" + esc(c.adaptation) + "</code></dd>\n";
  if (c.arm) out += "<dt>Arm</dt><dd>" + esc(*c.arm) + "</dd>\n";
  if (c.site) out += "<dt>Site</dt><dd>" + esc(*c.site) + "</dd>\n";
  if (c.age_at_intake) out += "<dt>Age at intake</dt><dd>" + std::to_string(*c.age_at_intake) + "</dd>\n";

  int attended = 0, cancelled = 0, missed = 0, maintenance_attended = 0;
  bool termination = false;
  for (const auto& s : c.sessions) {
    if (!is_acute(s.phase)) {
      maintenance_attended += s.attendance == attendance::attended;
      continue;
    }
    attended += s.attendance == attendance::attended;
    cancelled += s.attendance == attendance::cancelled;
    missed += s.attendance == attendance::no_show;
    termination = termination || (s.phase == phase::termination && s.attendance == attendance::attended);
  }
  out += "<dt>Sessions</dt><dd>" + std::to_string(attended) + " attended of " + std::to_string(planned_sessions(c.contract)) +
         " planned";
  if (!c.contract.renegotiations.empty())
    out += " (renegotiated from " + std::to_string(c.contract.planned_sessions) + " at session " +
           std::to_string(c.contract.renegotiations.back().session) + ")";
  if (cancelled || missed)
    out += "; " + std::to_string(cancelled) + " cancelled, " + std::to_string(missed) + " missed";
  out += "; " + std::string(termination ? "reached the termination phase" : "termination phase not reached");
  if (maintenance_attended) out += "; " + std::to_string(maintenance_attended) + " maintenance sessions attended";
  out += "<span class=\"date\">" + std::string(meta::enum_name(c.contract.frequency)) + " from " +
         format_date(c.contract.start_date) + ", " + humanize(meta::enum_name(c.contract.format)) + ", " +
         humanize(meta::enum_name(c.contract.modality)) + "</span></dd>\n";

  out += "<dt>Focus</dt><dd>";
  if (c.formulation && has_focus(*c.formulation)) {
    const auto& f = *c.formulation;
    if (!f.focus.empty()) {
      out += "<ol>";
      for (std::size_t i = 0; i < f.focus.size(); ++i)
        out += "<li>" + focus_words(f.focus[i], c) + (i == 0 && f.focus.size() > 1 ? " <span class=\"sub\">(primary)</span>" : "") + "</li>";
      out += "</ol>";
    }
    if (f.ipaf)
      out += "<p>Interpersonal affective focus: self <em>" + esc(f.ipaf->self_representation) + "</em>, other <em>" +
             esc(f.ipaf->other_representation) + "</em>, affect <em>" + esc(f.ipaf->affect) + "</em>" +
             (f.ipaf->defensive_function ? "; defensive function <em>" + esc(*f.ipaf->defensive_function) + "</em>" : "") +
             "</p>";
    if (f.maladaptive_schema)
      out += "<p>Maladaptive interpersonal schema: wish <em>" + esc(f.maladaptive_schema->wish) +
             "</em>; expected response of the other <em>" + esc(f.maladaptive_schema->other_response) +
             "</em>; response of the self <em>" + esc(f.maladaptive_schema->self_response) + "</em></p>";
    if (!f.patient_agreed) out += "<span class=\"date\">the patient's agreement is not recorded</span>";
  } else {
    out += "not yet agreed";
  }
  out += "</dd>\n";
  if (!c.risk_reviews.empty()) {
    // A review resolves the risk alerts of assessments dated on or before it: they leave the
    // alerts, and this says who closed them and how.
    out += "<dt>Risk reviews</dt><dd><ul>";
    for (const auto& r : c.risk_reviews)
      out += "<li>" + format_date(r.date) + ": " + humanize(meta::enum_name(r.outcome)) + " <span class=\"sub\">(" +
             humanize(meta::enum_name(r.reviewed_by)) + ")</span></li>";
    out += "</ul></dd>\n";
  }
  if (!c.diagnoses.empty()) {
    out += "<dt>Diagnoses</dt><dd>";
    for (std::size_t i = 0; i < c.diagnoses.size(); ++i) {
      const auto& d = c.diagnoses[i];
      out += (i ? "; " : "") + std::string("<code>") + esc(d.code) + "</code>" + (d.label ? " " + esc(*d.label) : "");
    }
    out += "</dd>\n";
  }
  if (!c.concurrent_treatments.empty()) {
    out += "<dt>Alongside IPT</dt><dd>";
    for (std::size_t i = 0; i < c.concurrent_treatments.size(); ++i) {
      const auto& t = c.concurrent_treatments[i];
      out += (i ? "; " : "") + esc(humanize(meta::enum_name(t.kind))) + (t.name ? " (" + esc(*t.name) + ")" : "") + " from " +
             format_date(t.start_date) + (t.end_date ? " to " + format_date(*t.end_date) : "");
    }
    out += "</dd>\n";
  }
  if (c.maintenance) {
    out += "<dt>Maintenance</dt><dd>" + esc(humanize(meta::enum_name(c.maintenance->frequency))) + " from " +
           format_date(c.maintenance->contract_date);
    if (const auto& rule = c.maintenance->relapse_rule)
      out += "; relapse rule: " + esc(instrument_name(x.instruments, rule->instrument)) + " " +
             std::to_string(rule->threshold) + " or above on " + std::to_string(rule->consecutive) +
             (rule->consecutive == 1 ? " assessment" : " consecutive assessments");
    out += "</dd>\n";
  }
  out += "</dl>\n</div>\n<div>\n";

  // Measures: baseline -> endpoint with bands and what it amounts to.
  bool any_row = false;
  std::string measures;
  for (const auto* r : v.rows) {
    if (r->instrument.empty()) continue;
    any_row = true;
    measures += "<tr><th scope=\"row\">" + esc(instrument_name(x.instruments, r->instrument)) + "</th><td>" +
                score_with_band(r->baseline, r->baseline_band, r->baseline_date) + "</td><td>" +
                score_with_band(r->endpoint, r->endpoint_band, r->endpoint_date) + "</td><td class=\"num\">" +
                (r->change ? signed_fixed(*r->change, 0) : std::string("&#8212;")) + "</td><td>" + outcome_tags(*r) +
                "</td></tr>\n";
  }
  if (any_row)
    out += "<table class=\"measures\">\n<thead><tr><th scope=\"col\">Measure</th><th scope=\"col\">Baseline</th>"
           "<th scope=\"col\">Endpoint</th><th scope=\"col\" class=\"num\">Change</th><th scope=\"col\">Outcome</th></tr>"
           "</thead>\n<tbody>\n" + measures + "</tbody>\n</table>\n";
  else out += "<p class=\"note\">No scorable assessment recorded.</p>\n";

  out += "<h4>Protocol findings</h4>\n";
  if (v.findings.empty()) {
    out += "<p class=\"ok\">No protocol findings.</p>\n";
  } else {
    std::vector<const finding*> sorted;
    for (const auto& f : v.findings) sorted.push_back(&f);
    std::stable_sort(sorted.begin(), sorted.end(), [](const finding* a, const finding* b) {
      return severity_rank(a->severity) < severity_rank(b->severity);
    });
    out += "<ul class=\"findings\">\n";
    for (const auto* f : sorted)
      out += "<li class=\"sev-" + std::string(meta::enum_name(f->severity)) + "\">" + badge(f->severity) +
             " <a href=\"#finding-" + esc(svg_detail::id_token(f->code)) + "\"><code>" + esc(f->code) + "</code></a> " +
             esc(f->message) + " <span class=\"path\">" + esc(f->path.empty() ? "(whole case)" : f->path) + "</span></li>\n";
    out += "</ul>\n";
  }
  out += "</div>\n</div>\n<div class=\"figures\">\n";

  // The case's chart: the report's main instrument when the case has it, else its first one.
  std::optional<std::string> chart;
  for (const auto* r : v.rows)
    if (!r->instrument.empty() && r->instrument != paired_instrument && (!chart || r->instrument == x.primary))
      chart = r->instrument;
  if (chart) {
    svg_options o;
    o.id = v.anchor + "-trajectory";
    o.width = 520;
    o.height = 300;
    out += "<figure>" + case_trajectory_svg(c, *chart, o, x.cat) + "<figcaption>Shaded stripes: " +
           esc(instrument_name(x.instruments, *chart)) +
           " severity bands. Hover over a point for its date and session.</figcaption></figure>\n";
  }
  if (c.inventory) {
    svg_options o;
    o.id = v.anchor + "-circle";
    o.width = 600;
    o.height = 470;
    out += "<figure>" + closeness_circle_svg(*c.inventory, o) +
           "<figcaption>Closeness circle from the interpersonal inventory. Hover over a person for contact, support "
           "and conflict.</figcaption></figure>\n";
  } else {
    out += "<p class=\"note\">No interpersonal inventory recorded yet.</p>\n";
  }
  out += "</div>\n</section>\n";
}

void write_cases(std::string& out, const report_context& x) {
  out += "<section id=\"cases\">\n<h2>Cases</h2>\n";
  if (x.views.empty()) {
    out += "<p>No cases.</p>\n</section>\n";
    return;
  }
  out += "<ul class=\"case-list\">\n";
  for (const auto& v : x.views) {
    out += "<li><a href=\"#" + esc(v.anchor) + "\">" + esc(v.c->case_id) + "</a>";
    if (v.has_alert) {
      out += ' ';  // not `" " + std::string`: GCC 12's -Wrestrict false positive at -O3
      out += badge(severity::alert);
    } else if (!v.findings.empty())
      out += " <span class=\"sub\">" + std::to_string(v.findings.size()) + (v.findings.size() == 1 ? " finding" : " findings") + "</span>";
    out += "</li>\n";
  }
  out += "</ul>\n";
  for (const auto& v : x.views) write_case(out, v, x);
  out += "</section>\n";
}

}  // namespace iptkit::report_parts
