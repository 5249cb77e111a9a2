#pragma once
// Values given to a field of a model class (keyword constructor, property setter) are converted
// in the function body, not by pybind11's overload resolution: a value of the wrong kind then
// raises naming `Class.field`, what the field takes and what was found (a short excerpt), instead
// of pybind11's "incompatible function arguments" with the repr of every argument. The field's
// declared constraints (closeness 1-4, an identifier's form, ...) are applied as the reader
// applies them, with the reader's messages.

#include "enum_caster.hpp"

#include <iptkit/json/detail/read_value.hpp>
#include <iptkit/meta/enum.hpp>
#include <iptkit/meta/field_rules.hpp>
#include <iptkit/meta/type_name.hpp>
#include <iptkit/meta/type_traits.hpp>
#include <iptkit/model/date.hpp>
#include <pybind11/pybind11.h>

#include <limits>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace iptkit::python {

namespace py = pybind11;

std::string camel_case(std::string_view snake);  // support.cpp

/// @brief An argument held as the Python object given, converted by field_value(). Its
/// signature is the field type's, so docstrings and stubs are unchanged.
template <class T>
struct deferred {
  py::object given;  ///< the object the caller passed
};

namespace field_detail {

std::string found(py::handle value);  // "int 5", "str '2026-02-30'": type and a short excerpt
bool is_missing_marker(py::handle value);  // pandas' NA and NaT, a float NaN: a missing value
std::string with_article(const std::string& noun);  // "a Session", "an Expectation"

// Why a keyword constructor's call matched no signature: positional arguments, unknown keywords
// (with a near miss) or missing required ones, named, in a short message; pybind11's own
// refusal quotes every argument's repr (1.8 MB for one long list).
std::string call_problem(const std::string& class_name, const std::vector<std::string_view>& fields,
                         const std::vector<std::string_view>& required, const py::args& args, const py::kwargs& kwargs);

template <class T>
struct plain {
  using type = T;
};
template <class T>
struct plain<std::optional<T>> {
  using type = T;
};

template <class T>
std::string expected() {
  if constexpr (std::is_same_v<T, bool>) {
    return "True or False";
  } else if constexpr (meta::is_integer_v<T>) {
    return "an integer";
  } else if constexpr (std::is_floating_point_v<T>) {
    return "a number";
  } else if constexpr (std::is_same_v<T, std::string>) {
    return "a str";
  } else if constexpr (std::is_same_v<T, date>) {
    return "a datetime.date, or a 'YYYY-MM-DD' str of a date that exists";
  } else if constexpr (meta::is_described_enum_v<T>) {
    const std::string name = camel_case(meta::short_type_name<T>());
    return "one of " + name + " (" + enum_detail::allowed(meta::enum_names<T>(), name) + ")";
  } else if constexpr (meta::is_optional_v<T>) {
    return expected<typename T::value_type>() + ", or None";
  } else if constexpr (meta::is_vector_v<T>) {
    return "a list, each item " + expected<typename T::value_type>();
  } else if constexpr (meta::is_variant_v<T>) {
    std::string out = "one of ";
    bool first = true;
    [&]<class... A>(std::variant<A...>*) {
      ((out += (first ? "" : ", ") + camel_case(meta::short_type_name<A>()), first = false), ...);
    }(static_cast<T*>(nullptr));
    return out;
  } else {
    return with_article(camel_case(meta::short_type_name<T>()));
  }
}

// The field's declared constraints on `value`, as the reader applies them; the first message.
// A protocol id is checked against the catalog in force by check() and validate(), not here.
template <class Class, auto Pointer, class M>
std::optional<std::string> broken_constraint(const M& value) {
  json::detail::read_context c;
  meta::for_each_constraint<Class, Pointer>([&](const auto& constraint) {
    using C = std::remove_cvref_t<decltype(constraint)>;
    if constexpr (!std::is_same_v<C, meta::registered_protocol>)
      if (c.errors.empty()) json::detail::apply_constraint(constraint, value, c);
  });
  if (c.errors.empty()) return std::nullopt;
  return c.errors.front().message;
}

}  // namespace field_detail

/// @brief The value of `given` for member `D` of `Class`; raises TypeError (wrong kind) or
/// ValueError (a bad spelling, a broken constraint) whose message begins `Class.field: `.
template <class Class, class D, class M>
M field_value(const py::handle given) {
  using V = typename field_detail::plain<M>::type;  // the value an optional holds
  // Built only for a message: a constructor in a loop pays nothing for it.
  const auto where = [] { return camel_case(meta::short_type_name<Class>()) + "." + D::name + ": "; };
  const auto wrong_kind = [&](const std::string& detail = "") {
    return py::type_error(where() + "expected " + field_detail::expected<M>() + "; found " +
                          (detail.empty() ? field_detail::found(given) : detail));
  };
  if (field_detail::is_missing_marker(given)) {  // a pandas cell of no value: None where allowed
    if constexpr (meta::is_optional_v<M>) return M{};
    else throw wrong_kind("a missing value (" + enum_detail::shown(given) + ")");  // NaT, <NA>, nan
  }
  // No silent change of kind: True is not the integer 1, nor 1 the boolean True.
  if constexpr (std::is_same_v<V, bool>) {
    if (!PyBool_Check(given.ptr()) && !given.is_none() && !std::string_view(Py_TYPE(given.ptr())->tp_name).starts_with("numpy.bool"))
      throw wrong_kind();
  } else if constexpr (meta::is_integer_v<V>) {
    if (PyBool_Check(given.ptr())) throw wrong_kind();
  }
  M value{};
  bool loaded = false;
  try {
    py::detail::make_caster<M> caster;
    if (caster.load(given, true)) {
      value = py::detail::cast_op<M&&>(std::move(caster));
      loaded = true;
    }
  } catch (const py::reference_cast_error&) {  // None for a field that is never None
  } catch (const py::builtin_exception& e) {   // a bad spelling inside, from the enum caster
    throw py::value_error(where() + e.what());
  } catch (py::error_already_set& e) {  // raised by the object itself (its __index__, __iter__, ...)
    if (!e.matches(PyExc_TypeError) && !e.matches(PyExc_ValueError) && !e.matches(PyExc_OverflowError)) throw;
  }
  if (!loaded) {
    if constexpr (meta::is_integer_v<V>) {
      if (PyLong_Check(given.ptr()))  // an integer, only too large for the field
        throw py::value_error(where() + "expected an integer from " + std::to_string(std::numeric_limits<V>::min()) +
                              " to " + std::to_string(std::numeric_limits<V>::max()) + "; found " +
                              field_detail::found(given));
    }
    if constexpr (meta::is_vector_v<M>) {  // which item, when it is a list
      if (PyList_Check(given.ptr()) || PyTuple_Check(given.ptr())) {
        const py::sequence items = py::reinterpret_borrow<py::sequence>(given);
        for (std::size_t i = 0; i < items.size(); ++i) {
          py::detail::make_caster<typename M::value_type> item;
          bool ok = false;
          try {
            ok = item.load(items[i], true);
          } catch (const py::builtin_exception&) {
          } catch (py::error_already_set&) {
          }
          if (!ok) throw wrong_kind(field_detail::found(given) + ", item " + std::to_string(i) + " " + field_detail::found(items[i]));
        }
      }
    }
    throw wrong_kind();
  }
  if (auto broken = field_detail::broken_constraint<Class, D::pointer>(value)) throw py::value_error(where() + *broken);
  return value;
}

}  // namespace iptkit::python

namespace pybind11::detail {

template <class T>
struct type_caster<iptkit::python::deferred<T>> {
  PYBIND11_TYPE_CASTER(iptkit::python::deferred<T>, make_caster<T>::name);
  bool load(handle src, bool) {
    value.given = reinterpret_borrow<object>(src);
    return true;
  }
};

}  // namespace pybind11::detail
