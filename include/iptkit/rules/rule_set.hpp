#pragma once
/// @file
/// @brief The rules in force: the built-in catalogue, with rules switched off, re-graded or added.

#include <iptkit/model/registry.hpp>
#include <iptkit/rules/rule.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace iptkit {

/// @brief Rules keyed by code, run in the order added. A value: copy it, change it, pass it in.
class rule_set : public registry<rule, &rule::code> {
 public:
  /// @brief The whole catalogue of rules.md, in catalogue order.
  static rule_set with_builtins();
  /// @brief The shared, immutable built-in catalogue.
  static const rule_set& builtin();

  /// @brief Removes the rule with this code, and its being switched off (a rule added later with
  /// this code runs); false when there is none. Unlike disable(), the code is then unknown here:
  /// enable() and set_severity() return false for it. Only this rule set changes, never builtin().
  bool remove(std::string_view code);
  /// @brief Switches a rule off; false when no rule has this code.
  bool disable(std::string_view code);
  /// @brief Switches a rule back on; false when no rule has this code.
  bool enable(std::string_view code);
  /// @brief Changes a rule's severity; false when no rule has this code.
  bool set_severity(std::string_view code, severity s);
  /// @brief True when a rule with this code exists and is on.
  [[nodiscard]] bool is_enabled(std::string_view code) const;
  /// @brief The rules that run, in order: those that are on and have a check (what validate()
  /// runs; one pass, no lookup by code).
  [[nodiscard]] std::vector<const rule*> enabled() const&;
  /// @brief Deleted: the pointers would outlive a temporary rule set.
  std::vector<const rule*> enabled() && = delete;

 private:
  std::vector<std::string> disabled_;
};

}  // namespace iptkit
