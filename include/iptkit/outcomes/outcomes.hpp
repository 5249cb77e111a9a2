#pragma once
/// @file
/// @brief Computing per-case outcomes (outcomes.md) for one case, a cohort, or cohort columns.

#include <iptkit/measures/instrument_registry.hpp>
#include <iptkit/model/case_record.hpp>
#include <iptkit/outcomes/case_outcome.hpp>
#include <iptkit/outcomes/cohort_columns.hpp>
#include <iptkit/outcomes/outcome_columns.hpp>
#include <span>
#include <vector>

namespace iptkit {

/// @brief Rows per case and instrument, in case order; within a case, instruments in order of
/// first appearance, then the paired `phq9+gad7` row. With `threads` > 1 the cases are split
/// across threads; the result is identical to one thread.
std::vector<case_outcome> compute_outcomes(const cohort_columns& columns,
                                           const instrument_registry& instruments = instrument_registry::builtin(),
                                           unsigned threads = 1);

/// @brief The rows of compute_outcomes() as columns, with no string or allocation per row: the
/// form that scales with `threads` for a million cases (each thread fills its own rows).
outcome_columns compute_outcome_columns(const cohort_columns& columns,
                                        const instrument_registry& instruments = instrument_registry::builtin(),
                                        unsigned threads = 1);

/// @brief The outcome rows of a cohort of cases.
std::vector<case_outcome> outcomes(std::span<const case_record> cases,
                                   const instrument_registry& instruments = instrument_registry::builtin(),
                                   unsigned threads = 1);

/// @brief The outcome rows of one case.
std::vector<case_outcome> outcomes(const case_record& c,
                                   const instrument_registry& instruments = instrument_registry::builtin());

}  // namespace iptkit
