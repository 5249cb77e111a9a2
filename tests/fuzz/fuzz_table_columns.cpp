// Fuzz target: long tables held as columns (import_cohort_columns, case_positions). The input's
// bytes choose the tables' sizes and every value: case ids from a small pool (duplicates, an empty
// and a malformed one), rows of cases that do not exist, days at the edges of int32, unknown
// phase and attendance codes, instruments the catalog lacks, totals beyond every range, relapse
// rules. The importer never throws; every error names a table; a success gives columns whose
// shape holds, and the outcomes compute on them.
#include <iptkit/import/table_columns.hpp>
#include <iptkit/outcomes/outcome_columns.hpp>
#include <iptkit/outcomes/outcomes.hpp>

#include "../table_columns_support.hpp"
#include "fuzz_support.hpp"

#include <limits>

namespace {

// The next byte of the input, 0 once it is used up.
struct bytes {
  const std::uint8_t* data;
  std::size_t size;
  std::size_t at = 0;
  std::uint8_t next() noexcept { return at < size ? data[at++] : 0; }
  std::int32_t day() noexcept {
    switch (next() % 8) {
      case 0: return iptkit::cohort_columns::no_day;
      case 1: return std::numeric_limits<std::int32_t>::max();
      default: return 20000 + (next() % 64) - 32;
    }
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace iptkit;
  bytes in{data, size};
  static const std::vector<std::string> ids{"A", "B", "C", "A", "", "x y", "D-1"};
  static const std::vector<std::string> instrument_ids{"phq9", "gad7", "bdi2", "hamd17", "PHQ-9"};
  const std::size_t n = in.next() % 6, sessions = in.next() % 24, assessments = in.next() % 24;
  const auto n_instruments = static_cast<std::int32_t>(in.next() % 4);
  test::owned_table_columns t;
  for (std::int32_t k = 0; k < n_instruments; ++k) t.instruments.push_back(instrument_ids[in.next() % instrument_ids.size()]);
  const bool rules = in.next() % 2;
  for (std::size_t i = 0; i < n; ++i) {
    t.case_id.push_back(ids[in.next() % ids.size()]);
    t.start.push_back(in.day());
    if (rules) {
      t.relapse.push_back(static_cast<std::int32_t>(in.next() % (n_instruments + 2)) - 1);
      t.threshold.push_back(static_cast<std::int32_t>(in.next()) - 10);
      t.consecutive.push_back(static_cast<std::int32_t>(in.next() % 4) - 1);
    }
  }
  // Row keys as ids, joined by case_positions; some name no case.
  const auto positions = [&](std::size_t rows) {
    std::vector<std::string> keys;
    for (std::size_t r = 0; r < rows; ++r) keys.push_back(ids[in.next() % ids.size()]);
    return case_positions(t.case_id, rows, [&](std::size_t r) { return std::string_view(keys[r]); });
  };
  t.s_case = positions(sessions);
  for (std::size_t s = 0; s < sessions; ++s) {
    t.s_day.push_back(in.day());
    t.s_phase.push_back(in.next() % 6);
    t.s_attendance.push_back(in.next() % 5);
  }
  t.a_case = positions(assessments);
  for (std::size_t a = 0; a < assessments; ++a) {
    t.a_instrument.push_back(static_cast<std::int32_t>(in.next() % (n_instruments + 2)) - 1);
    t.a_day.push_back(in.day());
    const auto total = in.next();
    t.a_total.push_back(total == 255 ? cohort_columns::no_total : static_cast<std::int32_t>(total % 80) - 10);
  }
  // A column one short, sometimes.
  if (in.next() % 16 == 0 && !t.a_day.empty()) t.a_day.pop_back();
  const std::size_t limit = 1 + in.next() % 8;

  const auto r = import_cohort_columns(t.view(), catalog::builtin(), limit);
  fuzz::check(r.errors.size() <= limit + 1, "more errors than the limit and its summary");
  for (const auto& e : r.errors) {
    fuzz::check(e.source.empty() || e.source == "cases" || e.source == "sessions" || e.source == "assessments",
                "an error names no table");
    fuzz::check(!to_string(e).empty(), "an error renders empty");
  }
  if (!r.ok()) {
    fuzz::check(r.columns.size() == 0, "columns alongside errors");
    return 0;
  }
  const auto& c = r.columns;
  fuzz::check(c.size() == n && c.offset.size() == n + 1 && c.offset.back() == c.total.size(), "columns out of shape");
  for (std::size_t i = 0; i < n; ++i) fuzz::check(c.offset[i] <= c.offset[i + 1], "offsets go back");
  for (const auto k : c.instrument)
    fuzz::check(k >= 0 && static_cast<std::size_t>(k) < c.instruments.size(), "an instrument index out of range");
  const auto rows = compute_outcomes(c);
  for (const auto& row : rows) fuzz::check(row.case_index < n, "an outcome row of no case");
  fuzz::check(compute_outcome_columns(c).size() == rows.size(), "the two outcome forms disagree on their rows");
  return 0;
}
