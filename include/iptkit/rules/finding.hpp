#pragma once
/// @file
/// @brief A protocol finding: stable code, severity, JSON Pointer and a message naming the values.

#include <boost/describe.hpp>
#include <string>

namespace iptkit {

/// @brief How serious a finding is. `alert` is clinical risk a person should see now.
enum class severity { error, warning, alert };
BOOST_DESCRIBE_ENUM(severity, error, warning, alert)

/// @brief One result of validating a well-formed case against the IPT protocol (rules.md).
struct finding {
  std::string code;             ///< stable rule code, e.g. `F007`
  iptkit::severity severity{};  ///< error, warning or alert (after any override)
  std::string path;             ///< JSON Pointer to the value it is about; "" for the whole case
  std::string message;          ///< one sentence naming the values involved
  friend bool operator==(const finding&, const finding&) = default;
};
BOOST_DESCRIBE_STRUCT(finding, (), (code, severity, path, message))

/// @brief `CODE severity path: message` on one line.
std::string to_string(const finding& f);

}  // namespace iptkit
