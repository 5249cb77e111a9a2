#pragma once
/// @file
/// @brief A sort key that puts JSON Pointers into document order (the described field
/// order, list indices numerically), derived from the model's description.

#include <iptkit/meta/field_rules.hpp>
#include <iptkit/meta/type_traits.hpp>
#include <boost/mp11/algorithm.hpp>
#include <charconv>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

namespace iptkit::meta {

inline constexpr std::uint32_t unknown_position = std::numeric_limits<std::uint32_t>::max();

/// @brief The next RFC 6901 token of `pointer` (unescaped), consuming it.
inline std::string next_token(std::string_view& pointer) {
  pointer.remove_prefix(1);  // the '/'
  const auto end = pointer.find('/');
  std::string token;
  for (std::size_t i = 0; i < std::min(end, pointer.size()); ++i) {
    if (pointer[i] == '~' && i + 1 < pointer.size()) {
      token += pointer[i + 1] == '1' ? '/' : '~';
      ++i;
    } else {
      token += pointer[i];
    }
  }
  pointer.remove_prefix(std::min(end, pointer.size()));
  return token;
}

template <class T>
void append_order_key(std::string_view pointer, std::vector<std::uint32_t>& key);

/// @brief Position of member `name` of a described struct (unknown_position when absent); recurses.
template <class T>
bool member_key(const std::string& name, std::string_view rest, std::vector<std::uint32_t>& key,
                std::uint32_t offset) {
  std::uint32_t index = 0;
  bool found = false;
  boost::mp11::mp_for_each<members_of<T>>([&](auto D) {
    if (!found && name == D.name) {
      found = true;
      key.push_back(offset + index);
      append_order_key<std::remove_cvref_t<decltype(std::declval<T&>().*D.pointer)>>(rest, key);
    }
    ++index;
  });
  return found;
}

template <class T>
void append_order_key(std::string_view pointer, std::vector<std::uint32_t>& key) {
  if (pointer.empty()) return;
  if constexpr (is_optional_v<T>) {
    append_order_key<typename T::value_type>(pointer, key);
  } else if constexpr (is_vector_v<T>) {
    const std::string token = next_token(pointer);
    std::uint32_t index = unknown_position;
    std::from_chars(token.data(), token.data() + token.size(), index);
    key.push_back(index);
    append_order_key<typename T::value_type>(pointer, key);
  } else if constexpr (is_variant_v<T>) {
    // The tag comes first; then the members of whichever alternative has the name.
    std::string_view copy = pointer;
    const std::string token = next_token(copy);
    if (token == variant_tag<T>::key) {
      key.push_back(0);
      return;
    }
    bool found = false;
    [&]<class... Ts>(std::type_identity<std::variant<Ts...>>) {
      ((found = found || member_key<Ts>(token, copy, key, 1)), ...);
    }(std::type_identity<T>{});
    if (!found) key.push_back(unknown_position);
  } else if constexpr (is_described_struct_v<T>) {
    const std::string token = next_token(pointer);
    if (!member_key<T>(token, pointer, key, 0)) key.push_back(unknown_position);
  }
}

/// @brief The document-order key of a pointer into a T ("" sorts first).
template <class T>
std::vector<std::uint32_t> order_key(std::string_view pointer) {
  std::vector<std::uint32_t> key;
  append_order_key<T>(pointer, key);
  return key;
}

}  // namespace iptkit::meta
