#pragma once
/// @file
/// @brief Per-case outcomes as columns: the rows of compute_outcomes(), one flat array per
/// quantity, with no string per row. For a million cases and more: the columns are filled by the
/// threads that compute them (nothing is allocated, constructed or freed per row), and they are
/// what numpy and streaming output want. The columns are derived from outcome_quantities through
/// outcome_cell, one mapping per row type (not per quantity).

#include <iptkit/detail/uninitialized.hpp>
#include <iptkit/outcomes/case_outcome.hpp>
#include <iptkit/outcomes/cohort_columns.hpp>
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

namespace iptkit {

/// @brief One column: a vector whose resize() leaves numbers uninitialised (to be filled).
template <class T>
using outcome_column = std::vector<T, detail::default_init_allocator<T>>;

/// @brief A cell type whose value `Missing` stands for an absent quantity.
template <class Cell, Cell Missing>
struct sentinel_cell {
  using type = Cell;                       ///< the column's element type
  static constexpr Cell missing = Missing;  ///< the absent value
  /// @brief True for the absent value.
  static constexpr bool is_missing(Cell c) noexcept { return c == Missing; }
};

/// @brief How a column holds a quantity of row type T (`type`, and for an optional T its
/// `missing` value and is_missing()). Left undefined so that a quantity of a new row type fails
/// to compile until it has a mapping here (and a column kind in the Python frame).
template <class T>
struct outcome_cell;

/// @brief A number, or INT32_MIN.
template <>
struct outcome_cell<std::optional<int>> : sentinel_cell<std::int32_t, std::numeric_limits<std::int32_t>::min()> {};
/// @brief A day number (since 1970-01-01), or cohort_columns::no_day.
template <>
struct outcome_cell<std::optional<date>> : sentinel_cell<std::int32_t, cohort_columns::no_day> {};
/// @brief A band: an index into outcome_columns::bands, or -1.
template <>
struct outcome_cell<std::optional<std::string>> : sentinel_cell<std::int32_t, -1> {};
/// @brief 0, 1 or -1.
template <>
struct outcome_cell<std::optional<bool>> : sentinel_cell<std::int8_t, -1> {};
/// @brief The enumerator's value, or 0xFF.
template <class E>
  requires std::is_enum_v<E>
struct outcome_cell<std::optional<E>> : sentinel_cell<std::uint8_t, 0xFF> {};
/// @brief A real number, or NaN.
template <>
struct outcome_cell<std::optional<double>> {
  using type = double;                                                   ///< the element type
  static constexpr double missing = std::numeric_limits<double>::quiet_NaN();  ///< the absent value
  /// @brief True for NaN.
  static bool is_missing(double c) noexcept { return std::isnan(c); }
};
/// @brief A count, never missing.
template <>
struct outcome_cell<int> {
  using type = std::int32_t;  ///< the element type
};
/// @brief 0 or 1, never missing.
template <>
struct outcome_cell<bool> {
  using type = std::uint8_t;  ///< the element type
};

/// @brief The form in which outcome_columns holds a quantity: a column of its cells.
struct outcome_column_form {
  /// @brief A quantity of row type T is held as a column of outcome_cell<T>::type.
  template <class T>
  using of = outcome_column<typename outcome_cell<T>::type>;
};

/// @brief The outcome rows as columns; row r of every column is row r of compute_outcomes(), in
/// the same order. There is one column per quantity of outcome_quantities, by the same name
/// (`columns.response[r]`); dates are day numbers (`baseline_date` holds days). Absent values are
/// sentinels: `no_value` for numbers, `cohort_columns::no_day` for days, `no_index` for the
/// instrument and the bands, `no_reason` for a status, a reason or a relapse kind (otherwise the
/// enumerator's value), `no_flag` for a yes/no (otherwise 0 or 1), NaN for `percent_change` and
/// `rci`. row() gives a row as a case_outcome.
struct outcome_columns : basic_outcome_quantities<outcome_column_form> {
  static constexpr std::int32_t no_value = outcome_cell<std::optional<int>>::missing;  ///< missing number
  static constexpr std::int32_t no_index = outcome_cell<std::optional<std::string>>::missing;  ///< no instrument or band
  static constexpr std::uint8_t no_reason = outcome_cell<std::optional<not_computed>>::missing;  ///< missing status, reason or kind
  static constexpr std::int8_t no_flag = outcome_cell<std::optional<bool>>::missing;  ///< missing yes/no

  std::vector<std::string> instruments;  ///< instrument ids (the cohort's, then `phq9+gad7`)
  std::vector<std::string> bands;        ///< band labels; `baseline_band`, `endpoint_band` index this

  outcome_column<std::uint32_t> case_index;  ///< position of the case in the input
  outcome_column<std::int32_t> instrument;   ///< index into instruments, or no_index

  /// @brief The number of rows.
  [[nodiscard]] std::size_t size() const noexcept { return case_index.size(); }
  /// @brief Row `r` as a case_outcome; `cohort` is the columns it was computed from (the case ids).
  [[nodiscard]] case_outcome row(std::size_t r, const cohort_columns& cohort) const;
};

}  // namespace iptkit
