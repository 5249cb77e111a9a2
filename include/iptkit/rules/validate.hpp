#pragma once
/// @file
/// @brief Validation of cases against the IPT protocol: every finding, in document order.

#include <iptkit/catalog.hpp>
#include <iptkit/model/case_record.hpp>
#include <iptkit/rules/finding.hpp>
#include <span>
#include <string_view>
#include <vector>

namespace iptkit {

/// @brief How to validate. What against (protocols, instruments, the rules and their
/// severities) is the catalog, the last argument.
struct validation_options {
  /// @brief Each finding's message is its rule's title, which names no value of the case
  /// (docs/privacy.md); the code, severity and path are unchanged.
  bool redact = false;
  /// @brief Worker threads for validate_cohort() (1: the calling thread only). User rules then
  /// run on worker threads too.
  unsigned threads = 1;
};

/// @brief The code of a structural finding: the case is not well formed (check()), as a case
/// built in code can be. Not a rule of the catalogue: it cannot be switched off or re-graded.
inline constexpr std::string_view structural_code = "S001";

/// @brief Every finding for a case, in document order (ties in catalogue order). A case that is
/// not well formed (check(): what reading its JSON would reject, as a case built in code can be)
/// also gets one `S001` error per structural error, with the reader's path and message, before
/// the rules' findings at the same pointer.
/// Deterministic; built-in rules never throw (a user rule's exception propagates).
std::vector<finding> validate(const case_record& c, const validation_options& options = {},
                              const catalog& cat = catalog::builtin());

/// @brief validate() for each case. With `options.threads` > 1 the cases are split across
/// threads; the result is the same, in the same order, as with one thread.
std::vector<std::vector<finding>> validate_cohort(std::span<const case_record> cases,
                                                  const validation_options& options = {},
                                                  const catalog& cat = catalog::builtin());

}  // namespace iptkit
