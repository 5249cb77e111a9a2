// SVG figures and the HTML report, for notebooks (_repr_html_) and files.
#include "bindings.hpp"
#include "describe_class.hpp"

#include <pybind11/typing.h>

#include <iptkit/export/fhir.hpp>
#include <iptkit/export/html_report.hpp>
#include <iptkit/export/svg.hpp>
#include <iptkit/rules/validate.hpp>

#include <optional>

namespace iptkit::python {

namespace {

svg_options figure(int width, int height, std::string id, std::string title) {
  svg_options o;
  o.width = width;
  o.height = height;
  o.id = std::move(id);
  o.title = std::move(title);
  return o;
}

}  // namespace

void bind_export(py::module_& m) {
  m.def(
      "case_trajectory_svg",
      [](const case_record& c, std::string_view instrument, const catalog* cat, int width, int height,
         std::string id, std::string title) {
        const catalog& in_force = catalog_or_builtin(cat);
        if (!in_force.instruments.find(instrument))  // a misspelt id drew an empty chart: the Python check's words
          py::module_::import("iptkit._optional")
              .attr("instrument")(std::string(instrument), cat ? py::cast(cat, py::return_value_policy::reference) : py::none(),
                                  "iptkit.case_trajectory_svg");
        return case_trajectory_svg(c, instrument, figure(width, height, std::move(id), std::move(title)), in_force);
      },
      py::arg("case"), py::arg("instrument") = "phq9", py::kw_only(), py::arg("catalog") = py::none(),
      py::arg("width") = 640, py::arg("height") = 360, py::arg("id") = "", py::arg("title") = "",
      "One case's totals of an instrument by week, with cut-offs and bands, as an SVG element.");
  m.def(
      "closeness_circle_svg",
      [](const inventory& inv, int width, int height, std::string id, std::string title) {
        return closeness_circle_svg(inv, figure(width, height, std::move(id), std::move(title)));
      },
      py::arg("inventory"), py::kw_only(), py::arg("width") = 480, py::arg("height") = 480, py::arg("id") = "",
      py::arg("title") = "", "The closeness circle of an interpersonal inventory, as an SVG element.");
  auto case_class = py::reinterpret_borrow<py::class_<case_record>>(m.attr("Case"));
  case_class.def(
      "to_fhir",
      [](const case_record& c, const catalog* cat) {
        return json_to_python(fhir_bundle(c, fhir_options{json_style::compact}, catalog_or_builtin(cat)));
      },
      py::kw_only(), py::arg("catalog") = py::none(),
      "The case as one FHIR R4 Bundle (type collection), as a dict (docs/interop.md#fhir-r4).");
  m.def(
      "fhir_bundle",
      [](const case_record& c, bool pretty, const catalog* cat) {
        return fhir_bundle(c, fhir_options{pretty ? json_style::pretty : json_style::compact}, catalog_or_builtin(cat));
      },
      py::arg("case"), py::kw_only(), py::arg("pretty") = true, py::arg("catalog") = py::none(), "The case's FHIR R4 Bundle as JSON text (the CLI's `convert --to fhir`).");
  m.def("escape_xml", &escape_xml, py::arg("text"), "Text escaped for XML and HTML.");
  m.def(
      "html_report",
      [](const py::typing::Iterable<case_record>& cases, std::vector<std::vector<finding>> findings, std::string title, group_by by,
         const catalog* cat, std::string generated_by, analysis_set set, std::optional<missing_outcome> missing) {
        const auto refs = case_pointers(cases);
        if (missing && set != analysis_set::itt)
          throw py::value_error("iptkit.html_report: missing applies to analysis_set='itt' only");
        std::vector<case_record> copies;  // the report takes a contiguous span
        copies.reserve(refs.cases.size());
        for (const auto* c : refs.cases) copies.push_back(*c);
        report_options o;
        o.title = std::move(title);
        o.by = by;
        o.generated_by = std::move(generated_by);
        o.analysis_set = set;
        o.missing_endpoints = missing.value_or(missing_outcome::non_response);
        py::gil_scoped_release release;
        // Per protocol needs the major deviations: the cases' findings, computed when not given.
        if (set == analysis_set::per_protocol && findings.empty())
          for (const auto& c : copies) findings.push_back(validate(c, {}, catalog_or_builtin(cat)));
        if (auto errors = analysis_set_errors(copies, set, major_deviations(findings)); !errors.empty()) {
          py::gil_scoped_acquire gil;
          throw py::value_error("iptkit.html_report: " + errors.front());
        }
        return html_report(copies, findings, {}, o, catalog_or_builtin(cat));
      },
      py::arg("cases"), py::arg("findings") = std::vector<std::vector<finding>>{}, py::kw_only(),
      py::arg("title") = "IPT cohort report", py::arg("by") = group_by::arm, py::arg("catalog") = py::none(),
      py::arg("generated_by") = "iptkit (Python)", py::arg("analysis_set") = analysis_set::completers,
      py::arg("missing") = py::none(),
      "A self-contained HTML report of a cohort (the CLI's `report`), its summary, trajectories and relapse curves "
      "in an analysis set (missing: itt only).");
}

}  // namespace iptkit::python
