#pragma once
/// @file
/// @brief Scoring an assessment with its instrument.

#include <iptkit/measures/instrument.hpp>
#include <iptkit/model/assessment.hpp>
#include <numeric>
#include <optional>

namespace iptkit {

/// @brief The sum of the item scores.
inline int sum_of_items(const assessment& a) noexcept {
  return std::accumulate(a.items.begin(), a.items.end(), 0);
}

/// @brief The assessment's total: `total` when given, else the sum of a complete item list
/// (all `in->items` items; any non-empty list when the instrument is unknown), else nullopt.
inline std::optional<int> score_total(const assessment& a, const instrument* in) noexcept {
  if (a.total) return a.total;
  if (a.items.empty()) return std::nullopt;
  if (in && a.items.size() != static_cast<std::size_t>(in->items)) return std::nullopt;
  return sum_of_items(a);
}

}  // namespace iptkit
