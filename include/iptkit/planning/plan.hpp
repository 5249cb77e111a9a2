#pragma once
/// @file
/// @brief Course planning: the dated session schedule of an adaptation, with the tasks due in each
/// phase (domain.md "Course structure").

#include <iptkit/model/date.hpp>
#include <iptkit/model/focus.hpp>
#include <iptkit/model/protocol.hpp>
#include <iptkit/catalog.hpp>
#include <iptkit/model/session.hpp>
#include <iptkit/result.hpp>
#include <boost/describe.hpp>
#include <optional>
#include <string_view>
#include <vector>

namespace iptkit {

/// @brief One session of a plan.
struct planned_session {
  int number = 1;               ///< 1, 2, 3 ...
  iptkit::date date{};          ///< when it is due
  iptkit::phase phase{};        ///< initial, middle or termination
  std::vector<task> tasks;      ///< what it should cover
  friend bool operator==(const planned_session&, const planned_session&) = default;
};
BOOST_DESCRIBE_STRUCT(planned_session, (), (number, date, phase, tasks))

/// @brief Choices beyond the protocol's defaults.
struct plan_options {
  std::optional<int> planned_sessions;         ///< default: the protocol's min_sessions
  std::optional<session_frequency> frequency;  ///< default: the protocol's frequency
  std::vector<date> skip;                      ///< dates with no session (holidays): later ones move
  std::vector<problem_area> focus;             ///< adds each area's middle-phase goals, when known
};

/// @brief The schedule for a protocol from `start`, or every reason there is none. Phases: the
/// protocol's initial sessions (3 where initial max is 4), its termination minimum at the end (5
/// for `ipt_g`), middle between.
///
/// Nothing is guessed: each error has a JSON Pointer naming the argument, as if the arguments
/// were a document `{"protocol": ..., "start": ..., "planned_sessions": ..., ...}`:
/// `/protocol/...` when the protocol is not a valid registry entry (entry_errors()), `/start` or
/// `/skip/<i>` for a date that does not exist (2026-02-30 is not moved to March),
/// `/planned_sessions` outside 1 to meta::session_limit, `/frequency` or `/focus/<i>` for a value
/// outside its enum, and `/focus` for more than two problem areas. A count outside the
/// protocol's own range is allowed (a trial may contract more sessions): validate() reports it
/// as C001.
result<std::vector<planned_session>> plan(const protocol& p, date start, const plan_options& options = {});

/// @brief plan() for an adaptation id; an id the registry does not know is an error at
/// `/adaptation` that lists the ids it knows.
result<std::vector<planned_session>> plan(std::string_view adaptation, date start, const plan_options& options = {},
                                          const catalog& cat = catalog::builtin());

/// @brief The date of the `k`-th slot (0-based) of a schedule starting on `start`: twice weekly
/// alternates 3 and 4 days, weekly 7, every 2 weeks 14, monthly the same day of the month
/// (the month's last day when shorter).
date schedule_slot(date start, session_frequency f, int k);

}  // namespace iptkit
