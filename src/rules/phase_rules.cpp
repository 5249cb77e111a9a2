// Phase rules (P), rules.md.
#include "catalogue.hpp"

#include <algorithm>

namespace iptkit::rules::detail {

void add_phase_rules(rule_set& rules) {
  rules.add({"P001", severity::error,
             "phases out of order: initial -> middle -> termination -> maintenance, never back",
             [](const rule_context& x, std::vector<rule_hit>& out) {
               const session* furthest = nullptr;
               for (std::size_t i = 0; i < x.c.sessions.size(); ++i) {
                 const auto& s = x.c.sessions[i];
                 if (furthest && s.phase < furthest->phase)
                   out.push_back({pointer("sessions", i, "phase"),
                                  "session " + std::to_string(s.number) + " is " + name(s.phase) +
                                      " after " + name(furthest->phase) + " session " +
                                      std::to_string(furthest->number) +
                                      "; phases run initial, middle, termination, maintenance"});
                 if (!furthest || s.phase > furthest->phase) furthest = &s;
               }
             }});

  rules.add({"P002", severity::warning, "an initial session numbered above the protocol's initial max",
             [](const rule_context& x, std::vector<rule_hit>& out) {
               if (!x.protocol) return;
               for (std::size_t i = 0; i < x.c.sessions.size(); ++i) {
                 const auto& s = x.c.sessions[i];
                 if (s.phase == phase::initial && s.number > x.protocol->initial_max)
                   out.push_back({pointer("sessions", i, "phase"),
                                  "initial-phase session " + std::to_string(s.number) +
                                      " is past the initial maximum of " +
                                      std::to_string(x.protocol->initial_max) + " for " +
                                      quote(x.protocol->id)});
               }
             }});

  rules.add({"P003", severity::warning,
             "the course ended with fewer termination sessions than the protocol's minimum, or without termination_discussed",
             [](const rule_context& x, std::vector<rule_hit>& out) {
               if (!x.course_ended) return;
               const auto& s = x.c.sessions;
               if (x.protocol) {
                 const auto held = std::count_if(x.acute.begin(), x.acute.end(), [&](std::size_t i) {
                   return s[i].phase == phase::termination && s[i].attendance == attendance::attended;
                 });
                 if (held < x.protocol->termination_min)
                   out.push_back({pointer("sessions", x.acute.back(), "phase"),
                                  "the course ended with " + std::to_string(held) +
                                      " attended termination session(s); " + quote(x.protocol->id) +
                                      " expects at least " + std::to_string(x.protocol->termination_min)});
               }
               // Only a session that took place can have named the ending.
               const bool discussed = std::any_of(s.begin(), s.end(), [](const session& v) {
                 return v.attendance == attendance::attended &&
                        std::find(v.tasks.begin(), v.tasks.end(), task::termination_discussed) != v.tasks.end();
               });
               if (!discussed)
                 out.push_back({pointer("sessions"),
                                "the course ended and no attended session has the task termination_discussed"});
             }});

  rules.add({"P004", severity::error, "maintenance sessions without a maintenance plan",
             [](const rule_context& x, std::vector<rule_hit>& out) {
               if (x.c.maintenance) return;
               for (std::size_t i = 0; i < x.c.sessions.size(); ++i)
                 if (x.c.sessions[i].phase == phase::maintenance) {
                   out.push_back({pointer("sessions", i, "phase"),
                                  "session " + std::to_string(x.c.sessions[i].number) +
                                      " is a maintenance session but the case has no maintenance plan"});
                   return;
                 }
             }});

  rules.add({"P005", severity::warning, "middle-phase session without any focus_areas",
             [](const rule_context& x, std::vector<rule_hit>& out) {
               if (x.focus_model() != focus_model::ipt_areas) return;  // focus_areas are IPT problem areas
               for (std::size_t i = 0; i < x.c.sessions.size(); ++i) {
                 const auto& s = x.c.sessions[i];
                 if (s.phase == phase::middle && s.attendance == attendance::attended &&
                     s.focus_areas.empty())
                   out.push_back({pointer("sessions", i, "focus_areas"),
                                  "middle-phase session " + std::to_string(s.number) +
                                      " names no focus_areas"});
               }
             }});
}

}  // namespace iptkit::rules::detail
