#pragma once
/// @file
/// @brief How outcomes are computed (what they are computed against is the catalog).

namespace iptkit {

/// @brief How to compute outcomes: the instruments (scoring, bands, cut-offs) come from the
/// catalog, the last argument of every outcome function.
struct outcome_options {
  /// @brief Worker threads (1: the calling thread only); the result is identical for any count.
  unsigned threads = 1;
  /// @brief How long a remission must hold to count as recovery from the episode, in calendar
  /// months (4: Rush et al. 2006): a relapse rule firing before that is a relapse, after it a
  /// recurrence. One value for the whole analysis, so that arms are compared on one definition.
  /// 1-120; anything else is refused with std::invalid_argument.
  int recovery_period_months = 4;
};

}  // namespace iptkit
