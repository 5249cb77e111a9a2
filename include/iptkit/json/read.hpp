#pragma once
/// @file
/// @brief Reading case documents (and any described type) from JSON, with every error collected.

#include <iptkit/json/detail/parse.hpp>
#include <iptkit/json/detail/read_value.hpp>
#include <iptkit/json/read_error.hpp>
#include <iptkit/meta/pointer_order.hpp>
#include <iptkit/measures/instrument.hpp>
#include <iptkit/model/case_record.hpp>
#include <iptkit/model/protocol_registry.hpp>
#include <iptkit/result.hpp>
#include <algorithm>
#include <cstddef>
#include <string_view>

namespace iptkit {

/// @brief How strictly to read.
struct read_options {
  /// @brief Unknown fields become warnings and are ignored (default: they are errors).
  bool lax = false;
  /// @brief Protocols that `adaptation` may name; nullptr means the built-in table.
  const protocol_registry* protocols = nullptr;
  /// @brief Deepest nesting of arrays and objects accepted (`limit_exceeded` beyond).
  std::size_t max_depth = 64;
};

namespace json::detail {

/// @brief A walk's starting state from the options.
inline read_context context_for(const read_options& options) {
  read_context c;
  c.lax = options.lax;
  c.protocols = options.protocols;
  return c;
}

/// @brief Walks `dom` (nullptr: nothing parsed) into a T and turns the context's errors, sorted
/// into document order, into the result. Errors already in the context (from the parser) count.
template <class T>
result<T> walk(const boost::json::value* dom, read_context c) {
  T out{};
  if (dom) read_value(*dom, out, c);
  std::stable_sort(c.errors.begin(), c.errors.end(), [](const read_error& a, const read_error& b) {
    return meta::order_key<T>(a.path) < meta::order_key<T>(b.path);
  });
  if (!c.errors.empty()) return result<T>::failure(std::move(c.errors), std::move(c.warnings));
  return result<T>(std::move(out), std::move(c.warnings));
}

}  // namespace json::detail

/// @brief Reads any described type from JSON (the engine behind every reader here): every
/// structural error with its JSON Pointer, in document order.
template <class T>
result<T> read_json(std::string_view json, const read_options& options = {}) {
  auto c = json::detail::context_for(options);
  const auto dom = json::detail::parse_dom(json, options.max_depth, c.errors);
  return json::detail::walk<T>(dom ? &*dom : nullptr, std::move(c));
}

/// @brief Reads one case document. Returns the case, or every structural error.
result<case_record> read_case(std::string_view json, const read_options& options = {});

/// @brief Reads a JSON array of protocols (a trial's manual) in the format of `protocol`.
result<std::vector<protocol>> read_protocols(std::string_view json,
                                             const read_options& options = {});

/// @brief Reads a JSON array of instrument definitions in the format of `instrument`.
result<std::vector<instrument>> read_instruments(std::string_view json,
                                                 const read_options& options = {});

}  // namespace iptkit
