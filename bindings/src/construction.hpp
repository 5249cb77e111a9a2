#pragma once
// How every bound class is constructed, so that no Python instance ever holds unconstructed
// storage. pybind11's own __new__ only allocates, and its py::init constructs into that raw
// storage; a method called on `Case.__new__(Case)` (an __init__ that never ran) would be handed
// uninitialised memory. Here __new__ value-initialises T, and __init__ and __setstate__ assign to
// that value (docs/reliability.md, "Python misuse").

#include <pybind11/pybind11.h>

#include <string>
#include <utility>

namespace iptkit::python {

namespace py = pybind11;

namespace detail {

// A new-style constructor (pybind11 passes the instance's value_and_holder first) that assigns
// `make(args...)` to the value __new__ made, then registers the instance as py::init would have.
// pybind11 ignores a constructor called on a registered instance: a second __init__ does nothing.
template <class T, class F, class R, class... A, class... Extra>
void def_assigning(py::class_<T>& cls, const char* name, F make, R (F::*)(A...) const, const Extra&... extra) {
  cls.def(
      name,
      [make = std::move(make)](py::detail::value_and_holder& v_h, A... args) {
        T value = make(std::forward<A>(args)...);
        void*& p = v_h.value_ptr();
        if (!p) {
          // Not made by new_value (no class of make_class's should be): pybind11 adds the holder.
          p = new T(std::move(value));
        } else {
          *static_cast<T*>(p) = std::move(value);
        }
        py::detail::register_instance(v_h.inst, p, v_h.type);
        v_h.set_instance_registered();
      },
      py::detail::is_new_style_constructor(), extra...);
}

// The tp_new of a class made by make_class: an instance holding T{}. The holder owns the value,
// so an instance never initialised is still freed with ~T; registration waits for __init__, as
// pybind11 skips constructors of registered instances.
template <class T>
PyObject* new_value(PyTypeObject* type, PyObject*, PyObject*) noexcept {
  PyObject* self = py::detail::make_new_instance(type);
  if (!self) return nullptr;
  auto* inst = reinterpret_cast<py::detail::instance*>(self);
  const auto* info = py::detail::get_type_info(typeid(T));
  auto v_h = inst->get_value_and_holder(info);
  try {
    v_h.value_ptr() = new T{};
    info->init_instance(inst, nullptr);
  } catch (...) {
    Py_DECREF(self);
    PyErr_NoMemory();
    return nullptr;
  }
  py::detail::deregister_instance(inst, v_h.value_ptr(), info);
  v_h.set_instance_registered(false);
  return self;
}

}  // namespace detail

/// @brief A Python class for T whose `__new__` value-initialises T. T must be default
/// constructible and move assignable; give it its constructors with def_init() (never py::init,
/// which would construct over the value) and its pickling with def_pickle().
template <class T>
py::class_<T> make_class(py::handle scope, const char* name, const char* doc) {
  py::class_<T> cls(scope, name, doc);
  // `Case.__new__` for pickle and copy, and the slot itself for `Case(...)`. Without the slot,
  // Python would also accept pybind11_object.__new__(Case), the allocation-only one.
  cls.def_static(
      "__new__",
      [](const py::handle& type, const py::args&, const py::kwargs&) {
        const auto* info = py::detail::get_type_info(typeid(T));
        if (!PyType_Check(type.ptr()) ||
            !PyType_IsSubtype(reinterpret_cast<PyTypeObject*>(type.ptr()), info->type))
          throw py::type_error(std::string("iptkit: ") + info->type->tp_name + ".__new__(X): X must be a subtype");
        PyObject* self = detail::new_value<T>(reinterpret_cast<PyTypeObject*>(type.ptr()), nullptr, nullptr);
        if (!self) throw py::error_already_set();
        return py::reinterpret_steal<py::object>(self);
      },
      py::arg("cls"));
  auto* type = reinterpret_cast<PyTypeObject*>(cls.ptr());
  type->tp_new = &detail::new_value<T>;
  PyType_Modified(type);
  return cls;
}

/// @brief Defines `__init__` as `make(args...)` assigned to the instance; `extra` are the
/// arguments' py::arg and the docstring, as for py::init.
template <class T, class F, class... Extra>
void def_init(py::class_<T>& cls, F make, const Extra&... extra) {
  detail::def_assigning(cls, "__init__", std::move(make), &F::operator(), extra...);
}

/// @brief Pickling: `get(self)` gives the state, `set(state)` makes the value back.
template <class T, class Get, class Set>
void def_pickle(py::class_<T>& cls, Get get, Set set) {
  cls.def("__getstate__", std::move(get));
  detail::def_assigning(cls, "__setstate__", std::move(set), &Set::operator());
}

}  // namespace iptkit::python
