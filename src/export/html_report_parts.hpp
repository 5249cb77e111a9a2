// Internal to the HTML report: what the page skeleton (html_report.cpp) and its sections
// (html_report_sections.cpp) share. Not installed.
#pragma once

#include <iptkit/export/html_report.hpp>

#include <iptkit/export/svg.hpp>
#include <iptkit/outcomes/outcomes.hpp>
#include <iptkit/rules/rule_set.hpp>
#include <iptkit/trials/relapse_survival.hpp>

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace iptkit::report_parts {

using svg_detail::fixed;
using svg_detail::humanize;
using svg_detail::number;

/// @brief Text escaped for HTML.
inline std::string esc(std::string_view text) { return escape_xml(text); }

/// @brief What every section needs to know about a case.
struct case_view {
  const case_record* c = nullptr;
  std::string anchor;                        // unique section id, `case-...`
  std::string group;                         // group label
  std::vector<const case_outcome*> rows;     // its outcome rows
  std::span<const finding> findings;         // its findings
  bool has_alert = false;
};

/// @brief The cohort as the sections see it.
struct report_context {
  const report_options& options;
  const catalog& cat;
  const instrument_registry& instruments;
  std::span<const case_record> cases;
  std::vector<case_view> views;
  std::vector<std::string> groups;            // group labels in label order, "(none)" last
  std::vector<std::string> instrument_order;  // summary instruments, most used first
  std::vector<std::string> plain_instruments; // the same without the paired row
  std::optional<std::string> primary;         // the instrument of the trajectory chart
  cohort_summary summary;
  analysis_population population;             // the analysis set of the summary, trajectories and relapse curves
  relapse_survival_fit relapse;               // time to relapse or recurrence of the set
};

/// @brief Plain words for the model's spellings, and the instruments' meanings (glossary).
std::string_view area_name(problem_area a);
std::string_view area_meaning(problem_area a);
std::string_view severity_words(severity s);
std::string_view severity_meaning(severity s);
std::string capitalized(std::string text);
std::string group_display(std::string_view label, group_by by);
std::string remission_meaning(const instrument_registry& reg, const std::vector<std::string>& ids);
std::string caseness_meaning(const instrument_registry& reg, const std::vector<std::string>& ids);
std::string reliable_meaning(const instrument_registry& reg, const std::vector<std::string>& ids);
/// @brief Shared by the cohort and the case sections.
std::string_view reason_words(not_computed r);
int severity_rank(severity s);
std::string badge(severity s);
std::string signed_fixed(double v, int decimals);
std::string instrument_name(const instrument_registry& reg, std::string_view id);
std::string focus_words(const focus& f, const case_record& c);
/// @brief The instruments of a set of outcome rows, most cases first; the paired row last.
std::vector<std::string> instruments_by_use(std::span<const case_outcome> rows);

/// @brief The sections between the header and the list of unreadable inputs.
void write_summary(std::string& out, const report_context& x);
void write_trajectory(std::string& out, const report_context& x);
/// @brief Whether any case has a trial record: then the report has the trial flow section.
bool has_trial(const report_context& x);
void write_consort(std::string& out, const report_context& x);
/// @brief Time to relapse or recurrence: Kaplan-Meier curves, medians and the log-rank test,
/// when any case of the set is at risk (a maintenance relapse rule with its measures).
void write_relapse(std::string& out, const report_context& x);
void write_findings(std::string& out, const report_context& x);
void write_cases(std::string& out, const report_context& x);

}  // namespace iptkit::report_parts
