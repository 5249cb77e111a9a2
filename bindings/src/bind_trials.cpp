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
      [](const py::typing::Iterable<case_record>& cases, analysis_set set, const catalog* cat, thread_count threads) {
        const auto refs = case_pointers(cases);
        if (set == analysis_set::completers)
          throw py::value_error("iptkit.consort: the completers set depends on the instrument (a case completes one "
                                "measure and not another); the diagram takes 'itt' or 'per_protocol'");
        py::gil_scoped_release release;
        const std::span<const case_record* const> all(refs.cases);
        // Intention to treat needs no validation and takes cases where nobody is randomised yet.
        if (set == analysis_set::itt) return consort(all);
        return consort(all, population_of(refs.cases, set, cat, threads));
      },
      py::arg("cases"), py::kw_only(), py::arg("analysis_set") = analysis_set::itt, py::arg("catalog") = py::none(),
      py::arg("threads") = 1,
      "The CONSORT flow of the cases, analysed by intention to treat or per protocol.");
  m.def(
      "consort_svg",
      [](const consort_flow& flow, int width, std::string id, std::string title) {
        return consort_svg(flow, {.width = width, .id = std::move(id), .title = std::move(title)});
      },
      py::arg("flow"), py::kw_only(), py::arg("width") = 640, py::arg("id") = "", py::arg("title") = "",
      "The CONSORT 2010 flow diagram of a flow, as an SVG element (widened when its arms need it).");
}

}  // namespace iptkit::python
