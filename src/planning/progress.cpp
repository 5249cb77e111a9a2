#include <iptkit/planning/progress.hpp>

#include <iptkit/measures/risk.hpp>
#include <iptkit/measures/scoring.hpp>
#include <iptkit/meta/enum.hpp>
#include <iptkit/json/check.hpp>
#include <iptkit/planning/plan.hpp>

#include <algorithm>

namespace iptkit {

namespace {

constexpr task initial_tasks[] = {task::symptom_review,        task::diagnosis_given,
                                  task::psychoeducation,       task::sick_role,
                                  task::medication_evaluation, task::interpersonal_inventory,
                                  task::problem_area_selected, task::formulation_shared,
                                  task::treatment_contract};

bool is_initial_task(task t) {
  return std::find(std::begin(initial_tasks), std::end(initial_tasks), t) != std::end(initial_tasks);
}

// The focus areas agreed so far, for the area-specific middle tasks.
std::vector<problem_area> agreed_areas(const case_record& c) {
  std::vector<problem_area> areas;
  if (c.formulation)
    for (const auto& f : c.formulation->focus) areas.push_back(area_of(f));
  return areas;
}

}  // namespace

result<course_progress> progress(const case_record& c, date as_of, const catalog& cat) {
  const auto& instruments = cat.instruments;
  if (auto errors = check(c, {}, cat); !errors.empty()) return result<course_progress>::failure(std::move(errors));
  // No band, no score from items: a measure the catalog does not define is an error, not a blank.
  if (auto errors = unknown_instruments(c, cat, as_of); !errors.empty())
    return result<course_progress>::failure(std::move(errors));
  const protocol& p = *cat.protocols.find(c.adaptation);  // check() found it

  course_progress out;
  out.as_of = as_of;
  out.planned_sessions = planned_sessions(c.contract);

  // Risk first: every risk item above 0 up to as_of that no review by as_of has resolved, whatever
  // rules the catalog has switched off.
  for (std::size_t i = 0; i < c.assessments.size(); ++i) {
    const auto& a = c.assessments[i];
    if (a.date > as_of || is_reviewed(c, a.date, as_of)) continue;
    if (const auto* in = instruments.find(a.instrument))
      for (const auto& r : risk_signals(a, *in))
        out.open_risk_alerts.push_back({a.date, a.instrument, static_cast<int>(i), r.item, r.at_least, r.from_total});
  }
  std::stable_sort(out.open_risk_alerts.begin(), out.open_risk_alerts.end(),
                   [](const open_risk_alert& x, const open_risk_alert& y) { return x.date < y.date; });

  // Sessions so far: those dated on or before as_of.
  std::vector<const session*> held;
  for (const auto& s : c.sessions)
    if (s.date <= as_of) held.push_back(&s);
  out.sessions_held = static_cast<int>(held.size());
  std::vector<task> covered;
  for (const auto* s : held) {
    if (is_acute(s->phase) && s->attendance == attendance::attended) ++out.sessions_attended;
    if (s->attendance == attendance::attended) covered.insert(covered.end(), s->tasks.begin(), s->tasks.end());
  }
  const auto done = [&](task t) { return std::find(covered.begin(), covered.end(), t) != covered.end(); };
  out.phase = held.empty() ? phase::initial : held.back()->phase;
  // Session numbers count slots, missed ones included: the time limit is the contract's.
  int last_acute = 0;
  for (const auto* s : held)
    if (is_acute(s->phase)) last_acute = s->number;
  out.sessions_remaining = std::max(0, out.planned_sessions - last_acute);
  out.acute_complete = out.sessions_remaining == 0;

  // The schedule the contract implies, for phases and tasks of the sessions still to come.
  const auto schedule = plan(p, c.contract.start_date,
                             {.planned_sessions = out.planned_sessions,
                              .frequency = c.contract.frequency,
                              .focus = p.focus_model == focus_model::ipt_areas ? agreed_areas(c)
                                                                               : std::vector<problem_area>{}})
                            .value();  // a case that is not well formed (a date that does not exist) throws
  const int next_acute = last_acute + 1;
  const int last_number = held.empty() ? 0 : held.back()->number;
  const session_frequency frequency =
      out.acute_complete && c.maintenance ? c.maintenance->frequency : c.contract.frequency;
  if (!out.acute_complete || c.maintenance) {
    out.next_session = last_number + 1;
    out.next_due = held.empty() ? c.contract.start_date
                                : schedule_slot(held.back()->date, frequency, 1);
    if (out.acute_complete) {
      out.next_phase = phase::maintenance;
    } else {
      const auto& planned = schedule[static_cast<std::size_t>(next_acute - 1)];
      out.next_phase = planned.phase;
      // What the plan puts in that session, less initial and termination tasks already covered.
      for (auto t : planned.tasks)
        if (!(done(t) && (is_initial_task(t) || t == task::termination_discussed))) out.tasks_due.push_back(t);
    }
  }

  // Overdue: initial tasks once the initial phase should be over, and the ending not yet named.
  const int initial_sessions =
      static_cast<int>(std::count_if(schedule.begin(), schedule.end(),
                                     [](const planned_session& s) { return s.phase == phase::initial; }));
  const bool past_initial = out.sessions_attended >= initial_sessions ||
      std::any_of(held.begin(), held.end(), [](const session* s) { return s->phase == phase::middle; });
  // A control arm is not an IPT course: no IPT task is due or overdue (risk, sessions and
  // measures still hold).
  const bool comparator = p.kind == protocol_kind::comparator;
  if (comparator) out.tasks_due.clear();
  if (past_initial && !comparator) {
    const std::string ended = "the initial phase (" + std::to_string(initial_sessions) +
                              " session(s) for " + p.id + ") is over";
    for (auto t : initial_tasks) {
      // Selecting an IPT problem area is the IPT models' task; DIT and MIT agree their own focus.
      if (t == task::problem_area_selected && p.focus_model != focus_model::ipt_areas) continue;
      if (t == task::interpersonal_inventory) {
        if (!c.inventory || c.inventory->relationships.empty())
          out.overdue.push_back({t, ended + " and no interpersonal inventory is recorded"});
      } else if (t == task::formulation_shared) {
        if (!c.formulation || !has_focus(*c.formulation))
          out.overdue.push_back({t, ended + " and no formulation is recorded"});
        else if (!done(t))
          out.overdue.push_back({t, ended + " and no session records sharing the formulation"});
      } else if (!done(t)) {
        out.overdue.push_back({t, ended + " and no session covered " + std::string(meta::enum_name(t))});
      }
    }
  }
  if (!comparator && out.sessions_remaining <= 2 && out.sessions_attended > 0 && !done(task::termination_discussed))
    out.overdue.push_back({task::termination_discussed,
                           std::to_string(out.sessions_remaining) +
                               " acute session(s) remain and the ending has not been discussed "
                               "(it is named 2-4 sessions before the last)"});

  // Latest score of each instrument so far, with its band.
  for (const auto& a : c.assessments) {
    if (a.date > as_of) continue;
    const auto* in = instruments.find(a.instrument);
    const auto total = score_total(a, in);
    if (!total) continue;
    auto it = std::find_if(out.latest_measures.begin(), out.latest_measures.end(),
                           [&](const measure_status& m) { return m.instrument == a.instrument; });
    if (it != out.latest_measures.end() && it->date > a.date) continue;
    measure_status m{a.instrument, a.date, *total, std::nullopt};
    if (in)
      if (const auto* b = band_of(*in, *total)) m.band = b->label;
    if (it != out.latest_measures.end()) *it = std::move(m);
    else out.latest_measures.push_back(std::move(m));
  }
  return out;
}

}  // namespace iptkit
