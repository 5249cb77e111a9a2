#pragma once
// Long tables as columns that own their values, for the tests and fuzz targets of
// import_cohort_columns: filled column by column, then viewed as the table_columns it takes.
#include <iptkit/export/tidy.hpp>
#include <iptkit/import/table_columns.hpp>
#include <iptkit/model/case_record.hpp>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

namespace iptkit::test {

struct owned_table_columns {
  std::vector<std::string> instruments, case_id;
  std::vector<std::int32_t> start, relapse, threshold, consecutive;
  std::vector<std::int32_t> s_case, s_day, a_case, a_instrument, a_day, a_total;
  std::vector<std::uint8_t> s_phase, s_attendance;

  /// The index of an instrument id, added at the end when new.
  std::int32_t instrument(const std::string& id) {
    auto it = std::find(instruments.begin(), instruments.end(), id);
    if (it == instruments.end()) it = instruments.insert(instruments.end(), id);
    return static_cast<std::int32_t>(it - instruments.begin());
  }

  table_columns view() const {
    return {instruments,
            {case_id, start, relapse, threshold, consecutive},
            {s_case, s_day, s_phase, s_attendance},
            {a_case, a_instrument, a_day, a_total}};
  }
};

/// The columns of `cases` from their tidy tables `t` (dates and scored totals as the export gives
/// them; the relapse rules, which the analysis tables do not carry, from the cases). Instruments
/// in the order the assessment rows name them.
inline owned_table_columns columns_of(const std::vector<case_record>& cases, const tidy_tables& t) {
  owned_table_columns o;
  for (const auto& a : t.assessments) o.instrument(a.instrument);
  for (std::size_t i = 0; i < cases.size(); ++i) {
    o.case_id.push_back(cases[i].case_id);
    o.start.push_back(day_number(cases[i].contract.start_date));
    const auto& m = cases[i].maintenance;
    const bool rule = m && m->relapse_rule;
    o.relapse.push_back(rule ? o.instrument(m->relapse_rule->instrument) : -1);
    o.threshold.push_back(rule ? m->relapse_rule->threshold : 0);
    o.consecutive.push_back(rule ? m->relapse_rule->consecutive : 0);
  }
  for (const auto& s : t.sessions) {
    o.s_case.push_back(static_cast<std::int32_t>(s.case_index));
    o.s_day.push_back(day_number(*s.date));
    o.s_phase.push_back(static_cast<std::uint8_t>(s.phase));
    o.s_attendance.push_back(static_cast<std::uint8_t>(s.attendance));
  }
  for (const auto& a : t.assessments) {
    o.a_case.push_back(static_cast<std::int32_t>(a.case_index));
    o.a_instrument.push_back(o.instrument(a.instrument));
    o.a_day.push_back(day_number(*a.date));
    o.a_total.push_back(a.total ? *a.total : cohort_columns::no_total);
  }
  return o;
}

}  // namespace iptkit::test
