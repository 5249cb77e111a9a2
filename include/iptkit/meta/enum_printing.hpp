#pragma once
/// @file
/// @brief IPTKIT_ENUM_PRINTING(E): `to_string` and `operator<<` for an enum of iptkit, declared
/// right after its BOOST_DESCRIBE_ENUM so that printing a value needs no other header.

#include <iptkit/meta/enum.hpp>
#include <iosfwd>
#include <string>
#include <string_view>

namespace iptkit::meta::detail {
/// @brief `spelling`, or `type(value)` when it is empty (a value outside its enum, made by a cast).
std::string enum_string(std::string_view spelling, std::string_view type, long long value);
/// @brief Writes enum_string(spelling, type, value) to `os`.
std::ostream& write_enum(std::ostream& os, std::string_view spelling, std::string_view type, long long value);
}  // namespace iptkit::meta::detail

/// @brief Declares, in the enum's namespace, `to_string(E)` (its spelling in the case format, or
/// `E(number)` outside the enum) and `operator<<(std::ostream&, E)` writing it.
///
/// They are plain functions, one per enum, not a template for every described enum: a generic
/// printer an application writes for its own described enums (a template) then never competes with
/// them for an enum of iptkit, and they never match the application's enums, even under
/// `using namespace iptkit`. `iptkit_printable_enum` (declared, never defined) marks the enum
/// for the std::formatter of print.hpp.
#define IPTKIT_ENUM_PRINTING(E)                                                                   \
  inline std::string to_string(E value) {                                                         \
    return ::iptkit::meta::detail::enum_string(::iptkit::meta::enum_name(value), #E,              \
                                               static_cast<long long>(value));                    \
  }                                                                                               \
  inline std::ostream& operator<<(std::ostream& os, E value) {                                    \
    return ::iptkit::meta::detail::write_enum(os, ::iptkit::meta::enum_name(value), #E,           \
                                              static_cast<long long>(value));                     \
  }                                                                                               \
  void iptkit_printable_enum(E);
