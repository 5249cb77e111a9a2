#include "focus_models.hpp"

#include <string>
#include <variant>

namespace iptkit::synth_detail {

namespace {

// What the primary area's pattern sounds like, in the words each model uses.
struct pattern {
  const char* self;
  const char* other;
  const char* affect;
  const char* wish;
  const char* expected;
  const char* reaction;
};

pattern pattern_of(problem_area area) {
  switch (area) {
    case problem_area::grief:
      return {"left alone, unable to cope without them", "lost, and no one else can take their place",
              "sadness held back, then numbness", "to be looked after", "will not be there when needed",
              "holds back grief and stops reaching out"};
    case problem_area::role_dispute:
      return {"unheard, pushed aside", "controlling, always knows better", "resentment that turns to guilt and low mood",
              "to be listened to and respected", "will dismiss or override her", "goes silent, then erupts, then feels guilty"};
    case problem_area::role_transition:
      return {"failing at the new role", "expecting more than can be given", "anxiety and shame",
              "to be seen as capable", "will judge her as not coping", "hides difficulties and withdraws"};
    case problem_area::interpersonal_deficits:
      break;
  }
  return {"uninteresting, a burden", "indifferent, busy with others", "loneliness", "to be included",
          "will not want her company", "stays away and waits to be asked"};
}

}  // namespace

void use_focus_model(case_record& c, focus_model model) {
  if (model == focus_model::ipt_areas) return;
  for (auto& s : c.sessions) s.focus_areas.clear();
  if (model == focus_model::none || !c.formulation) {
    c.formulation.reset();
    return;
  }
  auto& f = *c.formulation;
  std::vector<std::string> where;
  const pattern p = f.focus.empty() ? pattern_of(problem_area::interpersonal_deficits) : pattern_of(area_of(f.focus[0]));
  if (!f.focus.empty())
    if (const auto* id = relationship_of(f.focus[0])) where.push_back(*id);
  f.focus.clear();
  if (model == focus_model::ipaf) {
    f.ipaf = affective_focus{.self_representation = p.self,
                             .other_representation = p.other,
                             .affect = p.affect,
                             .relationships = std::move(where)};
  } else {
    f.maladaptive_schema = interpersonal_schema{
        .wish = p.wish, .other_response = p.expected, .self_response = p.reaction, .relationships = std::move(where)};
  }
}

}  // namespace iptkit::synth_detail
