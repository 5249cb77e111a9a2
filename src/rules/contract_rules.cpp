// Contract and schedule rules (C), rules.md.
#include "catalogue.hpp"

#include <cmath>

namespace iptkit::rules::detail {

namespace {
// 14 or 60.9: whole numbers without a fraction, others to one decimal.
std::string days_text(double days) {
  if (days == std::floor(days)) return std::to_string(static_cast<long>(days));
  const long tenths = std::lround(days * 10);
  return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10);
}
}  // namespace

void add_contract_rules(rule_set& rules) {
  rules.add({"C001", severity::warning, "planned_sessions outside the adaptation's min-max range",
             [](const rule_context& x, std::vector<rule_hit>& out) {
               if (!x.protocol) return;
               const auto& k = x.c.contract;
               const int planned = planned_sessions(k);
               if (planned >= x.protocol->min_sessions && planned <= x.protocol->max_sessions) return;
               out.push_back({k.renegotiations.empty()
                                  ? pointer("contract", "planned_sessions")
                                  : pointer("contract", "renegotiations", k.renegotiations.size() - 1,
                                            "planned_sessions"),
                              std::to_string(planned) + " planned sessions is outside " +
                                  std::to_string(x.protocol->min_sessions) + "-" +
                                  std::to_string(x.protocol->max_sessions) + " for adaptation " +
                                  quote(x.protocol->id) + " (protocol in force: " +
                                  x.protocol->source.value_or("registered without a source") + ")"});
             }});

  rules.add({"C002", severity::error, "session numbers are not 1, 2, 3 ... without gaps or repeats",
             [](const rule_context& x, std::vector<rule_hit>& out) {
               const auto& s = x.c.sessions;
               for (std::size_t i = 0; i < s.size(); ++i) {
                 const int expected = i == 0 ? 1 : s[i - 1].number + 1;
                 if (s[i].number == expected) continue;
                 const std::string n = std::to_string(s[i].number);
                 std::string message;
                 if (i == 0) message = "the first session is numbered " + n + ", not 1";
                 else if (s[i].number == s[i - 1].number) message = "session number " + n + " is repeated";
                 else if (s[i].number > expected)
                   message = "session " + n + " follows session " + std::to_string(s[i - 1].number) +
                             ": session " + std::to_string(expected) + " is missing";
                 else
                   message = "session " + n + " follows session " + std::to_string(s[i - 1].number) +
                             ": numbers must go up by one";
                 out.push_back({pointer("sessions", i, "number"), message});
               }
             }});

  rules.add({"C003", severity::error, "session dates are not strictly increasing with session number",
             [](const rule_context& x, std::vector<rule_hit>& out) {
               const auto& s = x.c.sessions;
               for (std::size_t i = 1; i < s.size(); ++i)
                 if (s[i].date <= s[i - 1].date)
                   out.push_back({pointer("sessions", i, "date"),
                                  "session " + std::to_string(s[i].number) + " on " + day(s[i].date) +
                                      " is not after session " + std::to_string(s[i - 1].number) +
                                      " on " + day(s[i - 1].date)});
             }});

  rules.add({"C004", severity::warning,
             "more attended acute sessions than planned, with no renegotiation covering them",
             [](const rule_context& x, std::vector<rule_hit>& out) {
               // A renegotiation covers the sessions from the one at which it was agreed.
               int attended = 0;
               for (std::size_t i : x.acute) {
                 const auto& s = x.c.sessions[i];
                 if (s.attendance != attendance::attended) continue;
                 const int planned = planned_sessions_at(x.c.contract, s.number);
                 if (++attended <= planned) continue;
                 out.push_back({pointer("sessions", i),
                                "session " + std::to_string(s.number) + " is attended acute session " +
                                    std::to_string(attended) + ", more than the " + std::to_string(planned) +
                                    " planned, with no renegotiation covering it"});
                 return;
               }
             }});

  rules.add({"C005", severity::warning,
             "a gap between consecutive attended acute sessions longer than twice the contracted interval",
             [](const rule_context& x, std::vector<rule_hit>& out) {
               const double limit = 2 * nominal_interval_days(x.c.contract.frequency);
               const session* previous = nullptr;
               for (std::size_t i : x.acute) {
                 const auto& s = x.c.sessions[i];
                 if (s.attendance != attendance::attended) continue;
                 if (previous) {
                   const long gap = days_between(previous->date, s.date);
                   if (gap > limit)
                     out.push_back({pointer("sessions", i, "date"),
                                    std::to_string(gap) + " days between attended sessions " +
                                        std::to_string(previous->number) + " and " +
                                        std::to_string(s.number) + ", more than twice the " +
                                        name(x.c.contract.frequency) + " interval (" +
                                        days_text(limit) + " days)"});
                 }
                 previous = &s;
               }
             }});

  rules.add({"C006", severity::error,
             "a session or assessment dated before contract.start_date (intake assessments up to 28 days before)",
             [](const rule_context& x, std::vector<rule_hit>& out) {
               const date start = x.c.contract.start_date;
               for (std::size_t i = 0; i < x.c.sessions.size(); ++i)
                 if (x.c.sessions[i].date < start)
                   out.push_back({pointer("sessions", i, "date"),
                                  "session " + std::to_string(x.c.sessions[i].number) + " on " +
                                      day(x.c.sessions[i].date) + " is before the contract start " +
                                      day(start)});
               for (std::size_t i = 0; i < x.c.assessments.size(); ++i) {
                 const long before = days_between(x.c.assessments[i].date, start);
                 if (before > 28)
                   out.push_back({pointer("assessments", i, "date"),
                                  "assessment on " + day(x.c.assessments[i].date) + " is " +
                                      std::to_string(before) + " days before the contract start " +
                                      day(start) + " (intake assessments may be up to 28 days before)"});
               }
             }});

  rules.add({"C007", severity::warning, "session format differs from the adaptation's format",
             [](const rule_context& x, std::vector<rule_hit>& out) {
               if (!x.protocol) return;
               const auto expected = x.protocol->format;
               if (x.c.contract.format != expected)
                 out.push_back({pointer("contract", "format"),
                                "contract format " + name(x.c.contract.format) + " differs from " +
                                    name(expected) + ", the format of " + quote(x.protocol->id)});
               for (std::size_t i = 0; i < x.c.sessions.size(); ++i) {
                 const auto& f = x.c.sessions[i].format;
                 // A group course includes individual meetings before, midway and after the group
                 // (Wilfley et al. 2000): they are sessions of the course, not a deviation.
                 if (f && *f == therapy_format::individual && expected == therapy_format::group) continue;
                 if (f && *f != expected)
                   out.push_back({pointer("sessions", i, "format"),
                                  "session " + std::to_string(x.c.sessions[i].number) + " format " +
                                      name(*f) + " differs from " + name(expected) + ", the format of " +
                                      quote(x.protocol->id)});
               }
             }});
}

}  // namespace iptkit::rules::detail
