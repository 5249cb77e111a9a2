#pragma once
/// @file
/// @brief Internal: JSON text to a Boost.JSON DOM, reporting syntax errors, duplicate keys and
/// exceeded limits.

#include <iptkit/json/read_error.hpp>
#include <iptkit/json/read_options.hpp>
#include <boost/json/value.hpp>
#include <cstddef>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace iptkit::json::detail {

/// @brief What a text is read as: one case document, or a cohort's JSON array of cases (whose
/// size limit is max_cohort_bytes, whose own length is not limited, and whose elements may
/// nest max_depth deep below it).
enum class text_kind { document, cohort_array };

/// @brief Parses `text` within the limits of `options`. Duplicate keys are appended to `errors`
/// (the DOM keeps the last one) and parsing goes on; a syntax error or an exceeded limit appends
/// one error and returns nullopt.
std::optional<boost::json::value> parse_dom(std::string_view text, const read_options& options,
                                            std::vector<read_error>& errors,
                                            text_kind kind = text_kind::document);

/// @brief The size limit of a text of this kind.
std::size_t max_bytes(const read_options& options, text_kind kind) noexcept;

/// @brief The error for a text larger than its limit (path "", the whole document).
read_error too_large(std::size_t size, std::size_t limit);

/// @brief `text` without a UTF-8 byte order mark at its very start, which is ignored (RFC 8259,
/// section 8.1 allows it; editors on Windows write one). Anywhere else it is a syntax error.
constexpr std::string_view strip_bom(std::string_view text) noexcept {
  return text.substr(0, 3) == "\xEF\xBB\xBF" ? text.substr(3) : text;
}

/// @brief The 1-based line and column of a byte offset of `text`.
std::pair<std::size_t, std::size_t> line_column(std::string_view text, std::size_t offset);

/// @brief An error to locate in a text, and the JSON Pointer of its value in that text (the
/// error's own path, with the pointer of its case in front when the text is a cohort's array).
struct error_target {
  read_error* error;
  std::string pointer;
};

/// @brief Gives each target without a line the line and column of the first byte of its value in
/// `text` or, when that value does not exist (a missing field), of its deepest existing
/// container; the last one when a key is repeated (the value read). One pass over `text`,
/// descending only into values on a target's path; a text that is not valid JSON is scanned up
/// to where it breaks, and a target not reached keeps no location. Called only for documents
/// with errors: valid documents never pay for it.
void locate(std::string_view text, std::vector<error_target>& targets);

/// @brief locate() for the errors of one document: each error's pointer is its path.
void locate(std::string_view text, std::vector<read_error>& errors);

/// @brief The top-level elements of a JSON array text, found by brackets and quotes alone: no
/// value is parsed or stored, so any input is scanned in one pass with no recursion. nullopt
/// unless the text (after a byte order mark and whitespace) is `[` ... `]` with nothing after it
/// but whitespace. Each element may still be invalid JSON; reading it says so.
std::optional<std::vector<std::string_view>> array_elements(std::string_view text);

/// @brief Appends `token` to a JSON Pointer with RFC 6901 escaping (`~` -> `~0`, `/` -> `~1`).
void append_pointer_token(std::string& pointer, std::string_view token);

/// @brief A short rendering of a JSON value for messages: `"stalemate"`, `1.5`, `an object`.
/// A string is cut to a short excerpt (detail::excerpt); with `redact`, no value is shown at
/// all, only what kind of value it is (`a string`, `an integer`).
std::string describe_found(const boost::json::value& v, bool redact);

/// @brief describe_found() of a string value, without building a JSON value for it.
std::string describe_string(std::string_view s, bool redact);

}  // namespace iptkit::json::detail
