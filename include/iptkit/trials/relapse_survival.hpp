#pragma once
/// @file
/// @brief Time to relapse or recurrence in maintenance, per arm: the Kaplan-Meier estimate and the
/// log-rank test of the maintenance relapse rule's firing (Frank et al. 1990 and 2007 analysed
/// maintenance IPT this way; docs/trials.md "Time to relapse").

#include <iptkit/model/case_record.hpp>
#include <iptkit/outcomes/case_outcome.hpp>
#include <iptkit/outcomes/statistics.hpp>
#include <iptkit/stats/survival.hpp>
#include <iptkit/trials/analysis_set.hpp>
#include <boost/describe.hpp>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace iptkit {

/// @brief One case at risk: from the end of its acute course to the relapse rule's firing
/// (event) or to its last assessment of the rule's instrument (censored).
struct relapse_time {
  std::size_t case_index = 0;              ///< position in the cases given
  std::string case_id;                     ///< its case id
  std::string group;                       ///< its group (the allocated arm under itt)
  double days = 0;                         ///< days from the last acute session
  int event = 0;                           ///< 1: the rule fired; 0: censored
  std::optional<iptkit::relapse_kind> kind;  ///< what the firing was (relapse, recurrence, no remission)
  friend bool operator==(const relapse_time&, const relapse_time&) = default;
};
BOOST_DESCRIBE_STRUCT(relapse_time, (), (case_index, case_id, group, days, event, kind))

/// @brief Time to relapse or recurrence of the cases of an analysis set, per group.
struct relapse_survival_fit {
  iptkit::analysis_set analysis_set = analysis_set::completers;  ///< the set the cases come from
  std::vector<relapse_time> subjects;           ///< the cases at risk, in input order
  std::size_t not_at_risk = 0;                  ///< cases of the set without a maintenance relapse rule or its measures
  stats::kaplan_meier_fit kaplan_meier;         ///< per group (empty without subjects)
  std::optional<stats::logrank_test> logrank;   ///< across groups, when there are two or more and any event
  std::vector<std::string> notes;               ///< the set, who is at risk, what is an event, one sentence each
  friend bool operator==(const relapse_survival_fit&, const relapse_survival_fit&) = default;
};
BOOST_DESCRIBE_STRUCT(relapse_survival_fit, (),
                      (analysis_set, subjects, not_at_risk, kaplan_meier, logrank, notes))

/// @brief Time to relapse or recurrence from outcome rows (outcomes() of `cases`): a case is at
/// risk when it is in `population` and has the relapse quantities (a maintenance plan with a
/// relapse rule and an assessment of its instrument after the acute course); time is
/// `relapse_days`, the event is the rule's firing (any kind: the kinds are counted in `notes`).
/// Grouped by the population's arm for group_by::arm, else by `group_of_case`.
relapse_survival_fit relapse_survival(std::span<const case_record> cases, std::span<const case_outcome> rows,
                                      const analysis_population& population,
                                      std::span<const std::string> group_of_case, group_by by);
/// @copydoc relapse_survival(std::span<const case_record>, std::span<const case_outcome>, const analysis_population&, std::span<const std::string>, group_by)
relapse_survival_fit relapse_survival(std::span<const case_record* const> cases, std::span<const case_outcome> rows,
                                      const analysis_population& population,
                                      std::span<const std::string> group_of_case, group_by by);

}  // namespace iptkit
