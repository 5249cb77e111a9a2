#pragma once
/// @file
/// @brief How outcomes are computed (what they are computed against is the catalog).

namespace iptkit {

/// @brief How to compute outcomes: the instruments (scoring, bands, cut-offs) come from the
/// catalog, the last argument of every outcome function.
struct outcome_options {
  /// @brief Worker threads (1: the calling thread only); the result is identical for any count.
  unsigned threads = 1;
};

}  // namespace iptkit
