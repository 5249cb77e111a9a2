#pragma once
/// @file
/// @brief A therapy session: its phase, attendance, the tasks covered and the homework set.

#include <iptkit/meta/enum_printing.hpp>
#include <iptkit/meta/field_rules.hpp>
#include <iptkit/model/contract.hpp>
#include <iptkit/model/date.hpp>
#include <iptkit/model/focus.hpp>
#include <boost/describe.hpp>
#include <optional>
#include <string>
#include <vector>

namespace iptkit {

/// @brief Phases of IPT, in order; maintenance is an optional fourth (Guide ch.2).
enum class phase { initial, middle, termination, maintenance };
BOOST_DESCRIBE_ENUM(phase, initial, middle, termination, maintenance)
IPTKIT_ENUM_PRINTING(phase)

/// @brief Whether the session took place.
enum class attendance { attended, cancelled, no_show };
BOOST_DESCRIBE_ENUM(attendance, attended, cancelled, no_show)
IPTKIT_ENUM_PRINTING(attendance)

/// @brief What a session covered: initial, middle (any area and area-specific) and termination tasks.
enum class task {
  // initial
  symptom_review, diagnosis_given, psychoeducation, sick_role, medication_evaluation,
  interpersonal_inventory, problem_area_selected, formulation_shared, treatment_contract,
  // middle, any area
  mood_event_link, communication_analysis, decision_analysis, role_play, encouragement_of_affect,
  clarification, homework_review,
  // grief
  facilitate_mourning, reestablish_interests,
  // role dispute
  identify_dispute, plan_of_action, modify_expectations, improve_communication,
  // role transition
  mourn_old_role, develop_new_role, restore_self_esteem,
  // deficits
  reduce_isolation, build_relationships,
  // termination
  termination_discussed, progress_review, feelings_about_ending, relapse_prevention,
  maintenance_considered
};
BOOST_DESCRIBE_ENUM(task, symptom_review, diagnosis_given, psychoeducation, sick_role,
                    medication_evaluation, interpersonal_inventory, problem_area_selected,
                    formulation_shared, treatment_contract, mood_event_link,
                    communication_analysis, decision_analysis, role_play, encouragement_of_affect,
                    clarification, homework_review, facilitate_mourning, reestablish_interests,
                    identify_dispute, plan_of_action, modify_expectations, improve_communication,
                    mourn_old_role, develop_new_role, restore_self_esteem, reduce_isolation,
                    build_relationships, termination_discussed, progress_review,
                    feelings_about_ending, relapse_prevention, maintenance_considered)
IPTKIT_ENUM_PRINTING(task)

/// @brief How far a between-session task got.
enum class homework_status { assigned, completed, partly_completed, not_done };
BOOST_DESCRIBE_ENUM(homework_status, assigned, completed, partly_completed, not_done)
IPTKIT_ENUM_PRINTING(homework_status)

/// @brief A between-session interpersonal task (optional in IPT; see domain.md "Homework").
struct homework {
  std::string text;           ///< free text, removed by de-identification
  homework_status status{};   ///< assigned, completed, ...
  friend bool operator==(const homework&, const homework&) = default;
};
BOOST_DESCRIBE_STRUCT(homework, (), (text, status))

/// @brief One session of the course, acute or maintenance.
struct session {
  int number = 1;                                ///< 1, 2, 3 ... continuing into maintenance
  iptkit::date date{};                           ///< when it was (or was due)
  iptkit::phase phase{};                         ///< initial, middle, termination, maintenance
  iptkit::attendance attendance{};               ///< attended, cancelled, no-show
  std::optional<int> minutes;                    ///< actual length
  std::optional<therapy_format> format;          ///< default: the contract's
  std::optional<therapy_modality> modality;      ///< default: the contract's
  std::vector<task> tasks;                       ///< what was covered
  std::vector<problem_area> focus_areas;         ///< areas worked on
  std::vector<iptkit::homework> homework;        ///< between-session tasks
  std::optional<std::string> therapist_id;       ///< who took it, when not the case's therapist
  friend bool operator==(const session&, const session&) = default;
};
BOOST_DESCRIBE_STRUCT(session, (),
                      (number, date, phase, attendance, minutes, format, modality, tasks,
                       focus_areas, homework, therapist_id))

template <>
inline constexpr auto meta::field_rules<session> = std::tuple{
    meta::field(&session::number, meta::session_count(1)),
    meta::field(&session::minutes, meta::in_range{1, 600}),
    meta::field(&session::therapist_id, meta::identifier{1, 64})};

/// @brief True for the acute phases (initial, middle, termination).
constexpr bool is_acute(phase p) noexcept { return p != phase::maintenance; }

}  // namespace iptkit
