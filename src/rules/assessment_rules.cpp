// Assessment rules (A), rules.md. Item counts, ranges and risk items come from the instrument
// registry in force.
#include "catalogue.hpp"

#include <iptkit/measures/risk.hpp>
#include <iptkit/measures/scoring.hpp>

#include <algorithm>
#include <cstdlib>

namespace iptkit::rules::detail {

namespace {
// Calls f(index, assessment, instrument) for assessments of a known instrument.
template <class Fn>
void for_each_scored(const rule_context& x, Fn&& f) {
  for (std::size_t i = 0; i < x.c.assessments.size(); ++i)
    if (const auto* in = x.instrument_of[i]) f(i, x.c.assessments[i], *in);
}
}  // namespace

void add_assessment_rules(rule_set& rules) {
  rules.add({"A001", severity::error, "wrong number of items for the instrument",
             [](const rule_context& x, std::vector<rule_hit>& out) {
               for_each_scored(x, [&](std::size_t i, const assessment& a, const instrument& in) {
                 if (!a.items.empty() && a.items.size() != static_cast<std::size_t>(in.items))
                   out.push_back({pointer("assessments", i, "items"),
                                  in.name + " has " + std::to_string(in.items) + " items; found " +
                                      std::to_string(a.items.size())});
               });
             }});

  rules.add({"A002", severity::error, "an item score outside the instrument's item range",
             [](const rule_context& x, std::vector<rule_hit>& out) {
               for_each_scored(x, [&](std::size_t i, const assessment& a, const instrument& in) {
                 for (std::size_t k = 0; k < a.items.size(); ++k) {
                   const int max = item_max_of(in, k);
                   if (a.items[k] < in.item_min || a.items[k] > max)
                     out.push_back({pointer("assessments", i, "items", k),
                                    in.name + " item " + std::to_string(k + 1) + " is " +
                                        std::to_string(a.items[k]) + "; it scores " +
                                        std::to_string(in.item_min) + "-" + std::to_string(max)});
                 }
               });
             }});

  rules.add({"A003", severity::error, "total differs from the sum of items",
             [](const rule_context& x, std::vector<rule_hit>& out) {
               for (std::size_t i = 0; i < x.c.assessments.size(); ++i) {
                 const auto& a = x.c.assessments[i];
                 if (a.items.empty() || !a.total || *a.total == sum_of_items(a)) continue;
                 out.push_back({pointer("assessments", i, "total"),
                                "total " + std::to_string(*a.total) +
                                    " differs from the sum of the items, " +
                                    std::to_string(sum_of_items(a))});
               }
             }});

  rules.add({"A004", severity::error, "total outside the instrument's range",
             [](const rule_context& x, std::vector<rule_hit>& out) {
               for_each_scored(x, [&](std::size_t i, const assessment& a, const instrument& in) {
                 if (a.total && (*a.total < in.total_min || *a.total > in.total_max))
                   out.push_back({pointer("assessments", i, "total"),
                                  in.name + " total " + std::to_string(*a.total) + " is outside " +
                                      std::to_string(in.total_min) + "-" + std::to_string(in.total_max)});
               });
             }});

  rules.add({"A005", severity::warning,
             "no baseline: no assessment of any instrument on or before the first attended session",
             [](const rule_context& x, std::vector<rule_hit>& out) {
               const auto& s = x.c.sessions;
               const auto first = std::find_if(s.begin(), s.end(), [](const session& v) {
                 return v.attendance == attendance::attended;
               });
               if (first == s.end()) return;
               if (std::any_of(x.c.assessments.begin(), x.c.assessments.end(),
                               [&](const assessment& a) { return a.date <= first->date; }))
                 return;
               out.push_back({pointer("assessments"),
                              "no baseline: no assessment on or before the first attended session (" +
                                  std::to_string(first->number) + " on " + day(first->date) + ")"});
             }});

  rules.add({"A006", severity::warning,
             "the course ended and no assessment is dated between the second-to-last acute session and 14 days after the last",
             [](const rule_context& x, std::vector<rule_hit>& out) {
               if (!x.course_ended) return;
               const auto& last = x.c.sessions[x.acute.back()];
               const auto& from = x.c.sessions[x.acute.size() > 1 ? x.acute[x.acute.size() - 2] : x.acute.back()];
               const date to = add_days(last.date, 14);
               if (std::any_of(x.c.assessments.begin(), x.c.assessments.end(), [&](const assessment& a) {
                     return a.date >= from.date && a.date <= to;
                   }))
                 return;
               out.push_back({pointer("assessments"),
                              "the course ended at session " + std::to_string(last.number) + " on " +
                                  day(last.date) + " and no assessment is dated from " + day(from.date) +
                                  " to " + day(to)});
             }});

  rules.add({"A007", severity::alert, "a risk item (self-harm / suicide) is above 0",
             [](const rule_context& x, std::vector<rule_hit>& out) {
               for_each_scored(x, [&](std::size_t i, const assessment& a, const instrument& in) {
                 if (is_reviewed(x.c, a.date)) return;  // a clinician reviewed the risk since
                 for (const auto& r : risk_signals(a, in)) {
                   if (!r.from_total)
                     out.push_back({pointer("assessments", i, "items", r.item - 1),
                                    in.name + " item " + std::to_string(r.item) + " (self-harm / suicide) is " +
                                        std::to_string(r.at_least) + " on " + day(a.date) + ": review risk now"});
                   else
                     out.push_back({pointer("assessments", i, "total"),
                                    in.name + " total " + std::to_string(*a.total) + " on " + day(a.date) +
                                        " is above " + std::to_string(*a.total - r.at_least) +
                                        ", the most the other items can add up to: item " + std::to_string(r.item) +
                                        " (self-harm / suicide) is at least " + std::to_string(r.at_least) +
                                        ": review risk now"});
                 }
               });
             }});

  rules.add({"A008", severity::error, "an instrument id the catalog does not define",
             [](const rule_context& x, std::vector<rule_hit>& out) {
               for (std::size_t i = 0; i < x.c.assessments.size(); ++i)
                 if (!x.instrument_of[i])
                   out.push_back({pointer("assessments", i, "instrument"),
                                  "instrument " + quote(x.c.assessments[i].instrument) +
                                      " is not in the catalog"});
               if (x.c.maintenance && x.c.maintenance->relapse_rule &&
                   !x.instruments.find(x.c.maintenance->relapse_rule->instrument))
                 out.push_back({pointer("maintenance", "relapse_rule", "instrument"),
                                "relapse rule instrument " + quote(x.c.maintenance->relapse_rule->instrument) +
                                    " is not in the catalog"});
             }});

  rules.add({"A009", severity::warning,
             "session names a session that does not exist, or one dated more than 7 days from the assessment",
             [](const rule_context& x, std::vector<rule_hit>& out) {
               for (std::size_t i = 0; i < x.c.assessments.size(); ++i) {
                 const auto& a = x.c.assessments[i];
                 if (!a.session) continue;
                 const auto s = std::find_if(x.c.sessions.begin(), x.c.sessions.end(),
                                             [&](const session& v) { return v.number == *a.session; });
                 if (s == x.c.sessions.end()) {
                   out.push_back({pointer("assessments", i, "session"),
                                  "assessment on " + day(a.date) + " names session " +
                                      std::to_string(*a.session) + ", which does not exist"});
                 } else if (std::labs(days_between(s->date, a.date)) > 7) {
                   out.push_back({pointer("assessments", i, "session"),
                                  "assessment on " + day(a.date) + " is " +
                                      std::to_string(std::labs(days_between(s->date, a.date))) +
                                      " days from session " + std::to_string(s->number) + " on " +
                                      day(s->date) + " (at most 7)"});
                 }
               }
             }});
}

}  // namespace iptkit::rules::detail
