#include <iptkit/outcomes/cohort_columns.hpp>

#include <iptkit/measures/scoring.hpp>

#include <algorithm>

namespace iptkit {

namespace {
std::int32_t instrument_index(std::vector<std::string>& ids, const std::string& id) {
  auto it = std::find(ids.begin(), ids.end(), id);
  if (it == ids.end()) {
    ids.push_back(id);
    return static_cast<std::int32_t>(ids.size() - 1);
  }
  return static_cast<std::int32_t>(it - ids.begin());
}
}  // namespace

void cohort_columns::append(const case_record& c, const instrument_registry& registry) {
  if (offset.empty()) offset.push_back(0);
  case_id.push_back(c.case_id);
  start_day.push_back(day_number(c.contract.start_date));
  std::int32_t first = no_day, last = no_day, n_attended = 0, n_cancelled = 0, n_no_show = 0;
  bool reached_termination = false;
  for (const auto& s : c.sessions) {
    const bool came = s.attendance == attendance::attended;
    if (came && first == no_day) first = day_number(s.date);
    if (!is_acute(s.phase)) continue;
    last = day_number(s.date);
    n_attended += came;
    n_cancelled += s.attendance == attendance::cancelled;
    n_no_show += s.attendance == attendance::no_show;
    reached_termination = reached_termination || (came && s.phase == phase::termination);
  }
  first_attended_day.push_back(first);
  last_acute_day.push_back(last);
  attended.push_back(n_attended);
  cancelled.push_back(n_cancelled);
  no_show.push_back(n_no_show);
  completer.push_back(reached_termination);
  if (c.maintenance && c.maintenance->relapse_rule) {
    const auto& rule = *c.maintenance->relapse_rule;
    relapse_instrument.push_back(instrument_index(instruments, rule.instrument));
    relapse_threshold.push_back(rule.threshold);
    relapse_consecutive.push_back(rule.consecutive);
  } else {
    relapse_instrument.push_back(-1);
    relapse_threshold.push_back(0);
    relapse_consecutive.push_back(0);
  }
  for (const auto& a : c.assessments) {
    const auto t = score_total(a, registry.find(a.instrument));
    instrument.push_back(instrument_index(instruments, a.instrument));
    day.push_back(day_number(a.date));
    total.push_back(t ? *t : no_total);
  }
  offset.push_back(static_cast<std::uint32_t>(instrument.size()));
}

cohort_columns to_columns(std::span<const case_record> cases, const instrument_registry& instruments) {
  cohort_columns columns;
  columns.offset.reserve(cases.size() + 1);
  for (const auto& c : cases) columns.append(c, instruments);
  if (columns.offset.empty()) columns.offset.push_back(0);
  return columns;
}

}  // namespace iptkit
