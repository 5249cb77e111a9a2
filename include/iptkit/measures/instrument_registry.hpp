#pragma once
/// @file
/// @brief The instruments in force: PHQ-9, GAD-7, BDI-II, HAM-D-17, plus user-registered ones.

#include <iptkit/measures/instrument.hpp>
#include <iptkit/model/registry.hpp>

namespace iptkit {

/// @brief Instruments keyed by id. Start from with_builtins() and add a trial's own scales.
class instrument_registry : public registry<instrument> {
 public:
  /// @brief A registry holding the four built-in instruments of outcomes.md.
  static instrument_registry with_builtins();

  /// @brief The shared, immutable built-in registry (the default wherever one is optional).
  static const instrument_registry& builtin();
};

}  // namespace iptkit
