#pragma once
/// @file
/// @brief The protocols in force: the built-in adaptation table, extended or overridden at run time.

#include <iptkit/model/protocol.hpp>
#include <string_view>
#include <vector>

namespace iptkit {

/// @brief An ordered set of protocols keyed by id. A value type: pass it where it is needed.
class protocol_registry {
 public:
  /// @brief An empty registry.
  protocol_registry() = default;

  /// @brief A registry holding the built-in adaptation table of domain.md.
  static protocol_registry with_builtins();

  /// @brief The shared, immutable built-in registry (the default wherever one is optional).
  static const protocol_registry& builtin();

  /// @brief Adds `p`, replacing a protocol with the same id (a trial's own manual overrides).
  void add(protocol p);

  /// @brief The protocol with this id, or nullptr.
  [[nodiscard]] const protocol* find(std::string_view id) const noexcept;

  /// @brief Every protocol, in the order added (built-ins first, in table order).
  [[nodiscard]] const std::vector<protocol>& protocols() const noexcept { return protocols_; }

  /// @brief Every id, in order.
  [[nodiscard]] std::vector<std::string_view> ids() const;

 private:
  std::vector<protocol> protocols_;
};

}  // namespace iptkit
