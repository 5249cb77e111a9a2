#pragma once
// The `threads` option of the bulk functions: a whole number of at least 1, refused with a short
// message naming it (pybind11's own refusal of -1 for an unsigned quotes every argument's repr,
// a whole cohort's included).

#include <pybind11/pybind11.h>

#include <string>

namespace iptkit::python {

/// @brief How many threads a bulk call may use (1: the calling thread only).
struct thread_count {
  unsigned value = 1;  ///< at least 1
};

}  // namespace iptkit::python

namespace pybind11::detail {

template <>
struct type_caster<iptkit::python::thread_count> {
  PYBIND11_TYPE_CASTER(iptkit::python::thread_count, io_name("typing.SupportsIndex", "int"));

  bool load(handle src, bool) {
    long long n = 0;
    bool whole = !PyBool_Check(src.ptr()) && PyIndex_Check(src.ptr());
    if (whole) {
      n = PyLong_AsLongLong(object(reinterpret_steal<object>(PyNumber_Index(src.ptr()))).ptr());
      if (PyErr_Occurred()) {
        PyErr_Clear();
        whole = false;
      }
    }
    if (!whole || n < 1 || n > 1024) {  // the found value only when it is a number: no repr of a cohort
      const std::string found = whole ? std::to_string(n) : type::handle_of(src).attr("__name__").cast<std::string>();
      throw value_error("threads: expected a whole number from 1 to 1024; found " + found);
    }
    value.value = static_cast<unsigned>(n);
    return true;
  }
  static handle cast(iptkit::python::thread_count t, return_value_policy, handle) {
    return PyLong_FromUnsignedLong(t.value);
  }
};

}  // namespace pybind11::detail
