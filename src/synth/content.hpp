#pragma once
// Internal to the synthetic generator: the clinical content a generated case is made of (people,
// dispute lines, transition roles, item weights), by relationship kind and life stage.

#include "random.hpp"

#include <iptkit/model/case_record.hpp>

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace iptkit::synth::detail {

using rk = relationship_kind;
using rs = relationship_status;

// Item weights for spreading a total over the items: in depressed outpatients sleep and fatigue
// are endorsed most, psychomotor change least (PHQ-9 items 1-8; item 9 is handled as risk).
constexpr std::array<std::uint64_t, 8> phq9_core_weights = {9, 9, 10, 11, 7, 8, 8, 4};
constexpr std::array<std::uint64_t, 7> gad7_weights = {10, 9, 10, 9, 6, 9, 7};

struct person {
  std::string_view label;
  rk kind;
};

constexpr std::array<person, 14> adult_people = {{
    {"Partner", rk::partner}, {"Mother", rk::parent}, {"Father", rk::parent},
    {"Sister", rk::sibling}, {"Brother", rk::sibling}, {"Friend", rk::friend_},
    {"Friend 2", rk::friend_}, {"Colleague", rk::colleague}, {"Manager", rk::colleague},
    {"Neighbour", rk::community}, {"Son", rk::child}, {"Daughter", rk::child},
    {"Aunt", rk::other_family}, {"GP", rk::professional}}};
constexpr std::array<person, 10> teen_people = {{
    {"Mother", rk::parent}, {"Father", rk::parent}, {"Sister", rk::sibling},
    {"Brother", rk::sibling}, {"Best friend", rk::friend_}, {"Friend 2", rk::friend_},
    {"Grandmother", rk::grandparent}, {"Teacher", rk::professional}, {"Coach", rk::community},
    {"Cousin", rk::other_family}}};
constexpr std::array<person, 8> older_people = {{
    {"Partner", rk::partner}, {"Son", rk::child}, {"Daughter", rk::child}, {"Sister", rk::sibling},
    {"Friend", rk::friend_}, {"Neighbour", rk::community}, {"Grandson", rk::other_family},
    {"GP", rk::professional}}};

enum class life_stage { teen, adult, older };

constexpr std::array<std::string_view, 5> antidepressants = {"sertraline", "citalopram",
                                                             "fluoxetine", "escitalopram",
                                                             "mirtazapine"};

constexpr std::array<task, 5> techniques = {task::communication_analysis, task::clarification,
                                            task::role_play, task::decision_analysis,
                                            task::encouragement_of_affect};

inline std::optional<problem_area> area_of_task(task t) {
  switch (t) {
    case task::facilitate_mourning:
    case task::reestablish_interests: return problem_area::grief;
    case task::identify_dispute:
    case task::plan_of_action:
    case task::modify_expectations:
    case task::improve_communication: return problem_area::role_dispute;
    case task::mourn_old_role:
    case task::develop_new_role:
    case task::restore_self_esteem: return problem_area::role_transition;
    case task::reduce_isolation:
    case task::build_relationships: return problem_area::interpersonal_deficits;
    default: return std::nullopt;
  }
}

inline bool contains(const std::vector<task>& tasks, task t) {
  return std::find(tasks.begin(), tasks.end(), t) != tasks.end();
}

// Relationship ids are the label in lower case with `_` for anything else: "Friend 2" -> friend_2.
inline std::string id_from_label(std::string_view label) {
  std::string id;
  for (char ch : label) {
    if (ch >= 'A' && ch <= 'Z') id += static_cast<char>(ch - 'A' + 'a');
    else if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) id += ch;
    else id += '_';
  }
  return id;
}

inline std::string lower(std::string_view s) {
  std::string out(s);
  if (!out.empty() && out[0] >= 'A' && out[0] <= 'Z') out[0] = static_cast<char>(out[0] - 'A' + 'a');
  return out;
}

// What a person of each kind usually looks like in an inventory (closeness ring, contact, support).
struct kind_profile {
  int closeness_min, closeness_max;
  contact_frequency contact;
  std::string_view satisfying;
};

inline kind_profile profile_of(rk kind, life_stage stage) {
  switch (kind) {
    case rk::partner: return {1, 1, contact_frequency::daily, "Laughs at the same things"};
    case rk::parent:
      return {1, 2, stage == life_stage::teen ? contact_frequency::daily : contact_frequency::weekly,
              "Always helps out when asked"};
    case rk::child:
      return {1, 2, stage == life_stage::older ? contact_frequency::weekly : contact_frequency::daily,
              "Time together at weekends"};
    case rk::sibling: return {1, 3, contact_frequency::weekly, "Shared sense of humour"};
    case rk::grandparent: return {2, 3, contact_frequency::monthly, "Stories about the family"};
    case rk::friend_: return {2, 3, contact_frequency::weekly, "Easy to talk to"};
    case rk::colleague: return {3, 4, contact_frequency::daily, "Good to work alongside"};
    case rk::community: return {3, 4, contact_frequency::weekly, "Friendly chats"};
    case rk::professional: return {4, 4, contact_frequency::monthly, "Listens without judging"};
    case rk::other_family: return {2, 4, contact_frequency::monthly, "Family gatherings"};
    case rk::former_partner: return {3, 4, contact_frequency::rarely, "Shared history"};
    case rk::other: return {3, 4, contact_frequency::monthly, "Practical help"};
  }
  return {3, 4, contact_frequency::monthly, "Practical help"};
}

struct dispute_lines {
  std::array<std::string_view, 3> patient;
  std::array<std::string_view, 2> other;
};

inline dispute_lines dispute_lines_of(rk kind, life_stage stage) {
  switch (kind) {
    case rk::partner:
      return {{"Shows more affection", "Shares the housework fairly",
               "Talks things through instead of leaving the room"},
              {"Is less critical", "Shares household decisions"}};
    case rk::parent:
      if (stage == life_stage::teen)
        return {{"Lets me see friends at weekends", "Listens before deciding",
                 "Trusts me with my phone"},
                {"Comes home on time", "Keeps up with schoolwork"}};
      return {{"Respects my decisions about my own family", "Stops comparing me with my siblings",
               "Asks before visiting"},
              {"Visits more often", "Takes advice about money"}};
    case rk::child:
      return {{"Calls more often", "Asks how I am", "Helps with the shopping"},
              {"Stops giving advice", "Accepts their choices"}};
    case rk::colleague:
      return {{"Gives credit for my work", "Shares the workload fairly", "Says what is wanted"},
              {"Meets deadlines without reminders", "Speaks up in meetings"}};
    default:
      return {{"Keeps promises", "Makes time to talk", "Helps when asked"},
              {"Gets in touch first sometimes", "Is less touchy"}};
  }
}

struct transition_roles {
  std::string_view old_role, new_role;
};

inline transition_roles roles_of(transition_type t) {
  switch (t) {
    case transition_type::marriage: return {"Living alone", "Married, sharing a home"};
    case transition_type::divorce_separation: return {"Living with a partner", "Living apart"};
    case transition_type::parenthood: return {"Working, without children", "Parent of a baby"};
    case transition_type::retirement: return {"Working full time", "Retired"};
    case transition_type::job_change: return {"Experienced in the old job", "New to the job"};
    case transition_type::job_loss: return {"Employed", "Looking for work"};
    case transition_type::relocation: return {"Settled in the home town", "Newcomer in a new town"};
    case transition_type::illness: return {"Healthy and active", "Living with a long-term illness"};
    case transition_type::education: return {"Pupil at the old school", "Pupil at a new school"};
    case transition_type::other: return {"The old routine", "A new routine"};
  }
  return {"The old routine", "A new routine"};
}

/// A homework task for a focus area, naming the person it is about (`label`) where it has one.
inline std::string homework_text(problem_area area, const std::string& label, stream& s) {
  switch (area) {
    case problem_area::grief:
      return std::array{"Look through photographs of " + label + " and note what comes up",
                        "Visit a place that mattered to " + label,
                        "Write a letter to " + label + " that will not be sent",
                        std::string("Take up one activity dropped since the loss")}[s.below(4)];
    case problem_area::role_dispute:
      return std::array{"Ask " + label + " for one evening together this week",
                        "Tell " + label + " one thing appreciated this week",
                        "Use the role-played opening with " + label,
                        "Note what happens in the next disagreement with " + label}[s.below(4)];
    case problem_area::role_transition:
      return std::array<std::string, 3>{"List what was lost and what was gained with the change",
                                        "Try one activity that belongs to the new role",
                                        "Contact someone going through the same change"}[s.below(3)];
    case problem_area::interpersonal_deficits:
      return std::array<std::string, 3>{"Start one short conversation with a colleague or neighbour",
                                        "Reply to a message within a day",
                                        "Go to one group or class this week"}[s.below(3)];
  }
  return "Note one conversation that affected mood";
}

}  // namespace iptkit::synth::detail
