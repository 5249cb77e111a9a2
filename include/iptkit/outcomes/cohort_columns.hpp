#pragma once
/// @file
/// @brief The columnar form of a cohort that outcomes are computed on: a few flat arrays per case
/// and per assessment, so that a million cases compute in one pass without per-case allocation.

#include <iptkit/catalog.hpp>
#include <iptkit/outcomes/outcome_options.hpp>
#include <iptkit/model/case_record.hpp>
#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <vector>

namespace iptkit {

/// @brief A cohort as columns. Days count from 1970-01-01. Assessments of case i are the rows
/// `offset[i] .. offset[i+1]-1` of the assessment columns, in any order.
struct cohort_columns {
  static constexpr std::int32_t no_day = std::numeric_limits<std::int32_t>::min();  ///< missing day
  static constexpr std::int32_t no_total = std::numeric_limits<std::int32_t>::min();  ///< unscorable

  std::vector<std::string> instruments;           ///< instrument ids; `instrument` indexes this
  // Per case.
  std::vector<std::string> case_id;               ///< identifiers
  std::vector<std::int32_t> start_day;            ///< contract start
  std::vector<std::int32_t> first_attended_day;   ///< first attended session, or no_day
  std::vector<std::int32_t> last_acute_day;       ///< last acute session (any attendance), or no_day
  std::vector<std::int32_t> attended;             ///< attended acute sessions
  std::vector<std::int32_t> cancelled;            ///< cancelled acute sessions
  std::vector<std::int32_t> no_show;              ///< missed acute sessions
  std::vector<std::uint8_t> completer;            ///< attended a termination-phase session
  std::vector<std::int32_t> relapse_instrument;   ///< index into instruments, or -1
  std::vector<std::int32_t> relapse_threshold;    ///< the rule's threshold
  std::vector<std::int32_t> relapse_consecutive;  ///< the rule's run length
  std::vector<std::uint32_t> offset;              ///< size cases + 1
  // Per assessment.
  std::vector<std::int32_t> instrument;           ///< index into instruments
  std::vector<std::int32_t> day;                  ///< date
  std::vector<std::int32_t> total;                ///< total score, or no_total

  /// @brief The number of cases.
  [[nodiscard]] std::size_t size() const noexcept { return case_id.size(); }
  /// @brief Appends one case (its scorable totals via the catalog's instruments).
  void append(const case_record& c, const catalog& cat = catalog::builtin());
};

/// @brief The columns of a cohort of cases. With `options.threads` > 1 the cases are split across
/// threads; the columns are the same as with one thread (instrument ids in order of first appearance).
cohort_columns to_columns(std::span<const case_record> cases, const outcome_options& options = {},
                          const catalog& cat = catalog::builtin());

/// @brief Days since 1970-01-01.
inline std::int32_t day_number(date d) noexcept {
  return static_cast<std::int32_t>(std::chrono::sys_days{d}.time_since_epoch().count());
}

/// @brief The date of a day number.
inline date from_day_number(std::int32_t day) noexcept {
  return date{std::chrono::sys_days{std::chrono::days{day}}};
}

}  // namespace iptkit
