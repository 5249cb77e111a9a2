#pragma once
// Described enums are str-valued in Python: each is an enum.StrEnum whose members' values are
// the case format's spellings, so `area == "grief"` holds and filters by spelling match. The
// class is made by bind_enum (describe_class.hpp) through pybind11::native_enum, which records it
// for signatures; the conversion is this caster's, since pybind11's own reads `.value` as the
// C++ integer. Every translation unit that converts an enum must see this file (bindings.hpp
// and casters.hpp include it).

#include <iptkit/meta/enum.hpp>
#include <iptkit/meta/type_traits.hpp>
#include <pybind11/pybind11.h>

#include <string>
#include <string_view>
#include <typeindex>
#include <vector>

namespace iptkit::python::enum_detail {

// "initial, middle, termination": what a bad spelling is told it may be. A long list is cut
// (Task has 32) so that a message stays short; the class lists them all.
std::string allowed(const std::vector<std::string_view>& spellings, std::string_view class_name);

template <class E>
std::string allowed() {
  return allowed(meta::enum_names<E>(), "");
}

// " (did you mean 'symptom_review'?)" for a spelling within two edits of one, else "".
std::string suggestion(std::string_view found, const std::vector<std::string_view>& spellings);

// A found value as a message may quote it: short, and no repr of a large object.
std::string shown(pybind11::handle src);

}  // namespace iptkit::python::enum_detail

namespace pybind11::detail {

template <class E>
struct type_caster_enum_type_enabled<E, enable_if_t<iptkit::meta::is_described_enum_v<E>>> : std::false_type {};

template <class E>
class type_caster<E, enable_if_t<iptkit::meta::is_described_enum_v<E>>> {
 public:
  // `%` is the Python class bind_enum registered, by module and name, in every signature (an
  // argument may be its spelling too: the stubs say `Phase | str`, make_stubs.py).
  PYBIND11_TYPE_CASTER(E, const_name<E>());

  // A member of the class, or its spelling as a str. A str that is no spelling raises, naming
  // the enum and its spellings; any other type is left to overload resolution.
  bool load(handle src, bool) {
    if (!src || !PyUnicode_Check(src.ptr())) return false;
    Py_ssize_t size = 0;
    const char* text = PyUnicode_AsUTF8AndSize(src.ptr(), &size);
    if (!text) {
      PyErr_Clear();
      return false;
    }
    if (auto e = iptkit::meta::enum_from_name<E>(std::string_view(text, static_cast<std::size_t>(size)))) {
      value = *e;
      return true;
    }
    const auto spellings = iptkit::meta::enum_names<E>();
    const std::string name = type_name();
    throw value_error("expected one of " + name + " (" + iptkit::python::enum_detail::allowed(spellings, name) +
                      "), found " + iptkit::python::enum_detail::shown(src) +
                      iptkit::python::enum_detail::suggestion(std::string_view(text, static_cast<std::size_t>(size)), spellings));
  }

  static handle cast(E src, return_value_policy, handle) {
    const int position = iptkit::meta::enum_position(src);
    if (position < 0) throw value_error("iptkit: " + type_name() + " has no value " + std::to_string(static_cast<long long>(src)));
    // The members in declaration order, kept on the class by iptkit._spelled.
    const tuple members = class_of().attr("_iptkit_members");
    return object(members[static_cast<std::size_t>(position)]).release();
  }

 private:
  static handle class_of() {
    handle cls = global_internals_native_enum_type_map_get_item(std::type_index(typeid(E)));
    if (!cls) pybind11_fail("iptkit: an enum converted before bind_enum registered it");
    return cls;
  }
  static std::string type_name() {
    handle cls = global_internals_native_enum_type_map_get_item(std::type_index(typeid(E)));
    return cls ? cls.attr("__name__").template cast<std::string>() : std::string("the enum");
  }
};

}  // namespace pybind11::detail
