#pragma once
/// @file
/// @brief An IPT adaptation's protocol parameters: one row of the adaptation table (domain.md).

#include <iptkit/meta/enum_printing.hpp>
#include <iptkit/json/read_error.hpp>
#include <iptkit/meta/field_rules.hpp>
#include <iptkit/model/contract.hpp>
#include <boost/describe.hpp>
#include <optional>
#include <string>
#include <vector>

namespace iptkit {

/// @brief What the formulation's focus is for a protocol, and so which focus rules apply.
enum class focus_model {
  ipt_areas,           ///< the four IPT problem areas (every IPT adaptation)
  ipaf,                ///< DIT: an interpersonal affective focus (Lemma, Target & Fonagy 2011)
  maladaptive_schema,  ///< MIT: a maladaptive interpersonal schema (Dimaggio et al. 2015)
  none                 ///< no interpersonal focus (comparator arms)
};
BOOST_DESCRIBE_ENUM(focus_model, ipt_areas, ipaf, maladaptive_schema, none)
IPTKIT_ENUM_PRINTING(focus_model)

/// @brief What a protocol is in a trial.
enum class protocol_kind {
  adaptation,  ///< an IPT adaptation or an interpersonal therapy iptkit models: its rules apply
  comparator   ///< a control arm (usual care, waitlist, medication only, another psychotherapy):
               ///< the IPT rules do not apply, the measures and outcomes do
};
BOOST_DESCRIBE_ENUM(protocol_kind, adaptation, comparator)
IPTKIT_ENUM_PRINTING(protocol_kind)

/// @brief The parameters rules and planning take for an adaptation (never constants in a rule).
struct protocol {
  std::string id;                              ///< the `adaptation` value, e.g. `ipt_g`
  std::string name;                            ///< human-readable name
  therapy_format format{};                     ///< expected session format
  std::optional<therapy_modality> modality;    ///< expected modality, where the protocol fixes one
  int min_sessions = 1;                        ///< planned acute sessions, lower bound
  int max_sessions = 1;                        ///< planned acute sessions, upper bound
  int initial_max = 1;                         ///< last session number the initial phase may run to
  int termination_min = 0;                     ///< termination-phase sessions a completed course has
  session_frequency frequency = session_frequency::weekly;  ///< usual frequency
  std::optional<int> session_minutes;          ///< usual session length
  std::optional<int> min_age;                  ///< youngest age the adaptation is for
  std::optional<int> max_age;                  ///< oldest age the adaptation is for
  std::optional<std::string> source;           ///< where the parameters come from
  protocol_kind kind = protocol_kind::adaptation;  ///< an adaptation, or a trial's comparator arm
  iptkit::focus_model focus_model = focus_model::ipt_areas;  ///< what the formulation's focus is
  std::vector<int> follow_up_days;             ///< named follow-up visits, days after the acute course ends
  std::optional<int> follow_up_window_days;    ///< a visit may fall this many days either side (default 14)
  friend bool operator==(const protocol&, const protocol&) = default;
};
BOOST_DESCRIBE_STRUCT(protocol, (),
                      (id, name, format, modality, min_sessions, max_sessions, initial_max,
                       termination_min, frequency, session_minutes, min_age, max_age, source, kind,
                       focus_model, follow_up_days, follow_up_window_days))

template <>
inline constexpr auto meta::field_rules<protocol> = std::tuple{
    meta::field(&protocol::id, meta::identifier{1, 64}),
    meta::field(&protocol::min_sessions, meta::session_count(1)),
    meta::field(&protocol::max_sessions, meta::session_count(1)),
    meta::field(&protocol::initial_max, meta::session_count(1)),
    meta::field(&protocol::termination_min, meta::session_count(0)),
    meta::field(&protocol::frequency, meta::has_default{}),
    meta::field(&protocol::kind, meta::has_default{}),
    meta::field(&protocol::focus_model, meta::has_default{}),
    meta::field(&protocol::session_minutes, meta::in_range{10, 180}),
    meta::field(&protocol::min_age, meta::in_range{0, 120}),
    meta::field(&protocol::max_age, meta::in_range{0, 120}),
    meta::field(&protocol::follow_up_window_days, meta::in_range{0, 365})};

template <>
inline constexpr auto meta::object_rules<protocol> = std::tuple{
    meta::not_below{&protocol::min_sessions, &protocol::max_sessions},
    meta::not_below{&protocol::initial_max, &protocol::max_sessions},
    meta::not_below{&protocol::termination_min, &protocol::max_sessions}};

/// @brief What makes `p` unusable as a registry entry: the errors reading it from a protocols file
/// would give (an id that is not an identifier, max_sessions below min_sessions, below
/// initial_max or below termination_min, counts past the session limit...); empty when valid.
std::vector<read_error> entry_errors(const protocol& p);

/// @brief How many initial-phase sessions plan() schedules: 3 where initial max is 4 (IPT usually
/// takes sessions 1-3), except for DIT, whose interpersonal affective focus is agreed at session 4
/// (Lemma, Target & Fonagy 2011): then the initial max itself.
constexpr int planned_initial_sessions(const protocol& p) noexcept {
  if (p.focus_model == focus_model::ipaf) return p.initial_max;
  return p.initial_max >= 4 ? 3 : p.initial_max;
}

}  // namespace iptkit
