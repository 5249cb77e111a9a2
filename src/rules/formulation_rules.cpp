// Inventory and formulation rules (F), rules.md.
#include "catalogue.hpp"

#include <algorithm>
#include <unordered_map>

namespace iptkit::rules::detail {

namespace {

// The initial phase is over once a middle-phase session exists.
std::string initial_over(const rule_context& x) {
  return "the initial phase is over (session " + std::to_string(*x.first_middle_number) +
         " is middle-phase)";
}

// Calls f(index, focus, relationship, relationship index) for foci of type F whose relationship exists.
template <class F, class Fn>
void for_each_related(const rule_context& x, Fn&& f) {
  if (!x.c.formulation) return;
  const auto& focus = x.c.formulation->focus;
  for (std::size_t i = 0; i < focus.size(); ++i) {
    const auto* alt = std::get_if<F>(&focus[i]);
    if (!alt) continue;
    std::size_t k = 0;
    if (const auto* r = find_relationship(x.c, alt->relationship, &k)) f(i, *alt, *r, k);
  }
}

}  // namespace

void add_formulation_rules(rule_set& rules) {
  rules.add({"F001", severity::error,
             "the initial phase is over and there is no inventory with at least one relationship",
             [](const rule_context& x, std::vector<rule_hit>& out) {
               if (!x.first_middle_number) return;
               if (x.c.inventory && !x.c.inventory->relationships.empty()) return;
               out.push_back({pointer("inventory"),
                              initial_over(x) + " and there is no interpersonal inventory with a relationship"});
             }});

  rules.add({"F002", severity::error,
             "the initial phase is over and there is no formulation with at least one focus",
             [](const rule_context& x, std::vector<rule_hit>& out) {
               if (!x.first_middle_number || x.focus_model() != focus_model::ipt_areas) return;
               if (x.c.formulation && !x.c.formulation->focus.empty()) return;
               out.push_back({pointer("formulation"),
                              initial_over(x) + " and there is no formulation with a focus"});
             }});

  rules.add({"F003", severity::error, "more than two focus areas",
             [](const rule_context& x, std::vector<rule_hit>& out) {
               if (!x.c.formulation || x.c.formulation->focus.size() <= 2) return;
               out.push_back({pointer("formulation", "focus", 2),
                              std::to_string(x.c.formulation->focus.size()) +
                                  " focus areas; IPT works on one, at most two"});
             }});

  rules.add({"F004", severity::warning, "formulation without patient_agreed: true",
             [](const rule_context& x, std::vector<rule_hit>& out) {
               if (!x.c.formulation || x.c.formulation->patient_agreed) return;
               out.push_back({pointer("formulation", "patient_agreed"),
                              "the formulation shared at session " +
                                  std::to_string(x.c.formulation->agreed_session) +
                                  " has no explicit patient agreement (patient_agreed is false)"});
             }});

  rules.add({"F005", severity::warning, "interpersonal_deficits is a focus together with another area",
             [](const rule_context& x, std::vector<rule_hit>& out) {
               if (!x.c.formulation) return;
               const auto& focus = x.c.formulation->focus;
               const auto other = std::find_if(focus.begin(), focus.end(), [](const iptkit::focus& f) {
                 return area_of(f) != problem_area::interpersonal_deficits;
               });
               if (other == focus.end()) return;
               for (std::size_t i = 0; i < focus.size(); ++i)
                 if (area_of(focus[i]) == problem_area::interpersonal_deficits)
                   out.push_back({pointer("formulation", "focus", i),
                                  "interpersonal_deficits is a focus together with " +
                                      name(area_of(*other)) +
                                      "; it is chosen only when no other area applies"});
             }});

  rules.add({"F006", severity::error, "a reference names a relationship id that does not exist",
             [](const rule_context& x, std::vector<rule_hit>& out) {
               if (x.c.formulation) {
                 const auto& focus = x.c.formulation->focus;
                 for (std::size_t i = 0; i < focus.size(); ++i)
                   if (const auto* id = relationship_of(focus[i]); id && !find_relationship(x.c, *id))
                     out.push_back({pointer("formulation", "focus", i, "relationship"),
                                    name(area_of(focus[i])) + " focus names relationship " + quote(*id) +
                                        ", which is not in the inventory"});
               }
               if (x.c.formulation) {
                 const auto refs = [&](const std::vector<std::string>& ids, std::string_view member,
                                       std::string_view what) {
                   for (std::size_t i = 0; i < ids.size(); ++i)
                     if (!find_relationship(x.c, ids[i]))
                       out.push_back({pointer("formulation", member, "relationships", i),
                                      std::string(what) + " names relationship " + quote(ids[i]) +
                                          ", which is not in the inventory"});
                 };
                 if (x.c.formulation->ipaf) refs(x.c.formulation->ipaf->relationships, "ipaf", "the IPAF");
                 if (x.c.formulation->maladaptive_schema)
                   refs(x.c.formulation->maladaptive_schema->relationships, "maladaptive_schema",
                        "the maladaptive schema");
               }
               if (x.c.maintenance) {
                 const auto& contacts = x.c.maintenance->support_contacts;
                 for (std::size_t i = 0; i < contacts.size(); ++i)
                   if (!find_relationship(x.c, contacts[i]))
                     out.push_back({pointer("maintenance", "support_contacts", i),
                                    "maintenance support contact " + quote(contacts[i]) +
                                        " is not a relationship in the inventory"});
               }
             }});

  rules.add({"F007", severity::error, "grief focus on a relationship whose status is not deceased",
             [](const rule_context& x, std::vector<rule_hit>& out) {
               for_each_related<grief_focus>(x, [&](std::size_t i, const grief_focus& g,
                                                    const relationship& r, std::size_t) {
                 if (r.status != relationship_status::deceased)
                   out.push_back({pointer("formulation", "focus", i, "relationship"),
                                  "grief focus on relationship " + quote(g.relationship) +
                                      " whose status is " + name(r.status) + ", not deceased"});
               });
             }});

  rules.add({"F008", severity::warning, "grief focus on a relationship with no loss_date",
             [](const rule_context& x, std::vector<rule_hit>& out) {
               for_each_related<grief_focus>(x, [&](std::size_t, const grief_focus& g,
                                                    const relationship& r, std::size_t k) {
                 if (!r.loss_date)
                   out.push_back({pointer("inventory", "relationships", k, "loss_date"),
                                  "grief focus on relationship " + quote(g.relationship) +
                                      ", which has no loss_date"});
               });
             }});

  rules.add({"F009", severity::warning,
             "role-dispute focus on a relationship with no unmet or partly met expectation",
             [](const rule_context& x, std::vector<rule_hit>& out) {
               for_each_related<role_dispute_focus>(x, [&](std::size_t, const role_dispute_focus& d,
                                                           const relationship& r, std::size_t k) {
                 const bool nonreciprocal =
                     std::any_of(r.expectations.begin(), r.expectations.end(), [](const expectation& e) {
                       return e.status == expectation_status::unmet ||
                              e.status == expectation_status::partly_met;
                     });
                 if (!nonreciprocal)
                   out.push_back({pointer("inventory", "relationships", k, "expectations"),
                                  "role-dispute focus on relationship " + quote(d.relationship) +
                                      ", which has no unmet or partly met expectation"});
               });
             }});

  rules.add({"F010", severity::error, "role-dispute focus on a deceased relationship",
             [](const rule_context& x, std::vector<rule_hit>& out) {
               for_each_related<role_dispute_focus>(x, [&](std::size_t i, const role_dispute_focus& d,
                                                           const relationship& r, std::size_t) {
                 if (r.status == relationship_status::deceased)
                   out.push_back({pointer("formulation", "focus", i, "relationship"),
                                  "role-dispute focus on relationship " + quote(d.relationship) +
                                      ", who is deceased"});
               });
             }});

  rules.add({"F011", severity::error, "two relationships share an id",
             [](const rule_context& x, std::vector<rule_hit>& out) {
               if (!x.c.inventory) return;
               std::unordered_map<std::string_view, std::size_t> first;
               const auto& rs = x.c.inventory->relationships;
               for (std::size_t k = 0; k < rs.size(); ++k) {
                 auto [it, fresh] = first.emplace(rs[k].id, k);
                 if (!fresh)
                   out.push_back({pointer("inventory", "relationships", k, "id"),
                                  "relationships " + std::to_string(it->second) + " and " +
                                      std::to_string(k) + " share the id " + quote(rs[k].id)});
               }
             }});

  rules.add({"F012", severity::warning,
             "a middle-phase session works on an area that is not in the formulation's focus",
             [](const rule_context& x, std::vector<rule_hit>& out) {
               if (!x.c.formulation || x.c.formulation->focus.empty() || x.focus_model() != focus_model::ipt_areas)
                 return;
               const auto& focus = x.c.formulation->focus;
               std::string agreed;
               for (const auto& f : focus) agreed += (agreed.empty() ? "" : ", ") + name(area_of(f));
               for (std::size_t i = 0; i < x.c.sessions.size(); ++i) {
                 const auto& s = x.c.sessions[i];
                 if (s.phase != phase::middle) continue;
                 for (std::size_t j = 0; j < s.focus_areas.size(); ++j) {
                   const auto area = s.focus_areas[j];
                   if (std::none_of(focus.begin(), focus.end(),
                                    [&](const iptkit::focus& f) { return area_of(f) == area; }))
                     out.push_back({pointer("sessions", i, "focus_areas", j),
                                    "session " + std::to_string(s.number) + " works on " + name(area) +
                                        ", which is not in the formulation's focus (" + agreed + ")"});
                 }
               }
             }});

  rules.add({"F013", severity::warning, "formulation agreed after the initial phase ended",
             [](const rule_context& x, std::vector<rule_hit>& out) {
               if (!x.c.formulation || !x.first_middle_number) return;
               const int agreed = x.c.formulation->agreed_session;
               if (agreed < *x.first_middle_number) return;
               out.push_back({pointer("formulation", "agreed_session"),
                              "the formulation was agreed at session " + std::to_string(agreed) +
                                  ", after the initial phase ended (session " +
                                  std::to_string(*x.first_middle_number) + " is middle-phase)"});
             }});

  // Protocols whose focus is not an IPT problem area agree their own focus by the end of the
  // initial phase (DIT: Lemma, Target & Fonagy 2011; MIT: Dimaggio et al. 2015).
  // F014 and F015: the protocol's own focus, agreed by the end of the initial phase.
  const auto own_focus = [&](const char* code, const char* title, focus_model model, const char* member,
                             const char* words, bool (*present)(const formulation&)) {
    rules.add({code, severity::error, title, [=](const rule_context& x, std::vector<rule_hit>& out) {
                 if (!x.first_middle_number || x.focus_model() != model) return;
                 if (x.c.formulation && present(*x.c.formulation)) return;
                 out.push_back({pointer("formulation"), initial_over(x) + " and " + quote(x.c.adaptation) + " works on " +
                                                            words + ", but the formulation has no " + member});
               }});
  };
  own_focus("F014", "the initial phase is over and a DIT case has no interpersonal affective focus (IPAF)",
            focus_model::ipaf, "ipaf", "an interpersonal affective focus",
            [](const formulation& f) { return f.ipaf.has_value(); });
  own_focus("F015", "the initial phase is over and an MIT case has no maladaptive interpersonal schema",
            focus_model::maladaptive_schema, "maladaptive_schema", "a maladaptive interpersonal schema",
            [](const formulation& f) { return f.maladaptive_schema.has_value(); });

  rules.add({"F016", severity::warning, "a focus that is not the protocol's focus model",
             [](const rule_context& x, std::vector<rule_hit>& out) {
               if (!x.c.formulation) return;
               const auto model = x.focus_model();
               const auto& f = *x.c.formulation;
               const std::string says = quote(x.c.adaptation) + " works on " +
                                        (model == focus_model::ipaf                 ? "an interpersonal affective focus"
                                         : model == focus_model::maladaptive_schema ? "a maladaptive interpersonal schema"
                                         : model == focus_model::none               ? "no interpersonal focus"
                                                                                    : "the IPT problem areas");
               if (!f.focus.empty() && model != focus_model::ipt_areas)
                 out.push_back({pointer("formulation", "focus"), says + ", not on IPT problem areas"});
               if (f.ipaf && model != focus_model::ipaf)
                 out.push_back({pointer("formulation", "ipaf"), says + ", not on an IPAF"});
               if (f.maladaptive_schema && model != focus_model::maladaptive_schema)
                 out.push_back({pointer("formulation", "maladaptive_schema"), says + ", not on a maladaptive schema"});
             }});
}

}  // namespace iptkit::rules::detail
