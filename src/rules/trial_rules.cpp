// Trial record rules (T), rules.md: the record of randomisation, discontinuation and follow-up
// agrees with the course. They judge every arm, comparator arms included.
#include "catalogue.hpp"

#include <algorithm>

namespace iptkit::rules::detail {

namespace {

// Days from the last acute session to `d`, when the course has acute sessions.
std::optional<int> days_after_acute(const rule_context& x, date d) {
  if (x.acute.empty()) return std::nullopt;
  return static_cast<int>(days_between(x.c.sessions[x.acute.back()].date, d));
}

std::string visit_list(const protocol& p, int window) {
  std::string out;
  for (const int v : p.follow_up_days) {
    if (!out.empty()) out += ", ";
    out += std::to_string(v);
    out += " +/- ";
    out += std::to_string(window);
  }
  return out;
}

}  // namespace

void add_trial_rules(rule_set& rules) {
  rules.add({"T001", severity::error, "a session dated before the case's randomisation",
             [](const rule_context& x, std::vector<rule_hit>& out) {
               if (!x.c.trial || !x.c.trial->randomised_on) return;
               const date r = *x.c.trial->randomised_on;
               for (std::size_t i = 0; i < x.c.sessions.size(); ++i)
                 if (x.c.sessions[i].date < r)
                   out.push_back({pointer("sessions", i, "date"),
                                  "session " + std::to_string(x.c.sessions[i].number) + " on " +
                                      day(x.c.sessions[i].date) + " is before randomisation on " + day(r)});
             }});

  rules.add({"T002", severity::error, "an attended session after the case's discontinuation",
             [](const rule_context& x, std::vector<rule_hit>& out) {
               if (!x.c.discontinuation) return;
               const date d = x.c.discontinuation->date;
               for (std::size_t i = 0; i < x.c.sessions.size(); ++i) {
                 const auto& s = x.c.sessions[i];
                 if (s.attendance == attendance::attended && s.date > d)
                   out.push_back({pointer("sessions", i, "date"),
                                  "session " + std::to_string(s.number) + " on " + day(s.date) +
                                      " was attended after the discontinuation on " + day(d) + " (" +
                                      name(x.c.discontinuation->reason) + ")"});
               }
             }});

  rules.add({"T003", severity::warning,
             "the arm received differs from the arm allocated, with no arm_change_reason recorded",
             [](const rule_context& x, std::vector<rule_hit>& out) {
               if (!x.c.trial || !x.c.trial->allocation || !x.c.arm) return;
               if (*x.c.trial->allocation == *x.c.arm || x.c.trial->arm_change_reason) return;
               out.push_back({pointer("trial", "allocation"),
                              "allocated to " + quote(*x.c.trial->allocation) + " but received " +
                                  quote(*x.c.arm) + ", and no arm_change_reason says why"});
             }});

  rules.add({"T004", severity::warning,
             "an assessment after the acute course that falls in no follow-up visit window of the protocol",
             [](const rule_context& x, std::vector<rule_hit>& out) {
               // Only where the protocol names its visits and the course ended without maintenance
               // (maintenance monitoring has its own schedule); the end-of-treatment measure (A006:
               // up to 14 days after the last session) is not a follow-up visit.
               if (!x.protocol || x.protocol->follow_up_days.empty() || !x.course_ended || x.c.maintenance) return;
               const int window = x.protocol->follow_up_window_days.value_or(14);
               for (std::size_t i = 0; i < x.c.assessments.size(); ++i) {
                 const auto after = days_after_acute(x, x.c.assessments[i].date);
                 if (!after || *after <= 14) continue;
                 const auto& visits = x.protocol->follow_up_days;
                 const bool in_window = std::any_of(visits.begin(), visits.end(), [&](int v) {
                   return *after >= v - window && *after <= v + window;
                 });
                 if (!in_window)
                   out.push_back({pointer("assessments", i, "date"),
                                  "assessment on " + day(x.c.assessments[i].date) + " is " + std::to_string(*after) +
                                      " days after the last acute session, outside every follow-up window of " +
                                      quote(x.protocol->id) + " (" + visit_list(*x.protocol, window) + " days)"});
               }
             }});

  rules.add({"T005", severity::warning, "randomised although recorded as not eligible",
             [](const rule_context& x, std::vector<rule_hit>& out) {
               if (x.c.trial && x.c.trial->randomised_on && x.c.trial->eligible == false)
                 out.push_back({pointer("trial", "eligible"),
                                "randomised on " + day(*x.c.trial->randomised_on) + " but eligible is false"});
             }});

  rules.add({"T006", severity::warning, "a randomised group-format case without a group_id",
             [](const rule_context& x, std::vector<rule_hit>& out) {
               // Group effects can only be analysed when the cases of a group say so. A record
               // screened and never randomised was never in a group.
               if (x.c.trial && x.c.trial->randomised_on && x.c.contract.format == therapy_format::group && !x.c.group_id)
                 out.push_back({pointer("group_id"),
                                "a randomised group-format case has no group_id, so its group cannot be told apart"});
             }});
}

}  // namespace iptkit::rules::detail
