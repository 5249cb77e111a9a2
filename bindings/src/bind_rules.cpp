// Findings, rule sets (with rules written in Python) and validation.
#include "bindings.hpp"
#include "describe_class.hpp"

#include <pybind11/typing.h>

#include <iptkit/detail/parallel.hpp>
#include <iptkit/json/check.hpp>
#include <iptkit/rules/rule_set.hpp>
#include <iptkit/rules/validate.hpp>

#include <pybind11/functional.h>

namespace iptkit::python {

namespace {

// A rule written in Python: check(case) returns an iterable of hits, each a (path, message)
// pair or a bare message (about the whole case). Kept as an object so a rule set can be pickled.
struct python_check {
  py::object fn;

  void operator()(const rule_context& ctx, std::vector<rule_hit>& hits) const {
    py::gil_scoped_acquire gil;
    const py::object found = fn(py::cast(ctx.c));  // a copy: the check may keep it
    if (found.is_none()) return;
    for (auto hit : found) {
      if (py::isinstance<py::str>(hit)) {
        hits.push_back({"", hit.cast<std::string>()});
      } else {
        const auto pair = hit.cast<py::sequence>();
        if (pair.size() != 2)
          throw py::value_error("iptkit: a rule's check must yield (path, message) pairs or messages");
        hits.push_back({pair[0].cast<std::string>(), pair[1].cast<std::string>()});
      }
    }
  }

  python_check(py::object f) : fn(std::move(f)) {}
  python_check(const python_check& other) {
    py::gil_scoped_acquire gil;
    fn = other.fn;
  }
  python_check& operator=(const python_check&) = delete;
  ~python_check() {
    if (!fn) return;
    py::gil_scoped_acquire gil;  // the rule set may be destroyed where the GIL was released
    fn = py::object();
  }
};


}  // namespace

void bind_rules(py::module_& m) {
  bind_enum<severity>(m, "How serious a finding is; `alert` is clinical risk a person should see now.");
  bind_struct<finding>(m, "One result of validating a case against the IPT protocol.");

  auto cls = make_class<rule_set>(m, "RuleSet",
                                  "The rules in force: the built-in catalogue with rules switched off, "
                                  "re-graded or added (rules written in Python included).");
  def_init(cls, [] { return rule_set::with_builtins(); }, "The whole built-in catalogue of rules.md.");
  cls
      .def_static("empty", [] { return rule_set{}; }, "A rule set with no rules.")
      .def("disable", &rule_set::disable, py::arg("code"), "Switches a rule off; False when no rule has this code.")
      .def("enable", &rule_set::enable, py::arg("code"), "Switches a rule back on; False when no rule has this code.")
      .def("set_severity", &rule_set::set_severity, py::arg("code"), py::arg("severity"),
           "Changes a rule's severity; False when no rule has this code.")
      .def("is_enabled", &rule_set::is_enabled, py::arg("code"), "True when a rule with this code exists and is on.")
      .def(
          "add",
          [](rule_set& self, std::string code, severity s, std::string title, py::function check) {
            if (code.empty()) throw py::value_error("iptkit: a rule needs a code");
            self.add(rule{std::move(code), s, std::move(title), python_check{std::move(check)}});
          },
          py::arg("code"), py::arg("severity"), py::arg("title"), py::arg("check"),
          "Adds (or replaces) a rule. `check(case)` returns an iterable of (path, message) pairs or "
          "messages; each becomes a Finding with this code and severity.")
      .def_property_readonly(
          "codes",
          [](const rule_set& self) { const auto ids = self.ids();
            return std::vector<std::string>(ids.begin(), ids.end()); },
          "Every rule's code, in the order they run.")
      .def(
          "describe",
          [](const rule_set& self) {
            py::list out;
            for (const auto& r : self.entries())
              out.append(py::make_tuple(r.code, r.severity, r.title, self.is_enabled(r.code)));
            return out;
          },
          "Every rule as (code, severity, title, enabled).")
      .def("__len__", [](const rule_set& self) { return self.entries().size(); })
      .def("__contains__", [](const rule_set& self, std::string_view code) { return self.find(code) != nullptr; })
      .def("__repr__",
           [](const rule_set& self) {
             std::size_t on = 0;
             for (const auto& r : self.entries()) on += self.is_enabled(r.code);
             return "RuleSet(" + std::to_string(self.entries().size()) + " rules, " + std::to_string(on) +
                    " enabled)";
           });
  def_pickle(
      cls,
      // State: each rule as (code, severity, title, enabled, Python check or None for a
      // built-in, which is looked up again by code).
      [](const rule_set& self) {
        py::list rules;
        for (const auto& r : self.entries()) {
          const auto* py_check = r.check.target<python_check>();
          rules.append(py::make_tuple(r.code, r.severity, r.title, self.is_enabled(r.code),
                                      py_check ? py_check->fn : py::none()));
        }
        return py::make_tuple(1, rules);
      },
      [](const py::tuple& state) {
        rule_set out;
        const auto& builtins = rule_set::builtin();
        for (auto item : state[1].cast<py::list>()) {
          const auto t = item.cast<py::tuple>();
          auto code = t[0].cast<std::string>();
          rule r;
          if (t[4].is_none()) {
            const rule* b = builtins.find(code);
            if (!b) throw py::value_error("iptkit: no built-in rule " + code);
            r = *b;
          } else {
            r.check = python_check{t[4].cast<py::object>()};
          }
          r.code = code;
          r.severity = t[1].cast<severity>();
          r.title = t[2].cast<std::string>();
          out.add(std::move(r));
          if (!t[3].cast<bool>()) out.disable(code);
        }
        return out;
      });

  m.def(
      "validate",
      [](const case_record& c, const catalog* cat, bool redact) {
        py::gil_scoped_release release;
        return validate(c, {.redact = redact}, catalog_or_builtin(cat));
      },
      py::arg("case"), py::kw_only(), py::arg("catalog") = py::none(), py::arg("redact") = false,
      "Every finding for one case, in document order (redact: each message is its rule's title).");
  m.def(
      "check",
      [](const case_record& c, const catalog* cat, bool redact, const read_limits* limits) {
        const auto options = reading(false, redact, limits);
        py::gil_scoped_release release;
        return check(c, options, catalog_or_builtin(cat));
      },
      py::arg("case"), py::kw_only(), py::arg("catalog") = py::none(), py::arg("redact") = false,
      py::arg("limits") = py::none(),
      "The structural errors of a case built in code: exactly the ReadErrors that reading its JSON "
      "would give (empty when it is well formed). Writers refuse a case that has any.");
  m.def(
      "validate_cohort",
      [](const py::typing::Iterable<case_record>& cases, const catalog* c, thread_count threads, bool redact) {
        const auto refs = case_pointers(cases);
        const auto& pointers = refs.cases;
        const auto& cat = catalog_or_builtin(c);
        const validation_options options{.redact = redact};
        std::vector<std::vector<finding>> out(pointers.size());
        {
          py::gil_scoped_release release;
          iptkit::detail::for_blocks(pointers.size(), threads.value, [&](std::size_t begin, std::size_t end) {
            for (std::size_t i = begin; i < end; ++i) out[i] = validate(*pointers[i], options, cat);
          });
        }
        return out;
      },
      py::arg("cases"), py::kw_only(), py::arg("catalog") = py::none(), py::arg("threads") = 1,
      py::arg("redact") = false,
      "The findings of each case (a list per case). With threads > 1 the cases are split across "
      "threads; the result is the same as with one.");
}

}  // namespace iptkit::python
