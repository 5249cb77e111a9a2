#pragma once
/// @file
/// @brief Per-case outcomes as columns: the rows of compute_outcomes(), one flat array per
/// quantity, with no string per row. For a million cases and more: the columns are filled by the
/// threads that compute them (nothing is allocated, constructed or freed per row), and they are
/// what numpy and streaming output want.

#include <iptkit/detail/uninitialized.hpp>
#include <iptkit/outcomes/case_outcome.hpp>
#include <iptkit/outcomes/cohort_columns.hpp>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace iptkit {

/// @brief One column: a vector whose resize() leaves numbers uninitialised (to be filled).
template <class T>
using outcome_column = std::vector<T, detail::default_init_allocator<T>>;

/// @brief The outcome rows as columns; row r of every column is row r of compute_outcomes(), in
/// the same order. Absent values are sentinels: `no_value` for numbers, `cohort_columns::no_day`
/// for days, `no_index` for the instrument and the bands, `no_reason` for a status, a reason or
/// a relapse kind (otherwise the enumerator's value), `no_flag` for a yes/no (otherwise 0 or 1),
/// NaN for `percent_change` and `rci`. row() gives a row as a case_outcome.
struct outcome_columns {
  static constexpr std::int32_t no_value = std::numeric_limits<std::int32_t>::min();  ///< missing number
  static constexpr std::int32_t no_index = -1;    ///< no instrument (no scorable assessment) or no band
  static constexpr std::uint8_t no_reason = 0xFF;  ///< missing status, reason or relapse kind
  static constexpr std::int8_t no_flag = -1;      ///< missing yes/no

  std::vector<std::string> instruments;  ///< instrument ids (the cohort's, then `phq9+gad7`)
  std::vector<std::string> bands;        ///< band labels; `baseline_band`, `endpoint_band` index this

  outcome_column<std::uint32_t> case_index;              ///< position of the case in the input
  outcome_column<std::int32_t> instrument;               ///< index into instruments, or no_index
  outcome_column<std::uint8_t> status;                   ///< not_computed or no_reason
  outcome_column<std::int32_t> baseline;                 ///< total or no_value
  outcome_column<std::int32_t> baseline_day;             ///< day number or no_day
  outcome_column<std::int32_t> baseline_band;            ///< index into bands or no_index
  outcome_column<std::int32_t> endpoint;                 ///< total or no_value
  outcome_column<std::int32_t> endpoint_day;             ///< day number or no_day
  outcome_column<std::int32_t> endpoint_band;            ///< index into bands or no_index
  outcome_column<std::int32_t> change;                   ///< endpoint - baseline or no_value
  outcome_column<double> percent_change;                 ///< or NaN
  outcome_column<std::uint8_t> percent_change_reason;    ///< not_computed or no_reason
  outcome_column<std::int8_t> response;                  ///< 0, 1 or no_flag
  outcome_column<std::uint8_t> response_reason;          ///< not_computed or no_reason
  outcome_column<std::int8_t> remission;                 ///< 0, 1 or no_flag
  outcome_column<std::uint8_t> remission_reason;         ///< not_computed or no_reason
  outcome_column<double> rci;                            ///< or NaN
  outcome_column<std::int8_t> reliable_improvement;      ///< 0, 1 or no_flag
  outcome_column<std::int8_t> reliable_deterioration;    ///< 0, 1 or no_flag
  outcome_column<std::uint8_t> reliable_change_reason;   ///< not_computed or no_reason
  outcome_column<std::int8_t> baseline_caseness;         ///< 0, 1 or no_flag
  outcome_column<std::int8_t> endpoint_caseness;         ///< 0, 1 or no_flag
  outcome_column<std::uint8_t> caseness_reason;          ///< not_computed or no_reason
  outcome_column<std::int8_t> recovery;                  ///< 0, 1 or no_flag
  outcome_column<std::int8_t> reliable_recovery;         ///< 0, 1 or no_flag
  outcome_column<std::uint8_t> recovery_reason;          ///< not_computed or no_reason
  outcome_column<std::int8_t> relapsed;                  ///< 0, 1 or no_flag
  outcome_column<std::int32_t> relapse_day;              ///< day number or no_day
  outcome_column<std::uint8_t> relapse_kind;             ///< relapse_kind or no_reason
  outcome_column<std::uint8_t> relapse_reason;           ///< not_computed or no_reason
  outcome_column<std::int32_t> sessions_attended;        ///< attended acute sessions
  outcome_column<std::int32_t> sessions_cancelled;       ///< cancelled acute sessions
  outcome_column<std::int32_t> sessions_no_show;         ///< missed acute sessions
  outcome_column<std::uint8_t> completer;                ///< 0 or 1
  outcome_column<std::uint8_t> finished_treatment;       ///< 0 or 1

  /// @brief The number of rows.
  [[nodiscard]] std::size_t size() const noexcept { return case_index.size(); }
  /// @brief Row `r` as a case_outcome; `cohort` is the columns it was computed from (the case ids).
  [[nodiscard]] case_outcome row(std::size_t r, const cohort_columns& cohort) const;
};

}  // namespace iptkit
