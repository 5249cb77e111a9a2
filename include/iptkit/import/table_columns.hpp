#pragma once
/// @file
/// @brief The outcome form of a cohort (cohort_columns) straight from long tables held as columns
/// (numpy or Arrow arrays, an app's own vectors), without building a case: the columnar path for
/// a million cases and more. What it reads is checked; the rest of a case is not (import_tables
/// builds and checks whole cases).

#include <iptkit/catalog.hpp>
#include <iptkit/import/import_issue.hpp>
#include <iptkit/outcomes/cohort_columns.hpp>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include <string_view>
#include <optional>
#include <vector>

namespace iptkit {

/// @brief The cases table as columns, one entry per case.
struct case_table_columns {
  std::vector<std::string> case_id;        ///< identifiers, unique and non-empty
  std::span<const std::int32_t> start_day;  ///< contract start, days since 1970-01-01 (no_day: an error)
  /// @brief Each case's maintenance relapse rule: an index into table_columns::instruments, or -1
  /// for none. Empty: no case has one (then the two spans below are empty too).
  std::span<const std::int32_t> relapse_instrument;
  std::span<const std::int32_t> relapse_threshold;    ///< the rule's threshold
  std::span<const std::int32_t> relapse_consecutive;  ///< the rule's run length (>= 1)
};

/// @brief The sessions table as columns, one entry per session, a case's sessions in their order.
struct session_table_columns {
  std::span<const std::int32_t> case_position;  ///< the row's case: its position in the cases table
  std::span<const std::int32_t> day;            ///< session date, days since 1970-01-01
  std::span<const std::uint8_t> phase;          ///< an iptkit::phase value
  std::span<const std::uint8_t> attendance;     ///< an iptkit::attendance value
};

/// @brief The assessments table as columns, one entry per assessment.
struct assessment_table_columns {
  std::span<const std::int32_t> case_position;  ///< the row's case: its position in the cases table
  std::span<const std::int32_t> instrument;     ///< index into table_columns::instruments
  std::span<const std::int32_t> day;            ///< assessment date, days since 1970-01-01
  std::span<const std::int32_t> total;          ///< the scored total, or cohort_columns::no_total
};

/// @brief A cohort's three long tables as columns.
struct table_columns {
  std::vector<std::string> instruments;  ///< instrument ids that the instrument columns index
  case_table_columns cases;              ///< one entry per case
  session_table_columns sessions;        ///< one entry per session
  assessment_table_columns assessments;  ///< one entry per assessment
};

/// @brief The columns made, or every problem found (at most `max_errors`, then one issue saying
/// how many more there were).
struct cohort_columns_result {
  cohort_columns columns;            ///< empty when there are errors
  std::vector<import_issue> errors;  ///< kinds missing_column, duplicate_row, unmatched_row, invalid
  /// @brief True when nothing went wrong.
  [[nodiscard]] bool ok() const noexcept { return errors.empty(); }
};

/// @brief Makes the outcome columns of the tables: the same columns, case for case, that
/// cohort_columns::append() makes of the cases import_tables() builds from the same tables.
/// Checked: the columns' lengths; case ids unique and of the case format's form; every row's
/// case position; dates present and within the case format's years 0000-9999; a case's sessions in date order (the endpoint window is found
/// from the last acute session in that order); phase and attendance values; instruments that the
/// catalog defines, and totals within their range; relapse rules. Rows may come in any order of
/// cases; within a case they keep the tables' order. Never throws on bad input.
cohort_columns_result import_cohort_columns(table_columns tables, const catalog& cat = catalog::builtin(),
                                            std::size_t max_errors = 100);

/// @brief Case ids to their positions: an open-addressing hash table of positions into the ids
/// (no allocation per id). The ids must outlive it.
class case_lookup {
 public:
  /// @brief Indexes `case_id`; an id seen before keeps its first position.
  explicit case_lookup(const std::vector<std::string>& case_id);
  /// @brief The position of `id`, or -1.
  [[nodiscard]] std::int32_t find(std::string_view id) const noexcept;
  /// @brief The positions whose id repeats an earlier one.
  [[nodiscard]] const std::vector<std::size_t>& duplicates() const noexcept { return duplicates_; }

 private:
  const std::vector<std::string>* ids_;
  std::vector<std::int32_t> slots_;  // -1: empty
  std::size_t mask_ = 0;
  std::vector<std::size_t> duplicates_;
};

namespace detail {
/// @brief a == b, inline for the short ids of a table (one memcmp call per row costs more than
/// the comparison).
inline bool same_text(std::string_view a, std::string_view b) noexcept {
  const std::size_t n = a.size();
  if (n != b.size()) return false;
  if (n >= 8 && n <= 16) {
    std::uint64_t x[2], y[2];
    std::memcpy(&x[0], a.data(), 8);
    std::memcpy(&y[0], b.data(), 8);
    std::memcpy(&x[1], a.data() + n - 8, 8);
    std::memcpy(&y[1], b.data() + n - 8, 8);
    return ((x[0] ^ y[0]) | (x[1] ^ y[1])) == 0;
  }
  if (n < 8) {
    for (std::size_t i = 0; i < n; ++i)
      if (a[i] != b[i]) return false;
    return true;
  }
  return a == b;
}
}  // namespace detail

/// @brief For each of `rows` row keys, the position of the equal identifier in `case_id`
/// (`key(r)` gives row r's as a std::string_view, r increasing), or -1 when there is none. Rows of
/// one case are usually adjacent and in case order, so the previous row's case and the next case
/// are tried first; the hash table is built only when they miss.
template <class Key>
std::vector<std::int32_t> case_positions(const std::vector<std::string>& case_id, std::size_t rows, Key&& key) {
  std::optional<case_lookup> lookup;
  std::vector<std::int32_t> out(rows);
  std::int32_t last = -1;
  for (std::size_t r = 0; r < rows; ++r) {
    const std::string_view k = key(r);
    if (last >= 0 && detail::same_text(case_id[static_cast<std::size_t>(last)], k)) {
      out[r] = last;
      continue;
    }
    if (const auto next = static_cast<std::size_t>(last + 1); next < case_id.size() && detail::same_text(case_id[next], k)) {
      out[r] = last = static_cast<std::int32_t>(next);
      continue;
    }
    if (!lookup) lookup.emplace(case_id);
    out[r] = lookup->find(k);
    if (out[r] >= 0) last = out[r];
  }
  return out;
}

}  // namespace iptkit
