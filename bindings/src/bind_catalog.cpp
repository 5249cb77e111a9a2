// iptkit.Catalog: the protocols, instruments and rules in force, taken as `catalog=` by every
// function that needs any of them (None: the built-ins).
#include "bindings.hpp"
#include "describe_class.hpp"

#include <iptkit/catalog.hpp>

namespace iptkit::python {

const catalog& catalog_or_builtin(const catalog* c) { return c ? *c : catalog::builtin(); }

void declare_catalog(py::module_& m) {
  make_class<catalog>(m, "Catalog",
                      "The protocols (adaptations), instruments and rules in force. Every function "
                      "that reads, checks, validates, scores, plans or exports takes one as `catalog=`; "
                      "None means the built-ins. A registry not given starts from its built-ins. The catalog keeps "
                      "its own copies of the registries given: change them through its properties "
                      "(`cat.rules.disable(\"F004\")`, `cat.protocols.load_json(...)`), not through "
                      "the objects passed in.");
}

void bind_catalog(py::module_& m) {
  auto cls = py::reinterpret_borrow<py::class_<catalog>>(m.attr("Catalog"));
  def_init(
      cls,
      [](const protocol_registry* protocols, const instrument_registry* instruments, const rule_set* rules) {
        catalog c;
        if (protocols) c.protocols = *protocols;
        if (instruments) c.instruments = *instruments;
        if (rules) c.rules = *rules;
        return c;
      },
      py::kw_only(), py::arg("protocols") = py::none(), py::arg("instruments") = py::none(),
      py::arg("rules") = py::none());
  cls.def_readwrite("protocols", &catalog::protocols, "The protocols (adaptations), by id.")
      .def_readwrite("instruments", &catalog::instruments, "The instruments, by id.")
      .def_readwrite("rules", &catalog::rules, "The rules, on or off, with their severities.")
      .def("__repr__", [](const catalog& c) {
        return "Catalog(protocols=<" + std::to_string(c.protocols.entries().size()) + ">, instruments=<" +
               std::to_string(c.instruments.entries().size()) + ">, rules=<" +
               std::to_string(c.rules.entries().size()) + ">)";
      });
  // Picklable (each registry by its own pickling) so that a catalog goes to Dask workers.
  def_pickle(
      cls,
      [](const catalog& c) {
        return py::make_tuple(1, py::make_tuple(py::cast(c.protocols), py::cast(c.instruments), py::cast(c.rules)));
      },
      [](const py::tuple& state) {
        if (state.size() != 2 || state[0].cast<int>() != 1)
          throw py::value_error("iptkit: unsupported pickle state for Catalog");
        const auto parts = state[1].cast<py::tuple>();
        return catalog{parts[0].cast<protocol_registry>(), parts[1].cast<instrument_registry>(),
                       parts[2].cast<rule_set>()};
      });
}

}  // namespace iptkit::python
