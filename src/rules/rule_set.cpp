#include <iptkit/rules/rule_set.hpp>

#include "catalogue.hpp"

#include <algorithm>

namespace iptkit {

rule_set rule_set::with_builtins() {
  rule_set r;
  rules::detail::add_contract_rules(r);
  rules::detail::add_phase_rules(r);
  rules::detail::add_formulation_rules(r);
  rules::detail::add_assessment_rules(r);
  rules::detail::add_maintenance_rules(r);
  rules::detail::add_adaptation_rules(r);
  rules::detail::add_trial_rules(r);
  // What holds in a control arm too: a session schedule that makes sense, measures that can be
  // scored (and risk that must be seen), a maintenance plan's relapse rule, and the trial record.
  // Every other built-in rule is about the IPT protocol and stays off comparator arms.
  constexpr std::string_view any_arm[] = {"C002", "C003", "C006", "A001", "A002", "A003", "A004", "A005",
                                          "A006", "A007", "A008", "A009", "M001", "M002", "M003",
                                          "T001", "T002", "T003", "T004", "T005", "T006"};
  for (const auto code : r.ids())
    const_cast<rule*>(r.find(code))->comparator_arms =
        std::find(std::begin(any_arm), std::end(any_arm), code) != std::end(any_arm);
  return r;
}

const rule_set& rule_set::builtin() {
  static const rule_set rules = with_builtins();
  return rules;
}

bool rule_set::remove(std::string_view code) {
  std::erase(disabled_, code);
  return registry::remove(code);
}

bool rule_set::disable(std::string_view code) {
  if (!find(code)) return false;
  if (is_enabled(code)) disabled_.emplace_back(code);
  return true;
}

bool rule_set::enable(std::string_view code) {
  if (!find(code)) return false;
  std::erase(disabled_, code);
  return true;
}

bool rule_set::set_severity(std::string_view code, severity s) {
  auto* r = const_cast<rule*>(find(code));  // find() is const; the entry is ours to change
  if (!r) return false;
  r->severity = s;
  return true;
}

bool rule_set::is_enabled(std::string_view code) const {
  return find(code) && std::find(disabled_.begin(), disabled_.end(), code) == disabled_.end();
}

std::vector<const rule*> rule_set::enabled() const& {
  std::vector<const rule*> on;
  on.reserve(entries().size());
  for (const auto& r : entries())
    if (r.check && std::find(disabled_.begin(), disabled_.end(), r.code) == disabled_.end()) on.push_back(&r);
  return on;
}

}  // namespace iptkit
