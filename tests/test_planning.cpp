// Course planning and where a course stands.
#include <iptkit/json/read.hpp>
#include <iptkit/meta/enum.hpp>
#include <iptkit/planning/plan.hpp>
#include <iptkit/planning/progress.hpp>

#include <gtest/gtest.h>

#include <algorithm>

#include "test_support.hpp"

namespace {

using iptkit::phase;
using iptkit::task;

iptkit::date d(const char* text) { return iptkit::parse_date(text).value(); }

int count(const std::vector<iptkit::planned_session>& p, phase ph) {
  return static_cast<int>(std::count_if(p.begin(), p.end(), [&](const auto& s) { return s.phase == ph; }));
}

bool has(const std::vector<task>& tasks, task t) { return std::find(tasks.begin(), tasks.end(), t) != tasks.end(); }

TEST(planning, ipt_16_weekly_sessions) {
  auto p = iptkit::plan("ipt", d("2026-01-05"), {.planned_sessions = 16}).value();
  ASSERT_EQ(p.size(), 16u);
  for (std::size_t i = 0; i < p.size(); ++i) {
    EXPECT_EQ(p[i].number, static_cast<int>(i) + 1);
    EXPECT_EQ(p[i].date, iptkit::add_days(d("2026-01-05"), 7 * static_cast<long>(i)));
  }
  EXPECT_EQ(iptkit::format_date(p.back().date), "2026-04-20");
  for (int i : {0, 1, 2}) EXPECT_EQ(p[i].phase, phase::initial);
  EXPECT_EQ(count(p, phase::initial), 3);
  EXPECT_EQ(count(p, phase::termination), 2);
  EXPECT_EQ(count(p, phase::middle), 11);
  EXPECT_EQ(p[14].phase, phase::termination);
  EXPECT_EQ(p[15].phase, phase::termination);
  // Initial tasks in the initial sessions, termination tasks in the last ones.
  EXPECT_TRUE(has(p[0].tasks, task::sick_role));
  EXPECT_TRUE(has(p[1].tasks, task::interpersonal_inventory));
  EXPECT_TRUE(has(p[2].tasks, task::formulation_shared));
  EXPECT_TRUE(has(p[2].tasks, task::treatment_contract));
  EXPECT_TRUE(has(p[15].tasks, task::relapse_prevention));
  EXPECT_TRUE(has(p[14].tasks, task::feelings_about_ending));
  // The ending is named three sessions before the last.
  EXPECT_TRUE(has(p[12].tasks, task::termination_discussed));
  EXPECT_EQ(p[12].phase, phase::middle);
}

TEST(planning, group_ipt_ends_with_five_termination_sessions) {
  auto p = iptkit::plan("ipt_g", d("2026-01-05"), {.planned_sessions = 16}).value();
  ASSERT_EQ(p.size(), 16u);
  for (int i = 11; i < 16; ++i) EXPECT_EQ(p[i].phase, phase::termination) << i;
  EXPECT_EQ(count(p, phase::termination), 5);
  EXPECT_EQ(p[10].phase, phase::middle);
  EXPECT_TRUE(has(p[11].tasks, task::termination_discussed));
}

TEST(planning, defaults_come_from_the_protocol) {
  auto brief = iptkit::plan("ipt_brief", d("2026-03-02")).value();
  ASSERT_EQ(brief.size(), 8u);  // ipt_brief: 8 sessions, initial max 2
  EXPECT_EQ(count(brief, phase::initial), 2);
  EXPECT_TRUE(has(brief[0].tasks, task::interpersonal_inventory));
  EXPECT_TRUE(has(brief[1].tasks, task::formulation_shared));
  auto ipc = iptkit::plan("ipc", d("2026-03-02")).value();
  ASSERT_EQ(ipc.size(), 3u);
  EXPECT_EQ(ipc[0].phase, phase::initial);
  EXPECT_EQ(ipc[1].phase, phase::middle);
  EXPECT_EQ(ipc[2].phase, phase::termination);
  EXPECT_FALSE(iptkit::plan("no_such_adaptation", d("2026-03-02")));
}

TEST(planning, skipped_dates_move_the_schedule) {
  auto p = iptkit::plan("ipt", d("2026-01-05"),
                        {.planned_sessions = 12, .skip = {d("2026-01-19"), d("2026-02-16")}})
               .value();
  ASSERT_EQ(p.size(), 12u);
  EXPECT_EQ(iptkit::format_date(p[1].date), "2026-01-12");
  EXPECT_EQ(iptkit::format_date(p[2].date), "2026-01-26");   // the 19th is skipped
  EXPECT_EQ(iptkit::format_date(p[5].date), "2026-02-23");   // and the 16th
  EXPECT_EQ(iptkit::format_date(p[11].date), "2026-04-06");  // two weeks later than unskipped
}

TEST(planning, frequencies) {
  auto twice = iptkit::plan("ipt", d("2026-01-05"), {.planned_sessions = 4, .frequency = iptkit::session_frequency::twice_weekly}).value();
  EXPECT_EQ(iptkit::format_date(twice[1].date), "2026-01-08");
  EXPECT_EQ(iptkit::format_date(twice[2].date), "2026-01-12");
  auto monthly = iptkit::plan("ipt", d("2026-01-31"), {.planned_sessions = 3, .frequency = iptkit::session_frequency::monthly}).value();
  EXPECT_EQ(iptkit::format_date(monthly[1].date), "2026-02-28");  // month end
  EXPECT_EQ(iptkit::format_date(monthly[2].date), "2026-03-31");
}

TEST(planning, focus_adds_area_goals_to_middle_sessions) {
  auto p = iptkit::plan("ipt", d("2026-01-05"), {.focus = {iptkit::problem_area::grief}}).value();
  EXPECT_TRUE(has(p[5].tasks, task::facilitate_mourning));
  EXPECT_TRUE(has(p[5].tasks, task::mood_event_link));
  EXPECT_FALSE(has(p[0].tasks, task::facilitate_mourning));
}

// A comparator arm's plan is its dated contacts, with none of IPT's tasks; DIT and MIT agree their
// own focus, so no IPT problem area is due; problem-area goals for either are refused, not dropped.
TEST(planning, comparator_arms_get_dated_contacts_and_other_focus_models_no_problem_area) {
  const auto usual = iptkit::plan("usual_care", d("2026-01-05"), {.planned_sessions = 4});
  ASSERT_TRUE(usual) << iptkit::to_string(usual.errors().front());
  ASSERT_EQ(usual->size(), 4u);
  EXPECT_EQ((*usual)[3].date, d("2026-04-05"));  // monthly, the usual-care default
  EXPECT_EQ((*usual)[0].phase, phase::initial);
  EXPECT_EQ((*usual)[1].phase, phase::middle);
  EXPECT_EQ((*usual)[3].phase, phase::termination);  // the last planned contact
  // A single planned contact is the first and the last: attending it completes the course.
  const auto one = iptkit::plan("usual_care", d("2026-01-05"), {.planned_sessions = 1}).value();
  ASSERT_EQ(one.size(), 1u);
  EXPECT_EQ(one[0].phase, phase::termination);
  EXPECT_EQ(iptkit::plan("ipt", d("2026-01-05"), {.planned_sessions = 1}).value()[0].phase, phase::initial);
  for (const auto& s : *usual) EXPECT_TRUE(s.tasks.empty()) << s.number;
  const auto dit = iptkit::plan("dit", d("2026-01-05")).value();
  EXPECT_EQ(count(dit, phase::initial), 4);
  for (const auto& s : dit) EXPECT_FALSE(has(s.tasks, task::problem_area_selected)) << s.number;
  EXPECT_TRUE(has(dit[3].tasks, task::formulation_shared));
  EXPECT_TRUE(has(iptkit::plan("ipt", d("2026-01-05")).value()[2].tasks, task::problem_area_selected));
  for (const char* id : {"dit", "mit", "usual_care", "waitlist"}) {
    const auto r = iptkit::plan(id, d("2026-01-05"), {.focus = {iptkit::problem_area::grief}});
    ASSERT_FALSE(r) << id;
    ASSERT_EQ(r.errors().size(), 1u) << id;
    EXPECT_EQ(r.errors()[0].path, "/focus") << id;
    EXPECT_NE(r.errors()[0].message.find("not the IPT problem areas"), std::string::npos) << r.errors()[0].message;
  }
}

iptkit::case_record example(const char* name) {
  return iptkit::read_case(iptkit::test::read_file(iptkit::test::source_dir() / "examples/data" / name)).value();
}

// The errors of a result, one per line, for a failure message.
template <class T>
std::string errors_text(const iptkit::result<T>& r) {
  std::string out;
  for (const auto& e : r.errors()) out += iptkit::to_string(e) + "\n";
  return out;
}

TEST(progress, in_progress_example) {
  const auto c = example("in-progress-job-loss.json");
  const auto& last = c.sessions.back();
  const auto r = iptkit::progress(c, iptkit::add_days(last.date, 2));
  ASSERT_TRUE(r) << errors_text(r);
  const auto& p = *r;
  EXPECT_EQ(p.phase, phase::middle);
  EXPECT_EQ(p.sessions_held, 5);
  EXPECT_EQ(p.planned_sessions, 12);
  EXPECT_EQ(p.sessions_remaining, 12 - last.number);
  EXPECT_FALSE(p.acute_complete);
  EXPECT_EQ(p.next_session, 6);
  EXPECT_EQ(p.next_due, iptkit::add_days(last.date, 7));
  EXPECT_EQ(p.next_phase, phase::middle);
  EXPECT_TRUE(has(p.tasks_due, task::mood_event_link));
  EXPECT_TRUE(has(p.tasks_due, task::develop_new_role));  // role transition goals
  ASSERT_FALSE(p.latest_measures.empty());
  EXPECT_EQ(p.latest_measures[0].instrument, "phq9");
  EXPECT_EQ(p.latest_measures[0].band, "moderate");  // 12
}

// Risk is the first thing progress() gives: every risk item above 0 so far that no risk review has
// resolved, whatever rules the catalog has switched off.
TEST(progress, open_risk_alerts_come_first_until_a_review_resolves_them) {
  auto c = example("parenthood-perinatal-alert.json");  // PHQ-9 item 9 = 1 on 2026-02-02
  const auto before = iptkit::progress(c, d("2026-02-10"));
  ASSERT_TRUE(before) << errors_text(before);
  ASSERT_EQ(before->open_risk_alerts.size(), 1u);
  const auto& alert = before->open_risk_alerts[0];
  EXPECT_EQ(alert.date, d("2026-02-02"));
  EXPECT_EQ(alert.instrument, "phq9");
  EXPECT_EQ(alert.item, 9);
  EXPECT_EQ(alert.at_least, 1);
  EXPECT_FALSE(alert.from_total);
  // Not before the assessment: a progress on the day before sees nothing yet.
  EXPECT_TRUE(iptkit::progress(c, d("2026-02-01")).value().open_risk_alerts.empty());
  // A switched-off A007 does not hide it here.
  iptkit::catalog quiet;
  quiet.rules.disable("A007");
  EXPECT_EQ(iptkit::progress(c, d("2026-02-10"), quiet).value().open_risk_alerts.size(), 1u);
  // A review dated before the assessment does not resolve it; one on its day does, from then on.
  c.risk_reviews.push_back({.date = d("2026-01-30"), .reviewed_by = iptkit::reviewer_role::therapist,
                            .outcome = iptkit::risk_review_outcome::no_current_risk});
  EXPECT_EQ(iptkit::progress(c, d("2026-02-10")).value().open_risk_alerts.size(), 1u);
  c.risk_reviews.push_back({.date = d("2026-02-02"), .reviewed_by = iptkit::reviewer_role::psychiatrist,
                            .outcome = iptkit::risk_review_outcome::safety_plan});
  EXPECT_TRUE(iptkit::progress(c, d("2026-02-10")).value().open_risk_alerts.empty());
  // A total-only PHQ-9 of 26 later on: item 9 is at least 2, and the alert is open again.
  c.assessments.push_back({.instrument = "phq9", .date = d("2026-03-02"), .total = 26});
  const auto later = iptkit::progress(c, d("2026-03-03"));
  ASSERT_TRUE(later) << errors_text(later);
  ASSERT_EQ(later->open_risk_alerts.size(), 1u);
  EXPECT_EQ(later->open_risk_alerts[0].at_least, 2);
  EXPECT_TRUE(later->open_risk_alerts[0].from_total);
}

// DIT agrees its interpersonal affective focus at session 4 and selects no IPT problem area; a
// comparator arm is not an IPT course at all.
TEST(progress, other_focus_models_and_comparator_arms) {
  const auto dit = example("dit-ipaf-mother.json");
  const auto third = iptkit::progress(dit, dit.sessions[2].date);  // three sessions held
  ASSERT_TRUE(third) << errors_text(third);
  EXPECT_EQ(third->next_phase, phase::initial);  // session 4 is still initial
  EXPECT_TRUE(third->overdue.empty());
  const auto middle = iptkit::progress(dit, dit.sessions[8].date);
  ASSERT_TRUE(middle) << errors_text(middle);
  for (const auto& t : middle->overdue) EXPECT_NE(t.task, task::problem_area_selected) << t.reason;
  EXPECT_TRUE(middle->overdue.empty());
  auto usual = example("in-progress-job-loss.json");
  usual.adaptation = "usual_care";
  const auto u = iptkit::progress(usual, iptkit::add_days(usual.sessions.back().date, 2));
  ASSERT_TRUE(u) << errors_text(u);
  EXPECT_TRUE(u->tasks_due.empty());
  EXPECT_TRUE(u->overdue.empty());
  EXPECT_FALSE(u->latest_measures.empty());
}

TEST(progress, overdue_inventory_formulation_and_ending) {
  auto c = example("in-progress-job-loss.json");
  c.inventory.reset();
  c.formulation.reset();
  const auto r = iptkit::progress(c, c.sessions.back().date);
  ASSERT_TRUE(r) << errors_text(r);
  std::vector<task> overdue;
  for (const auto& o : r->overdue) overdue.push_back(o.task);
  EXPECT_TRUE(has(overdue, task::interpersonal_inventory));
  EXPECT_TRUE(has(overdue, task::formulation_shared));
  EXPECT_FALSE(has(overdue, task::termination_discussed));
  // Two sessions left and the ending not named: overdue.
  c.contract.planned_sessions = c.sessions.back().number + 2;
  const auto ending = iptkit::progress(c, c.sessions.back().date);
  ASSERT_TRUE(ending) << errors_text(ending);
  overdue.clear();
  for (const auto& o : ending->overdue) overdue.push_back(o.task);
  EXPECT_TRUE(has(overdue, task::termination_discussed));
  EXPECT_EQ(ending->sessions_remaining, 2);
}

TEST(progress, before_the_first_session) {
  const auto c = example("in-progress-job-loss.json");
  const auto r = iptkit::progress(c, iptkit::add_days(c.contract.start_date, -1));
  ASSERT_TRUE(r) << errors_text(r);
  const auto& p = *r;
  EXPECT_EQ(p.sessions_held, 0);
  EXPECT_EQ(p.phase, phase::initial);
  EXPECT_EQ(p.next_session, 1);
  EXPECT_EQ(p.next_due, c.contract.start_date);
  EXPECT_TRUE(has(p.tasks_due, task::symptom_review));
  EXPECT_TRUE(p.overdue.empty());
}

TEST(progress, completed_course_with_maintenance) {
  const auto c = example("maintenance-recurrent-illness.json");
  const auto r = iptkit::progress(c, iptkit::add_days(c.sessions.back().date, 1));
  ASSERT_TRUE(r) << errors_text(r);
  const auto& p = *r;
  EXPECT_TRUE(p.acute_complete);
  EXPECT_EQ(p.phase, phase::maintenance);
  EXPECT_EQ(p.next_phase, phase::maintenance);
  EXPECT_EQ(p.next_session, c.sessions.back().number + 1);
  EXPECT_TRUE(p.overdue.empty());
}

TEST(progress, missed_sessions_use_up_slots_of_the_contract) {
  const auto c = example("deficits-nonresponder.json");  // 16 sessions, one no-show, one cancelled
  const auto r = iptkit::progress(c, c.sessions.back().date);
  ASSERT_TRUE(r) << errors_text(r);
  const auto& p = *r;
  EXPECT_EQ(p.sessions_attended, 14);
  EXPECT_EQ(p.sessions_remaining, 0);
  EXPECT_TRUE(p.acute_complete);
  EXPECT_FALSE(p.next_session);
}

TEST(progress, completed_course_without_maintenance_has_no_next_session) {
  const auto c = example("role-transition-marriage.json");
  const auto r = iptkit::progress(c, iptkit::add_days(c.sessions.back().date, 30));
  ASSERT_TRUE(r) << errors_text(r);
  const auto& p = *r;
  EXPECT_TRUE(p.acute_complete);
  EXPECT_FALSE(p.next_session);
  EXPECT_TRUE(p.overdue.empty()) << iptkit::meta::enum_name(p.overdue.front().task);
}

// Found in the catalog refactoring: an assessment of an instrument the catalog does not define was
// shown without a band; now progress() refuses it, naming the assessment and the instrument.
TEST(progress, an_instrument_the_catalog_lacks_is_an_error_naming_it) {
  auto c = example("in-progress-job-loss.json");
  ASSERT_GE(c.assessments.size(), 2u);
  const auto as_of = iptkit::add_days(c.sessions.back().date, 2);
  ASSERT_TRUE(iptkit::progress(c, as_of));
  const std::size_t i = c.assessments.size() - 1;
  ASSERT_LE(c.assessments[i].date, as_of);
  c.assessments[i].instrument = "trial_scale";
  c.assessments[i].items.clear();
  c.assessments[i].total = 7;
  const auto r = iptkit::progress(c, as_of);
  ASSERT_FALSE(r);
  ASSERT_EQ(r.errors().size(), 1u) << errors_text(r);
  EXPECT_EQ(r.errors()[0].path, "/assessments/" + std::to_string(i) + "/instrument");
  EXPECT_EQ(r.errors()[0].kind, iptkit::error_kind::bad_enum);
  EXPECT_NE(r.errors()[0].message.find("trial_scale"), std::string::npos) << r.errors()[0].message;
  // An assessment after `as_of` is ignored, as everything after it is.
  EXPECT_TRUE(iptkit::progress(c, iptkit::add_days(c.assessments[i].date, -1)))
      << "an assessment after as_of counted";
  // A catalog that defines the instrument is honoured: its band is shown.
  iptkit::catalog cat;
  cat.instruments.add({.id = "trial_scale", .name = "Trial Scale", .items = 4, .total_max = 16,
                       .bands = {{"low", 0, 9}, {"high", 10, 16}}});
  const auto known = iptkit::progress(c, as_of, cat);
  ASSERT_TRUE(known) << errors_text(known);
  const auto& measures = known->latest_measures;
  const auto m = std::find_if(measures.begin(), measures.end(),
                              [](const auto& x) { return x.instrument == "trial_scale"; });
  ASSERT_NE(m, measures.end());
  EXPECT_EQ(m->band, "low");
}

// A case that is not well formed gets check()'s errors, not a guess: an adaptation the catalog
// does not hold used to be planned as if it were a protocol of the contract's length.
TEST(progress, a_case_that_is_not_well_formed_gets_the_errors_of_check) {
  auto c = example("in-progress-job-loss.json");
  const auto as_of = iptkit::add_days(c.sessions.back().date, 2);
  c.adaptation = "ipt_trial_manual";
  const auto r = iptkit::progress(c, as_of);
  ASSERT_FALSE(r);
  ASSERT_FALSE(r.errors().empty());
  EXPECT_EQ(r.errors()[0].path, "/adaptation");
  iptkit::catalog cat;
  auto manual = *cat.protocols.find("ipt");
  manual.id = "ipt_trial_manual";
  cat.protocols.add(manual);
  const auto known = iptkit::progress(c, as_of, cat);
  ASSERT_TRUE(known) << errors_text(known);
  EXPECT_EQ(known->sessions_held, 5);
}

// Nothing is guessed: each argument that cannot be planned is an error naming it.
TEST(plan, refuses_what_it_cannot_plan_and_says_why) {
  const auto start = d("2026-01-05");
  const auto errors_of = [](const auto& r) {
    std::vector<std::pair<std::string, iptkit::error_kind>> out;
    for (const auto& e : r.errors()) out.emplace_back(e.path, e.kind);
    return out;
  };
  using errs = std::vector<std::pair<std::string, iptkit::error_kind>>;
  const auto unknown = iptkit::plan("psychoanalysis", start);
  EXPECT_EQ(errors_of(unknown), (errs{{"/adaptation", iptkit::error_kind::bad_enum}}));
  EXPECT_NE(unknown.errors()[0].message.find("ipt_g"), std::string::npos);  // the ids it knows
  // 2026-02-30 used to become 2026-03-02 without a word.
  const auto feb30 = iptkit::date{std::chrono::year{2026}, std::chrono::February, std::chrono::day{30}};
  EXPECT_EQ(errors_of(iptkit::plan("ipt", feb30)), (errs{{"/start", iptkit::error_kind::bad_date}}));
  // Ten million sessions used to be planned.
  EXPECT_EQ(errors_of(iptkit::plan("ipt", start, {.planned_sessions = 10'000'000})),
            (errs{{"/planned_sessions", iptkit::error_kind::out_of_range}}));
  EXPECT_EQ(errors_of(iptkit::plan("ipt", start, {.planned_sessions = 0})),
            (errs{{"/planned_sessions", iptkit::error_kind::out_of_range}}));
  EXPECT_TRUE(iptkit::plan("ipt", start, {.planned_sessions = 1000}));
  EXPECT_TRUE(iptkit::plan("ipt", start, {.planned_sessions = 20}));  // outside 12-16: C001, not an error
  EXPECT_EQ(errors_of(iptkit::plan("ipt", start, {.frequency = static_cast<iptkit::session_frequency>(9)})),
            (errs{{"/frequency", iptkit::error_kind::bad_enum}}));
  EXPECT_EQ(errors_of(iptkit::plan("ipt", start, {.skip = {start, feb30}})),
            (errs{{"/skip/1", iptkit::error_kind::bad_date}}));
  using iptkit::problem_area;
  EXPECT_EQ(errors_of(iptkit::plan("ipt", start,
                                   {.focus = {problem_area::grief, problem_area::role_dispute,
                                              problem_area::role_transition}})),
            (errs{{"/focus", iptkit::error_kind::out_of_range}}));
  EXPECT_EQ(errors_of(iptkit::plan("ipt", start, {.focus = {problem_area::grief, problem_area::grief}})),
            (errs{{"/focus/1", iptkit::error_kind::duplicate_id}}));
  // An unknown adaptation does not hide the other arguments' errors.
  EXPECT_EQ(errors_of(iptkit::plan("psychoanalysis", feb30, {.planned_sessions = 0})),
            (errs{{"/adaptation", iptkit::error_kind::bad_enum}, {"/start", iptkit::error_kind::bad_date},
                  {"/planned_sessions", iptkit::error_kind::out_of_range}}));
  // A protocol that contradicts itself is named too.
  auto broken = *iptkit::protocol_registry::builtin().find("ipt");
  broken.max_sessions = 2;  // below min_sessions and initial_max
  const auto r = iptkit::plan(broken, start);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.errors()[0].path, "/protocol/max_sessions");
}

}  // namespace
