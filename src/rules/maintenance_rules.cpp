// Maintenance rules (M), rules.md.
#include "catalogue.hpp"

#include <iptkit/measures/scoring.hpp>

#include <algorithm>
#include <numeric>

namespace iptkit::rules::detail {

void add_maintenance_rules(rule_set& rules) {
  rules.add({"M001", severity::warning, "maintenance plan without a relapse_rule",
             [](const rule_context& x, std::vector<rule_hit>& out) {
               if (x.c.maintenance && !x.c.maintenance->relapse_rule)
                 out.push_back({pointer("maintenance"),
                                "the maintenance plan has no relapse_rule to say when deterioration needs action"});
             }});

  rules.add({"M002", severity::error, "maintenance contract_date before the last acute session",
             [](const rule_context& x, std::vector<rule_hit>& out) {
               if (!x.c.maintenance || x.acute.empty()) return;
               const auto& last = x.c.sessions[x.acute.back()];
               if (x.c.maintenance->contract_date < last.date)
                 out.push_back({pointer("maintenance", "contract_date"),
                                "the maintenance contract on " + day(x.c.maintenance->contract_date) +
                                    " is before the last acute session " + std::to_string(last.number) +
                                    " on " + day(last.date)});
             }});

  rules.add({"M003", severity::alert,
             "the relapse rule fired: consecutive maintenance-period assessments at or above its threshold",
             [](const rule_context& x, std::vector<rule_hit>& out) {
               if (!x.c.maintenance || !x.c.maintenance->relapse_rule || x.acute.empty()) return;
               const auto& rule = *x.c.maintenance->relapse_rule;
               const auto* in = x.instruments.find(rule.instrument);
               const date after = x.c.sessions[x.acute.back()].date;
               // Maintenance-period assessments of the rule's instrument, in date order.
               std::vector<std::size_t> order;
               for (std::size_t i = 0; i < x.c.assessments.size(); ++i)
                 if (x.c.assessments[i].instrument == rule.instrument && x.c.assessments[i].date > after &&
                     score_total(x.c.assessments[i], in))
                   order.push_back(i);
               std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
                 return x.c.assessments[a].date < x.c.assessments[b].date;
               });
               int run = 0;
               for (std::size_t i : order) {
                 const auto& a = x.c.assessments[i];
                 const int total = *score_total(a, in);
                 const bool worse = in ? at_or_worse(*in, total, rule.threshold) : total >= rule.threshold;
                 run = worse ? run + 1 : 0;
                 if (run == rule.consecutive) {
                   out.push_back({pointer("assessments", i, a.total ? "total" : "items"),
                                  "relapse rule fired: " + rule.instrument + " at or beyond " +
                                      std::to_string(rule.threshold) + " in " +
                                      std::to_string(rule.consecutive) +
                                      " consecutive maintenance assessment(s), the last " +
                                      std::to_string(total) + " on " + day(a.date)});
                   return;
                 }
               }
             }});
}

}  // namespace iptkit::rules::detail
