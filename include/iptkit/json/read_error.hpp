#pragma once
/// @file
/// @brief Structural errors of a document: JSON Pointer path, kind and message (case-format.md).

#include <boost/describe.hpp>
#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace iptkit {

/// @brief The kinds of structural error; the spellings are the public contract.
enum class error_kind {
  syntax, missing_field, unknown_field, wrong_type, bad_enum, out_of_range, bad_date, bad_format,
  duplicate_key, duplicate_id, limit_exceeded, unsupported_schema
};
BOOST_DESCRIBE_ENUM(error_kind, syntax, missing_field, unknown_field, wrong_type, bad_enum,
                    out_of_range, bad_date, bad_format, duplicate_key, duplicate_id,
                    limit_exceeded, unsupported_schema)

/// @brief One structural error (or, in lax mode, a warning) found while reading.
struct read_error {
  std::string path;                  ///< JSON Pointer (RFC 6901) to the offending value
  error_kind kind{};                 ///< what went wrong
  std::string message;               ///< what was expected and what was found
  std::optional<std::size_t> line;   ///< 1-based line of a JSON Lines input
  friend bool operator==(const read_error&, const read_error&) = default;
};
BOOST_DESCRIBE_STRUCT(read_error, (), (path, kind, message, line))

/// @brief `path: message (kind)` on one line, with the line number when known.
std::string to_string(const read_error& e);

/// @brief Thrown by the throwing conveniences; carries every error of the document.
class decode_error : public std::runtime_error {
 public:
  /// @brief Wraps the errors; what() lists them one per line.
  explicit decode_error(std::vector<read_error> errors);
  /// @brief Every structural error, in document order.
  [[nodiscard]] const std::vector<read_error>& errors() const noexcept { return errors_; }

 private:
  std::vector<read_error> errors_;
};

}  // namespace iptkit
