#pragma once
/// @file
/// @brief A protocol finding: stable code, severity, JSON Pointer and a message naming the values.

#include <iptkit/meta/enum_printing.hpp>
#include <boost/describe.hpp>
#include <compare>
#include <iosfwd>
#include <cstddef>
#include <string>

namespace iptkit {

/// @brief How serious a finding is. `alert` is clinical risk a person should see now.
enum class severity { error, warning, alert };
BOOST_DESCRIBE_ENUM(severity, error, warning, alert)
IPTKIT_ENUM_PRINTING(severity)

/// @brief One result of validating a well-formed case against the IPT protocol (rules.md).
struct finding {
  std::string code;             ///< stable rule code, e.g. `F007`
  iptkit::severity severity{};  ///< error, warning or alert (after any override)
  std::string path;             ///< JSON Pointer to the value it is about; "" for the whole case
  std::string message;          ///< one sentence naming the values involved
  friend bool operator==(const finding&, const finding&) = default;
  /// @brief A total order for sorting and ordered containers: the members compared in
  /// declaration order. Not a ranking: sort by severity, or in
  /// document order (meta/pointer_order.hpp), as a report needs.
  friend auto operator<=>(const finding&, const finding&) = default;
};
BOOST_DESCRIBE_STRUCT(finding, (), (code, severity, path, message))

/// @brief `CODE severity path: message` on one line.
std::string to_string(const finding& f);
/// @brief Writes to_string(f).
std::ostream& operator<<(std::ostream& os, const finding& f);

}  // namespace iptkit

/// @brief Hashes every member, consistent with `==` (findings as keys of unordered containers).
template <>
struct std::hash<iptkit::finding> {
  /// @brief The hash of `f`.
  std::size_t operator()(const iptkit::finding& f) const noexcept;
};
