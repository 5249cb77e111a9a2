// The case document's types, protocols, instruments and their registries.
#include "bindings.hpp"
#include "describe_class.hpp"

#include <iptkit/json/read.hpp>
#include <iptkit/json/write.hpp>
#include <iptkit/measures/instrument_registry.hpp>
#include <iptkit/model/case_record.hpp>
#include <iptkit/model/protocol_registry.hpp>

namespace iptkit::python {

namespace {

// Protocol and instrument registries: ordered, keyed by id, passed to the calls that use them.
// The class is created first (so that signatures naming it are typed), its methods once T is bound.
template <class R, class T>
void bind_registry(py::class_<R>& cls, const char* name, const char* what,
                   result<std::vector<T>> (*read)(std::string_view, const read_options&),
                   std::string (*write)(const std::vector<T>&, const write_options&)) {
  def_init(cls, [] { return R{}; }, "An empty registry.");
  cls.def_static("with_builtins", &R::with_builtins,
                 (std::string("A registry holding the built-in ") + what + ".").c_str());
  cls.def("add", &R::add, py::arg("entry"), "Adds an entry, replacing one with the same id.");
  cls.def(
      "load_json",
      [read](R& self, std::string_view text) { self.add_all(value_or_raise(read(text, {}))); },
      py::arg("text"),
      "Adds every entry of a JSON array (a trial's file); raises DecodeError listing every error.");
  cls.def(
      "to_json", [write](const R& self) { return write(self.entries(), {}); },
      "The entries as a JSON array, in the format load_json() reads.");
  cls.def(
      "find",
      [](const R& self, std::string_view id) -> std::optional<T> {
        if (const T* e = self.find(id)) return *e;
        return std::nullopt;
      },
      py::arg("id"), "The entry with this id (a copy), or None.");
  cls.def_property_readonly(
      "ids", [](const R& self) { const auto ids = self.ids();
            return std::vector<std::string>(ids.begin(), ids.end()); },
      "Every id, in the order added.");
  cls.def_property_readonly(
      "entries", [](const R& self) { return self.entries(); }, "Every entry (copies), in the order added.");
  cls.def("__len__", [](const R& self) { return self.entries().size(); });
  cls.def("__contains__", [](const R& self, std::string_view id) { return self.find(id) != nullptr; });
  cls.def("__repr__", [name](const R& self) {
    std::string out = std::string(name) + "([";
    for (std::size_t i = 0; i < self.entries().size(); ++i)
      out += (i ? ", '" : "'") + self.entries()[i].id + "'";
    return out + "])";
  });
  def_pickle(
      cls, [](const R& self) { return py::make_tuple(1, self.entries()); },
      [](const py::tuple& state) {
        R r;
        r.add_all(state[1].cast<std::vector<T>>());
        return r;
      });
}

}  // namespace

void bind_model(py::module_& m) {
  auto protocols = make_class<protocol_registry>(
      m, "ProtocolRegistry",
      "Protocols (adaptations) keyed by id. `ProtocolRegistry()` is empty; `with_builtins()` holds the "
      "built-in table. Put one in a `Catalog(protocols=...)` (which keeps its own copy).");
  auto instruments = make_class<instrument_registry>(
      m, "InstrumentRegistry",
      "Instruments keyed by id. `InstrumentRegistry()` is empty; `with_builtins()` holds PHQ-9, GAD-7, "
      "BDI-II and HAM-D. Put one in a `Catalog(instruments=...)` (which keeps its own copy).");

  bind_enum<error_kind>(m, "The kinds of structural error of a document.");
  bind_enum<phase>(m, "Phases of IPT, in order; maintenance is an optional fourth.");
  bind_enum<attendance>(m, "Whether a session took place.");
  bind_enum<task>(m, "What a session covered (initial, middle and termination tasks).");
  bind_enum<homework_status>(m, "How far a between-session task got.");
  bind_enum<rater>(m, "Who scored an assessment.");
  bind_enum<expectation_holder>(m, "Whose expectation of a relationship.");
  bind_enum<expectation_status>(m, "Whether an expectation is met.");
  bind_enum<relationship_kind>(m, "Who a significant person is to the patient.");
  bind_enum<relationship_status>(m, "Whether a relationship is current, past, deceased or estranged.");
  bind_enum<contact_frequency>(m, "How often the patient sees the person.");
  bind_enum<session_frequency>(m, "How often sessions are held.");
  bind_enum<therapy_format>(m, "Individual, group, couple or family IPT.");
  bind_enum<therapy_modality>(m, "In person, video or telephone.");
  bind_enum<treatment_kind>(m, "Kinds of concurrent treatment.");
  bind_enum<problem_area>(m, "The four interpersonal problem areas.");
  bind_enum<grief_type>(m, "Grief reactions: normal and the unresolved forms.");
  bind_enum<dispute_stage>(m, "Stage of a role dispute.");
  bind_enum<transition_type>(m, "The life change behind a role transition.");
  bind_enum<deficit_pattern>(m, "The pattern of interpersonal deficits worked on.");
  bind_enum<diagnosis_system>(m, "The classification a diagnosis code comes from.");
  bind_enum<score_direction>(m, "Which way of an instrument's scale is worse.");
  bind_enum<reviewer_role>(m, "Who reviewed a risk alert (a role, never a name).");
  bind_enum<risk_review_outcome>(m, "What a risk review concluded.");
  bind_enum<focus_model>(m, "What a protocol's formulation focus is: IPT areas, an IPAF, a maladaptive schema or none.");
  bind_enum<protocol_kind>(m, "An IPT adaptation (its rules apply) or a trial's comparator arm.");
  bind_enum<discontinuation_reason>(m, "Why a case stopped treatment or follow-up early.");
  bind_enum<discontinued_by>(m, "Who decided a discontinuation.");
  bind_enum<relatedness>(m, "How likely an adverse event is related to the treatment.");

  bind_struct<read_error>(m, "One structural error (or lax-mode warning) found while reading.");
  bind_struct<diagnosis>(m, "A working diagnosis.");
  bind_struct<renegotiation>(m, "A change of the planned session count, agreed at a session.");
  bind_struct<contract>(m, "The acute treatment contract.");
  bind_struct<expectation>(m, "An expectation held about a relationship.");
  bind_struct<relationship>(m, "A significant person of the interpersonal inventory.");
  bind_struct<inventory>(m, "The interpersonal inventory.");
  bind_struct<grief_focus>(m, "Grief focus: symptoms linked to the death of a significant person.");
  bind_struct<role_dispute_focus>(m, "Role-dispute focus: non-reciprocal expectations.");
  bind_struct<role_transition_focus>(m, "Role-transition focus: difficulty coping with a life change.");
  bind_struct<interpersonal_deficits_focus>(m, "Interpersonal-deficits focus.");
  bind_struct<affective_focus>(m, "DIT's interpersonal affective focus (IPAF).");
  bind_struct<interpersonal_schema>(m, "MIT's maladaptive interpersonal schema.");
  bind_struct<formulation>(m, "The interpersonal formulation: the agreed focus.");
  bind_struct<homework>(m, "A between-session interpersonal task.");
  bind_struct<session>(m, "One session of the course, acute or maintenance.");
  bind_struct<assessment>(m, "One symptom measure: an instrument's items or total on a date.");
  bind_struct<trial_record>(m, "Randomisation and screening: date, allocated arm, site, stratum, eligibility.");
  bind_struct<discontinuation>(m, "The end of a case's participation before its planned end.");
  bind_struct<adverse_event>(m, "An adverse event during the trial.");
  bind_struct<risk_review>(m, "A clinician's review of risk after an alert; it resolves the alerts of assessments on or before its date.");
  bind_struct<concurrent_treatment>(m, "Medication or other therapy alongside IPT.");
  bind_struct<relapse_rule>(m, "When a maintenance score counts as relapse.");
  bind_struct<maintenance_plan>(m, "The maintenance (IPT-M) contract.");
  bind_struct<protocol>(m, "An IPT adaptation's (or a comparator arm's) parameters: session counts, phases, focus model.");
  bind_struct<severity_band>(m, "A named range of totals of an instrument.");
  bind_struct<jacobson_truax>(m, "Jacobson-Truax reliable change parameters.");
  bind_struct<instrument>(m, "A symptom instrument as data.");
  auto case_class = bind_struct<case_record>(
      m, "A case: one patient's contract, inventory, formulation, sessions and measures.");
  // A case can hold dozens of sessions: its repr names it instead of listing everything.
  case_class.attr("__repr__") = py::cpp_function(
      [](const case_record& c) {
    std::string out = "Case(case_id=" + py::repr(py::str(c.case_id)).cast<std::string>() +
                      ", adaptation=" + py::repr(py::str(c.adaptation)).cast<std::string>();
    if (c.arm) out += ", arm=" + py::repr(py::str(*c.arm)).cast<std::string>();
    return out + ", sessions=<" + std::to_string(c.sessions.size()) + ">, assessments=<" +
           std::to_string(c.assessments.size()) + ">)";
      },
      py::name("__repr__"), py::is_method(case_class));

  bind_registry<protocol_registry, protocol>(protocols, "ProtocolRegistry", "protocols (adaptations)",
                                             &read_protocols, &write_protocols);
  bind_registry<instrument_registry, instrument>(instruments, "InstrumentRegistry",
                                                 "instruments (PHQ-9, GAD-7, BDI-II, HAM-D-17)",
                                                 &read_instruments, &write_instruments);
}

}  // namespace iptkit::python
