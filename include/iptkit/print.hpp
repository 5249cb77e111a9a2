#pragma once
/// @file
/// @brief Printing: `to_string`, `operator<<` and, where the standard library has `<format>`,
/// `std::formatter` for every enum of iptkit, for dates, findings, read errors and import issues.
///
/// An enum prints as its spelling in the case format (`friend`, not `friend_`), as the JSON
/// writer writes it. A value outside its enum (made by a cast) prints as `severity(7)`, never as
/// a spelling. Dates are `std::chrono::year_month_day`: `iptkit::to_string(d)` (qualified, as
/// argument-dependent lookup looks in `std` only) gives `YYYY-MM-DD`; `std::cout << d` and
/// `std::format("{}", d)` are the standard library's own where it implements C++20 chrono I/O.

#include <iptkit/import/import_issue.hpp>
#include <iptkit/json/read_error.hpp>
#include <iptkit/meta/enum.hpp>
#include <iptkit/meta/type_name.hpp>
#include <iptkit/meta/type_traits.hpp>
#include <iptkit/model/date.hpp>
#include <iptkit/rules/finding.hpp>
#include <concepts>
#include <ostream>
#include <string>
#include <string_view>
#include <type_traits>

#if defined(__has_include)
#if __has_include(<format>)
#include <format>
#endif
#endif

namespace iptkit {

/// @brief The spelling of an enumerator of any iptkit enum (`to_string(phase::middle)` is
/// "middle"), or `type(number)` for a value outside the enum.
template <class E>
  requires meta::is_described_enum_v<E>
std::string to_string(E value) {
  const std::string_view name = meta::enum_name(value);
  if (!name.empty()) return std::string(name);
  return meta::short_type_name<E>() + "(" +
         std::to_string(static_cast<long long>(static_cast<std::underlying_type_t<E>>(value))) + ")";
}

/// @brief Writes to_string(value).
template <class E>
  requires meta::is_described_enum_v<E>
std::ostream& operator<<(std::ostream& os, E value) {
  const std::string_view name = meta::enum_name(value);
  return name.empty() ? os << to_string(value) : os << name;
}

/// @brief A date as `YYYY-MM-DD` (format_date()).
inline std::string to_string(date d) { return format_date(d); }

/// @brief Writes to_string(f): `CODE severity path: message`.
inline std::ostream& operator<<(std::ostream& os, const finding& f) { return os << to_string(f); }
/// @brief Writes to_string(e): location, path, message and kind.
inline std::ostream& operator<<(std::ostream& os, const read_error& e) { return os << to_string(e); }
/// @brief Writes to_string(e): source, place, field, case and message.
inline std::ostream& operator<<(std::ostream& os, const import_issue& e) { return os << to_string(e); }

namespace detail::print_lookup {
// Ordinary lookup stops at this deleted declaration, so `to_string(e)` below finds only what
// argument-dependent lookup finds: iptkit's template for an enum of iptkit, not std::to_string.
void to_string() = delete;

/// @brief An enum of iptkit: described, and printed by iptkit's to_string.
template <class E>
concept iptkit_enum = meta::is_described_enum_v<E> && requires(E e) {
  { to_string(e) } -> std::same_as<std::string>;
};
}  // namespace detail::print_lookup

}  // namespace iptkit

#if defined(__cpp_lib_format)
namespace iptkit::detail {
/// @brief A formatter of T that formats to_string(value) as a string (width, fill and alignment
/// apply: `{:>12}`).
template <class T>
struct to_string_formatter : std::formatter<std::string_view, char> {
  /// @brief Writes to_string(value) to the context's output.
  template <class Context>
  auto format(const T& value, Context& ctx) const {
    return std::formatter<std::string_view, char>::format(iptkit::to_string(value), ctx);
  }
};
}  // namespace iptkit::detail

/// @brief `std::format("{}", phase::middle)` is "middle".
template <class E>
  requires iptkit::detail::print_lookup::iptkit_enum<E>
struct std::formatter<E, char> : iptkit::detail::to_string_formatter<E> {};
/// @brief `std::format("{}", f)` is to_string(f).
template <>
struct std::formatter<iptkit::finding, char> : iptkit::detail::to_string_formatter<iptkit::finding> {};
/// @brief `std::format("{}", e)` is to_string(e).
template <>
struct std::formatter<iptkit::read_error, char> : iptkit::detail::to_string_formatter<iptkit::read_error> {};
/// @brief `std::format("{}", e)` is to_string(e).
template <>
struct std::formatter<iptkit::import_issue, char>
    : iptkit::detail::to_string_formatter<iptkit::import_issue> {};
#endif
