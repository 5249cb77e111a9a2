// The trial statistics (include/iptkit/stats) for iptkit.stats: numpy arrays in; out, each result
// struct as a dict keyed by its described members, its rows as numpy columns, which
// bindings/python/iptkit/stats.py turns into result objects. A value the C++ leaves undefined
// (std::nullopt) becomes NaN; stats.py documents each one.
#include "bindings.hpp"

#include <iptkit/stats/ancova.hpp>
#include <iptkit/stats/cox.hpp>
#include <iptkit/stats/icc.hpp>
#include <iptkit/stats/survival.hpp>

#include <boost/describe.hpp>
#include <boost/mp11/algorithm.hpp>
#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace iptkit::python {

namespace {

template <class T>
using numbers = py::array_t<T, py::array::c_style | py::array::forcecast>;

template <class T>
std::span<const T> view(const numbers<T>& a) {
  return {a.data(), static_cast<std::size_t>(a.size())};
}

double or_nan(const std::optional<double>& v) { return v ? *v : std::numeric_limits<double>::quiet_NaN(); }

template <class T>
using members = boost::describe::describe_members<T, boost::describe::mod_public>;

// One numpy column (a list for text) per described member of Row, named as the member.
template <class Row>
py::dict columns_of(const std::vector<Row>& rows) {
  py::dict out;
  boost::mp11::mp_for_each<members<Row>>([&](auto d) {
    using M = std::remove_cvref_t<decltype(std::declval<const Row&>().*d.pointer)>;
    const auto n = static_cast<py::ssize_t>(rows.size());
    if constexpr (std::is_same_v<M, std::string>) {
      py::list text;
      for (const auto& r : rows) text.append(py::str(r.*d.pointer));
      out[d.name] = text;
    } else if constexpr (std::is_same_v<M, std::size_t>) {
      py::array_t<std::int64_t> a(n);
      auto* p = a.mutable_data();
      for (const auto& r : rows) *p++ = static_cast<std::int64_t>(r.*d.pointer);
      out[d.name] = a;
    } else {
      static_assert(std::is_same_v<M, double> || std::is_same_v<M, std::optional<double>>);
      py::array_t<double> a(n);
      auto* p = a.mutable_data();
      for (const auto& r : rows) {
        if constexpr (std::is_same_v<M, double>) *p++ = r.*d.pointer;
        else *p++ = or_nan(r.*d.pointer);
      }
      out[d.name] = a;
    }
  });
  return out;
}

template <class M>
inline constexpr bool rows_v = false;  // a vector of described structs: a table
template <class R>
inline constexpr bool rows_v<std::vector<R>> = boost::describe::has_describe_members<R>::value;

// Every described member of a result: rows as columns_of(), none as NaN, the rest as they are.
template <class T>
py::dict fields_of(const T& value) {
  py::dict out;
  boost::mp11::mp_for_each<members<T>>([&](auto d) {
    using M = std::remove_cvref_t<decltype(value.*d.pointer)>;
    const auto& v = value.*d.pointer;
    if constexpr (std::is_same_v<M, std::optional<double>>) out[d.name] = or_nan(v);
    else if constexpr (std::is_enum_v<M>) out[d.name] = boost::describe::enum_to_string(v, "");
    else if constexpr (rows_v<M>) out[d.name] = columns_of(v);
    else out[d.name] = py::cast(v);
  });
  return out;
}

stats::cox_options cox_options_of(const std::string& ties) {
  stats::cox_options options;
  if (ties == "breslow") options.ties = stats::cox_ties::breslow;
  else if (ties != "efron") {
    std::string message = "ties is \"";  // appended piece by piece: GCC 12 -O3 -Wrestrict
    message += ties;
    message += "\": expected \"efron\" or \"breslow\"";
    throw py::value_error(message);
  }
  return options;
}

// `f` with the GIL released, its result as fields_of() (the inputs are numpy buffers the
// caller holds, so they outlive the call).
template <class F>
py::dict run(F f) {
  decltype(f()) result;
  {
    py::gil_scoped_release release;
    result = f();
  }
  return fields_of(result);
}

}  // namespace

void bind_stats(py::module_& m) {
  m.def(
      "stats_kaplan_meier",
      [](const numbers<double>& time, const numbers<int>& event, const std::vector<std::string>& group) {
        return run([&] { return stats::kaplan_meier(view(time), view(event), group); });
      },
      py::arg("time"), py::arg("event"), py::arg("group"),
      "The kaplan_meier_fit as a dict (table and medians as columns); iptkit.stats.kaplan_meier is the public front.");
  m.def(
      "stats_logrank",
      [](const numbers<double>& time, const numbers<int>& event, const std::vector<std::string>& group) {
        return run([&] { return stats::logrank(view(time), view(event), group); });
      },
      py::arg("time"), py::arg("event"), py::arg("group"),
      "The logrank_test as a dict; iptkit.stats.logrank is the public front.");
  m.def(
      "stats_cox",
      [](const numbers<double>& time, const numbers<int>& event, const numbers<double>& x,
         std::vector<std::string> names, const std::string& ties) {
        const auto options = cox_options_of(ties);
        return run([&] { return stats::cox(view(time), view(event), {std::move(names), view(x)}, options); });
      },
      py::arg("time"), py::arg("event"), py::arg("x"), py::arg("names"), py::arg("ties"),
      "The cox_fit as a dict (x: n x p, C order); iptkit.stats.cox is the public front.");
  m.def(
      "stats_ancova",
      [](const numbers<double>& endpoint, const std::vector<std::string>& arm, const numbers<double>& baseline,
         const std::vector<std::string>& stratum, const std::optional<std::string>& reference) {
        return run([&] { return stats::ancova(view(endpoint), arm, view(baseline), stratum, reference); });
      },
      py::arg("endpoint"), py::arg("arm"), py::arg("baseline"), py::arg("stratum"), py::arg("reference"),
      "The ancova_fit as a dict; iptkit.stats.ancova is the public front.");
  m.def(
      "stats_icc",
      [](const numbers<double>& values, const std::vector<std::string>& cluster, const std::vector<std::string>& arm,
         const std::optional<std::string>& reference) {
        return run([&] { return stats::icc(view(values), cluster, arm, reference); });
      },
      py::arg("values"), py::arg("cluster"), py::arg("arm"), py::arg("reference"),
      "The icc_fit as a dict; iptkit.stats.icc is the public front.");
}

}  // namespace iptkit::python
