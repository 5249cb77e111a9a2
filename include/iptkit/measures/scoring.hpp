#pragma once
/// @file
/// @brief Scoring an assessment with its instrument.

#include <iptkit/measures/instrument.hpp>
#include <iptkit/model/assessment.hpp>
#include <cstdint>
#include <numeric>
#include <optional>

namespace iptkit {

/// @brief The sum of the item scores (in 64 bits: the items of a document are not bounded).
inline std::int64_t sum_of_items(const assessment& a) noexcept {
  return std::accumulate(a.items.begin(), a.items.end(), std::int64_t{0});
}

/// @brief The assessment's total: `total` when given, else the sum of a complete item list
/// (all `in->items` items; any non-empty list when the instrument is unknown) within
/// meta::score_limit, else nullopt.
inline std::optional<int> score_total(const assessment& a, const instrument* in) noexcept {
  if (a.total) return a.total;
  if (a.items.empty()) return std::nullopt;
  if (in && a.items.size() != static_cast<std::size_t>(in->items)) return std::nullopt;
  const auto sum = sum_of_items(a);
  if (sum < -meta::score_limit || sum > meta::score_limit) return std::nullopt;
  return static_cast<int>(sum);
}

}  // namespace iptkit
