#pragma once
// One Python class per described struct and one Python enum per described enum, generated from
// the Boost.Describe description: the member list is written once, in the model header, and the
// keyword constructor, properties, repr, equality, pickling and JSON/dict conversion all walk it.

#include "casters.hpp"
#include "construction.hpp"
#include "field_value.hpp"
#include "json_convert.hpp"

#include <iptkit/json/read.hpp>
#include <iptkit/model/case_record.hpp>
#include <iptkit/json/write.hpp>
#include <iptkit/meta/enum.hpp>
#include <iptkit/meta/type_name.hpp>
#include <iptkit/meta/type_traits.hpp>
#include <pybind11/native_enum.h>
#include <pybind11/operators.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <boost/mp11/algorithm.hpp>
#include <string>
#include <type_traits>
#include <utility>

namespace iptkit::python {

namespace py = pybind11;

/// @brief `problem_area` -> `ProblemArea` (Python class naming).
std::string camel_case(std::string_view snake);

/// @brief A Python identifier for an enumerator spelling (keywords get a trailing `_`).
std::string python_identifier(std::string_view spelling);

/// @brief The type of the described member `D` of T.
template <class T, class D>
using member_t = std::remove_cvref_t<decltype(std::declval<T&>().*D::pointer)>;

/// @brief The cases of a Python iterable of Case objects, and the list that keeps them alive.
struct case_refs {
  py::list keep;                            ///< the objects (a generator's items included)
  std::vector<const case_record*> cases;    ///< their C++ values
};

/// @brief The docstring of a described member: its comment in the header that declares it
/// (bindings/field_docs.py makes the table at build time); "" when it has none.
const char* field_doc(std::string_view type, std::string_view field);

/// @brief A case's pickle form: its compact canonical JSON, written with `adaptation` replaced
/// by a built-in protocol when the built-in catalog lacks it (then `adaptation` holds it).
struct case_pickle {
  std::string json;                       ///< compact canonical JSON
  std::optional<std::string> adaptation;  ///< the case's own adaptation, when swapped
};
/// @brief The pickle form of a case, std::nullopt when it is not well formed for another reason
/// (then it pickles member by member).
std::optional<case_pickle> case_pickle_of(const case_record& c);
/// @brief The case of a pickle form (case_pickle_of()).
case_record case_from_pickle(std::string_view json, std::optional<std::string> adaptation);

/// @brief The cases of an iterable of Case objects; raises TypeError for anything else.
case_refs case_pointers(const py::iterable& cases);

/// @brief The options a Python caller gives for reading: lax, redact, and the limits of a
/// ReadLimits (nullptr: the defaults).
read_options reading(bool lax, bool redact, const read_limits* limits);

/// @brief The catalog a Python caller passed as `catalog=`, or the built-ins for None.
const catalog& catalog_or_builtin(const catalog* c);

/// @brief The result's value; raises DecodeError with every error, and each lax-mode warning as
/// an iptkit.DecodeWarning.
template <class T>
T value_or_raise(result<T>&& r) {
  warn_all(r.warnings());
  if (!r) throw decode_error(std::move(r).errors());
  return std::move(*r);
}

/// @brief Binds a described enum as a Python `enum.Enum`, members named by their JSON spellings.
template <class E>
void bind_enum(py::module_& m, const char* doc) {
  const std::string name = camel_case(meta::short_type_name<E>());
  // A str-valued enum (enum_caster.hpp): the class is made by iptkit._spelled from the names.
  py::native_enum<E> e(m, name.c_str(), "iptkit._spelled.spelled_enum", doc);
  boost::mp11::mp_for_each<boost::describe::describe_enumerators<E>>([&](auto D) {
    e.value(python_identifier(meta::spelling(D.name)).c_str(), D.value);
  });
  e.finalize();
  const py::tuple members = m.attr(name.c_str()).attr("_iptkit_members");
  const auto spellings = meta::enum_names<E>();
  for (std::size_t i = 0; i < spellings.size(); ++i)
    if (i >= members.size() || members[i].cast<std::string>() != spellings[i])
      py::pybind11_fail("iptkit: the Python enum " + name + " does not spell its members as the case format does");
}

namespace detail {

// A keyword argument of a case-format type is required exactly when the JSON document requires
// the field (the format tag excepted: it has only one value); a plain value's all default.
template <class T, class D, bool Document>
constexpr bool required() {
  return Document && json::detail::is_required<T, D>() &&
         !meta::has_constraint<T, D::pointer, meta::schema_version>();
}

template <class T, class D, bool Document>
auto keyword(const T& defaults) {
  if constexpr (required<T, D, Document>()) return py::arg(D::name);
  else return py::arg(D::name) = defaults.*D::pointer;
}

template <bool Document, class T, template <class...> class L, class... D>
void def_members_init(py::class_<T>& cls, L<D...>) {
  const T defaults{};
  def_init(
      cls,
      [](deferred<member_t<T, D>>... values) {
        T out{};
        ((out.*D::pointer = field_value<T, D, member_t<T, D>>(values.given)), ...);
        return out;
      },
      py::kw_only(), keyword<T, D, Document>(defaults)...);
  // Tried only when the call above does not match: a missing or unknown keyword, named.
  cls.def(
      "__init__",
      [](py::handle, const py::args& args, const py::kwargs& kwargs) {
        std::vector<std::string_view> required_fields;
        ((required<T, D, Document>() ? required_fields.push_back(D::name) : void()), ...);
        throw py::type_error(field_detail::call_problem(camel_case(meta::short_type_name<T>()), {D::name...}, required_fields, args, kwargs));
      },
      "Refuses a call that matches no field set (see the keyword constructor).");
}

template <class T, template <class...> class L, class... D>
void def_members_pickle(py::class_<T>& cls, L<D...>) {
  // State: (1, member values in declaration order); a case: (2, its compact canonical JSON, the
  // adaptation when the built-in catalog lacks it) whenever it is well formed, as one bytes
  // object is far smaller and faster than a tree of Python objects.
  def_pickle(
      cls,
      [](const T& self) -> py::tuple {
        if constexpr (std::is_same_v<T, case_record>) {
          if (auto compact = case_pickle_of(self)) {
            py::object adaptation = py::none();
            if (compact->adaptation) adaptation = py::str(*compact->adaptation);
            return py::tuple(py::make_tuple(2, py::bytes(compact->json), adaptation));
          }
        }
        return py::tuple(py::make_tuple(1, py::make_tuple(py::cast(self.*D::pointer)...)));
      },
      [](const py::tuple& state) {
        if constexpr (std::is_same_v<T, case_record>) {
          if (state.size() == 3 && state[0].cast<int>() == 2) {
            std::optional<std::string> adaptation;
            if (!state[2].is_none()) adaptation = state[2].cast<std::string>();
            return case_from_pickle(state[1].cast<std::string_view>(), std::move(adaptation));
          }
        }
        if (state.size() != 2 || state[0].cast<int>() != 1)
          throw py::value_error("iptkit: unsupported pickle state for " + meta::short_type_name<T>());
        const auto values = state[1].cast<py::tuple>();
        if (values.size() != sizeof...(D))
          throw py::value_error("iptkit: pickle state of " + meta::short_type_name<T>() +
                                " has the wrong number of members");
        T out{};
        std::size_t i = 0;
        ((out.*D::pointer = values[i++].template cast<member_t<T, D>>()), ...);
        return out;
      });
}

}  // namespace detail

/// @brief Binds a described struct as a plain value: keyword-only constructor (defaults from
/// `T{}`; with `Document`, the fields the case format requires are required), a property per
/// member, `__repr__` (members that differ from the default), `__eq__` and pickling, all walking
/// the description (ReadLimits is one).
template <class T, bool Document = false>
py::class_<T> bind_value_struct(py::module_& m, const std::string& name, const char* doc) {
  auto cls = make_class<T>(m, name.c_str(), doc);
  using members = meta::members_of<T>;
  detail::def_members_init<Document>(cls, members{});
  boost::mp11::mp_for_each<members>([&](auto D) {
    using Desc = decltype(D);
    using M = member_t<T, Desc>;
    if constexpr (meta::is_described_struct_v<M>) {
      // Nested objects are live views, so `case.contract.planned_sessions = 14` changes the case.
      cls.def_property(
          Desc::name, [](T& self) -> M& { return self.*Desc::pointer; },
          [](T& self, deferred<M> v) { self.*Desc::pointer = field_value<T, Desc, M>(v.given); },
          py::return_value_policy::reference_internal, field_doc(meta::short_type_name<T>(), Desc::name));
    } else {
      // Lists are copies: assign a whole list to change one.
      cls.def_property(
          Desc::name, [](const T& self) { return self.*Desc::pointer; },
          [](T& self, deferred<M> v) { self.*Desc::pointer = field_value<T, Desc, M>(v.given); },
          field_doc(meta::short_type_name<T>(), Desc::name));
    }
  });
  if constexpr (requires { T::tag; })
    cls.def_property_readonly("area", [](const T&) { return T::tag; }, "The focus's problem area.");
  cls.def("__repr__", [name](const T& self) {
    const T defaults{};
    std::string out = name + "(";
    bool first = true;
    boost::mp11::mp_for_each<members>([&](auto D) {
      using Desc = decltype(D);
      if constexpr (detail::required<T, Desc, Document>()) {
      } else if (self.*Desc::pointer == defaults.*Desc::pointer) {
        return;
      }
      if (!first) out += ", ";
      first = false;
      out += Desc::name;
      out += '=';
      out += py::repr(py::cast(self.*Desc::pointer)).template cast<std::string>();
    });
    return out + ")";
  });
  cls.def(py::self == py::self);  // NOLINT(misc-redundant-expression)
  cls.attr("__hash__") = py::none();
  detail::def_members_pickle(cls, members{});
  return cls;
}

/// @brief bind_value_struct() plus the JSON and dict conversions of the case-format document.
template <class T>
py::class_<T> bind_struct(py::module_& m, const std::string& name, const char* doc) {
  auto cls = bind_value_struct<T, true>(m, name, doc);
  if constexpr (std::is_same_v<T, case_record>) {
    // A case is checked before it is written (check()): the protocols its adaptation may name.
    cls.def(
        "to_json",
        [](const T& self, bool pretty, const catalog* cat) {
          return to_json(self, write_options{pretty ? json_style::pretty : json_style::compact},
                         catalog_or_builtin(cat));
        },
        py::kw_only(), py::arg("pretty") = true, py::arg("catalog") = py::none(),
        "The canonical JSON text (pretty: two-space indent and a final newline; else one line). "
        "Raises DecodeError with the errors of iptkit.check() when the case is not well formed.");
  } else {
    cls.def(
        "to_json",
        [](const T& self, bool pretty) {
          return to_json(self, write_options{pretty ? json_style::pretty : json_style::compact});
        },
        py::kw_only(), py::arg("pretty") = true,
        "The canonical JSON text (pretty: two-space indent and a final newline; else one line).");
  }
  cls.def_static(
      "from_json",
      [](std::string_view text, bool lax, const catalog* cat, bool redact, const read_limits* limits) {
        return value_or_raise(read_json<T>(text, reading(lax, redact, limits), catalog_or_builtin(cat)));
      },
      py::arg("text"), py::kw_only(), py::arg("lax") = false, py::arg("catalog") = py::none(),
      py::arg("redact") = false, py::arg("limits") = py::none(),
      "Reads JSON text; raises DecodeError listing every structural error with its JSON Pointer.");
  if constexpr (std::is_same_v<T, case_record>) {
    cls.def(
        "to_dict",
        [](const T& self, const catalog* cat) {
          return json_to_python(to_json(self, write_options{json_style::pretty}, catalog_or_builtin(cat)));
        },
        py::kw_only(), py::arg("catalog") = py::none(),
        "The JSON document as plain Python values (dates as ISO strings, enums as spellings); "
        "raises DecodeError like to_json when the case is not well formed.");
  } else {
    cls.def("to_dict", [](const T& self) { return json_to_python(to_json(self)); },
            "The JSON document as plain Python values (dates as ISO strings, enums as spellings).");
  }
  cls.def_static(
      "from_dict",
      [](const py::handle& data, bool lax, const catalog* cat, bool redact, const read_limits* limits) {
        return value_or_raise(read_python<T>(data, reading(lax, redact, limits), catalog_or_builtin(cat)));
      },
      py::arg("data"), py::kw_only(), py::arg("lax") = false, py::arg("catalog") = py::none(),
      py::arg("redact") = false, py::arg("limits") = py::none(),
      "Reads plain Python values shaped like the JSON document; raises DecodeError like from_json.");
  return cls;
}

/// @brief bind_struct() with the Python name derived from the C++ name.
template <class T>
py::class_<T> bind_struct(py::module_& m, const char* doc) {
  return bind_struct<T>(m, camel_case(meta::short_type_name<T>()), doc);
}

}  // namespace iptkit::python
