#pragma once
/// @file
/// @brief Reading case documents (and any described type) from JSON, with every error collected.

#include <iptkit/catalog.hpp>
#include <iptkit/json/detail/parse.hpp>
#include <iptkit/json/detail/read_fast.hpp>
#include <iptkit/json/detail/read_value.hpp>
#include <iptkit/json/read_error.hpp>
#include <iptkit/json/read_options.hpp>
#include <iptkit/meta/pointer_order.hpp>
#include <iptkit/measures/instrument.hpp>
#include <iptkit/model/case_record.hpp>
#include <iptkit/model/protocol_registry.hpp>
#include <iptkit/result.hpp>
#include <algorithm>
#include <cstddef>
#include <string_view>

namespace iptkit {

namespace json::detail {

/// @brief A walk's starting state from the options and the catalog (its protocols are what
/// `adaptation` may name).
inline read_context context_for(const read_options& options, const catalog& cat) {
  read_context c;
  c.lax = options.lax;
  c.protocols = &cat.protocols;
  c.redact = options.redact;
  return c;
}

/// @brief Walks `dom` (nullptr: nothing parsed) into a T and turns the context's errors, sorted
/// into document order, into the result. Errors already in the context (from the parser) count.
/// With the `text` the DOM was parsed from, errors and warnings get their line and column there.
template <class T>
result<T> walk(const boost::json::value* dom, read_context c, std::string_view text = {}) {
  T out{};
  if (dom) read_value(*dom, out, c);
  if (!text.empty()) {
    locate(text, c.errors);
    locate(text, c.warnings);
  }
  std::stable_sort(c.errors.begin(), c.errors.end(), [](const read_error& a, const read_error& b) {
    return meta::order_key<T>(a.path) < meta::order_key<T>(b.path);
  });
  if (!c.errors.empty()) return result<T>::failure(std::move(c.errors), std::move(c.warnings));
  return result<T>(std::move(out), std::move(c.warnings));
}

/// @brief The reference reader: parses `json` into a DOM (with duplicate keys and the path of a
/// syntax error), then walks T over it, collecting every error and warning. read_json() gives the
/// same result; it only comes here for documents the one-pass reader does not accept.
template <class T>
result<T> read_json_dom(std::string_view json, const read_options& options = {},
                        const catalog& cat = catalog::builtin()) {
  auto c = context_for(options, cat);
  const auto dom = parse_dom(json, options, c.errors);
  return walk<T>(dom ? &*dom : nullptr, std::move(c), json);
}

/// @brief The one-pass reader alone: true when it read a valid document within the limits of
/// `options` into `out` (which must be value-initialised); false on anything else, leaving `out`
/// partly filled.
template <class T>
bool read_json_fast(std::string_view json, const read_options& options, T& out,
                    const catalog& cat = catalog::builtin()) {
  return read_fast(json, options, text_kind::document, out, &cat.protocols);
}

}  // namespace json::detail

/// @brief Reads any described type from JSON (the engine behind every reader here): every
/// structural error with its JSON Pointer, in document order.
///
/// A valid document is read in one pass, straight into T (json/detail/read_fast.hpp); anything
/// else is read again by the DOM reader, which reports every error exactly.
template <class T>
result<T> read_json(std::string_view json, const read_options& options = {},
                    const catalog& cat = catalog::builtin()) {
  T out{};
  if (json::detail::read_json_fast(json, options, out, cat)) return result<T>(std::move(out));
  return json::detail::read_json_dom<T>(json, options, cat);
}

/// @brief Reads one case document. Returns the case, or every structural error; `adaptation`
/// must name a protocol of the catalog.
result<case_record> read_case(std::string_view json, const read_options& options = {},
                              const catalog& cat = catalog::builtin());

/// @brief Reads a JSON array of protocols (a trial's manual) in the format of `protocol`.
result<std::vector<protocol>> read_protocols(std::string_view json,
                                             const read_options& options = {});

/// @brief Reads a JSON array of instrument definitions in the format of `instrument`.
result<std::vector<instrument>> read_instruments(std::string_view json,
                                                 const read_options& options = {});

}  // namespace iptkit
