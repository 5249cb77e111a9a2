#pragma once
/// @file
/// @brief Enum <-> spelling conversions driven by Boost.Describe.

#include <boost/describe/enum.hpp>
#include <boost/describe/enumerators.hpp>
#include <boost/mp11/algorithm.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace iptkit::meta {

/// @brief The JSON spelling of a described enumerator name: a trailing `_` (used where the
/// spelling is a C++ keyword, e.g. `friend_`) is not part of it.
constexpr std::string_view spelling(std::string_view described) noexcept {
  if (!described.empty() && described.back() == '_') described.remove_suffix(1);
  return described;
}

/// @brief The spelling of a described enumerator, or "" for a value outside the enum.
template <class E>
constexpr std::string_view enum_name(E value) noexcept {
  std::string_view found;
  boost::mp11::mp_for_each<boost::describe::describe_enumerators<E>>([&](auto D) {
    if (D.value == value) found = spelling(D.name);
  });
  return found;
}

/// @brief The enumerator spelled `name`, if any (exact, case-sensitive match).
template <class E>
constexpr std::optional<E> enum_from_name(std::string_view name) noexcept {
  std::optional<E> found;
  boost::mp11::mp_for_each<boost::describe::describe_enumerators<E>>([&](auto D) {
    if (!found && name == spelling(D.name)) found = D.value;
  });
  return found;
}

/// @brief Every spelling of a described enum, in declaration order.
template <class E>
std::vector<std::string_view> enum_names() {
  std::vector<std::string_view> names;
  boost::mp11::mp_for_each<boost::describe::describe_enumerators<E>>(
      [&](auto D) { names.emplace_back(spelling(D.name)); });
  return names;
}

/// @brief The number of enumerators of a described enum.
template <class E>
inline constexpr std::size_t enum_size =
    boost::mp11::mp_size<boost::describe::describe_enumerators<E>>::value;

namespace detail {
// True when the enumerators are 0, 1, ..., N-1 in declaration order: a position is then the value.
template <class E>
constexpr bool enum_is_dense() noexcept {
  bool dense = true;
  long long expected = 0;
  boost::mp11::mp_for_each<boost::describe::describe_enumerators<E>>([&](auto D) {
    if (static_cast<long long>(D.value) != expected++) dense = false;
  });
  return dense;
}
}  // namespace detail

/// @brief The position of `value` among the enumerators in declaration order (the index into
/// enum_names()), or -1 for a value outside the enum.
template <class E>
constexpr int enum_position(E value) noexcept {
  // The check of every enum field of every case asks this: no scan for the usual dense enum.
  if constexpr (detail::enum_is_dense<E>()) {
    const auto v = static_cast<long long>(value);
    return v >= 0 && v < static_cast<long long>(enum_size<E>) ? static_cast<int>(v) : -1;
  } else {
    int found = -1;
    int position = 0;
    boost::mp11::mp_for_each<boost::describe::describe_enumerators<E>>([&](auto D) {
      if (found < 0 && D.value == value) found = position;
      ++position;
    });
    return found;
  }
}

}  // namespace iptkit::meta
