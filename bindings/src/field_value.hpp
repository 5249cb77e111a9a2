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
    return "a " + camel_case(meta::short_type_name<T>());
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
  // Built only for a message: a constructor in a loop pays nothing for it.
  const auto where = [] { return camel_case(meta::short_type_name<Class>()) + "." + D::name + ": "; };
  const auto wrong_kind = [&] {
    return py::type_error(where() + "expected " + field_detail::expected<M>() + "; found " + field_detail::found(given));
  };
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
  if (!loaded) throw wrong_kind();
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
