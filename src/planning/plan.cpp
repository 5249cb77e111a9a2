#include <iptkit/planning/plan.hpp>

#include <iptkit/detail/excerpt.hpp>
#include <iptkit/meta/enum.hpp>

#include <algorithm>
#include <string>

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

namespace {

// Why plan() cannot lay out a schedule from these arguments (see plan.hpp), in argument order.
// `p` is null when the adaptation was not found: the other arguments are still checked.
std::vector<read_error> argument_errors(const protocol* p, date start, const plan_options& options,
                                        std::vector<read_error> errors = {}) {
  if (p)
    for (auto& e : entry_errors(*p)) {
      e.path.insert(0, "/protocol");
      errors.push_back(std::move(e));
    }
  const auto fail = [&](std::string path, error_kind kind, std::string message) {
    errors.push_back({std::move(path), kind, std::move(message), std::nullopt});
  };
  const auto a_date = [&](const std::string& path, date d) {
    if (!d.ok() || static_cast<int>(d.year()) < 0 || static_cast<int>(d.year()) > 9999)
      fail(path, error_kind::bad_date, "expected a calendar date; found " + format_date(d) + ", which does not exist");
  };
  a_date("/start", start);
  if (options.planned_sessions && (*options.planned_sessions < 1 || *options.planned_sessions > meta::session_limit))
    fail("/planned_sessions", error_kind::out_of_range,
         "expected an integer from 1 to " + std::to_string(meta::session_limit) + "; found " +
             std::to_string(*options.planned_sessions));
  if (options.frequency && meta::enum_position(*options.frequency) < 0)
    fail("/frequency", error_kind::bad_enum,
         "expected one of twice_weekly, weekly, every_2_weeks, monthly; found " +
             std::to_string(static_cast<int>(*options.frequency)));
  for (std::size_t i = 0; i < options.skip.size(); ++i) a_date("/skip/" + std::to_string(i), options.skip[i]);
  for (std::size_t i = 0; i < options.focus.size(); ++i) {
    if (meta::enum_position(options.focus[i]) < 0)
      fail("/focus/" + std::to_string(i), error_kind::bad_enum,
           "expected one of grief, role_dispute, role_transition, interpersonal_deficits; found " +
               std::to_string(static_cast<int>(options.focus[i])));
    else if (std::find(options.focus.begin(), options.focus.begin() + static_cast<std::ptrdiff_t>(i),
                       options.focus[i]) != options.focus.begin() + static_cast<std::ptrdiff_t>(i))
      fail("/focus/" + std::to_string(i), error_kind::duplicate_id,
           "expected each problem area once; found " + std::string(meta::enum_name(options.focus[i])) + " again");
  }
  if (options.focus.size() > 2)
    fail("/focus", error_kind::out_of_range,
         "expected one or two problem areas; found " + std::to_string(options.focus.size()));
  // Problem-area goals in a course that has no problem area would be a plan nobody follows.
  if (p && !options.focus.empty() && p->focus_model != focus_model::ipt_areas)
    fail("/focus", error_kind::out_of_range,
         "expected no problem areas: " + (p->kind == protocol_kind::comparator ? std::string("comparator arm ") : std::string()) +
             "\"" + p->id + "\" works on " +
             (p->focus_model == focus_model::none ? std::string("no interpersonal focus")
                                                  : "the focus model " + std::string(meta::enum_name(p->focus_model))) +
             ", not the IPT problem areas; found " + std::to_string(options.focus.size()));
  return errors;
}

}  // namespace

result<std::vector<planned_session>> plan(const protocol& p, date start, const plan_options& options) {
  if (auto errors = argument_errors(&p, start, options); !errors.empty())
    return result<std::vector<planned_session>>::failure(std::move(errors));
  const int n = std::max(1, options.planned_sessions.value_or(p.min_sessions));
  const auto frequency = options.frequency.value_or(p.frequency);
  // A comparator's single planned contact is also its last, so it is its termination: "completed
  // treatment" means attended the last planned contact in every arm. An IPT course keeps at least
  // one initial session.
  const bool comparator = p.kind == protocol_kind::comparator;
  const int termination = comparator ? std::min(p.termination_min, n) : std::clamp(p.termination_min, 0, n - 1);
  const int initial = n - termination < 1 ? 0 : std::clamp(planned_initial_sessions(p), 1, n - termination);
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
      if (number == initial) {
        // DIT and MIT agree their own focus (the formulation's IPAF or schema), not an IPT area.
        if (p.focus_model == focus_model::ipt_areas) append(s.tasks, {task::problem_area_selected});
        append(s.tasks, {task::formulation_shared, task::treatment_contract});
      }
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
    // A comparator arm's plan is its dated contacts: none of IPT's tasks is due in usual care.
    if (comparator) s.tasks.clear();
    out.push_back(std::move(s));
  }
  return out;
}

result<std::vector<planned_session>> plan(std::string_view adaptation, date start, const plan_options& options,
                                          const catalog& cat) {
  const protocol_registry& protocols = cat.protocols;
  const auto* p = protocols.find(adaptation);
  if (!p) {
    std::string ids;
    for (const auto id : protocols.ids()) ids += (ids.empty() ? "" : ", ") + std::string(id);
    // Every reason at once: the other arguments are checked too.
    return result<std::vector<planned_session>>::failure(argument_errors(
        nullptr, start, options,
        {{"/adaptation", error_kind::bad_enum, "expected one of " + ids + "; found " + detail::quoted_excerpt(adaptation),
          std::nullopt}}));
  }
  return plan(*p, start, options);
}

}  // namespace iptkit
