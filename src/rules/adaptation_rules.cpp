// Adaptation-specific rules (D), rules.md. Ages and the expected format come from the protocol.
#include "catalogue.hpp"

#include <algorithm>

namespace iptkit::rules::detail {

void add_adaptation_rules(rule_set& rules) {
  rules.add({"D001", severity::warning, "age_at_intake outside the adaptation's age range (ipt_a: 12-18)",
             [](const rule_context& x, std::vector<rule_hit>& out) {
               if (!x.protocol || !x.c.age_at_intake) return;
               const int age = *x.c.age_at_intake;
               const auto& p = *x.protocol;
               const auto range = [&] {
                 if (p.min_age && p.max_age) return "outside " + std::to_string(*p.min_age) + "-" + std::to_string(*p.max_age);
                 if (p.min_age) return "below the minimum age " + std::to_string(*p.min_age);
                 return "above the maximum age " + std::to_string(*p.max_age);
               };
               if ((p.min_age && age < *p.min_age) || (p.max_age && age > *p.max_age))
                 out.push_back({pointer("age_at_intake"),
                                "age " + std::to_string(age) + " is " + range() + " for " + quote(p.id)});
             }});

  rules.add({"D002", severity::warning,
             "a couple-format adaptation (ipt_couple) with no partner relationship in the inventory",
             [](const rule_context& x, std::vector<rule_hit>& out) {
               // Without an inventory yet there is nothing to judge (F001 covers a missing one).
               if (!x.protocol || x.protocol->format != therapy_format::couple || !x.c.inventory) return;
               const bool partner =
                   std::any_of(x.c.inventory->relationships.begin(), x.c.inventory->relationships.end(),
                               [](const relationship& r) { return r.kind == relationship_kind::partner; });
               if (!partner)
                 out.push_back({pointer("inventory"), quote(x.protocol->id) +
                                                         " works with a partner, but the inventory has no partner relationship"});
             }});
}

}  // namespace iptkit::rules::detail
