#pragma once
// The `threads` option of the bulk functions: a whole number of at least 1, refused with a short
// message naming it (pybind11's own refusal of -1 for an unsigned quotes every argument's repr,
// a whole cohort's included).

#include <pybind11/pybind11.h>

#include <string>

namespace iptkit::python {

namespace field_detail {
std::string found(pybind11::handle value);  // as field errors show a value (support.cpp)
}

/// @brief How many threads a bulk call may use (1: the calling thread only).
struct thread_count {
  unsigned value = 1;  ///< at least 1
};

}  // namespace iptkit::python

namespace pybind11::detail {

template <>
struct type_caster<iptkit::python::thread_count> {
  PYBIND11_TYPE_CASTER(iptkit::python::thread_count, io_name("typing.SupportsIndex", "int"));

  // As a field's setter refuses: TypeError for a value of another kind, ValueError out of range.
  bool load(handle src, bool) {
    if (PyBool_Check(src.ptr()) || !PyIndex_Check(src.ptr()))
      throw type_error("threads: expected a whole number from 1 to 1024; found " + iptkit::python::field_detail::found(src));
    const object index = reinterpret_steal<object>(PyNumber_Index(src.ptr()));
    const long long n = index ? PyLong_AsLongLong(index.ptr()) : -1;
    if (PyErr_Occurred()) PyErr_Clear();
    if (n < 1 || n > 1024)
      throw value_error("threads: expected a whole number from 1 to 1024; found " + iptkit::python::field_detail::found(src));
    value.value = static_cast<unsigned>(n);
    return true;
  }
  static handle cast(iptkit::python::thread_count t, return_value_policy, handle) {
    return PyLong_FromUnsignedLong(t.value);
  }
};

}  // namespace pybind11::detail
