#pragma once
// The parts of the iptkit._core module, one per concept, registered in this order by module.cpp.

#include "enum_caster.hpp"
#include "thread_count.hpp"

#include <pybind11/pybind11.h>

#include <iptkit/trials/analysis_set.hpp>

#include <span>
#include <vector>

namespace iptkit {
struct case_record;
struct catalog;
struct cohort_columns;
struct outcome_columns;
struct tidy_tables;
}  // namespace iptkit

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
void bind_cohort(py::module_& m);    // a cohort held as columns: outcome columns from long tables
void bind_trials(py::module_& m);    // trial record views: CONSORT flow
void bind_stats(py::module_& m);     // trial statistics: survival, Cox, ANCOVA, ICC (iptkit.stats)

// The outcome frame's numpy columns (bind_outcomes.cpp); without `with_case_id` the case_id
// column is left to the caller (a Cohort takes it from its cases table), and without `cases`
// (nullptr) the arm, site and adaptation columns too.
py::dict outcome_frame(const outcome_columns& o, const cohort_columns& cohort, std::size_t first_index,
                       bool with_case_id, const std::span<const case_record* const>* cases);

// The tidy tables' numpy columns by table name (bind_outcomes.cpp), the complete columns after
// the analysis ones when the tables have them.
py::dict tidy_frames(const tidy_tables& tables);

// The cases of an analysis set (bind_outcomes.cpp); per_protocol validates them. Called without
// the GIL; a set that would be silently empty raises ValueError.
analysis_population population_of(const std::vector<const case_record*>& cases, analysis_set set, const catalog* cat,
                                  thread_count threads);

}  // namespace iptkit::python
