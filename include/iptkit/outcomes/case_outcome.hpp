#pragma once
/// @file
/// @brief Per-case outcomes of one instrument (outcomes.md "Per-case outcomes"): every quantity,
/// or the reason it cannot be computed; never a silent zero.

#include <iptkit/model/date.hpp>
#include <boost/describe.hpp>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

namespace iptkit {

/// @brief Why a quantity is missing.
enum class not_computed : std::uint8_t {
  no_assessments,                 ///< the case has no scorable assessment at all
  unknown_instrument,             ///< the instrument is neither built in nor registered
  no_baseline,                    ///< no assessment from 28 days before the start to the first attended session
  no_endpoint,                    ///< no assessment after the baseline up to the last acute session + 14 days
  baseline_zero,                  ///< percent change and response need a baseline above 0
  not_higher_is_worse,            ///< response is defined for scales where higher is worse
  no_caseness_cutoff,             ///< the instrument has no caseness cut-off
  no_remission_cutoff,            ///< the instrument has no remission cut-off
  no_reliable_change_definition,  ///< neither a points threshold nor Jacobson-Truax parameters
  not_case_at_baseline,           ///< recovery is defined for cases at caseness at baseline
  no_relapse_rule,                ///< no maintenance plan with a relapse rule
  other_instrument,               ///< the relapse rule uses another instrument
  no_maintenance_assessments,     ///< no assessment of the rule's instrument after the acute course
  not_in_paired_definition        ///< the paired row defines caseness, reliable change and recovery only
};
BOOST_DESCRIBE_ENUM(not_computed, no_assessments, unknown_instrument, no_baseline, no_endpoint,
                    baseline_zero, not_higher_is_worse, no_caseness_cutoff, no_remission_cutoff,
                    no_reliable_change_definition, not_case_at_baseline, no_relapse_rule,
                    other_instrument, no_maintenance_assessments, not_in_paired_definition)

/// @brief Deterioration after the acute course: before recovery (relapse) or after it (recurrence).
enum class relapse_kind : std::uint8_t { relapse, recurrence };
BOOST_DESCRIBE_ENUM(relapse_kind, relapse, recurrence)

/// @brief The instrument id of the NHS Talking Therapies paired PHQ-9 + GAD-7 row.
inline constexpr std::string_view paired_instrument = "phq9+gad7";

/// @brief One row per case and instrument (plus the paired `phq9+gad7` row when a case has both).
/// `change` is endpoint - baseline: negative is improvement on the built-in scales.
struct case_outcome {
  std::size_t case_index = 0;                          ///< position of the case in the input
  std::string case_id;                                 ///< the case's identifier
  std::string instrument;                              ///< instrument id, or `phq9+gad7`
  std::optional<not_computed> status;                  ///< why baseline/endpoint quantities are missing
  std::optional<int> baseline;                         ///< baseline total
  std::optional<iptkit::date> baseline_date;           ///< its date
  std::optional<std::string> baseline_band;            ///< its severity band
  std::optional<int> endpoint;                         ///< endpoint total (LOCF within the acute course)
  std::optional<iptkit::date> endpoint_date;           ///< its date
  std::optional<std::string> endpoint_band;            ///< its severity band
  std::optional<int> change;                           ///< endpoint - baseline
  std::optional<double> percent_change;                ///< 100 x change / baseline
  std::optional<not_computed> percent_change_reason;   ///< why percent_change is missing
  std::optional<bool> response;                        ///< endpoint <= 0.5 x baseline
  std::optional<not_computed> response_reason;         ///< why response is missing
  std::optional<bool> remission;                       ///< endpoint at or below the remission cut-off
  std::optional<not_computed> remission_reason;        ///< why remission is missing
  std::optional<double> rci;                           ///< Jacobson-Truax reliable change index
  std::optional<bool> reliable_improvement;            ///< change reliably better
  std::optional<bool> reliable_deterioration;          ///< change reliably worse
  std::optional<not_computed> reliable_change_reason;  ///< why reliable change is missing
  std::optional<bool> baseline_caseness;               ///< at caseness at baseline
  std::optional<bool> endpoint_caseness;               ///< at caseness at endpoint
  std::optional<not_computed> caseness_reason;         ///< why caseness is missing
  std::optional<bool> recovery;                        ///< a case at baseline and not at endpoint
  std::optional<bool> reliable_recovery;               ///< recovery and reliable improvement
  std::optional<not_computed> recovery_reason;         ///< why recovery is missing
  std::optional<bool> relapsed;                        ///< the maintenance relapse rule fired
  std::optional<iptkit::date> relapse_date;            ///< the date it first fired
  std::optional<iptkit::relapse_kind> relapse_kind;    ///< relapse or recurrence
  std::optional<not_computed> relapse_reason;          ///< why relapse is missing
  int sessions_attended = 0;                           ///< attended acute sessions
  int sessions_cancelled = 0;                          ///< cancelled acute sessions
  int sessions_no_show = 0;                            ///< missed acute sessions
  bool completer = false;                              ///< attended a termination-phase session
  bool finished_treatment = false;                     ///< at least 2 attended acute sessions
  friend bool operator==(const case_outcome&, const case_outcome&) = default;
};
BOOST_DESCRIBE_STRUCT(case_outcome, (),
                      (case_index, case_id, instrument, status, baseline, baseline_date,
                       baseline_band, endpoint, endpoint_date, endpoint_band, change,
                       percent_change, percent_change_reason, response, response_reason, remission,
                       remission_reason, rci, reliable_improvement, reliable_deterioration,
                       reliable_change_reason, baseline_caseness, endpoint_caseness,
                       caseness_reason, recovery, reliable_recovery, recovery_reason, relapsed,
                       relapse_date, relapse_kind, relapse_reason, sessions_attended,
                       sessions_cancelled, sessions_no_show, completer, finished_treatment))

}  // namespace iptkit
