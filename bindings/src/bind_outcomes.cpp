// Outcome rows (as objects and as numpy columns), cohort statistics and synthetic cohorts.
#include "bindings.hpp"
#include "columns.hpp"
#include "describe_class.hpp"

#include <pybind11/typing.h>

#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <string_view>
#include <unordered_map>

#include <iptkit/export/tidy.hpp>
#include <iptkit/json/check.hpp>
#include <iptkit/measures/instrument_registry.hpp>
#include <iptkit/meta/enum.hpp>
#include <iptkit/outcomes/outcome_columns.hpp>
#include <iptkit/outcomes/outcomes.hpp>
#include <iptkit/outcomes/statistics.hpp>
#include <iptkit/synth/generator.hpp>
#include <iptkit/detail/parallel.hpp>
#include <iptkit/rules/validate.hpp>
#include <iptkit/trials/analysis_set.hpp>
#include <iptkit/trials/relapse_survival.hpp>

namespace iptkit::python {

namespace {

// Each case's group label: the labels given (one per case), or its group_labels() by `by`.
std::vector<std::string> labels_of(const std::vector<const case_record*>& cases, group_by by,
                                   std::optional<std::vector<std::string>> given) {
  if (given) {
    if (given->size() != cases.size())
      throw py::value_error("iptkit: one group label per case expected, found " + std::to_string(given->size()) +
                            " for " + std::to_string(cases.size()) + " cases");
    return std::move(*given);
  }
  std::vector<std::string> labels;
  labels.reserve(cases.size());
  for (const auto* c : cases) labels.push_back(group_labels(std::span<const case_record>(c, 1), by).front());
  return labels;
}


// Outcome rows of Python cases: columns built from the case objects without copying them, then
// computed with the GIL released. `first_index` is added to case_index (a chunk of a cohort).
std::vector<case_outcome> outcome_rows(const py::iterable& cases, const catalog& cat, const outcome_options& options,
                                       std::size_t first_index) {
  const auto refs = case_pointers(cases);
  py::gil_scoped_release release;
  require_well_formed(refs.cases, {}, first_index, cat);  // no outcome of an impossible date
  cohort_columns columns;
  for (const auto* c : refs.cases) columns.append(*c, cat);
  auto rows = compute_outcomes(columns, options, cat);
  if (first_index)
    for (auto& r : rows) r.case_index += first_index;
  return rows;
}

// Row i's cell of an optional quantity of row type T, std::nullopt for its sentinel.
template <class T, class Cell>
std::optional<Cell> cell_or_none(const outcome_column<Cell>& c, std::size_t i) {
  if (outcome_cell<T>::is_missing(c[i])) return std::nullopt;
  return c[i];
}

// True for std::optional of a described enum (a status, a reason, a relapse kind).
template <class T>
constexpr bool is_optional_enum_v = false;
template <class E>
constexpr bool is_optional_enum_v<std::optional<E>> = meta::is_described_enum_v<E>;

// One quantity's frame column straight from its outcome_columns column: the sentinels become
// missing values and band indices shared str, with no row object in between. One kind per row
// type of outcome_quantities, the same kind to_columns() gives that type in a row.
template <class T, class Cell>
py::tuple quantity_column(const outcome_column<Cell>& c, const std::vector<std::string>& bands) {
  const std::size_t n = c.size();
  if constexpr (std::is_same_v<T, std::optional<int>>) {
    return column::nullable_integers(n, [&c](std::size_t i) { return cell_or_none<T>(c, i); });
  } else if constexpr (std::is_same_v<T, std::optional<date>>) {
    return column::dates(n, [&c](std::size_t i) { return cell_or_none<T>(c, i); });
  } else if constexpr (std::is_same_v<T, std::optional<std::string>>) {
    return column::texts(n, [&c](std::size_t i) { return std::int64_t{c[i]}; }, bands);  // no_index is -1
  } else if constexpr (std::is_same_v<T, std::optional<double>>) {
    return column::floats(n, [&c](std::size_t i) { return c[i]; });  // NaN where missing
  } else if constexpr (std::is_same_v<T, std::optional<bool>>) {
    return column::nullable_flags(n, [&c](std::size_t i) -> std::optional<bool> {
      if (const auto x = cell_or_none<T>(c, i)) return *x == 1;
      return std::nullopt;
    });
  } else if constexpr (is_optional_enum_v<T>) {
    using E = typename T::value_type;
    return column::categories<E>(n, [&c](std::size_t i) -> std::optional<E> {
      if (const auto x = cell_or_none<T>(c, i)) return static_cast<E>(*x);
      return std::nullopt;
    });
  } else if constexpr (std::is_same_v<T, int>) {
    return column::integers(n, [&c](std::size_t i) { return std::int64_t{c[i]}; });
  } else if constexpr (std::is_same_v<T, bool>) {
    return column::flags(n, [&c](std::size_t i) { return c[i] != 0; });
  } else {
    static_assert(sizeof(T) == 0, "iptkit: no frame column kind for this outcome quantity type");
  }
}

}  // namespace

py::dict tidy_frames(const tidy_tables& tables) {
  // The complete columns follow the analysis columns, as in the CSV.
  const auto with = [&](auto&& rows, auto&& extra) {
    py::dict columns = to_columns(rows);
    if (tables.extra.complete)
      for (auto [name, column] : to_columns(extra)) columns[name] = column;
    return columns;
  };
  py::dict out;
  out["cases"] = with(tables.cases, tables.extra.cases);
  out["sessions"] = with(tables.sessions, tables.extra.sessions);
  out["assessments"] = with(tables.assessments, tables.extra.assessments);
  out["relationships"] = with(tables.relationships, tables.extra.relationships);
  out["outcomes"] = to_columns(tables.outcomes);
  return out;
}

// The outcome frame: the key's columns, then one per quantity in declaration order. Same names,
// order and kinds as to_columns() of the case_outcome rows (tests/python_module).
py::dict outcome_frame(const outcome_columns& o, const cohort_columns& cohort, std::size_t first_index,
                       bool with_case_id, const std::span<const case_record* const>* cases) {
  const std::size_t n = o.size();
  py::dict out;
  out["case_index"] = column::integers(n, [&](std::size_t i) {
    return std::int64_t{o.case_index[i]} + static_cast<std::int64_t>(first_index);
  });
  if (with_case_id)
    out["case_id"] = column::texts(n, [&](std::size_t i) { return std::int64_t{o.case_index[i]}; }, cohort.case_id);
  // A row without an instrument has "" there (case_outcome::instrument is not optional).
  auto instruments = o.instruments;
  instruments.emplace_back();
  out["instrument"] = column::texts(n, [&](std::size_t i) {
    return o.instrument[i] == outcome_columns::no_index ? std::int64_t(instruments.size() - 1) : std::int64_t{o.instrument[i]};
  }, instruments);
  for_each_quantity([&](auto d, const auto& c) { out[decltype(d)::name] = quantity_column<quantity_t<decltype(d)>>(c, o.bands); }, o);
  // Then the tidy outcome_row's own columns, so that this frame and tables()["outcomes"] agree.
  const auto day_of = [&](const outcome_column<std::int32_t>& dates) {
    return column::nullable_integers(n, [&](std::size_t i) -> std::optional<std::int64_t> {
      if (dates[i] == cohort_columns::no_day) return std::nullopt;
      return std::int64_t{dates[i]} - cohort.start_day[o.case_index[i]];
    });
  };
  out["baseline_day"] = day_of(o.baseline_date);
  out["day"] = day_of(o.endpoint_date);
  if (cases) {
    // Labels as codes into a small dictionary: a cohort has a few arms, sites and protocols.
    const auto labels = [&](auto field) {
      std::vector<std::string> dictionary;
      std::unordered_map<std::string_view, std::int32_t> code;
      std::vector<std::int32_t> of_case(cases->size(), -1);
      for (std::size_t k = 0; k < cases->size(); ++k)
        if (const std::string* v = field(*(*cases)[k])) {
          auto [at, added] = code.try_emplace(*v, static_cast<std::int32_t>(dictionary.size()));
          if (added) dictionary.push_back(*v);
          of_case[k] = at->second;
        }
      return column::texts(n, [&](std::size_t i) { return std::int64_t{of_case[o.case_index[i]]}; }, dictionary);
    };
    const auto optional = [](std::optional<std::string> case_record::*m) {
      return [m](const case_record& c) { return (c.*m) ? &*(c.*m) : nullptr; };
    };
    out["arm"] = labels(optional(&case_record::arm));
    out["site"] = labels(optional(&case_record::site));
    out["adaptation"] = labels([](const case_record& c) { return &c.adaptation; });
  }
  return out;
}

void bind_outcomes(py::module_& m) {
  bind_enum<not_computed>(m, "Why an outcome quantity is missing.");
  bind_enum<relapse_kind>(m, "Deterioration after the acute course: before recovery or after it.");
  bind_enum<group_by>(m, "What to group cases by in cohort statistics.");
  bind_enum<analysis_set>(m, "Which cases an analysis takes: completers, itt or per_protocol.");
  bind_enum<missing_outcome>(m, "What an intention-to-treat analysis does with a missing binary endpoint.");

  bind_struct<case_outcome>(m, "The outcomes of one case and instrument (outcomes.md).");
  bind_struct<proportion>(m, "k of n, with the Wilson score 95% interval.");
  bind_struct<mean_sd>(m, "Mean and sample SD of n values.");
  bind_struct<effect_size>(m, "A standardised mean difference with Hedges' correction and 95% interval.");
  bind_struct<group_summary>(m, "The statistics of one group and instrument.");
  bind_struct<rate_difference>(m, "A difference in rates with Newcombe's hybrid score 95% interval.");
  bind_struct<group_comparison>(m, "Two groups compared on one instrument.");
  bind_struct<cohort_summary>(m, "Every group's statistics and every pair of groups compared.");

  m.def(
      "outcomes",
      [](const py::typing::Iterable<case_record>& cases, const catalog* cat, thread_count threads, int recovery_months) {
        return outcome_rows(cases, catalog_or_builtin(cat),
                            {.threads = threads.value, .recovery_period_months = recovery_months}, 0);
      },
      py::arg("cases"), py::kw_only(), py::arg("catalog") = py::none(), py::arg("threads") = 1,
      py::arg("recovery_period_months") = 4, "The outcome rows of the cases, as CaseOutcome objects.");
  m.def(
      "outcome_columns",
      [](const py::typing::Iterable<case_record>& cases, const catalog* c, thread_count threads,
         int recovery_months, std::size_t first_index) {
        const auto refs = case_pointers(cases);
        const auto& cat = catalog_or_builtin(c);
        cohort_columns cohort;
        outcome_columns columns;
        {
          py::gil_scoped_release release;
          require_well_formed(refs.cases, {}, first_index, cat);
          for (const auto* k : refs.cases) cohort.append(*k, cat);
          columns = compute_outcome_columns(
              cohort, {.threads = threads.value, .recovery_period_months = recovery_months}, cat);
        }
        const std::span<const case_record* const> given(refs.cases);
        return outcome_frame(columns, cohort, first_index, true, &given);
      },
      py::arg("cases"), py::kw_only(), py::arg("catalog") = py::none(), py::arg("threads") = 1,
      py::arg("recovery_period_months") = 4, py::arg("first_index") = 0,
      "The outcome rows of the cases as numpy columns (see iptkit._frames).");
  bind_struct<analysis_population>(m, "The cases of an analysis set: per case whether it is in, its arm, and why not.");
  m.def(
      "analysis_population",
      [](const py::typing::Iterable<case_record>& cases, analysis_set set, const catalog* cat, thread_count threads) {
        const auto refs = case_pointers(cases);
        py::gil_scoped_release release;
        return population_of(refs.cases, set, cat, threads);
      },
      py::arg("cases"), py::arg("analysis_set"), py::kw_only(), py::arg("catalog") = py::none(),
      py::arg("threads") = 1,
      "The cases of an analysis set (per_protocol validates the cases for major deviations).");
  m.def(
      "relapse_times",
      [](const py::typing::Iterable<case_record>& cases, group_by by, std::optional<std::vector<std::string>> given,
         analysis_set set, const catalog* cat, thread_count threads, int recovery_months) {
        const auto refs = case_pointers(cases);
        auto labels = labels_of(refs.cases, by, std::move(given));
        const auto rows = outcome_rows(refs.keep, catalog_or_builtin(cat),
                                       {.threads = threads.value, .recovery_period_months = recovery_months}, 0);
        relapse_survival_fit fit;
        {
          py::gil_scoped_release release;
          fit = relapse_survival(refs.cases, rows, population_of(refs.cases, set, cat, threads), labels, by);
        }
        py::list case_id, group, kind;
        py::array_t<double> days(static_cast<py::ssize_t>(fit.subjects.size()));
        py::array_t<std::int32_t> event(static_cast<py::ssize_t>(fit.subjects.size()));
        py::array_t<std::int64_t> index(static_cast<py::ssize_t>(fit.subjects.size()));
        for (std::size_t i = 0; i < fit.subjects.size(); ++i) {
          const auto& t = fit.subjects[i];
          case_id.append(t.case_id);
          group.append(t.group);
          kind.append(t.kind ? py::object(py::str(std::string(to_string(*t.kind)))) : py::object(py::none()));
          days.mutable_at(static_cast<py::ssize_t>(i)) = t.days;
          event.mutable_at(static_cast<py::ssize_t>(i)) = t.event;
          index.mutable_at(static_cast<py::ssize_t>(i)) = static_cast<std::int64_t>(t.case_index);
        }
        py::dict out;
        out["case_index"] = index;
        out["case_id"] = case_id;
        out["group"] = group;
        out["days"] = days;
        out["event"] = event;
        out["kind"] = kind;
        out["not_at_risk"] = fit.not_at_risk;
        out["notes"] = fit.notes;
        out["analysis_set"] = std::string(to_string(fit.analysis_set));
        return out;
      },
      py::arg("cases"), py::kw_only(), py::arg("by") = group_by::none, py::arg("labels") = py::none(),
      py::arg("analysis_set") = analysis_set::completers, py::arg("catalog") = py::none(), py::arg("threads") = 1,
      py::arg("recovery_period_months") = 4,
      "The cases at risk of relapse or recurrence in maintenance: time, event, kind and group (iptkit.relapse_survival).");
  m.def(
      "summarize",
      [](const py::typing::Iterable<case_record>& cases, group_by by, std::optional<std::vector<std::string>> given,
         const catalog* cat, thread_count threads, int recovery_months, analysis_set set, missing_outcome missing) {
        const auto refs = case_pointers(cases);
        auto labels = labels_of(refs.cases, by, std::move(given));
        const auto rows = outcome_rows(refs.keep, catalog_or_builtin(cat),
                                       {.threads = threads.value, .recovery_period_months = recovery_months}, 0);
        py::gil_scoped_release release;
        return summarize(rows, population_of(refs.cases, set, cat, threads), labels, by, missing);
      },
      py::arg("cases"), py::kw_only(), py::arg("by") = group_by::none, py::arg("labels") = py::none(),
      py::arg("catalog") = py::none(), py::arg("threads") = 1, py::arg("recovery_period_months") = 4,
      py::arg("analysis_set") = analysis_set::completers, py::arg("missing") = missing_outcome::non_response,
      "The cohort statistics of the cases' outcomes in an analysis set, grouped by `by` (the allocated arm under "
      "itt and per_protocol), or by `labels` (one per case) when given.");
  m.def(
      "summary_columns", [](const cohort_summary& s) { return to_columns(s.groups); }, py::arg("summary"),
      "The groups of a summary as numpy columns (nested statistics flattened as parent_child).");
  m.def(
      "tidy_columns",
      [](const py::typing::Iterable<case_record>& cases, bool dates, const catalog* cat, std::size_t first_index,
         bool complete) {
        const auto refs = case_pointers(cases);
        tidy_tables tables;
        {
          py::gil_scoped_release release;
          tables = make_tidy_tables(refs.cases, tidy_options{dates, first_index, complete}, catalog_or_builtin(cat));
        }
        return tidy_frames(tables);
      },
      py::arg("cases"), py::kw_only(), py::arg("dates") = true, py::arg("catalog") = py::none(),
      py::arg("first_index") = 0, py::arg("complete") = false,
      "The five tidy tables (cases, sessions, assessments, relationships, outcomes) as numpy "
      "columns; without `dates` the calendar dates are left out (the `day` columns remain).");
  m.def(
      "tidy_csv",
      [](const py::typing::Iterable<case_record>& cases, std::string_view table, bool dates,
         const catalog* cat, bool complete, bool raw_cells) {
        const auto refs = case_pointers(cases);
        if (std::find(std::begin(tidy_table_names), std::end(tidy_table_names), table) == std::end(tidy_table_names))
          throw py::value_error("iptkit: no tidy table '" + std::string(table) + "'");
        py::gil_scoped_release release;
        return tidy_csv(make_tidy_tables(refs.cases, tidy_options{dates, 0, complete}, catalog_or_builtin(cat)), table,
                        dates, {.raw_cells = raw_cells});
      },
      py::arg("cases"), py::arg("table"), py::kw_only(), py::arg("dates") = true,
      py::arg("catalog") = py::none(), py::arg("complete") = false, py::arg("raw_cells") = false,
      "One tidy table as CSV text (RFC 4180), as the command line writes it: text cells spreadsheet-safe "
      "unless `raw_cells`.");
  m.attr("formula_triggers") = std::string(formula_triggers);
  m.def(
      "spreadsheet_safe", [](std::string_view text) { return spreadsheet_safe(text); }, py::arg("text"),
      "A text as a spreadsheet-safe CSV cell: a leading ' when it begins with = + - @ tab or CR, or with ' "
      "followed by one of those or '; otherwise unchanged.");
  m.def(
      "spreadsheet_value", [](std::string_view cell) { return std::string(spreadsheet_value(cell)); },
      py::arg("cell"), "The value of a spreadsheet-safe CSV cell: the inverse of spreadsheet_safe().");
  m.def("wilson", &wilson, py::arg("k"), py::arg("n"), "The Wilson 95% interval of k of n.");

  bind_struct<synth_share>(m, "One labelled share of a synthetic mix (adaptations, sites).");
  bind_struct<synth_area_share>(m, "One share of the synthetic problem-area mix.");
  bind_struct<synth_arm>(m, "A synthetic trial arm.");
  bind_struct<synth_deviations>(m, "Protocol deviations injected into synthetic cases.");
  bind_struct<synth_trial>(m, "The randomised-trial record of a synthetic cohort.");
  bind_struct<synth_options>(m, "Every knob of the synthetic cohort generator.");
  m.def(
      "synthesize",
      [](const synth_options& options, const catalog* cat) {
        py::gil_scoped_release release;
        return synthesize(options, catalog_or_builtin(cat));
      },
      py::arg("options") = synth_options{}, py::kw_only(), py::arg("catalog") = py::none(),
      "A deterministic synthetic cohort (docs/synthetic.md); raises ValueError for bad options.");
}

// The cases of `set`; per_protocol validates them (error-severity findings are major deviations).
// Called without the GIL; a refused set raises ValueError.
analysis_population population_of(const std::vector<const case_record*>& cases, analysis_set set, const catalog* cat,
                                  thread_count threads) {
  std::vector<std::uint8_t> deviations;
  if (set == analysis_set::per_protocol) {
    std::vector<std::vector<finding>> findings(cases.size());
    iptkit::detail::for_blocks(cases.size(), threads.value, [&](std::size_t begin, std::size_t end) {
      for (std::size_t i = begin; i < end; ++i) findings[i] = validate(*cases[i], {}, catalog_or_builtin(cat));
    });
    deviations = major_deviations(findings);
  }
  if (auto errors = analysis_set_errors(cases, set, deviations); !errors.empty()) {
    py::gil_scoped_acquire gil;
    throw py::value_error("iptkit: " + errors.front());
  }
  return select_analysis_set(cases, set, deviations);
}

}  // namespace iptkit::python
