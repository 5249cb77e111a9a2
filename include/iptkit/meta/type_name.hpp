#pragma once
/// @file
/// @brief Short, stable names of model types (used for schema `$defs` and messages).

#include <boost/core/type_name.hpp>
#include <string>

namespace iptkit::meta {

/// @brief The unqualified name of a type, e.g. `relationship` for `iptkit::relationship`.
template <class T>
std::string short_type_name() {
  std::string name = boost::core::type_name<T>();
  const auto colon = name.rfind("::");
  return colon == std::string::npos ? name : name.substr(colon + 2);
}

}  // namespace iptkit::meta
