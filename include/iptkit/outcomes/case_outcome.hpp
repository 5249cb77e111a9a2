#pragma once
/// @file
/// @brief Per-case outcomes of one instrument (outcomes.md "Per-case outcomes"): every quantity,
/// or the reason it cannot be computed; never a silent zero.

#include <iptkit/outcomes/outcome_quantities.hpp>
#include <boost/describe.hpp>
#include <cstddef>
#include <string>
#include <string_view>

namespace iptkit {

/// @brief The instrument id of the NHS Talking Therapies paired PHQ-9 + GAD-7 row.
inline constexpr std::string_view paired_instrument = "phq9+gad7";

/// @brief Which case and instrument an outcome row is of (the row's first columns).
struct outcome_key {
  std::size_t case_index = 0;  ///< position of the case in the input
  std::string case_id;         ///< the case's identifier
  std::string instrument;      ///< instrument id, or `phq9+gad7`; empty without a scorable assessment
  friend bool operator==(const outcome_key&, const outcome_key&) = default;
};
BOOST_DESCRIBE_STRUCT(outcome_key, (), (case_index, case_id, instrument))

/// @brief One row per case and instrument (plus the paired `phq9+gad7` row when a case has both):
/// its key, then every quantity of outcome_quantities. Both are bases so that the members keep
/// their names (`o.response`) and generic code that includes inherited members (meta::members_of)
/// sees them in that order. `change` is endpoint - baseline: negative is improvement on the
/// built-in scales.
struct case_outcome : outcome_key, outcome_quantities {
  friend bool operator==(const case_outcome&, const case_outcome&) = default;
};
BOOST_DESCRIBE_STRUCT(case_outcome, (outcome_key, outcome_quantities), ())

}  // namespace iptkit
