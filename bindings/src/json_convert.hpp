#pragma once
// Plain Python values <-> the JSON document model, so that from_dict reports the same errors,
// with the same JSON Pointers, as from_json.

#include <iptkit/json/read.hpp>
#include <pybind11/pybind11.h>

#include <boost/json/value.hpp>
#include <optional>
#include <string_view>
#include <vector>

namespace iptkit::python {

namespace py = pybind11;

/// @brief Parses JSON text (written by iptkit, so well-formed) into dicts, lists and scalars.
py::object json_to_python(std::string_view json);

/// @brief Converts plain Python values to a JSON value. Values with no JSON form (sets, NaN,
/// non-string keys, lone surrogates) and values beyond the limits of `limits` (nesting, string
/// bytes, list and dict length) become errors at their JSON Pointer, as in a JSON text.
/// `datetime.date` becomes an ISO string, an `enum.Enum` its name, and an iptkit object its
/// to_dict().
std::optional<boost::json::value> python_to_json(const py::handle& data, const read_options& limits,
                                                 std::vector<read_error>& errors);

/// @brief Reads a described type from plain Python values.
template <class T>
result<T> read_python(const py::handle& data, const read_options& options, const catalog& cat) {
  auto c = json::detail::context_for(options, cat);
  const auto dom = python_to_json(data, options, c.errors);
  return json::detail::walk<T>(dom ? &*dom : nullptr, std::move(c));
}

/// @brief Issues each lax-mode warning as an `iptkit.DecodeWarning`.
void warn_all(const std::vector<read_error>& warnings);

}  // namespace iptkit::python
