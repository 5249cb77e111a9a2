#pragma once
/// @file
/// @brief A protocol rule: code, default severity, what it checks, and the check itself.

#include <iptkit/measures/instrument_registry.hpp>
#include <iptkit/model/case_record.hpp>
#include <iptkit/model/protocol.hpp>
#include <iptkit/rules/finding.hpp>
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace iptkit {

/// @brief What a rule sees: the case, its protocol and instruments, and facts derived once.
struct rule_context {
  const case_record& c;                       ///< the case being validated
  const iptkit::protocol* protocol;           ///< its adaptation's protocol; nullptr if unregistered
  const instrument_registry& instruments;     ///< instruments in force
  std::vector<std::size_t> acute;             ///< indices of acute sessions, document order
  bool course_ended = false;                  ///< the last acute session is a termination session
                                              ///< numbered at or past the planned count
  std::optional<int> first_middle_number;     ///< number of the first middle-phase session
  /// @brief The instrument of each assessment (same index), nullptr for an id `instruments`
  /// lacks: looked up once per case rather than by every assessment rule.
  std::vector<const instrument*> instrument_of;

  /// @brief Derives the shared facts.
  rule_context(const case_record& c, const iptkit::protocol* p, const instrument_registry& i);

  /// @brief The protocol's focus model; IPT's problem areas when the adaptation is not registered.
  [[nodiscard]] iptkit::focus_model focus_model() const noexcept {
    return protocol ? protocol->focus_model : focus_model::ipt_areas;
  }
};

/// @brief Where a rule found something, and what (code and severity come from the rule).
struct rule_hit {
  std::string path;      ///< JSON Pointer
  std::string message;   ///< one sentence naming the values involved
};

/// @brief A rule. Built-in codes are stable; user rules pick their own (e.g. `X001`).
struct rule {
  std::string code;                 ///< stable code
  iptkit::severity severity{};      ///< default severity
  std::string title;                ///< what it checks, one line
  std::function<void(const rule_context&, std::vector<rule_hit>&)> check;  ///< appends hits
  /// @brief Also run on cases of a comparator protocol (protocol_kind::comparator). On by default,
  /// so that a rule a trial adds never skips its control arm unseen; the built-in IPT protocol
  /// rules (contract, phases, formulation, adaptation) switch it off, the ones that hold in any arm
  /// (session numbering and dates, the measures with the risk alerts, maintenance) keep it.
  bool comparator_arms = true;
};

}  // namespace iptkit
