#pragma once
/// @file
/// @brief Internal: JSON text to a Boost.JSON DOM, reporting syntax errors and duplicate keys.

#include <iptkit/json/read_error.hpp>
#include <boost/json/value.hpp>
#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace iptkit::json::detail {

/// @brief Parses `text`. Duplicate keys are appended to `errors` (the DOM keeps the last one) and
/// parsing goes on; a syntax error or a nesting deeper than `max_depth` appends one error and
/// returns nullopt.
std::optional<boost::json::value> parse_dom(std::string_view text, std::size_t max_depth,
                                            std::vector<read_error>& errors);

/// @brief Appends `token` to a JSON Pointer with RFC 6901 escaping (`~` -> `~0`, `/` -> `~1`).
void append_pointer_token(std::string& pointer, std::string_view token);

/// @brief A short, quoted rendering of a JSON value for messages: `"stalemate"`, `1.5`, `an object`.
std::string describe_found(const boost::json::value& v);

}  // namespace iptkit::json::detail
