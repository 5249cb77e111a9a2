#pragma once
/// @file
/// @brief Type predicates the generic JSON, schema and table code dispatch on.

#include <boost/describe/enum.hpp>
#include <boost/describe/members.hpp>
#include <boost/mp11/algorithm.hpp>
#include <string_view>
#include <optional>
#include <string>
#include <type_traits>
#include <variant>
#include <vector>

namespace iptkit::meta {

/// @brief True for `std::optional<U>`.
template <class T> inline constexpr bool is_optional_v = false;
template <class U> inline constexpr bool is_optional_v<std::optional<U>> = true;

/// @brief True for `std::vector<U>`.
template <class T> inline constexpr bool is_vector_v = false;
template <class U, class A> inline constexpr bool is_vector_v<std::vector<U, A>> = true;

/// @brief True for `std::variant<Ts...>`.
template <class T> inline constexpr bool is_variant_v = false;
template <class... Ts> inline constexpr bool is_variant_v<std::variant<Ts...>> = true;

/// @brief True for an enum described with BOOST_DESCRIBE_ENUM.
template <class T>
inline constexpr bool is_described_enum_v =
    std::is_enum_v<T> && boost::describe::has_describe_enumerators<T>::value;

/// @brief True for a class described with BOOST_DESCRIBE_STRUCT.
template <class T>
inline constexpr bool is_described_struct_v =
    std::is_class_v<T> && boost::describe::has_describe_members<T>::value;

/// @brief True for the integer types of the model (not bool, not char).
template <class T>
inline constexpr bool is_integer_v =
    std::is_integral_v<T> && !std::is_same_v<T, bool> && !std::is_same_v<T, char>;

/// @brief The public data members of a described struct, in declaration order; those of its
/// described bases first (case_outcome is made of two: its key and its quantities).
template <class T>
using members_of =
    boost::describe::describe_members<T, boost::describe::mod_public | boost::describe::mod_inherited>;

/// @brief The public data members of a described struct with its bases' first (the columns of a
/// table row that extends another row type).
template <class T>
using members_with_bases_of =
    boost::describe::describe_members<T, boost::describe::mod_public | boost::describe::mod_inherited>;

/// @brief The described name of the data member `pointer` of T ("" when it is not described).
template <class T, class P>
constexpr std::string_view member_name(P pointer) noexcept {
  std::string_view name;
  boost::mp11::mp_for_each<members_of<T>>([&](auto D) {
    if constexpr (std::is_same_v<std::remove_cv_t<decltype(D.pointer)>, P>)
      if (D.pointer == pointer) name = D.name;
  });
  return name;
}

}  // namespace iptkit::meta
