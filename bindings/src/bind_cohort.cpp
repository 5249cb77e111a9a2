// A cohort held as columns (iptkit.Cohort): the outcome form of a cohort made in C++ from the long
// tables' numpy or Arrow arrays, with no Python object per row, and the outcomes computed on it.
#include "bindings.hpp"
#include "construction.hpp"
#include "describe_class.hpp"

#include <pybind11/numpy.h>
#include <pybind11/stl.h>
#include <pybind11/typing.h>

#include <iptkit/import/table_columns.hpp>
#include <iptkit/json/check.hpp>
#include <iptkit/outcomes/outcome_columns.hpp>
#include <iptkit/outcomes/outcomes.hpp>
#include <iptkit/outcomes/statistics.hpp>

#include <cstdint>
#include <limits>
#include <type_traits>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace iptkit::python {

namespace {

template <class T>
using numbers = py::array_t<T, py::array::c_style | py::array::forcecast>;
using text_spec = py::typing::Tuple<py::str, py::object>;  // ("arrow", [...]) or ("objects", array)

[[noreturn]] void table_error(const std::string& message);

// A text column handed over by iptkit/_cohort.py, read where it lies: ("arrow", [(offsets,
// data), ...]) with each chunk's offsets cut to its rows (int32 or int64, rows + 1), or
// ("objects", a contiguous object array of str). Rows are read in increasing order.
class text_keys {
 public:
  text_keys(const text_spec& spec, std::string what) : what_(std::move(what)) {
    if (spec[0].cast<std::string>() == "arrow") {
      for (auto item : spec[1].cast<py::list>()) {
        const auto t = item.cast<py::tuple>();
        const auto offsets = t[0].cast<py::array>(), data = t[1].cast<py::array>();
        keep_.push_back(offsets);  // the buffers outlive the raw pointers below
        keep_.push_back(data);
        const bool wide = offsets.itemsize() == 8;
        const auto rows = static_cast<std::size_t>(offsets.size()) - 1;
        pieces_.push_back({wide ? nullptr : static_cast<const std::int32_t*>(offsets.data()),
                           wide ? static_cast<const std::int64_t*>(offsets.data()) : nullptr,
                           static_cast<const char*>(data.data()), size_, rows});
        size_ += rows;
      }
      return;
    }
    const auto a = spec[1].cast<py::array>();
    const auto n = static_cast<std::size_t>(a.size());
    auto* items = static_cast<PyObject* const*>(a.data());
    views_.reserve(n);
    PyObject* previous = nullptr;
    for (std::size_t i = 0; i < n; ++i) {
      PyObject* o = items[i];
      if (o != previous) {
        if (!PyUnicode_Check(o))
          table_error("iptkit.Cohort: " + what_ + ", row " + std::to_string(i + 1) + ": expected text, found " +
                      std::string(Py_TYPE(o)->tp_name));
        Py_ssize_t size = 0;
        const char* text = PyUnicode_AsUTF8AndSize(o, &size);
        if (!text) throw py::error_already_set();
        previous = o;
        views_.emplace_back(text, static_cast<std::size_t>(size));
      } else {
        views_.push_back(views_.back());
      }
    }
    size_ = n;
  }

  [[nodiscard]] std::size_t size() const noexcept { return size_; }

  std::string_view operator()(std::size_t r) const {
    if (pieces_.empty()) return views_[r];
    if (r < pieces_[at_].first) at_ = 0;
    while (r >= pieces_[at_].first + pieces_[at_].rows) ++at_;
    const auto& p = pieces_[at_];
    const std::size_t i = r - p.first;
    const std::int64_t begin = p.narrow ? p.narrow[i] : p.wide[i];
    const std::int64_t end = p.narrow ? p.narrow[i + 1] : p.wide[i + 1];
    return {p.data + begin, static_cast<std::size_t>(end - begin)};
  }

 private:
  // One Arrow chunk: its offsets (32- or 64-bit, one of the two set) and its UTF-8 bytes.
  struct piece {
    const std::int32_t* narrow;
    const std::int64_t* wide;
    const char* data;
    std::size_t first, rows;
  };
  std::string what_;
  std::vector<py::array> keep_;
  std::vector<piece> pieces_;
  std::vector<std::string_view> views_;
  std::size_t size_ = 0;
  mutable std::size_t at_ = 0;
};

// Codes in order of first appearance, and the distinct values; adjacent rows mostly repeat.
std::pair<std::vector<std::int32_t>, std::vector<std::string>> factorize(const text_keys& keys) {
  std::vector<std::int32_t> codes(keys.size());
  std::vector<std::string> values;
  std::unordered_map<std::string_view, std::int32_t> seen;
  std::string_view last;
  std::int32_t last_code = -1;
  for (std::size_t r = 0; r < keys.size(); ++r) {
    const auto k = keys(r);
    if (last_code < 0 || !iptkit::detail::same_text(k, last)) {
      auto [it, added] = seen.emplace(k, static_cast<std::int32_t>(values.size()));
      if (added) values.emplace_back(k);
      last = k;
      last_code = it->second;
    }
    codes[r] = last_code;
  }
  return {std::move(codes), std::move(values)};
}

template <class T>
std::span<const T> span_of(const numbers<T>& a) {
  return {a.data(), static_cast<std::size_t>(a.size())};
}

// The columns as import_cohort_columns() or append() leave them (a blank instance has no offsets).
const cohort_columns& whole(const cohort_columns& c) {
  if (c.offset.size() != c.size() + 1 || c.offset.back() != c.total.size())
    throw py::value_error("iptkit: CohortColumns not made by iptkit.Cohort");
  return c;
}

[[noreturn]] void table_error(const std::string& message) {
  const auto type = py::module_::import("iptkit._errors").attr("TableError");
  const py::object instance = type(message, py::list());
  PyErr_SetObject(type.ptr(), instance.ptr());
  throw py::error_already_set();
}

// Day numbers of datetime64 ticks (`per_day` ticks a day; INT64_MIN is NaT, missing): the date
// of a timestamp, as import_tables takes it. A day outside int32 is refused.
std::vector<std::int32_t> days_of(const std::pair<numbers<std::int64_t>, std::int64_t>& given, std::string_view what) {
  const auto& [ticks, per_day] = given;
  const auto t = span_of(ticks);
  std::vector<std::int32_t> out(t.size());
  std::size_t bad = t.size();
  const auto convert = [&](auto unit) {
    for (std::size_t i = 0; i < t.size(); ++i) {
      const std::int64_t v = t[i];
      if (v == std::numeric_limits<std::int64_t>::min()) {
        out[i] = cohort_columns::no_day;
        continue;
      }
      const std::int64_t d = v / unit - (v % unit < 0);  // floor: a time of day is dropped, as import_tables does
      if (d <= cohort_columns::no_day || d > std::numeric_limits<std::int32_t>::max()) {
        bad = std::min(bad, i);
        continue;
      }
      out[i] = static_cast<std::int32_t>(d);
    }
  };
  {
    py::gil_scoped_release release;
    if (per_day == 86'400) convert(std::integral_constant<std::int64_t, 86'400>{});  // seconds: divide by a constant
    else if (per_day == 1) convert(std::integral_constant<std::int64_t, 1>{});
    else if (per_day > 0) convert(per_day);
  }
  if (per_day <= 0) table_error("iptkit.Cohort: " + std::string(what) + ": no date unit");
  if (bad < t.size())
    table_error("iptkit.Cohort: " + std::string(what) + ", row " + std::to_string(bad + 1) +
                ": expected a calendar date, found one out of range");
  return out;
}

}  // namespace

void bind_cohort(py::module_& m) {
  auto cls = make_class<cohort_columns>(m, "CohortColumns",
                                        "The outcome form of a cohort (cases, sessions and assessments as flat arrays).");
  def_init(cls, []() { return cohort_columns{.offset = {0}}; }, "An empty cohort.");
  cls
      .def("__len__", &cohort_columns::size, "The number of cases.")
      .def_property_readonly(
          "instruments", [](const cohort_columns& c) { return c.instruments; }, "Instrument ids, in order of first appearance.")
      .def_property_readonly(
          "assessments", [](const cohort_columns& c) { return c.total.size(); }, "The number of assessments.");

  m.def(
      "cohort_columns_from_tables",
      [](const text_spec& case_id, const std::pair<numbers<std::int64_t>, std::int64_t>& start_date,
         const std::vector<std::tuple<std::size_t, std::string, int, int>>& relapse, const text_spec& session_case,
         const std::pair<numbers<std::int64_t>, std::int64_t>& session_date, const numbers<std::uint8_t>& phase,
         const numbers<std::uint8_t>& attendance, const text_spec& assessment_case, const text_spec& instrument,
         const std::pair<numbers<std::int64_t>, std::int64_t>& assessment_date, const numbers<std::int32_t>& total,
         const catalog* c, std::size_t max_errors) -> py::tuple {
        const text_keys ids(case_id, "cases.case_id"), s_keys(session_case, "sessions.case_id"),
            a_keys(assessment_case, "assessments.case_id"), instruments(instrument, "assessments.instrument");
        const auto start_day = days_of(start_date, "cases.start_date");
        const auto session_day = days_of(session_date, "sessions.date");
        const auto assessment_day = days_of(assessment_date, "assessments.date");
        cohort_columns_result r;
        {
          py::gil_scoped_release release;
          table_columns t;
          t.cases.case_id.reserve(ids.size());
          for (std::size_t i = 0; i < ids.size(); ++i) t.cases.case_id.emplace_back(ids(i));
          auto [instrument_code, instrument_ids] = factorize(instruments);
          t.instruments = std::move(instrument_ids);
          // The relapse rules (few): their instruments join the list.
          std::vector<std::int32_t> rule(relapse.empty() ? 0 : ids.size(), -1), threshold(rule.size(), 0),
              consecutive(rule.size(), 0);
          for (const auto& [position, id, at, run] : relapse) {
            if (position >= rule.size()) continue;
            auto it = std::find(t.instruments.begin(), t.instruments.end(), id);
            if (it == t.instruments.end()) it = t.instruments.insert(t.instruments.end(), id);
            rule[position] = static_cast<std::int32_t>(it - t.instruments.begin());
            threshold[position] = at;
            consecutive[position] = run;
          }
          const auto s_case = case_positions(t.cases.case_id, s_keys.size(), s_keys);
          const auto a_case = case_positions(t.cases.case_id, a_keys.size(), a_keys);
          t.cases.start_day = start_day;
          t.cases.relapse_instrument = rule;
          t.cases.relapse_threshold = threshold;
          t.cases.relapse_consecutive = consecutive;
          t.sessions = {s_case, session_day, span_of(phase), span_of(attendance)};
          t.assessments = {a_case, instrument_code, assessment_day, span_of(total)};
          r = import_cohort_columns(std::move(t), catalog_or_builtin(c), max_errors);
        }
        // A row whose case is not in the cases table is named by the id it gives; a relapse rule
        // came from the cases table's maintenance_json column.
        for (auto& e : r.errors)
          if (e.source == "cases" && e.field.starts_with("relapse_")) {
            e.field = "maintenance_json";
          } else if (e.kind == import_error_kind::unmatched_row && e.row) {
            const text_keys& keys = e.source == "sessions" ? s_keys : a_keys;
            e.case_id = std::string(keys(*e.row - 1));
            e.message = "no row of the cases table has this case_id";
          }
        if (!r.ok()) return py::tuple(py::make_tuple(py::none(), py::cast(std::move(r.errors))));
        return py::tuple(py::make_tuple(py::cast(std::move(r.columns)), py::list()));
      },
      py::arg("case_id"), py::arg("start_date"), py::arg("relapse"), py::arg("session_case"), py::arg("session_date"),
      py::arg("phase"), py::arg("attendance"), py::arg("assessment_case"), py::arg("instrument"),
      py::arg("assessment_date"), py::arg("total"), py::kw_only(), py::arg("catalog") = py::none(),
      py::arg("max_errors") = 100,
      "The outcome columns of long tables given as arrays (see iptkit/_cohort.py); returns "
      "(CohortColumns, []) or (None, [ImportIssue]).");

  m.def(
      "cohort_outcome_columns",
      [](const cohort_columns& cohort, const catalog* c, thread_count threads, int recovery_months) {
        outcome_columns columns;
        {
          py::gil_scoped_release release;
          columns = compute_outcome_columns(whole(cohort), {.threads = threads.value, .recovery_period_months = recovery_months},
                                            catalog_or_builtin(c));
        }
        return outcome_frame(columns, cohort, 0, false, nullptr);
      },
      py::arg("cohort"), py::kw_only(), py::arg("catalog") = py::none(), py::arg("threads") = 1,
      py::arg("recovery_period_months") = 4,
      "The outcome columns of a cohort, without case_id (see iptkit/_cohort.py).");

  m.def(
      "cohort_summarize",
      [](const cohort_columns& cohort, const std::vector<std::string>& labels, group_by by, const catalog* c,
         thread_count threads, int recovery_months) {
        if (labels.size() != cohort.size())
          throw py::value_error("iptkit: one group label per case expected, found " + std::to_string(labels.size()) +
                                " for " + std::to_string(cohort.size()) + " cases");
        py::gil_scoped_release release;
        const auto rows = compute_outcomes(whole(cohort), {.threads = threads.value, .recovery_period_months = recovery_months},
                                           catalog_or_builtin(c));
        return summarize(rows, labels, by);
      },
      py::arg("cohort"), py::arg("labels"), py::kw_only(), py::arg("by") = group_by::none,
      py::arg("catalog") = py::none(), py::arg("threads") = 1, py::arg("recovery_period_months") = 4,
      "The cohort statistics of a cohort's outcomes, each case in the group of its label.");
}

}  // namespace iptkit::python
