#pragma once
/// @file
/// @brief Computing per-case outcomes (outcomes.md) for one case, a cohort, or cohort columns.

#include <iptkit/catalog.hpp>
#include <iptkit/model/case_record.hpp>
#include <iptkit/outcomes/case_outcome.hpp>
#include <iptkit/outcomes/cohort_columns.hpp>
#include <iptkit/outcomes/outcome_columns.hpp>
#include <iptkit/outcomes/outcome_options.hpp>
#include <span>
#include <vector>

namespace iptkit {

/// @brief Rows per case and instrument, in case order; within a case, instruments in order of
/// first appearance, then the paired `phq9+gad7` row. With `options.threads` > 1 the cases are split
/// across threads; the result is identical to one thread.
std::vector<case_outcome> compute_outcomes(const cohort_columns& columns,
                                           const outcome_options& options = {},
                                           const catalog& cat = catalog::builtin());

/// @brief The rows of compute_outcomes() as columns, with no string or allocation per row: the
/// form that scales with `options.threads` for a million cases (each thread fills its own rows).
outcome_columns compute_outcome_columns(const cohort_columns& columns,
                                        const outcome_options& options = {},
                                        const catalog& cat = catalog::builtin());

/// @brief The outcome rows of a cohort of cases. Throws decode_error with check()'s errors (paths
/// prefixed `/<index>`) when a case is not well formed: no outcome of an impossible date.
std::vector<case_outcome> outcomes(std::span<const case_record> cases,
                                   const outcome_options& options = {},
                                   const catalog& cat = catalog::builtin());

/// @brief The outcome rows of one case; throws as the cohort form does.
std::vector<case_outcome> outcomes(const case_record& c, const outcome_options& options = {},
                                   const catalog& cat = catalog::builtin());

}  // namespace iptkit
