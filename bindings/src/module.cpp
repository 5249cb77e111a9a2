// iptkit._core: the compiled half of the Python package `iptkit` (the pure-Python half is in
// bindings/python/iptkit). C++ decode errors become iptkit.DecodeError (a ValueError) carrying
// every ReadError.
#include "bindings.hpp"
#include "describe_class.hpp"

#include <iptkit/version.hpp>

namespace iptkit::python {
namespace {

void translate_decode_error(std::exception_ptr p) {
  try {
    if (p) std::rethrow_exception(p);
  } catch (const decode_error& e) {
    const auto type = py::module_::import("iptkit._errors").attr("DecodeError");
    const py::object instance = type(e.what(), e.errors());
    PyErr_SetObject(type.ptr(), instance.ptr());
  }
}

}  // namespace
}  // namespace iptkit::python

PYBIND11_MODULE(_core, m) {
  using namespace iptkit::python;
  m.doc() = "iptkit's compiled core: the model, reading, rules, planning, outcomes and figures.";
  m.attr("__version__") = iptkit::version_string;
  py::register_exception_translator(&translate_decode_error);
  bind_read_limits(m);
  declare_catalog(m);
  bind_model(m);
  bind_reading(m);
  bind_rules(m);
  bind_catalog(m);
  bind_planning(m);
  bind_outcomes(m);
  bind_export(m);
  bind_privacy(m);
  bind_import(m);
  bind_cohort(m);
  bind_stats(m);
  bind_trials(m);
}
