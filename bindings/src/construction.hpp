#pragma once
// How every bound class is constructed, so that no Python instance ever holds unconstructed
// storage. pybind11's own __new__ only allocates, and py::init constructs into that raw storage
// (pybind11 even frees the value before a py::init constructor converts its arguments), so a
// method called on `Case.__new__(Case)`, or after an __init__ that raised, would be handed
// uninitialised memory. Here tp_new value-initialises T, and __init__ and __setstate__ assign
// to that value, which therefore exists from allocation to deallocation (docs/reliability.md,
// "Python misuse").

#include <pybind11/pybind11.h>

#include <memory>
#include <new>
#include <string>
#include <utility>

namespace iptkit::python {

namespace py = pybind11;

namespace detail {

// The instance's storage for T (its value, allocated by new_value).
template <class T>
py::detail::value_and_holder value_of(py::handle self) {
  auto* inst = reinterpret_cast<py::detail::instance*>(self.ptr());
  return inst->get_value_and_holder(py::detail::get_type_info(typeid(T)));
}

// `name` (__init__ or __setstate__) assigns `make(args...)` to the value new_value made, then
// registers the instance as py::init would. pybind11 treats any function of these names as a
// constructor: it checks that `self` is an instance of the class, and ignores the call once the
// instance is registered (a second __init__ does nothing, as for every pybind11 class). `self`
// is a plain handle so that nothing reads the value before the arguments are converted.
template <class T, class F, class R, class... A, class... Extra>
void def_assigning(py::class_<T>& cls, const char* name, F make, R (F::*)(A...) const, const Extra&... extra) {
  cls.def(
      name,
      [make = std::move(make)](py::handle self, A... args) {
        T value = make(std::forward<A>(args)...);
        auto v_h = value_of<T>(self);
        if (v_h.value_ptr()) *v_h.template value_ptr<T>() = std::move(value);
        else v_h.value_ptr() = new T(std::move(value));  // not made by new_value: pybind11 adds the holder
        py::detail::register_instance(v_h.inst, v_h.value_ptr(), v_h.type);
        v_h.set_instance_registered();
      },
      extra...);
}

// The Python error for a C++ exception thrown where no pybind11 dispatcher translates it.
inline void set_python_error() noexcept {
  try {
    throw;
  } catch (py::error_already_set& e) {
    e.restore();
  } catch (const std::bad_alloc&) {
    PyErr_NoMemory();
  } catch (const std::exception& e) {
    PyErr_SetString(PyExc_RuntimeError, e.what());
  } catch (...) {
    PyErr_SetString(PyExc_RuntimeError, "iptkit: unknown C++ exception");
  }
}

// The tp_new of a class made by make_class: an instance holding T{}. The holder owns the value,
// so an instance never initialised is still freed with ~T; registration waits for __init__, as
// pybind11 skips constructors of registered instances.
template <class T>
PyObject* new_value(PyTypeObject* type, PyObject*, PyObject*) noexcept {
  // One C++ value per instance: a Python class deriving from two bound classes would leave the
  // second one's storage unconstructed, so it is refused.
  if (py::detail::all_type_info(type).size() != 1) {
    PyErr_Format(PyExc_TypeError, "iptkit: %s cannot derive from more than one iptkit class", type->tp_name);
    return nullptr;
  }
  PyObject* self = type->tp_alloc(type, 0);
  if (!self) return nullptr;
  auto* inst = reinterpret_cast<py::detail::instance*>(self);
  try {
    inst->allocate_layout();  // one bound base: the simple layout, stored inline
    auto v_h = value_of<T>(self);
    auto value = std::make_unique<T>();
    v_h.value_ptr() = value.get();
    try {
      py::detail::get_type_info(typeid(T))->init_instance(inst, nullptr);
    } catch (...) {
      v_h.value_ptr() = nullptr;  // `value` frees it; the instance has no holder yet
      throw;
    }
    static_cast<void>(value.release());  // owned by the holder
    py::detail::deregister_instance(inst, v_h.value_ptr(), v_h.type);
    v_h.set_instance_registered(false);
  } catch (...) {
    set_python_error();
    Py_DECREF(self);
    return nullptr;
  }
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

/// @brief Pickling and copying: `get(self)` gives the state, `set(state)` makes the value back.
template <class T, class Get, class Set>
void def_pickle(py::class_<T>& cls, Get get, Set set) {
  cls.def("__getstate__", std::move(get));
  detail::def_assigning(cls, "__setstate__", std::move(set), &Set::operator());
  // Every protocol as protocol 2 does it: __new__, then __setstate__ (protocols 0 and 1 would
  // otherwise call pybind11_object(self), which cannot allocate).
  cls.def(
      "__reduce_ex__",
      [](py::handle self, const py::object&) -> py::tuple {
        return py::make_tuple(py::module_::import("copyreg").attr("__newobj__"), py::make_tuple(py::type::of(self)),
                              self.attr("__getstate__")());
      },
      py::arg("protocol"));
}

}  // namespace iptkit::python
