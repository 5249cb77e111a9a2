// The HTML report's page: its fixed parts (script, security policy, style), the header, the list
// of unreadable inputs and the glossary around the sections of html_report_sections.cpp.
#include <iptkit/export/html_report.hpp>

#include "html_report_parts.hpp"

#include <iptkit/export/svg.hpp>
#include <iptkit/measures/scoring.hpp>
#include <iptkit/meta/enum.hpp>
#include <iptkit/model/protocol_registry.hpp>
#include <iptkit/outcomes/outcomes.hpp>
#include <iptkit/rules/rule_set.hpp>

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <set>
#include <variant>

namespace iptkit {

namespace {

using namespace report_parts;

// ---------------------------------------------------------------------------------------------
// Fixed page parts.

// The only script: it proves the page was laid out (what the browser test reads). It must stay
// byte-identical to the text hashed in page_csp below; the Chromium test recomputes the hash.
constexpr std::string_view check_script =
    "window.addEventListener(\"load\",function(){"
    "var parts=[[\"summary table\",\"#summary\"],[\"trajectory chart\",\"#trajectory\"],"
    "[\"closeness circle\",\".closeness-circle\"]];"
    "var missing=[];"
    "parts.forEach(function(p){"
    "var shown=Array.prototype.some.call(document.querySelectorAll(p[1]),function(e){"
    "var r=e.getBoundingClientRect();return r.width>0&&r.height>0;});"
    "if(!shown)missing.push(p[0]);});"
    "document.body.dataset.rendered=missing.length?\"false\":\"true\";"
    "if(missing.length)document.body.dataset.missing=missing.join(\", \");});";

// Nothing may be fetched; the script runs only if it is exactly check_script (by its SHA-256).
constexpr std::string_view page_csp =
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
    "script-src 'sha256-bw6XGO7NMM7vXmmQ4fOiKEiZkY3Cj8SP0XQVBQQ6yek='; base-uri 'none'; form-action 'none'";

constexpr std::string_view page_css = R"css(
:root{--ink:#1d2733;--muted:#5b6673;--line:#d5dce4;--soft:#f4f7fa;--accent:#0b5cab;
--alert:#a4161a;--alert-bg:#fdecec;--error:#5b3596;--error-bg:#f1ecfa;--warning:#7a4d00;--warning-bg:#fff3d6;--good:#1b6b3a}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0 auto;max-width:1240px;padding:24px 28px 64px;color:var(--ink);background:#fff;
font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
h1{font-size:1.75rem;margin:0 0 4px}
h2{font-size:1.3rem;margin:40px 0 10px;padding-bottom:4px;border-bottom:2px solid var(--ink)}
h3{font-size:1.1rem;margin:0 0 8px}
h4{font-size:.95rem;margin:14px 0 6px}
a{color:var(--accent)}
p{margin:6px 0}
code{font:0.88em ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
abbr[title]{text-decoration:underline dotted;text-underline-offset:2px;cursor:help}
.meta{color:var(--muted)}
.lead{max-width:80ch}
nav.toc{margin:14px 0;padding:8px 12px;background:var(--soft);border-radius:6px}
nav.toc a{margin-right:14px;white-space:nowrap}
.callout{margin:14px 0;padding:10px 14px;border-left:6px solid var(--alert);background:var(--alert-bg);border-radius:4px}
.callout ul{margin:4px 0 0;padding-left:20px}
.ok{color:var(--good)}
table{border-collapse:collapse;margin:8px 0 4px}
th,td{padding:5px 10px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
thead th{border-bottom:2px solid var(--ink);font-size:.9rem;vertical-align:bottom}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td.na{color:var(--muted);text-align:center}
tr.instrument th{background:var(--soft);font-size:1rem;padding-top:10px;border-bottom:1px solid var(--ink)}
tr.instrument .range{font-weight:400;color:var(--muted);font-size:.85rem;margin-left:8px}
.ci,.kn,.sub{color:var(--muted);font-size:.82em}
th .sub{font-weight:400;margin-left:.35em}
.group-label{display:block;font-weight:400;color:var(--muted);font-size:.8rem}
.note{color:var(--muted);font-size:.88rem;max-width:95ch}
.badge{display:inline-block;padding:0 7px;border-radius:9px;font-size:.78rem;font-weight:600;line-height:1.5;
border:1px solid currentColor;white-space:nowrap;vertical-align:middle}
.badge.alert{color:#fff;background:var(--alert);border-color:var(--alert)}
.badge.error{color:var(--error);background:var(--error-bg)}
.badge.warning{color:var(--warning);background:var(--warning-bg)}
.badge.tag{color:var(--muted);font-weight:500}
tr.sev-alert td,tr.sev-alert th{background:var(--alert-bg)}
tr.sev-alert td:first-child{box-shadow:inset 5px 0 0 var(--alert)}
.case-list{columns:4 15em;padding-left:0;list-style:none;margin:8px 0}
.case-list li{break-inside:avoid}
section.case{border:1px solid var(--line);border-radius:8px;padding:16px 18px;margin:18px 0}
section.case.has-alert{border-color:var(--alert);box-shadow:inset 5px 0 0 var(--alert)}
.case-grid{display:grid;grid-template-columns:minmax(280px,1fr) minmax(320px,1.25fr);gap:8px 28px}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:3px 14px;margin:0}
dl.facts dt{color:var(--muted);font-size:.9rem}
dl.facts dd{margin:0}
dl.facts ol{margin:0;padding-left:18px}
ul.findings{list-style:none;padding:0;margin:4px 0}
ul.findings li{margin:4px 0;padding:4px 8px;border-radius:4px;background:var(--soft)}
ul.findings li.sev-alert{background:var(--alert-bg);box-shadow:inset 4px 0 0 var(--alert)}
.path{color:var(--muted);font-size:.82em}
.outcome{display:inline-block;white-space:nowrap;margin:1px 4px 1px 0;padding:0 6px;border-radius:4px;font-size:.8rem;background:var(--soft)}
.outcome.good{background:#e3f2e8;color:var(--good)}
.outcome.bad{background:var(--alert-bg);color:var(--alert)}
.figures{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:12px 28px;margin-top:14px;align-items:start}
figure{margin:0}
figcaption{color:var(--muted);font-size:.85rem;max-width:95ch;margin-top:4px}
svg{max-width:100%;height:auto;display:block}
.figures svg{width:100%}
.date{display:block;color:var(--muted);font-size:.82em}
dl.glossary{display:grid;grid-template-columns:minmax(12em,max-content) 1fr;gap:6px 18px}
dl.glossary dt{font-weight:600}
dl.glossary dd{margin:0;max-width:90ch}
@media (max-width:900px){.case-grid,.figures{grid-template-columns:1fr}}
@media print{
body{max-width:none;padding:0;font-size:10pt}
nav.toc,.case-list{display:none}
a{color:inherit;text-decoration:none}
h2{break-after:avoid}
section.case{break-before:page;border:none;padding:0;box-shadow:none}
figure,table,ul.findings li{break-inside:avoid}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
)css";

void write_header(std::string& out, const report_context& x, std::span<const report_input_error> unreadable) {
  out += "<header>\n<h1>" + esc(x.options.title) + "</h1>\n<p class=\"meta\">";
  out += std::to_string(x.cases.size()) + (x.cases.size() == 1 ? " case" : " cases");
  // The groups count the cases of the analysis set, as every cohort section does.
  out += "; analysis set " + std::string(to_string(x.population.set)) + ": " + std::to_string(x.population.size);
  if (x.options.by != group_by::none && !x.groups.empty()) {
    out += " in " + std::to_string(x.groups.size()) + (x.groups.size() == 1 ? " group" : " groups") + " by " +
           std::string(meta::enum_name(x.options.by)) + " (";
    for (std::size_t i = 0; i < x.groups.size(); ++i) {
      std::size_t n = 0;
      for (std::size_t k = 0; k < x.views.size(); ++k) n += x.population.member[k] && x.views[k].group == x.groups[i];
      out += (i ? ", " : "") + esc(group_display(x.groups[i], x.options.by)) + ": " + std::to_string(n);
    }
    out += ")";
  }
  if (!unreadable.empty())
    out += " &#183; <a href=\"#unreadable\">" + std::to_string(unreadable.size()) +
           (unreadable.size() == 1 ? " input" : " inputs") + " could not be read</a>";
  if (!x.options.generated_by.empty()) out += " &#183; Generated by " + esc(x.options.generated_by);
  out += "</p>\n";

  // Alerts up front: clinical risk must not wait at the bottom of a long page.
  std::string alerts;
  std::size_t alert_count = 0;
  for (const auto& v : x.views)
    for (const auto& f : v.findings)
      if (f.severity == severity::alert) {
        ++alert_count;
        alerts += "<li><a href=\"#" + esc(v.anchor) + "\">" + esc(v.c->case_id) + "</a>: <code>" + esc(f.code) + "</code> " +
                  esc(f.message) + "</li>";
      }
  if (alert_count)
    out += "<div class=\"callout\" role=\"note\"><strong>" + std::to_string(alert_count) +
           (alert_count == 1 ? " alert" : " alerts") + "</strong>: clinical risk a person should see now.<ul>" + alerts +
           "</ul></div>\n";
  out += "<nav class=\"toc\" aria-label=\"Contents\"><a href=\"#cohort-summary\">Cohort summary</a>"
         "<a href=\"#symptom-trajectories\">Symptom trajectories</a>";
  if (has_trial(x)) out += "<a href=\"#trial-flow\">Trial flow (CONSORT)</a>";
  if (!x.relapse.subjects.empty()) out += "<a href=\"#time-to-relapse\">Time to relapse</a>";
  out += "<a href=\"#protocol-findings\">Protocol findings</a>"
         "<a href=\"#cases\">Cases</a><a href=\"#unreadable\">Cases that could not be read</a>"
         "<a href=\"#glossary\">Glossary</a></nav>\n</header>\n";
}


void write_unreadable(std::string& out, std::span<const report_input_error> unreadable) {
  out += "<section id=\"unreadable\">\n<h2>Cases that could not be read</h2>\n";
  if (unreadable.empty()) {
    out += "<p class=\"ok\">None: every input case was read.</p>\n</section>\n";
    return;
  }
  out += "<p class=\"lead\">These inputs are in none of the figures above. Fix them and produce the report again.</p>\n";
  out += "<table class=\"unreadable\">\n<thead><tr><th scope=\"col\">File</th><th scope=\"col\" class=\"num\">Line</th>"
         "<th scope=\"col\" class=\"num\">Case in file</th><th scope=\"col\">Problems</th></tr></thead>\n<tbody>\n";
  for (const auto& u : unreadable) {
    out += "<tr><td><code>" + esc(u.file) + "</code></td><td class=\"num\">" + (u.line ? std::to_string(*u.line) : "") +
           "</td><td class=\"num\">" + std::to_string(u.index + 1) + "</td><td><ul>";
    // The location as data attributes for programs and as words for people, from the fields.
    for (const auto& e : u.errors) {
      out += "<li";
      if (e.line) out += " data-line=\"" + std::to_string(*e.line) + "\"";
      if (e.column) out += " data-column=\"" + std::to_string(*e.column) + "\"";
      out += ">";
      if (e.line) out += "<span class=\"where\">" + esc(location_text(e)) + "</span> ";
      out += "<code>" + esc(e.path.empty() ? "(whole document)" : e.path) + "</code> " + esc(humanize(meta::enum_name(e.kind))) +
             ": " + esc(e.message) + "</li>";
    }
    out += "</ul></td></tr>\n";
  }
  out += "</tbody>\n</table>\n</section>\n";
}

void write_glossary(std::string& out, const report_context& x) {
  const auto& ids = x.plain_instruments;
  const auto entry = [&](std::string_view term, const std::string& meaning) {
    out += "<dt>" + esc(term) + "</dt><dd>" + esc(meaning) + "</dd>\n";
  };
  out += "<section id=\"glossary\">\n<h2>Glossary</h2>\n<dl class=\"glossary\">\n";
  entry("IPT", "Interpersonal Psychotherapy: a time-limited, structured psychotherapy that links symptoms to current "
               "relationships. A contracted course runs in an initial, a middle and a termination phase; maintenance "
               "sessions may follow under a separate contract.");
  for (const auto a : {problem_area::grief, problem_area::role_dispute, problem_area::role_transition,
                       problem_area::interpersonal_deficits}) {
    const std::string_view m = area_meaning(a);
    entry(area_name(a), capitalized(std::string(m.substr(m.find(": ") + 2))) + ".");
  }
  entry("Role dispute stages", "Renegotiation: both still engaged. Impasse: talks have stopped. Dissolution: the "
                               "relationship is ending.");
  entry("Closeness circle", "From the interpersonal inventory: the patient at the centre and the important people on "
                            "rings 1 (closest) to 4.");
  entry("Baseline", "The first score from 28 days before the contract start up to the first attended session.");
  entry("Endpoint", "The last score after baseline up to 14 days after the last acute session (last observation "
                    "carried forward).");
  entry("Change", "Endpoint minus baseline. Negative means fewer symptoms.");
  entry("Response", "Endpoint at most half the baseline: a fall of at least 50%.");
  entry("Remission", remission_meaning(x.instruments, ids) + ".");
  entry("Reliable improvement", "A fall larger than measurement error: " + reliable_meaning(x.instruments, ids) + ".");
  entry("Reliable deterioration", "A rise of the same size.");
  entry("Caseness", caseness_meaning(x.instruments, ids) + ".");
  entry("Recovery", "A case at baseline and no longer a case at endpoint (counted among cases at baseline only).");
  entry("Completed treatment", "Attended a termination-phase session.");
  entry("95% CI", "The 95% confidence interval: the range of values compatible with the data. For rates it is the "
                  "Wilson score interval; small groups give wide intervals.");
  entry("k/n", "k cases with the outcome out of the n cases where it could be computed.");
  entry("d_z", "Within-group effect size: mean change divided by the SD of change, corrected for small samples "
               "(Hedges' g), with its 95% interval. Negative means improvement; it describes how consistently cases "
               "changed (Lakens 2013).");
  entry("Hedges' g (between groups)", "The difference in mean change between two groups divided by their pooled SD, "
                                      "corrected for small samples.");
  entry("Severity bands", "The instrument manual's labels for ranges of totals (e.g. PHQ-9 10-14 moderate).");
  for (const auto s : {severity::alert, severity::error, severity::warning}) {
    const std::string_view m = severity_meaning(s);
    entry(std::string(severity_words(s)) + " (finding)", capitalized(std::string(m.substr(m.find(": ") + 2))) + ".");
  }
  out += "</dl>\n</section>\n";
}

}  // namespace

std::string html_report(std::span<const case_record> cases, std::span<const std::vector<finding>> findings,
                        std::span<const report_input_error> unreadable, const report_options& options,
                        const catalog& cat) {
  const auto& instruments = cat.instruments;
  // Refuses a case that is not well formed, and a recovery period outside 1-120 months.
  const auto rows = outcomes(cases, {.recovery_period_months = options.recovery_period_months}, cat);
  auto labels = group_labels(cases, options.by);
  std::vector<std::uint8_t> deviations;
  if (options.analysis_set == analysis_set::per_protocol) {
    deviations = major_deviations(findings);
    deviations.resize(cases.size());  // missing entries count as no findings
  }
  const auto population = select_analysis_set(cases, options.analysis_set, deviations);
  if (options.by == group_by::arm) labels = population.arm;  // itt and per_protocol: the allocated arm
  report_context x{options, cat, instruments, cases, {}, {}, {}, {}, std::nullopt,
                   summarize(rows, population, labels, options.by, options.missing_endpoints), population,
                   relapse_survival(cases, rows, population, labels, options.by)};

  // Section ids: `case-` + the id made safe for a URL fragment, unique even for repeated ids.
  std::set<std::string> used;
  x.views.resize(cases.size());
  for (std::size_t i = 0; i < cases.size(); ++i) {
    auto& v = x.views[i];
    v.c = &cases[i];
    v.group = labels[i];
    std::string anchor = "case-" + svg_detail::id_token(cases[i].case_id);
    for (int k = 2; used.count(anchor); ++k) anchor = "case-" + svg_detail::id_token(cases[i].case_id) + "-" + std::to_string(k);
    used.insert(anchor);
    v.anchor = std::move(anchor);
    if (i < findings.size()) v.findings = findings[i];
    for (const auto& f : v.findings) v.has_alert = v.has_alert || f.severity == severity::alert;
    if (population.member[i] && std::find(x.groups.begin(), x.groups.end(), v.group) == x.groups.end())
      x.groups.push_back(v.group);
  }
  // Groups in label order, as the summary has them; cases without a group label after the rest.
  std::sort(x.groups.begin(), x.groups.end());
  std::stable_partition(x.groups.begin(), x.groups.end(), [](const std::string& g) { return g != "(none)"; });
  for (const auto& r : rows)
    if (r.case_index < x.views.size()) x.views[r.case_index].rows.push_back(&r);
  x.instrument_order = instruments_by_use(rows);
  for (const auto& id : x.instrument_order)
    if (id != paired_instrument) x.plain_instruments.push_back(id);
  if (!x.plain_instruments.empty()) x.primary = x.plain_instruments.front();

  std::string out;
  out.reserve(200000 + cases.size() * 24000);
  out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += "<meta http-equiv=\"Content-Security-Policy\" content=\"" + esc(page_csp) + "\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += "<meta name=\"generator\" content=\"iptkit\">\n";
  out += "<link rel=\"icon\" href=\"data:,\">\n";
  out += "<title>" + esc(options.title) + "</title>\n<style>" + std::string(page_css) + "</style>\n</head>\n<body>\n";
  write_header(out, x, unreadable);
  out += "<main>\n";
  write_summary(out, x);
  write_trajectory(out, x);
  if (has_trial(x)) write_consort(out, x);
  if (!x.relapse.subjects.empty()) write_relapse(out, x);
  write_findings(out, x);
  write_cases(out, x);
  write_unreadable(out, unreadable);
  write_glossary(out, x);
  out += "</main>\n<script>" + std::string(check_script) + "</script>\n</body>\n</html>\n";
  return out;
}

}  // namespace iptkit
