// Time to relapse or recurrence per group (docs/trials.md "Time to relapse").
#include <iptkit/trials/relapse_survival.hpp>

#include <iptkit/detail/case_pointers.hpp>

#include <set>

namespace iptkit {

relapse_survival_fit relapse_survival(std::span<const case_record* const> cases, std::span<const case_outcome> rows,
                                      const analysis_population& population,
                                      std::span<const std::string> group_of_case, group_by by) {
  relapse_survival_fit out;
  out.analysis_set = population.set;
  std::vector<std::uint8_t> at_risk(cases.size(), 0);
  std::size_t kinds[3] = {0, 0, 0};
  for (const auto& r : rows) {
    const std::size_t i = r.case_index;
    if (i >= cases.size() || i >= population.member.size() || !population.member[i]) continue;
    if (!r.relapse_days || !r.relapse_rule_fired || at_risk[i]) continue;  // the rule's instrument row only
    at_risk[i] = 1;
    relapse_time t;
    t.case_index = i;
    t.case_id = cases[i]->case_id;
    t.group = by == group_by::arm ? population.arm[i] : i < group_of_case.size() ? group_of_case[i] : "all";
    t.days = *r.relapse_days;
    t.event = *r.relapse_rule_fired ? 1 : 0;
    t.kind = r.relapse_kind;
    if (t.event && t.kind) ++kinds[static_cast<int>(*t.kind)];
    out.subjects.push_back(std::move(t));
  }
  for (std::size_t i = 0; i < cases.size() && i < population.member.size(); ++i)
    out.not_at_risk += population.member[i] && !at_risk[i];

  std::vector<double> time;
  std::vector<int> event;
  std::vector<std::string> group;
  std::set<std::string> groups;
  std::size_t events = 0;
  for (const auto& s : out.subjects) {
    time.push_back(s.days);
    event.push_back(s.event);
    group.push_back(s.group);
    groups.insert(s.group);
    events += static_cast<std::size_t>(s.event);
  }
  const std::string set_name(to_string(population.set));
  out.notes.push_back("Analysis set " + set_name + ": " + std::to_string(out.subjects.size()) +
                      " case(s) at risk (a maintenance relapse rule and a measure of its instrument after the acute "
                      "course), " + std::to_string(out.not_at_risk) + " case(s) of the set not at risk left out.");
  out.notes.push_back("Time: days from the last acute session to the relapse rule's firing (event) or to the last "
                      "assessment of its instrument (censored); " + std::to_string(events) + " event(s): " +
                      std::to_string(kinds[0]) + " relapse(s), " + std::to_string(kinds[1]) + " recurrence(s), " +
                      std::to_string(kinds[2]) + " without a remission before.");
  if (out.subjects.empty()) {
    out.notes.push_back("No case is at risk: there is no survival curve.");
    return out;
  }
  out.kaplan_meier = stats::kaplan_meier(time, event, group);
  if (groups.size() >= 2 && events > 0) out.logrank = stats::logrank(time, event, group);
  else if (groups.size() >= 2) out.notes.push_back("No event in any group: the log-rank test is not defined.");
  return out;
}

relapse_survival_fit relapse_survival(std::span<const case_record> cases, std::span<const case_outcome> rows,
                                      const analysis_population& population,
                                      std::span<const std::string> group_of_case, group_by by) {
  return relapse_survival(detail::case_pointers(cases), rows, population, group_of_case, by);
}

}  // namespace iptkit
