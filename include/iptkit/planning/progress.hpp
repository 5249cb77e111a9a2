#pragma once
/// @file
/// @brief Where a course in progress stands on a date: what a clinical app shows the therapist
/// before a session.

#include <iptkit/catalog.hpp>
#include <iptkit/model/case_record.hpp>
#include <iptkit/result.hpp>
#include <boost/describe.hpp>
#include <optional>
#include <string>
#include <vector>

namespace iptkit {

/// @brief A task that should already have been covered, and why.
struct overdue_task {
  iptkit::task task{};     ///< the task
  std::string reason;      ///< e.g. `the initial phase ended at session 3 and no inventory is recorded`
  friend bool operator==(const overdue_task&, const overdue_task&) = default;
};
BOOST_DESCRIBE_STRUCT(overdue_task, (), (task, reason))

/// @brief A risk item above 0 (rule A007) that no risk review has resolved by the date asked
/// about: what the therapist must see first.
struct open_risk_alert {
  iptkit::date date{};      ///< the assessment's date
  std::string instrument;   ///< its instrument id
  int assessment = 0;       ///< its index in the case's assessments
  int item = 0;             ///< the risk item (1-based)
  int at_least = 0;         ///< the item's score, or the least it can be when only a total was recorded
  bool from_total = false;  ///< known from the total only (it exceeds what the other items can reach)
  friend bool operator==(const open_risk_alert&, const open_risk_alert&) = default;
};
BOOST_DESCRIBE_STRUCT(open_risk_alert, (), (date, instrument, assessment, item, at_least, from_total))

/// @brief The latest score of one instrument.
struct measure_status {
  std::string instrument;               ///< instrument id
  iptkit::date date{};                  ///< when it was taken
  int total = 0;                        ///< its total
  std::optional<std::string> band;      ///< its severity band, when the instrument has bands
  friend bool operator==(const measure_status&, const measure_status&) = default;
};
BOOST_DESCRIBE_STRUCT(measure_status, (), (instrument, date, total, band))

/// @brief Where a course stands on a date.
struct course_progress {
  iptkit::date as_of{};                         ///< the date asked about
  std::vector<open_risk_alert> open_risk_alerts;  ///< unreviewed risk alerts so far, oldest first: show these first
  iptkit::phase phase{};                        ///< phase of the latest session so far (initial before any)
  int sessions_held = 0;                        ///< sessions dated on or before as_of, any attendance
  int sessions_attended = 0;                    ///< attended acute sessions
  int planned_sessions = 0;                     ///< planned acute sessions (latest renegotiation)
  int sessions_remaining = 0;                   ///< planned minus the last acute session number so far
                                                ///< (missed sessions use a slot), never below 0
  bool acute_complete = false;                  ///< no acute session remains
  std::optional<int> next_session;              ///< number of the next session, if one is due
  std::optional<iptkit::date> next_due;         ///< when it is due
  std::optional<iptkit::phase> next_phase;      ///< its phase by the plan
  std::vector<task> tasks_due;                  ///< what the next session should cover
  std::vector<overdue_task> overdue;            ///< what should have happened already
  std::vector<measure_status> latest_measures;  ///< latest score and band of each instrument
  friend bool operator==(const course_progress&, const course_progress&) = default;
};
BOOST_DESCRIBE_STRUCT(course_progress, (),
                      (as_of, open_risk_alerts, phase, sessions_held, sessions_attended, planned_sessions,
                       sessions_remaining, acute_complete, next_session, next_due, next_phase,
                       tasks_due, overdue, latest_measures))

/// @brief Where `c` stands on `as_of` (sessions and assessments after it are ignored), against
/// its adaptation's protocol (phase lengths, tasks) and the instruments' bands, both from `cat`.
/// Errors instead of a guess: check()'s errors when `c` is not well formed (its adaptation is not
/// in the catalog, say), and one `bad_enum` error at `/assessments/<i>/instrument` for each
/// assessment up to `as_of` whose instrument the catalog does not hold.
result<course_progress> progress(const case_record& c, date as_of, const catalog& cat = catalog::builtin());

}  // namespace iptkit
