// Import: cases from tidy tables, REDCap and FHIR QuestionnaireResponses (docs/import.md). The Python side hands the inputs
// over as texts (read from files, or rendered from DataFrames, Arrow tables and API records) and
// gets the cases, the errors and the unused columns back.
#include "bindings.hpp"
#include "describe_class.hpp"

#include <iptkit/export/tidy.hpp>
#include <iptkit/import/fhir.hpp>
#include <iptkit/import/redcap.hpp>
#include <iptkit/import/tables.hpp>
#include <iptkit/rules/validate.hpp>

#include <algorithm>
#include <optional>
#include <tuple>

namespace iptkit::python {

namespace {

using named_bytes = std::pair<std::string, py::bytes>;
using named_table = std::tuple<std::string, py::bytes, bool>;  // name, CSV bytes, rendered from a DataFrame

import_result tables_result(const std::vector<named_table>& tables, bool keep_unknown_columns, bool lax,
                            const catalog* cat, bool redact, const read_limits* limits, bool raw_cells) {
  tidy_csv_input in;
  std::vector<std::string> frames;  // tables rendered from a DataFrame: their lines mean nothing
  for (const auto& [name, data, frame] : tables) {
    std::string text = data;
    if (frame) frames.push_back(name);
    csv_source* slot = name.starts_with("cases")           ? &in.cases
                       : name.starts_with("sessions")      ? &in.sessions
                       : name.starts_with("assessments")   ? &in.assessments
                       : name.starts_with("relationships") ? &in.relationships
                                                           : nullptr;
    if (!slot) throw py::value_error("iptkit: no input table '" + name + "'");
    *slot = {name, std::move(text)};
  }
  import_options options;
  options.keep_unknown_columns = keep_unknown_columns;
  options.raw_cells = raw_cells;
  options.read = reading(lax, redact, limits);
  py::gil_scoped_release release;
  auto result = import_tables(in, options, catalog_or_builtin(cat));
  for (auto* list : {&result.errors, &result.unused})
    for (auto& e : *list)
      if (std::find(frames.begin(), frames.end(), e.source) != frames.end()) e.line.reset();
  return result;
}

import_result redcap_result(const named_bytes& records, const named_bytes& dictionary, const named_bytes& mapping,
                            bool records_from_frame, bool lax, const catalog* cat, bool redact,
                            const read_limits* limits) {
  redcap_input in{{dictionary.first, std::string(dictionary.second)},
                  {records.first, std::string(records.second)},
                  {mapping.first, std::string(mapping.second)}};
  redcap_options options;
  options.read = reading(lax, redact, limits);
  options.lines = !records_from_frame;  // a DataFrame's rendered lines mean nothing to its reader
  py::gil_scoped_release release;
  auto result = import_redcap(in, options, catalog_or_builtin(cat));
  if (records_from_frame)
    for (auto* list : {&result.errors, &result.unused})
      for (auto& e : *list)
        if (e.source == in.records.name) e.line.reset();
  return result;
}

}  // namespace

void bind_import(py::module_& m) {
  bind_enum<import_error_kind>(m, "The kinds of import problem.");
  bind_struct<import_issue>(m, "One problem of an import, or one unused column, with its table, line, row and column.")
      .def("__str__", [](const import_issue& e) { return to_string(e); },
           "One line, as the command line writes it: `source:line: record R, ...: field: case ID: message`.");
  bind_struct<import_result>(m, "The cases an import made, its errors and the columns it did not use.")
      .def_property_readonly("ok", &import_result::ok, "True when nothing went wrong.");
  m.def(
      "import_tables_text",
      [](const std::vector<named_table>& tables, bool keep_unknown_columns, bool lax, const catalog* cat, bool redact,
         const read_limits* limits, bool raw_cells) {
        return tables_result(tables, keep_unknown_columns, lax, cat, redact, limits, raw_cells);
      },
      py::arg("tables"), py::kw_only(), py::arg("keep_unknown_columns") = false, py::arg("lax") = false,
      py::arg("catalog") = py::none(), py::arg("redact") = false, py::arg("limits") = py::none(),
      py::arg("raw_cells") = false,
      "Cases from the tidy tables given as (name, CSV bytes, from a DataFrame) triples; each name starts "
      "with its table's (cases, sessions, assessments, relationships). Issues of a table rendered from a "
      "DataFrame carry its row, not a line. Without `raw_cells`, the leading ' of a spreadsheet-safe cell "
      "is removed (a DataFrame's text is rendered spreadsheet-safe for that).");
  m.def(
      "import_tables_findings",
      [](const std::vector<named_table>& tables, const catalog* c, thread_count threads, bool redact) {
        auto result = tables_result(tables, false, false, c, redact, nullptr, false);
        std::vector<std::vector<finding>> findings;
        std::vector<std::string> ids;
        if (result.ok()) {
          py::gil_scoped_release release;
          findings = validate_cohort(result.cases, {.redact = redact, .threads = threads.value}, catalog_or_builtin(c));
          ids.reserve(result.cases.size());
          for (const auto& k : result.cases) ids.push_back(k.case_id);
        }
        return py::make_tuple(std::move(result.errors), std::move(findings), std::move(ids));
      },
      py::arg("tables"), py::kw_only(), py::arg("catalog") = py::none(), py::arg("threads") = 1,
      py::arg("redact") = false,
      "The protocol findings of the cases the tables make, built and validated in C++ (no Python object per "
      "case): (import errors, findings per case, case ids); with errors, no findings.");
  m.def(
      "import_redcap_text",
      [](const named_bytes& records, const named_bytes& dictionary, const named_bytes& mapping,
         bool records_from_frame, bool lax, const catalog* cat, bool redact, const read_limits* limits) {
        return redcap_result(records, dictionary, mapping, records_from_frame, lax, cat, redact, limits);
      },
      py::arg("records"), py::arg("dictionary"), py::arg("mapping"), py::kw_only(),
      py::arg("records_from_frame") = false, py::arg("lax") = false, py::arg("catalog") = py::none(),
      py::arg("redact") = false, py::arg("limits") = py::none(),
      "Cases from a REDCap project given as (name, bytes) pairs: the records (CSV raw codes, or the API's "
      "flat JSON records), the data dictionary (CSV) and the mapping (JSON).");
  m.def(
      "import_redcap_columns",
      [](const named_bytes& records, const named_bytes& dictionary, const named_bytes& mapping,
         bool records_from_frame, bool lax, const catalog* cat, bool redact, const read_limits* limits) {
        auto result = redcap_result(records, dictionary, mapping, records_from_frame, lax, cat, redact, limits);
        tidy_tables tables;
        {
          py::gil_scoped_release release;
          tables = make_tidy_tables(result.cases, tidy_options{.complete = true}, catalog_or_builtin(cat));
          result.cases = {};
        }
        return py::make_tuple(tidy_frames(tables), std::move(result.errors), std::move(result.unused));
      },
      py::arg("records"), py::arg("dictionary"), py::arg("mapping"), py::kw_only(),
      py::arg("records_from_frame") = false, py::arg("lax") = false, py::arg("catalog") = py::none(),
      py::arg("redact") = false, py::arg("limits") = py::none(),
      "As import_redcap_text, but the cases come back as their complete tidy tables' numpy columns "
      "(no Python object per case): (tables, errors, unused).");

  bind_enum<fhir_attach>(m, "Where a FHIR import puts its assessments.");
  bind_struct<assessment_record>(m, "One imported QuestionnaireResponse: the assessment, its subject and where it came from.");
  bind_struct<fhir_import_result>(m, "What a FHIR import made (assessments, and with cases the updated cases) and found.")
      .def_property_readonly("ok", &fhir_import_result::ok, "True when nothing went wrong.");
  m.def(
      "import_fhir_text",
      [](const std::vector<std::pair<std::string, py::bytes>>& inputs,
         const std::optional<py::typing::Iterable<case_record>>& cases,
         bool lax, const catalog* cat, bool redact, const read_limits* limits) {
        std::vector<csv_source> sources;
        for (const auto& [name, data] : inputs) sources.push_back({name, std::string(data)});
        fhir_import_options options;
        options.read = reading(lax, redact, limits);
        if (cases) {
          options.attach = fhir_attach::to_cases;
          for (const auto* c : case_pointers(*cases).cases) options.cases.push_back(*c);
        }
        py::gil_scoped_release release;
        return import_questionnaire_responses(sources, options, catalog_or_builtin(cat));
      },
      py::arg("inputs"), py::kw_only(), py::arg("cases") = py::none(), py::arg("lax") = false,
      py::arg("catalog") = py::none(), py::arg("redact") = false, py::arg("limits") = py::none(),
      "Assessments from FHIR QuestionnaireResponses given as (name, bytes) pairs (a resource, a Bundle or "
      "NDJSON each); with `cases`, attached to the case each subject names.");
}

}  // namespace iptkit::python
