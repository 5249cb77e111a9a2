#pragma once
/// @file
/// @brief How strictly to read, and the limits that keep hostile input from exhausting memory.

#include <boost/describe/class.hpp>
#include <cstddef>
#include <cstdint>
#include <limits>

namespace iptkit {

/// @brief The limits that keep hostile input from exhausting memory: every limit exceeded is one
/// `limit_exceeded` error at the JSON Pointer of the value that exceeded it (docs/reliability.md,
/// "Hostile input"). Described, so that Python's `ReadLimits` is generated from this list.
struct read_limits {
  /// @brief Deepest nesting of arrays and objects accepted (`limit_exceeded` beyond). A case
  /// nests 5 deep. Values above max_depth_ceiling count as max_depth_ceiling.
  std::size_t max_depth = 64;
  /// @brief Largest case document, in bytes: a single document or one JSON Lines line (the line
  /// reader stops storing a longer line and skips to its end).
  std::size_t max_document_bytes = std::size_t{64} << 20;  // 64 MiB
  /// @brief Longest string or key, in bytes of UTF-8 after unescaping.
  std::size_t max_string_bytes = std::size_t{1} << 20;  // 1 MiB
  /// @brief Most elements of one list, or members of one object, inside a case.
  std::size_t max_list_length = 100'000;
  /// @brief Largest cohort read whole (a JSON array of cases, or a cohort text in memory), in
  /// bytes. Its array of cases is not held to max_list_length; each case is held to the rest.
  /// A streamed JSON Lines file has no total limit (memory does not grow with it).
  std::size_t max_cohort_bytes =
      sizeof(std::size_t) >= 8 ? static_cast<std::size_t>(std::uint64_t{4} << 30)  // 4 GiB
                               : std::numeric_limits<std::size_t>::max();

  /// @brief Member-wise equality.
  friend bool operator==(const read_limits&, const read_limits&) = default;
};
BOOST_DESCRIBE_STRUCT(read_limits, (), (max_depth, max_document_bytes, max_string_bytes, max_list_length,
                                        max_cohort_bytes))

/// @brief How strictly to read: the limits, plus lax and redacted reading. What a case may name
/// (its adaptation's protocol) comes from the catalog every reader takes as its last argument.
struct read_options : read_limits {
  /// @brief Unknown fields become warnings and are ignored (default: they are errors).
  bool lax = false;
  /// @brief Messages name no value of the document at all (docs/privacy.md); paths remain.
  bool redact = false;
};

/// @brief The deepest nesting any reader accepts, whatever max_depth says. Destroying a parsed
/// tree and converting Python values recurse once per level; 10,000 levels are tested to fit a
/// default thread stack, while unbounded depth could exhaust it (docs/reliability.md).
inline constexpr std::size_t max_depth_ceiling = 10'000;

/// @brief The nesting limit in force: `o.max_depth`, at most max_depth_ceiling.
[[nodiscard]] constexpr std::size_t effective_max_depth(const read_options& o) noexcept {
  return o.max_depth < max_depth_ceiling ? o.max_depth : max_depth_ceiling;
}

}  // namespace iptkit
