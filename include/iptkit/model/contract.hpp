#pragma once
/// @file
/// @brief The treatment contract: how many sessions, how often, in what format (Guide ch.7).

#include <iptkit/meta/enum_printing.hpp>
#include <iptkit/meta/field_rules.hpp>
#include <iptkit/model/date.hpp>
#include <boost/describe.hpp>
#include <optional>
#include <string>
#include <vector>

namespace iptkit {

/// @brief How often sessions are held.
enum class session_frequency { twice_weekly, weekly, every_2_weeks, monthly };
BOOST_DESCRIBE_ENUM(session_frequency, twice_weekly, weekly, every_2_weeks, monthly)
IPTKIT_ENUM_PRINTING(session_frequency)

/// @brief Who is in the room: the patient alone, a group, a couple or a family.
enum class therapy_format { individual, group, couple, family };
BOOST_DESCRIBE_ENUM(therapy_format, individual, group, couple, family)
IPTKIT_ENUM_PRINTING(therapy_format)

/// @brief How sessions are delivered.
enum class therapy_modality { in_person, video, telephone };
BOOST_DESCRIBE_ENUM(therapy_modality, in_person, video, telephone)
IPTKIT_ENUM_PRINTING(therapy_modality)

/// @brief An explicit change of the planned session count; the latest one applies from `session` on.
struct renegotiation {
  int session = 1;                     ///< session at which it was agreed
  int planned_sessions = 1;            ///< the new planned acute session count
  std::optional<std::string> reason;   ///< free text, removed by de-identification
  friend bool operator==(const renegotiation&, const renegotiation&) = default;
};
BOOST_DESCRIBE_STRUCT(renegotiation, (), (session, planned_sessions, reason))

template <>
inline constexpr auto meta::field_rules<renegotiation> = std::tuple{
    meta::field(&renegotiation::session, meta::session_count(1)),
    meta::field(&renegotiation::planned_sessions, meta::session_count(1))};

/// @brief The acute-phase contract fixed at the start of IPT ([ISIPT], Guide ch.7).
struct contract {
  int planned_sessions = 1;                     ///< acute sessions agreed
  session_frequency frequency = session_frequency::weekly;  ///< how often
  date start_date{};                            ///< first day of the course
  therapy_format format{};                      ///< individual, group, ...
  therapy_modality modality{};                  ///< in person, video, telephone
  std::optional<int> session_minutes;           ///< planned length of a session
  std::vector<renegotiation> renegotiations;    ///< explicit changes, in order
  friend bool operator==(const contract&, const contract&) = default;
};
BOOST_DESCRIBE_STRUCT(contract, (),
                      (planned_sessions, frequency, start_date, format, modality, session_minutes,
                       renegotiations))

template <>
inline constexpr auto meta::field_rules<contract> = std::tuple{
    meta::field(&contract::planned_sessions, meta::session_count(1)),
    meta::field(&contract::session_minutes, meta::in_range{10, 180})};

/// @brief The nominal days between sessions: 3.5, 7, 14, or an average month (365.25 / 12).
constexpr double nominal_interval_days(session_frequency f) noexcept {
  switch (f) {
    case session_frequency::twice_weekly: return 3.5;
    case session_frequency::weekly: return 7;
    case session_frequency::every_2_weeks: return 14;
    case session_frequency::monthly: return 365.25 / 12;
  }
  return 7;
}

}  // namespace iptkit
