#include <iptkit/planning/plan.hpp>

#include <algorithm>

namespace iptkit {

namespace {

// Middle-phase goals of each area (domain.md "The four problem areas"; Guide ch.5-8).
std::vector<task> area_tasks(problem_area a) {
  switch (a) {
    case problem_area::grief: return {task::facilitate_mourning, task::reestablish_interests};
    case problem_area::role_dispute:
      return {task::identify_dispute, task::plan_of_action, task::modify_expectations,
              task::improve_communication};
    case problem_area::role_transition:
      return {task::mourn_old_role, task::develop_new_role, task::restore_self_esteem};
    case problem_area::interpersonal_deficits: return {task::reduce_isolation, task::build_relationships};
  }
  return {};
}

void append(std::vector<task>& to, std::initializer_list<task> tasks) { to.insert(to.end(), tasks); }

}  // namespace

date schedule_slot(date start, session_frequency f, int k) {
  switch (f) {
    case session_frequency::twice_weekly: return add_days(start, 7L * (k / 2) + (k % 2 ? 3 : 0));
    case session_frequency::weekly: return add_days(start, 7L * k);
    case session_frequency::every_2_weeks: return add_days(start, 14L * k);
    case session_frequency::monthly: {
      const auto ym = std::chrono::year_month{start.year(), start.month()} + std::chrono::months{k};
      const auto last = std::chrono::year_month_day_last{ym.year(), std::chrono::month_day_last{ym.month()}};
      return date{ym.year(), ym.month(), std::min(start.day(), last.day())};
    }
  }
  return add_days(start, 7L * k);
}

std::vector<planned_session> plan(const protocol& p, date start, const plan_options& options) {
  const int n = std::max(1, options.planned_sessions.value_or(p.min_sessions));
  const auto frequency = options.frequency.value_or(p.frequency);
  const int termination = std::clamp(p.termination_min, 0, n - 1);
  const int initial = std::clamp(planned_initial_sessions(p), 1, n - termination);
  // The ending is named 2-4 sessions before the last (Guide ch.9): three before the last, or the
  // first termination session when that comes earlier (groups), never in the initial phase.
  const int discuss_at = std::max(initial + 1, std::min(n - 3, n - termination + 1));

  std::vector<planned_session> out;
  int slot = 0;
  for (int number = 1; number <= n; ++number) {
    date d = schedule_slot(start, frequency, slot++);
    while (std::find(options.skip.begin(), options.skip.end(), d) != options.skip.end())
      d = schedule_slot(start, frequency, slot++);
    planned_session s{number, d, phase::middle, {}};
    if (number <= initial) {
      s.phase = phase::initial;
      // Assessment and the sick role first, the inventory next, the formulation and contract last.
      if (number == 1)
        append(s.tasks, {task::symptom_review, task::diagnosis_given, task::psychoeducation,
                         task::sick_role, task::medication_evaluation});
      // The inventory takes the sessions between; with one or two initial sessions, the first.
      if (initial <= 2 ? number == 1 : number < initial && number > 1)
        append(s.tasks, {task::interpersonal_inventory});
      if (number == initial)
        append(s.tasks, {task::problem_area_selected, task::formulation_shared, task::treatment_contract});
    } else if (number > n - termination) {
      s.phase = phase::termination;
      if (number == n) append(s.tasks, {task::progress_review, task::relapse_prevention, task::maintenance_considered});
      else append(s.tasks, {task::progress_review, task::feelings_about_ending});
      if (termination == 1) s.tasks.insert(s.tasks.begin() + 1, task::feelings_about_ending);
    } else {
      append(s.tasks, {task::mood_event_link});
      for (auto area : options.focus)
        for (auto t : area_tasks(area)) s.tasks.push_back(t);
    }
    if (number == discuss_at) s.tasks.insert(s.tasks.begin(), task::termination_discussed);
    out.push_back(std::move(s));
  }
  return out;
}

std::optional<std::vector<planned_session>> plan(std::string_view adaptation, date start,
                                                 const plan_options& options,
                                                 const protocol_registry& protocols) {
  const auto* p = protocols.find(adaptation);
  if (!p) return std::nullopt;
  return plan(*p, start, options);
}

}  // namespace iptkit
