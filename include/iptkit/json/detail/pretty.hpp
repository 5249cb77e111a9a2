#pragma once
/// @file
/// @brief Internal: pretty printing of a Boost.JSON DOM in the project's canonical layout.

#include <boost/json/value.hpp>
#include <string>

namespace iptkit::json::detail {

/// @brief Two-space indent, one member per line, lists of scalars on one line, trailing newline.
std::string pretty_print(const boost::json::value& v);

}  // namespace iptkit::json::detail
