#pragma once
/// @file
/// @brief The separate maintenance (IPT-M) contract and its relapse rule ([Frank 1990] [Frank 2007]).

#include <iptkit/meta/field_rules.hpp>
#include <iptkit/model/contract.hpp>
#include <iptkit/model/date.hpp>
#include <boost/describe.hpp>
#include <optional>
#include <string>
#include <vector>

namespace iptkit {

/// @brief Deterioration trigger: `consecutive` assessments in a row at or above `threshold`.
struct relapse_rule {
  std::string instrument;   ///< instrument id, e.g. `phq9`
  int threshold = 0;        ///< total at or above which an assessment counts
  int consecutive = 1;      ///< how many in a row fire the rule
  friend bool operator==(const relapse_rule&, const relapse_rule&) = default;
};
BOOST_DESCRIBE_STRUCT(relapse_rule, (), (instrument, threshold, consecutive))

template <>
inline constexpr auto meta::field_rules<relapse_rule> = std::tuple{
    meta::field(&relapse_rule::instrument, meta::non_empty{}),
    meta::field(&relapse_rule::threshold, meta::score(0)),
    meta::field(&relapse_rule::consecutive, meta::at_least(1))};

/// @brief The maintenance plan, contracted after the acute course.
struct maintenance_plan {
  date contract_date{};                                        ///< when it was agreed
  session_frequency frequency = session_frequency::monthly;    ///< default monthly
  std::optional<int> planned_sessions;                         ///< how many sessions
  std::optional<int> duration_months;                          ///< or for how long
  std::vector<std::string> warning_signs;                      ///< free text
  std::optional<iptkit::relapse_rule> relapse_rule;            ///< deterioration trigger
  std::vector<std::string> skills;                             ///< free text
  std::vector<std::string> support_contacts;                   ///< relationship ids
  friend bool operator==(const maintenance_plan&, const maintenance_plan&) = default;
};
BOOST_DESCRIBE_STRUCT(maintenance_plan, (),
                      (contract_date, frequency, planned_sessions, duration_months, warning_signs,
                       relapse_rule, skills, support_contacts))

template <>
inline constexpr auto meta::field_rules<maintenance_plan> = std::tuple{
    meta::field(&maintenance_plan::frequency, meta::has_default{}),
    meta::field(&maintenance_plan::planned_sessions, meta::session_count(1)),
    meta::field(&maintenance_plan::duration_months, meta::at_least(1))};

}  // namespace iptkit
