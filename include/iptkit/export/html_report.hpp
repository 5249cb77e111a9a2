#pragma once
/// @file
/// @brief A self-contained HTML report of a cohort for clinicians and researchers: outcome
/// rates by group, symptom trajectories, the trial's CONSORT flow, protocol findings, one
/// section per case, and the inputs that could not be read.

#include <iptkit/json/read_error.hpp>
#include <iptkit/catalog.hpp>
#include <iptkit/model/case_record.hpp>
#include <iptkit/outcomes/statistics.hpp>
#include <iptkit/trials/analysis_set.hpp>
#include <iptkit/rules/finding.hpp>

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace iptkit {

/// @brief What the report is called, how cases are grouped, and what it says made it.
struct report_options {
  std::string title = "IPT cohort report";        ///< the page title and main heading
  group_by by = group_by::arm;                     ///< grouping of the summary and trajectories
  std::string generated_by;                        ///< e.g. tool, version and date, given by the caller
                                                   ///< (the report never reads a clock, so the same
                                                   ///< input gives the same bytes)
  int recovery_period_months = 4;                  ///< outcome_options::recovery_period_months: relapse vs recurrence
  iptkit::analysis_set analysis_set = analysis_set::completers;  ///< who the summary analyses (per_protocol: the findings give the major deviations)
  missing_outcome missing_endpoints = missing_outcome::non_response;  ///< under itt: missing binary endpoints
};

/// @brief An input case that could not be read, listed in the report with its errors.
struct report_input_error {
  std::string file;                  ///< the file it came from
  std::optional<std::size_t> line;   ///< 1-based line of a JSON Lines file
  std::size_t index = 0;             ///< 0-based position among the cases of the file
  std::vector<read_error> errors;    ///< every structural error
};

/// @brief One self-contained HTML5 page (inline CSS and SVG, no network, fonts or images) on
/// `cases`: header, cohort summary (`<table id="summary">`: outcome rates with Wilson 95%
/// intervals and k/n, means, d_z; between-group comparisons), the mean trajectory of the most
/// common instrument by week per group (`<svg id="trajectory">`, 95% band where a week has at
/// least 3 cases), when any case has a trial record the CONSORT 2010 flow diagram of the trial
/// (`<section id="trial-flow">`: consort_svg() of consort(), then a table of its notes),
/// protocol findings by code (alerts first, each linking to its cases), one
/// `<section id="case-...">` per case (facts, findings, trajectory, closeness circle), the
/// unreadable inputs, and a glossary. `findings[i]` are the findings of `cases[i]` (missing
/// entries count as none). Outcomes and the summary are computed here (outcomes(),
/// summarize()) with the catalog's instruments; protocol names and rule titles come from it too.
/// Throws decode_error, as outcomes() does, when a case is not well formed (check()). All text from cases is escaped. Deterministic: same input, same bytes.
/// A small inline script, allowed by the page's Content-Security-Policy by its hash, only
/// checks on load that the summary, the trajectory and a closeness circle were laid out and
/// records the result in `document.body.dataset.rendered` (`"true"` or `"false"`, with
/// `data-missing` naming what is missing).
std::string html_report(std::span<const case_record> cases, std::span<const std::vector<finding>> findings,
                        std::span<const report_input_error> unreadable, const report_options& options = {},
                        const catalog& cat = catalog::builtin());

}  // namespace iptkit
