#pragma once
/// @file
/// @brief Structural errors of a document: JSON Pointer path, kind and message (case-format.md).

#include <iptkit/meta/enum_printing.hpp>
#include <boost/describe.hpp>
#include <compare>
#include <iosfwd>
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
IPTKIT_ENUM_PRINTING(error_kind)

/// @brief One structural error (or, in lax mode, a warning) found while reading.
///
/// `line` and `column` place it in the whole input that was read (a file, a JSON Lines stream,
/// a JSON array, one document), 1-based, the column counted in bytes from the start of its line;
/// a UTF-8 byte order mark at the very start is not counted. What they point at depends on the
/// kind (docs/case-format.md, "Where an error is"): for `syntax` and for a limit hit while
/// parsing, the byte where parsing stopped; for any other kind, the first byte of the value at
/// `path` or, when that value is missing, of the deepest object or list on `path` that exists.
/// A document too large to be read has no column; its line is its JSON Lines line, if any.
/// The message never repeats the location.
struct read_error {
  std::string path;                  ///< JSON Pointer (RFC 6901) to the offending value
  error_kind kind{};                 ///< what went wrong
  std::string message;               ///< what was expected and what was found
  std::optional<std::size_t> line;   ///< 1-based line in the input, when known
  std::optional<std::size_t> column; ///< 1-based byte column on `line`, when known
  friend bool operator==(const read_error&, const read_error&) = default;
  /// @brief A total order for sorting and ordered containers: the members compared in
  /// declaration order. The path is compared as
  /// text, which is not document order (`/sessions/10` before `/sessions/2`): for that, see
  /// meta/pointer_order.hpp.
  friend auto operator<=>(const read_error&, const read_error&) = default;
};
BOOST_DESCRIBE_STRUCT(read_error, (), (path, kind, message, line, column))

/// @brief `line L, column C: path: message (kind)` on one line; the location as far as known.
std::string to_string(const read_error& e);
/// @brief Writes to_string(e).
std::ostream& operator<<(std::ostream& os, const read_error& e);

/// @brief `line L, column C`, `line L` or "" (no location): how every front end writes it.
std::string location_text(const read_error& e);

/// @brief `e` moved into a larger input in which the text it was read from starts at `line`,
/// `column`: an error with a location is shifted by it, one without gets `line` (the column
/// stays unknown).
void place(read_error& e, std::size_t line, std::size_t column);

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

/// @brief Hashes every member, consistent with `==`.
template <>
struct std::hash<iptkit::read_error> {
  /// @brief The hash of `e`.
  std::size_t operator()(const iptkit::read_error& e) const noexcept;
};
