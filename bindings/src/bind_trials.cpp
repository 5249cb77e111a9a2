// The trial record's cohort views: the CONSORT flow (include/iptkit/trials) as typed objects, which
// bindings/python/iptkit/_trials.py shows as a table and a diagram.
#include "bindings.hpp"
#include "describe_class.hpp"

#include <iptkit/export/consort_svg.hpp>
#include <iptkit/trials/consort.hpp>

#include <pybind11/typing.h>

#include <span>

namespace iptkit::python {

void bind_trials(py::module_& m) {
  bind_struct<consort_box>(m, "One box of the CONSORT diagram: how many, and their case ids.");
  bind_struct<consort_reason>(m, "The patients who gave one reason (a patient may give several).");
  bind_struct<consort_arm>(m, "The allocation, follow-up and analysis boxes of one allocated arm.");
  bind_struct<consort_flow>(m, "The CONSORT 2010 flow of a trial: enrolment, then one ConsortArm per allocated arm.");
  m.def(
      "consort",
      [](const py::typing::Iterable<case_record>& cases) {
        const auto refs = case_pointers(cases);
        py::gil_scoped_release release;
        return consort(std::span<const case_record* const>(refs.cases));
      },
      py::arg("cases"), "The CONSORT flow of the cases (intention to treat).");
  m.def(
      "consort_svg",
      [](const consort_flow& flow, int width, std::string id, std::string title) {
        return consort_svg(flow, {.width = width, .id = std::move(id), .title = std::move(title)});
      },
      py::arg("flow"), py::kw_only(), py::arg("width") = 640, py::arg("id") = "", py::arg("title") = "",
      "The CONSORT 2010 flow diagram of a flow, as an SVG element (widened when its arms need it).");
}

}  // namespace iptkit::python
