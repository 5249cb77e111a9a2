#pragma once
/// @file
/// @brief The one rule for quoting a value of a case in a message: a short excerpt, never more
/// (docs/privacy.md). Reading errors and protocol findings both quote through it.

#include <cstddef>
#include <string>
#include <string_view>

namespace iptkit::detail {

/// @brief The most bytes of a value a message quotes; a longer value is cut and gets "...".
inline constexpr std::size_t max_excerpt_bytes = 32;

/// @brief The first max_excerpt_bytes bytes of `s`, cut back to a whole UTF-8 character, with
/// "..." when anything was left out. Not quoted or escaped.
inline std::string excerpt(std::string_view s) {
  if (s.size() <= max_excerpt_bytes) return std::string(s);
  std::size_t n = max_excerpt_bytes;
  // Back over continuation bytes (10xxxxxx) so a multi-byte character is never split.
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return std::string(s.substr(0, n)) + "...";
}

/// @brief `excerpt(s)` as a JSON string: in double quotes, with `"`, backslash and control characters
/// escaped, so that a value can neither break a message apart nor drive a terminal.
inline std::string quoted_excerpt(std::string_view s) {
  static constexpr char hex[] = "0123456789abcdef";
  std::string out = "\"";
  for (const char ch : excerpt(s)) {
    const auto u = static_cast<unsigned char>(ch);
    if (ch == '"' || ch == '\\') {
      out += '\\';
      out += ch;
    } else if (u < 0x20 || u == 0x7F) {
      out += "\\u00";
      out += hex[u >> 4];
      out += hex[u & 0xF];
    } else {
      out += ch;
    }
  }
  return out + "\"";
}

}  // namespace iptkit::detail
