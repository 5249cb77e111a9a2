#pragma once
/// @file
/// @brief The protocols in force: the built-in adaptation table, extended or overridden at run time.

#include <iptkit/model/protocol.hpp>
#include <iptkit/model/registry.hpp>

namespace iptkit {

/// @brief Protocols keyed by adaptation id. Start from with_builtins() and add a trial's own.
class protocol_registry : public registry<protocol> {
 public:
  /// @brief A registry holding the built-in adaptation table of domain.md.
  static protocol_registry with_builtins();

  /// @brief The shared, immutable built-in registry (the default wherever one is optional).
  static const protocol_registry& builtin();
};

}  // namespace iptkit
