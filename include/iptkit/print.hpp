#pragma once
/// @file
/// @brief Printing: `to_string`, `operator<<` and, where the standard library has `<format>`,
/// `std::formatter` for every enum of iptkit, for dates, findings, read errors and import issues.
///
/// `to_string` and `operator<<` of an enum, a finding, a read error and an import issue are
/// declared with the type itself (this header is not needed to print them); it adds dates and the
/// std::formatter specialisations. An enum prints as its spelling in the case format (`friend`, not `friend_`), as the JSON
/// writer writes it. A value outside its enum (made by a cast) prints as `severity(7)`, never as
/// a spelling. Dates are `std::chrono::year_month_day`: `iptkit::to_string(d)` (qualified, as
/// argument-dependent lookup looks in `std` only) gives `YYYY-MM-DD`; `std::cout << d` and
/// `std::format("{}", d)` are the standard library's own where it implements C++20 chrono I/O.

#include <iptkit/import/import_issue.hpp>
#include <iptkit/json/read_error.hpp>
#include <iptkit/meta/enum.hpp>
#include <iptkit/model/date.hpp>
#include <iptkit/rules/finding.hpp>
#include <ostream>
#include <string>
#include <string_view>
#include <type_traits>

#include <version>

// libc++ 17 and later implement std::format without defining __cpp_lib_format (some parts of the
// paper were still missing there), so it is detected by version too.
#if defined(__cpp_lib_format) || (defined(_LIBCPP_VERSION) && _LIBCPP_VERSION >= 170000)
#define IPTKIT_HAS_STD_FORMAT 1
#include <format>
#endif

namespace iptkit {

/// @brief A date as `YYYY-MM-DD` (format_date()).
inline std::string to_string(date d) { return format_date(d); }

namespace detail::print_lookup {
/// @brief An enum of iptkit: declared with IPTKIT_ENUM_PRINTING beside its description (found by
/// argument-dependent lookup, so an application's own described enums never match).
template <class E>
concept iptkit_enum = std::is_enum_v<E> && requires(E e) { iptkit_printable_enum(e); };
}  // namespace detail::print_lookup

}  // namespace iptkit

#if defined(IPTKIT_HAS_STD_FORMAT)
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
