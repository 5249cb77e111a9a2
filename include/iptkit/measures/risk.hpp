#pragma once
/// @file
/// @brief What an assessment says about risk (self-harm, suicide): the one reading that rule
/// A007, progress() and the report all use.

#include <iptkit/measures/instrument.hpp>
#include <iptkit/model/assessment.hpp>
#include <algorithm>
#include <vector>

namespace iptkit {

/// @brief One risk item of an assessment that is above 0, or must be.
struct risk_signal {
  int item = 0;            ///< the risk item (1-based)
  int at_least = 0;        ///< its score (from the items), or the least it can be (from a total)
  bool from_total = false; ///< true when only the total was recorded and it exceeds what every
                           ///< other item can add up to, so the risk item is at least the difference
  friend bool operator==(const risk_signal&, const risk_signal&) = default;
};

/// @brief The risk items of `a` (an assessment of instrument `in`) that are above 0: from its
/// items when it has them; from its total when it has only a total above the most the other
/// items can reach (a PHQ-9 total of 25 or more means item 9 is at least 1). Empty when nothing
/// is known to be above 0, which is not the same as no risk: a total-only assessment at or
/// below that bound says nothing about the risk item.
inline std::vector<risk_signal> risk_signals(const assessment& a, const instrument& in) {
  std::vector<risk_signal> out;
  for (const int item : in.risk_items) {
    if (item < 1 || item > in.items) continue;  // checked before item - 1, which overflows at INT_MIN
    const auto k = static_cast<std::size_t>(item - 1);
    if (!a.items.empty()) {
      if (k < a.items.size() && a.items[k] > 0) out.push_back({item, a.items[k], false});
    } else if (a.total) {
      long others = 0;
      for (int j = 0; j < in.items; ++j)
        if (j != item - 1) others += item_max_of(in, static_cast<std::size_t>(j));
      // Never more than the item's own maximum, even for a total out of range (rule A004).
      if (*a.total > others)
        out.push_back({item, static_cast<int>(std::min<long>(*a.total - others, item_max_of(in, k))), true});
    }
  }
  return out;
}

}  // namespace iptkit
