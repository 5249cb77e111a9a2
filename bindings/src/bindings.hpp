#pragma once
// The parts of the iptkit._core module, one per concept, registered in this order by module.cpp.

#include <pybind11/pybind11.h>

namespace iptkit::python {

namespace py = pybind11;

void bind_read_limits(py::module_& m);  // ReadLimits, first: every reader's signature names it
void declare_catalog(py::module_& m);  // the Catalog class, early: signatures name it
void bind_catalog(py::module_& m);     // its methods, once the registries are bound
void bind_model(py::module_& m);     // enums, case document types, protocols, instruments, registries
void bind_reading(py::module_& m);   // read_case, cohorts (bulk and streamed), schemas
void bind_rules(py::module_& m);     // findings, rule sets, validation
void bind_planning(py::module_& m);  // plan and progress
void bind_outcomes(py::module_& m);  // outcome rows and columns, statistics, synthetic cohorts
void bind_export(py::module_& m);    // SVG figures, FHIR, the HTML report
void bind_privacy(py::module_& m);   // de-identification
void bind_import(py::module_& m);    // cases from tidy tables

}  // namespace iptkit::python
