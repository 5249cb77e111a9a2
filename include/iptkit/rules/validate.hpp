#pragma once
/// @file
/// @brief Validation of cases against the IPT protocol: every finding, in document order.

#include <iptkit/measures/instrument_registry.hpp>
#include <iptkit/model/case_record.hpp>
#include <iptkit/model/protocol_registry.hpp>
#include <iptkit/rules/finding.hpp>
#include <iptkit/rules/rule_set.hpp>
#include <span>
#include <string_view>
#include <vector>

namespace iptkit {

/// @brief What to validate against; nullptr members mean the built-in defaults.
struct validation_options {
  const protocol_registry* protocols = nullptr;      ///< adaptation parameters
  const instrument_registry* instruments = nullptr;  ///< instruments (assessment rules)
  const iptkit::rule_set* rules = nullptr;           ///< which rules, at which severity
  /// @brief Each finding's message is its rule's title, which names no value of the case
  /// (docs/privacy.md); the code, severity and path are unchanged.
  bool redact = false;
};

/// @brief The code of a structural finding: the case is not well formed (check()), as a case
/// built in code can be. Not a rule of the catalogue: it cannot be switched off or re-graded.
inline constexpr std::string_view structural_code = "S001";

/// @brief Every finding for a case, in document order (ties in catalogue order). A case that is
/// not well formed (check(): what reading its JSON would reject, as a case built in code can be)
/// also gets one `S001` error per structural error, with the reader's path and message, before
/// the rules' findings at the same pointer.
/// Deterministic; built-in rules never throw (a user rule's exception propagates).
std::vector<finding> validate(const case_record& c, const validation_options& options = {});

/// @brief validate() for each case. With `threads` > 1 the cases are split across threads; the
/// result is the same, in the same order, as with one thread.
std::vector<std::vector<finding>> validate_cohort(std::span<const case_record> cases,
                                                  const validation_options& options = {},
                                                  unsigned threads = 1);

}  // namespace iptkit
