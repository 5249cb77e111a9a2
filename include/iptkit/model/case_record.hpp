#pragma once
/// @file
/// @brief One patient's course of IPT: the case document `iptkit.case/1`.

#include <iptkit/meta/field_rules.hpp>
#include <iptkit/model/assessment.hpp>
#include <iptkit/model/concurrent_treatment.hpp>
#include <iptkit/model/contract.hpp>
#include <iptkit/model/diagnosis.hpp>
#include <iptkit/model/formulation.hpp>
#include <iptkit/model/inventory.hpp>
#include <iptkit/model/maintenance.hpp>
#include <iptkit/model/risk_review.hpp>
#include <iptkit/model/session.hpp>
#include <iptkit/model/trial.hpp>
#include <boost/describe.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace iptkit {

/// @brief The format tag every case document carries.
inline constexpr std::string_view case_schema_version = "iptkit.case/1";

/// @brief A case: one patient's contract, inventory, formulation, sessions and measures.
struct case_record {
  std::string schema{case_schema_version};                     ///< always `iptkit.case/1`
  std::string case_id;                                         ///< pseudonymous study identifier
  std::string adaptation;                                      ///< protocol id (`ipt`, `ipt_g`, ...)
  std::optional<std::string> arm;                              ///< trial arm label
  std::optional<std::string> site;                             ///< site label
  std::optional<trial_record> trial;                           ///< randomisation and screening
  std::optional<std::string> therapist_id;                     ///< the case's therapist (pseudonymous code)
  std::optional<std::string> group_id;                         ///< the group of a group format (IPT-G, MIT-G)
  std::optional<int> age_at_intake;                            ///< years
  std::vector<diagnosis> diagnoses;                            ///< working diagnoses
  iptkit::contract contract;                                   ///< the acute contract
  std::optional<iptkit::inventory> inventory;                  ///< absent until taken
  std::optional<iptkit::formulation> formulation;              ///< absent until agreed
  std::vector<session> sessions;                               ///< in order of number
  std::vector<assessment> assessments;                         ///< symptom measures, any order
  std::vector<risk_review> risk_reviews;                       ///< reviews of risk alerts, any order
  std::optional<iptkit::discontinuation> discontinuation;      ///< participation ended early
  std::vector<adverse_event> adverse_events;                   ///< during the trial, any order
  std::vector<concurrent_treatment> concurrent_treatments;     ///< medication, other therapy
  std::optional<maintenance_plan> maintenance;                 ///< the maintenance contract
  std::optional<std::string> notes;                            ///< free text
  friend bool operator==(const case_record&, const case_record&) = default;
};
BOOST_DESCRIBE_STRUCT(case_record, (),
                      (schema, case_id, adaptation, arm, site, trial, therapist_id, group_id,
                       age_at_intake, diagnoses, contract, inventory, formulation, sessions,
                       assessments, risk_reviews, discontinuation, adverse_events,
                       concurrent_treatments, maintenance, notes))

template <>
inline constexpr auto meta::field_rules<case_record> = std::tuple{
    meta::field(&case_record::schema, meta::schema_version{case_schema_version}),
    meta::field(&case_record::case_id, meta::identifier{1, 64}),
    meta::field(&case_record::adaptation, meta::registered_protocol{}),
    meta::field(&case_record::therapist_id, meta::identifier{1, 64}),
    meta::field(&case_record::group_id, meta::identifier{1, 64}),
    meta::field(&case_record::age_at_intake, meta::in_range{0, 120})};

/// @brief The planned acute session count in force at session `number` (latest renegotiation wins).
inline int planned_sessions_at(const contract& c, int number) noexcept {
  int planned = c.planned_sessions;
  for (const auto& r : c.renegotiations)
    if (r.session <= number) planned = r.planned_sessions;
  return planned;
}

/// @brief True when a risk review dated on or after `assessed` (and on or before `as_of`) resolves
/// the risk alerts of an assessment dated `assessed`.
inline bool is_reviewed(const case_record& c, date assessed, std::optional<date> as_of = std::nullopt) noexcept {
  for (const auto& r : c.risk_reviews)
    if (r.date >= assessed && (!as_of || r.date <= *as_of)) return true;
  return false;
}

/// @brief The planned acute session count as changed by the latest renegotiation.
inline int planned_sessions(const contract& c) noexcept {
  return c.renegotiations.empty() ? c.planned_sessions : c.renegotiations.back().planned_sessions;
}

}  // namespace iptkit
