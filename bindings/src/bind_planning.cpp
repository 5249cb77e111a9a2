// Course planning and where a course stands.
#include "bindings.hpp"
#include "describe_class.hpp"

#include <iptkit/planning/plan.hpp>
#include <iptkit/planning/progress.hpp>

namespace iptkit::python {

void bind_planning(py::module_& m) {
  bind_struct<planned_session>(m, "One session of a plan.");
  bind_struct<overdue_task>(m, "A task that should already have been covered, and why.");
  bind_struct<open_risk_alert>(m, "A risk item above 0 that no risk review has resolved yet.");
  bind_struct<measure_status>(m, "The latest score of one instrument.");
  bind_struct<course_progress>(m, "Where a course stands on a date.");

  m.def(
      "plan",
      [](std::string_view adaptation, date start, std::optional<int> planned_sessions,
         std::optional<session_frequency> frequency, std::vector<date> skip, std::vector<problem_area> focus,
         const catalog* cat) {
        plan_options o{planned_sessions, frequency, std::move(skip), std::move(focus)};
        return value_or_raise(plan(adaptation, start, o, catalog_or_builtin(cat)));
      },
      py::arg("adaptation"), py::arg("start"), py::kw_only(), py::arg("planned_sessions") = py::none(),
      py::arg("frequency") = py::none(), py::arg("skip") = std::vector<date>{},
      py::arg("focus") = std::vector<problem_area>{}, py::arg("catalog") = py::none(),
      "The dated session schedule of an adaptation from `start`, with the tasks due in each phase. "
      "Raises DecodeError naming each argument that cannot be planned (/adaptation, /planned_sessions, ...).");
  m.def(
      "progress",
      [](const case_record& c, date as_of, const catalog* cat) {
        return value_or_raise(progress(c, as_of, catalog_or_builtin(cat)));
      },
      py::arg("case"), py::arg("as_of"), py::kw_only(), py::arg("catalog") = py::none(),
      "Where the course stands on `as_of`: phase, sessions, what is due and overdue, latest measures. "
      "Raises DecodeError for a case that is not well formed or names an instrument the catalog lacks.");
}

}  // namespace iptkit::python
