// One synthetic case, step by step (docs/synthetic.md). Each step draws from its own stream
// keyed by (seed, case index, purpose, sub-key), so a case depends only on (seed, index) and
// switching one knob on does not reshuffle the rest of the cohort.
#include "cohort_generator.hpp"
#include "content.hpp"
#include "focus_models.hpp"
#include "trial_record.hpp"

#include <iptkit/meta/enum.hpp>
#include <iptkit/planning/plan.hpp>

#include <algorithm>
#include <array>
#include <cstdio>
#include <optional>
#include <string_view>

namespace iptkit::synth::detail {

namespace {

// Relapse rule of every synthetic maintenance plan: PHQ-9 at or above caseness (10) at two
// consecutive monthly assessments.
constexpr int relapse_threshold = 10;
constexpr int relapse_consecutive = 2;
// Two years of monthly IPT-M, as in Frank et al. 2007 (Am J Psychiatry 164:761).
constexpr int maintenance_sessions = 24;

/// Builds one case. Each step draws from its own stream (see purpose).
class case_builder {
 public:
  case_builder(const generator& g, std::size_t index) : g_(g), index_(index) {}

  case_record build() {
    choose_profile();
    if (g_.o_.trial) {
      trial_ = start_trial(g_, index_, c_);
      if (trial_.screen_failure) {
        make_screen_failure(g_, index_, c_);
        return std::move(c_);
      }
    }
    choose_symptoms();
    build_inventory_and_formulation();
    lay_out_course();
    write_sessions();
    write_assessments();
    add_maintenance();
    add_diagnoses_and_treatments();
    apply_deviations();
    if (g_.o_.trial) add_trial_record();
    return std::move(c_);
  }

 private:
  // ---- who, where, what --------------------------------------------------------------------
  void choose_profile() {
    auto s = g_.stream_for(index_, purpose::profile);
    char number[32];
    std::snprintf(number, sizeof number, "%06zu", index_ + 1);
    c_.case_id = g_.o_.id_prefix + number;

    arm_index_ = g_.arms_.pick(s);
    const auto& arm = g_.o_.arms[arm_index_];
    const std::size_t a = g_.adaptation_tables_[arm_index_].pick(s);
    proto_ = g_.adaptations_[arm_index_][a];
    c_.adaptation = proto_->id;
    c_.arm = arm.id;
    if (!g_.o_.sites.empty()) c_.site = g_.o_.sites[g_.sites_.pick(s)].id;

    // Age: the protocol's range where it has one (ipt_a 12-18), perinatal 18-44, else adults.
    int age = 0;
    if (proto_->min_age || proto_->max_age) {
      age = s.between(proto_->min_age.value_or(18), proto_->max_age.value_or(80));
    } else if (proto_->id == "ipt_perinatal") {
      age = s.between(18, 44);
    } else {
      age = std::clamp(round_fixed(ratio(40, 1) + mul(s.normal_q16(), ratio(13, 1))), 18, 85);
    }
    c_.age_at_intake = age;
    stage_ = age <= 18 ? life_stage::teen : age >= 65 ? life_stage::older : life_stage::adult;

    // Start: a weekday in the range (Saturday and Sunday move to Monday).
    const long span = days_between(g_.o_.start_from, g_.o_.start_to);
    start_ = add_days(g_.o_.start_from, static_cast<long>(s.below(static_cast<std::uint64_t>(span) + 1)));
    const std::chrono::weekday wd{std::chrono::sys_days{start_}};
    if (wd == std::chrono::Saturday) start_ = add_days(start_, 2);
    if (wd == std::chrono::Sunday) start_ = add_days(start_, 1);

    // Planned sessions: the protocol's minimum up to 4 more, within its range.
    contracted_ = s.between(proto_->min_sessions, std::min(proto_->max_sessions, proto_->min_sessions + 4));
    planned_ = contracted_;

    // Focus: a primary area from the mix; a second one sometimes, never with deficits (F005).
    areas_.push_back(g_.o_.problem_areas[g_.areas_.pick(s)].area);
    const bool second = s.chance(g_.second_focus_);
    if (second && areas_[0] != problem_area::interpersonal_deficits) {
      std::vector<problem_area> others;
      for (auto area : {problem_area::grief, problem_area::role_dispute, problem_area::role_transition})
        if (area != areas_[0]) others.push_back(area);
      areas_.push_back(others[s.below(others.size())]);
    }

    gad7_ = s.chance(g_.gad7_);
    antidepressant_ = s.chance(g_.antidepressant_);
    dropout_ = s.chance(g_.dropout_);
    // Two more sessions, agreed in the middle phase three sessions before the contracted end,
    // where the protocol's range allows (not ipc, ipt_brief, ipt_a ...).
    renegotiated_ = s.chance(g_.renegotiation_) && !dropout_ && proto_->kind == protocol_kind::adaptation &&
                    contracted_ + 2 <= proto_->max_sessions &&
                    contracted_ - 3 > planned_initial_sessions(*proto_) &&
                    proto_->termination_min <= 5;
    if (renegotiated_) planned_ = contracted_ + 2;
    risk_ = g_.stream_for(index_, purpose::risk).chance(g_.risk_);

    c_.contract.planned_sessions = contracted_;
    c_.contract.frequency = proto_->frequency;
    c_.contract.start_date = start_;
    c_.contract.format = proto_->format;
    if (proto_->modality) {
      c_.contract.modality = *proto_->modality;
    } else {
      c_.contract.modality = std::array{therapy_modality::in_person, therapy_modality::video,
                                        therapy_modality::telephone}[s.pick({80, 15, 5})];
    }
    c_.contract.session_minutes = proto_->session_minutes.value_or(50);
  }

  // ---- symptom course (16.16 fixed point) --------------------------------------------------
  void choose_symptoms() {
    auto s = g_.stream_for(index_, purpose::symptoms);
    // PHQ-9 items 1-8 at intake: mean 16, SD 4.2, within 8-24 (item 9 comes on top, see risk).
    core0_ = std::clamp(round_fixed(ratio(16, 1) + mul(s.normal_q16(), ratio(42, 10))), 8, 24);
    std::int64_t r = g_.improvement_mean_[arm_index_] + mul(s.normal_q16(), g_.improvement_sd_[arm_index_]) +
                     trial_.therapist_shift;
    // Deficits predict poorer outcomes (domain.md); the others are treated alike.
    if (areas_[0] == problem_area::interpersonal_deficits) r -= ratio(1, 10);
    improvement_ = std::clamp<std::int64_t>(r, -ratio(1, 4), one);
    // GAD-7 follows depression with its own level and a correlated improvement.
    gad0_ = std::clamp(round_fixed(core0_ * ratio(55, 100) + ratio(25, 10) + mul(s.normal_q16(), ratio(3, 1))), 2, 21);
    gad_improvement_ = std::clamp<std::int64_t>(improvement_ + mul(s.normal_q16(), ratio(1, 10)), -ratio(1, 4), one);
    // Each patient has their own symptom profile (one sleeps badly, another cannot concentrate),
    // so item scores stay recognisable from one session to the next.
    for (std::size_t j = 0; j < phq_weights_.size(); ++j) phq_weights_[j] = phq9_core_weights[j] * (1 + s.below(4));
    for (std::size_t j = 0; j < gad_weights_.size(); ++j) gad_weights_[j] = gad7_weights[j] * (1 + s.below(4));
    // Reliable deterioration at the arm's rate (drawn last, so the draws above stay as they were):
    // items 1-8 end 7-10 points worse, beyond the PHQ-9's reliable change of 6 even with the
    // session-to-session noise; anxiety follows.
    if (s.chance(g_.deterioration_[arm_index_])) {
      improvement_ = -ratio(s.between(7, 10), core0_);
      gad_improvement_ = improvement_;
    }
  }

  // Share of the course-end improvement reached at acute session `number`: fast early gains,
  // then a plateau, 1 - (1 - t)^2 with t the position in the planned course.
  std::int64_t course_fraction(int number) const {
    if (planned_ <= 1) return 0;  // measured at the one contact: the change has not happened yet
    const std::int64_t t = std::min<std::int64_t>(one, ratio(number - 1, planned_ - 1));
    return one - mul(one - t, one - t);
  }

  int value_at(int base, std::int64_t improvement, int number, int max, stream& s) const {
    const std::int64_t expected = base * one - base * mul(improvement, course_fraction(number));
    return std::clamp(round_fixed(expected + mul(s.normal_q16(), ratio(13, 10))), 0, max);
  }

  // ---- inventory and formulation -----------------------------------------------------------
  relationship& add_person(std::string_view label, rk kind, rs status, stream& s) {
    relationship r;
    // Labels, and so ids, stay unique (F011): a second "Cousin" becomes "Cousin 2".
    r.label = std::string(label);
    for (int k = 2; has_label(r.label) || has_id(id_from_label(r.label)); ++k)
      r.label = std::string(label) + " " + std::to_string(k);
    r.id = id_from_label(r.label);
    r.kind = kind;
    r.status = status;
    const auto p = profile_of(kind, stage_);
    r.closeness = s.between(p.closeness_min, p.closeness_max);
    if (status == rs::current) {
      r.contact = p.contact;
      r.support = s.between(2, 4);
      r.conflict = s.between(0, 1);
      if (s.chance(probability(0.5))) r.satisfying.emplace_back(p.satisfying);
    } else {
      r.contact = status == rs::deceased ? contact_frequency::none : contact_frequency::rarely;
    }
    inventory_.relationships.push_back(std::move(r));
    return inventory_.relationships.back();
  }

  bool has_label(std::string_view label) const {
    return std::any_of(inventory_.relationships.begin(), inventory_.relationships.end(),
                       [&](const relationship& r) { return r.label == label; });
  }

  bool has_id(std::string_view id) const {
    return std::any_of(inventory_.relationships.begin(), inventory_.relationships.end(),
                       [&](const relationship& r) { return r.id == id; });
  }

  bool has_kind(rk kind) const {
    return std::any_of(inventory_.relationships.begin(), inventory_.relationships.end(),
                       [&](const relationship& r) { return r.kind == kind; });
  }

  // A person of the life stage not yet in the inventory, by kind preference.
  std::optional<person> unused_person(std::initializer_list<rk> kinds, stream& s) const {
    std::vector<person> candidates;
    const auto consider = [&](const auto& pool) {
      for (const auto& p : pool)
        if (std::find(kinds.begin(), kinds.end(), p.kind) != kinds.end() && !has_label(p.label) &&
            !(p.kind == rk::partner && has_kind(rk::partner)) && !(p.kind == rk::child && young_adult()))
          candidates.push_back(p);
    };
    if (stage_ == life_stage::teen) consider(teen_people);
    else if (stage_ == life_stage::older) consider(older_people);
    else consider(adult_people);
    if (candidates.empty()) return std::nullopt;
    return candidates[s.below(candidates.size())];
  }

  bool young_adult() const { return stage_ == life_stage::adult && c_.age_at_intake.value_or(40) < 28; }

  void add_grief_focus(stream& s) {
    // Whose death: a grandparent for adolescents, mostly a parent for adults, mostly the partner
    // in later life.
    std::optional<person> who;
    if (stage_ == life_stage::teen) who = unused_person({rk::grandparent}, s);
    else if (stage_ == life_stage::older)
      who = unused_person({std::array{rk::partner, rk::sibling, rk::friend_}[s.pick({60, 20, 20})]}, s);
    else
      who = unused_person({std::array{rk::parent, rk::partner, rk::sibling, rk::friend_}[s.pick({50, 25, 12, 13})]}, s);
    if (!who) who = person{"Close friend", rk::friend_};
    const auto type = std::array{grief_type::normal, grief_type::delayed, grief_type::distorted,
                                 grief_type::chronic, grief_type::inhibited}[s.pick({35, 20, 10, 20, 15})];
    // Time since the death fits the grief type: weeks to months for normal grief, years for a
    // delayed reaction, over a year for chronic grief (about 15% of the bereaved; domain.md).
    int days = 0;
    switch (type) {
      case grief_type::normal: days = s.between(30, 180); break;
      case grief_type::delayed: days = s.between(365, 5 * 365); break;
      case grief_type::chronic: days = s.between(365, 3 * 365); break;
      case grief_type::distorted:
      case grief_type::inhibited: days = s.between(90, 540); break;
    }
    auto& r = add_person(who->label, who->kind, rs::deceased, s);
    r.loss_date = add_days(start_, -days);
    r.closeness = s.between(1, 2);
    r.conflict = type == grief_type::distorted || type == grief_type::inhibited ? s.between(1, 2) : 0;
    r.satisfying = {"Long talks on Sunday afternoons"};
    if (s.chance(probability(0.5))) r.desired_changes = {"Visit the grave without dreading it"};
    r.changed_near_onset = true;
    focus_.emplace_back(grief_focus{r.id, type});
    summary_.push_back("Low mood and withdrawal since the death of " + lower(r.label) + " " +
                       std::to_string(days / 30) + " month(s) before treatment (" +
                       std::string(meta::enum_name(type)) + " grief).");
    homework_label_.emplace_back(r.label);
  }

  void add_dispute_focus(stream& s) {
    std::optional<person> who;
    if (stage_ == life_stage::teen) who = unused_person({rk::parent}, s);
    else if (!has_kind(rk::partner) && s.chance(probability(0.6))) who = unused_person({rk::partner}, s);
    if (!who) who = unused_person({rk::parent, rk::sibling, rk::colleague, rk::child}, s);
    if (!who) who = person{"Cousin", rk::other_family};
    const auto stage = std::array{dispute_stage::renegotiation, dispute_stage::impasse,
                                  dispute_stage::dissolution}[s.pick({55, 30, 15})];
    auto& r = add_person(who->label, who->kind, rs::current, s);
    r.support = s.between(0, 2);
    r.conflict = s.between(3, 4);
    const auto lines = dispute_lines_of(who->kind, stage_);
    // At least one non-reciprocal expectation (F009): the patient's first is unmet or partly met.
    const std::size_t first = s.below(3);
    r.expectations.push_back({expectation_holder::patient, std::string(lines.patient[first]),
                              s.chance(probability(0.7)) ? expectation_status::unmet
                                                         : expectation_status::partly_met,
                              s.between(4, 5)});
    if (s.chance(probability(0.5)))
      r.expectations.push_back({expectation_holder::patient, std::string(lines.patient[(first + 1) % 3]),
                                expectation_status::partly_met, s.between(2, 4)});
    r.expectations.push_back({expectation_holder::other, std::string(lines.other[s.below(2)]),
                              s.chance(probability(0.5)) ? expectation_status::partly_met
                                                         : expectation_status::unmet,
                              s.between(2, 4)});
    r.unsatisfying = {stage == dispute_stage::dissolution ? "Talk of ending the relationship"
                                                          : "Arguments that end in silence"};
    r.desired_changes = {stage == dispute_stage::impasse ? "Start talking again about one issue"
                                                         : "Talk calmly about one issue a week"};
    r.changed_near_onset = true;
    focus_.emplace_back(role_dispute_focus{r.id, stage});
    summary_.push_back("Mood fell as disagreements with " + lower(r.label) +
                       " went unresolved (role dispute, " + std::string(meta::enum_name(stage)) +
                       " stage).");
    homework_label_.emplace_back(r.label);
  }

  void add_transition_focus(stream& s) {
    transition_type t{};
    if (proto_->id == "ipt_perinatal") t = transition_type::parenthood;
    else if (stage_ == life_stage::teen)
      t = std::array{transition_type::education, transition_type::relocation,
                     transition_type::divorce_separation, transition_type::illness}[s.pick({40, 25, 25, 10})];
    else if (stage_ == life_stage::older)
      t = std::array{transition_type::retirement, transition_type::illness,
                     transition_type::relocation}[s.pick({50, 30, 20})];
    else
      t = std::array{transition_type::job_loss, transition_type::job_change,
                     transition_type::divorce_separation, transition_type::relocation,
                     transition_type::parenthood, transition_type::marriage,
                     transition_type::illness, transition_type::education}[s.pick({20, 15, 20, 15, 10, 5, 10, 5})];
    const auto roles = stage_ == life_stage::teen && t == transition_type::divorce_separation
                           ? transition_roles{"Living with both parents", "Living between two homes"}
                           : roles_of(t);
    const date when = add_days(start_, -s.between(30, 270));
    // Filled in place: copying a focus with engaged optionals trips GCC 12's maybe-uninitialized.
    auto& f = std::get<role_transition_focus>(focus_.emplace_back(role_transition_focus{}));
    f.transition = t;
    f.old_role = std::string(roles.old_role);
    f.new_role = std::string(roles.new_role);
    f.date = when;
    // The people the change is about.
    if (t == transition_type::parenthood) {
      if (!has_kind(rk::partner) && s.chance(probability(0.85))) add_person("Partner", rk::partner, rs::current, s);
      auto& baby = add_person("Baby", rk::child, rs::current, s);
      baby.closeness = 1;
      baby.contact = contact_frequency::daily;
      baby.changed_near_onset = true;
    } else if (t == transition_type::divorce_separation && stage_ != life_stage::teen &&
               !has_label("Former partner")) {
      auto& ex = add_person("Former partner", rk::former_partner, rs::past, s);
      ex.loss_date = when;
      ex.conflict = s.between(2, 4);
      ex.changed_near_onset = true;
    } else if ((t == transition_type::job_loss || t == transition_type::retirement) &&
               !has_label("Former colleague")) {
      auto& colleague = add_person("Former colleague", rk::colleague, rs::past, s);
      colleague.loss_date = when;
      colleague.satisfying = {"Lunches together"};
    }
    summary_.push_back("Struggling with the change from '" + lower(roles.old_role) + "' to '" +
                       lower(roles.new_role) + "' (role transition, " +
                       std::string(meta::enum_name(t)) + ").");
    homework_label_.emplace_back();
  }

  void add_deficits_focus(stream& s) {
    const auto pattern = std::array{deficit_pattern::social_isolation,
                                    deficit_pattern::unfulfilling_relationships,
                                    deficit_pattern::emotional_expression,
                                    deficit_pattern::communication_beliefs}[s.pick({40, 30, 15, 15})];
    focus_.emplace_back(interpersonal_deficits_focus{pattern});
    summary_.push_back("Few close relationships and long-standing difficulty sustaining them (" +
                       std::string(meta::enum_name(pattern)) + "); no recent loss, dispute or change.");
    homework_label_.emplace_back();
  }

  void build_inventory_and_formulation() {
    auto s = g_.stream_for(index_, purpose::inventory);
    focus_.reserve(2);  // at most two foci; no reallocation of the variants
    for (auto area : areas_) {
      switch (area) {
        case problem_area::grief: add_grief_focus(s); break;
        case problem_area::role_dispute: add_dispute_focus(s); break;
        case problem_area::role_transition: add_transition_focus(s); break;
        case problem_area::interpersonal_deficits: add_deficits_focus(s); break;
      }
    }
    const bool deficits = areas_[0] == problem_area::interpersonal_deficits;
    // A couple adaptation works with the partner (D002).
    if (proto_->format == therapy_format::couple && !has_kind(rk::partner))
      add_person("Partner", rk::partner, rs::current, s);
    // Fill up to 2-3 people for deficits (few relationships), 3-6 otherwise.
    const int target = deficits ? s.between(2, 3) : s.between(3, 6);
    while (static_cast<int>(inventory_.relationships.size()) < target) {
      // Family first: an adolescent's parent, an adult's or older person's partner or children.
      std::optional<person> who;
      if (stage_ == life_stage::teen && !has_kind(rk::parent)) who = unused_person({rk::parent}, s);
      else if (stage_ != life_stage::teen && !deficits && !has_kind(rk::partner) && !has_kind(rk::parent) &&
               !has_kind(rk::child))
        who = unused_person({rk::partner, rk::parent, rk::child}, s);
      if (!who)
        who = unused_person({rk::partner, rk::parent, rk::child, rk::sibling, rk::grandparent,
                             rk::other_family, rk::friend_, rk::colleague, rk::community,
                             rk::professional},
                            s);
      if (!who) break;
      auto& r = add_person(who->label, who->kind, rs::current, s);
      if (deficits) {
        r.closeness = s.between(3, 4);
        r.contact = s.chance(probability(0.5)) ? contact_frequency::monthly : contact_frequency::rarely;
        r.support = s.between(0, 2);
        r.satisfying.clear();
        r.unsatisfying = {"Conversations stay on the surface"};
        r.desired_changes = {"Feel able to get in touch when low"};
      }
    }
    // The initial phase as plan() lays it out: the inventory by the session before the last
    // initial one (the first, with 1-2 initial sessions), the formulation at the last.
    const auto p = plan(*proto_, start_, {.planned_sessions = planned_}).value();
    initial_ = static_cast<int>(std::count_if(p.begin(), p.end(), [](const planned_session& v) { return v.phase == phase::initial; }));
    termination_ = static_cast<int>(std::count_if(p.begin(), p.end(), [](const planned_session& v) { return v.phase == phase::termination; }));
    inventory_.completed_session = initial_ <= 2 ? 1 : initial_ - 1;
    formulation_.agreed_session = initial_;
    formulation_.patient_agreed = true;
    formulation_.focus = focus_;
    std::string summary;
    for (const auto& line : summary_) summary += (summary.empty() ? "" : " ") + line;
    formulation_.summary = summary;
  }

  // ---- the course: plan, dropout, attendance -----------------------------------------------
  void lay_out_course() {
    auto s = g_.stream_for(index_, purpose::attendance);
    const int acute_before_termination = planned_ - termination_;
    if (dropout_) {
      // Early dropout is commoner: the last attended session is the smaller of two uniform draws.
      const auto span = static_cast<std::uint64_t>(acute_before_termination);
      const std::uint64_t a = s.below(span);  // two statements: argument order is unspecified
      const std::uint64_t b = s.below(span);
      last_attended_ = 1 + static_cast<int>(std::min(a, b));
      recorded_ = last_attended_;
      // Some dropouts are recorded as a missed appointment they never came back from.
      if (s.chance(probability(0.5)) && last_attended_ + 1 <= acute_before_termination) ++recorded_;
    } else {
      last_attended_ = planned_;
      recorded_ = planned_;
    }
    if (renegotiated_) {
      // Agreed three sessions before the contracted end, a middle-phase session (C004, C001).
      renegotiation_session_ = contracted_ - 3;
      c_.contract.renegotiations.push_back(
          {renegotiation_session_, planned_, "Two more sessions agreed explicitly to consolidate gains"});
    }
    schedule_ = plan(*proto_, start_, {.planned_sessions = planned_, .focus = plan_focus()}).value();
    attendance_.assign(static_cast<std::size_t>(recorded_), attendance::attended);
    // Missed appointments fall in the middle phase, never two in a row, so no gap exceeds two
    // weeks (C005) and the initial and termination tasks happen (P003, F013).
    bool previous_missed = false;
    for (int n = 1; n <= recorded_; ++n) {
      const std::uint64_t draw = s.next() >> 11;  // one draw per slot keeps slots independent
      auto& a = attendance_[static_cast<std::size_t>(n - 1)];
      if (dropout_ && n == recorded_ && n > last_attended_) {
        a = attendance::no_show;
      } else if (schedule_[static_cast<std::size_t>(n - 1)].phase == phase::middle && !previous_missed &&
                 n != last_attended_ && n != renegotiation_session_) {
        if (draw < g_.cancellation_) a = attendance::cancelled;
        else if (draw < g_.cancellation_ + g_.no_show_) a = attendance::no_show;
      }
      previous_missed = a != attendance::attended;
    }
    // Deviation: a three-week break (two skipped weekly slots) before an attended session.
    auto gap = g_.stream_for(index_, purpose::dev_gap);
    if (gap.chance(g_.dev_gap_)) {
      std::vector<int> eligible;
      for (int n = 2; n <= recorded_; ++n)
        if (attendance_[static_cast<std::size_t>(n - 1)] == attendance::attended) eligible.push_back(n);
      if (!eligible.empty()) {
        const int at = eligible[gap.below(eligible.size())];
        schedule_ = plan(*proto_, start_,
                         {.planned_sessions = planned_,
                          .skip = {schedule_slot(start_, proto_->frequency, at - 1),
                                   schedule_slot(start_, proto_->frequency, at)},
                          .focus = plan_focus()})
                        .value();
      }
    }
  }

  // The problem areas plan() lays goals out for: none where the protocol has no IPT areas.
  std::vector<problem_area> plan_focus() const {
    return proto_->focus_model == focus_model::ipt_areas ? areas_ : std::vector<problem_area>{};
  }

  // ---- sessions ----------------------------------------------------------------------------
  std::string homework_for(std::size_t k, stream& s) const { return homework_text(areas_[k], homework_label_[k], s); }

  void write_sessions() {
    const int middle_count = static_cast<int>(std::count_if(
        schedule_.begin(), schedule_.end(), [](const planned_session& v) { return v.phase == phase::middle; }));
    const int minutes = c_.contract.session_minutes.value_or(50);
    bool carry_discussion = false;
    constexpr std::size_t none = static_cast<std::size_t>(-1);
    std::size_t open_homework = none;  // index of the session whose homework awaits review
    int middle_index = -1;
    for (int n = 1; n <= recorded_; ++n) {
      const auto& ps = schedule_[static_cast<std::size_t>(n - 1)];
      auto s = g_.stream_for(index_, purpose::content, static_cast<std::uint64_t>(n));
      session out;
      out.number = n;
      out.date = ps.date;
      out.phase = ps.phase;
      out.attendance = attendance_[static_cast<std::size_t>(n - 1)];
      if (ps.phase == phase::middle) ++middle_index;
      if (out.attendance != attendance::attended) {
        // The ending still has to be named: a missed session's discussion moves to the next one.
        carry_discussion = carry_discussion || contains(ps.tasks, task::termination_discussed);
        c_.sessions.push_back(std::move(out));
        continue;
      }
      out.minutes = std::max(10, minutes + s.between(-5, 5));
      if (proto_->kind == protocol_kind::comparator) {
        // A usual-care contact: it happened and took its time; none of IPT's work is recorded.
      } else if (ps.phase != phase::middle) {
        out.tasks = ps.tasks;
        if (carry_discussion && !contains(out.tasks, task::termination_discussed))
          out.tasks.insert(out.tasks.begin(), task::termination_discussed);
      } else {
        // The plan's middle tasks thinned to this stage of the middle phase: an area's goals run
        // in order (e.g. identify the dispute, then plan, then modify expectations), plus one or
        // two general techniques.
        if (carry_discussion || contains(ps.tasks, task::termination_discussed))
          out.tasks.push_back(task::termination_discussed);
        if (open_homework != none) out.tasks.push_back(task::homework_review);
        if (contains(ps.tasks, task::mood_event_link)) out.tasks.push_back(task::mood_event_link);
        for (std::size_t k = 0; k < areas_.size(); ++k) {
          std::vector<task> goals;
          for (auto t : ps.tasks)
            if (area_of_task(t) == areas_[k]) goals.push_back(t);
          if (goals.empty()) continue;
          const std::size_t at = static_cast<std::size_t>(middle_index) * goals.size() /
                                 static_cast<std::size_t>(std::max(1, middle_count));
          if (k == 0) {
            out.tasks.push_back(goals[at]);
            if (at + 1 < goals.size() && s.chance(probability(0.5))) out.tasks.push_back(goals[at + 1]);
          } else if (s.chance(probability(0.6))) {
            out.tasks.push_back(goals[at]);
          }
        }
        const std::size_t first = s.below(techniques.size());
        out.tasks.push_back(techniques[first]);
        if (s.chance(probability(0.4))) out.tasks.push_back(techniques[(first + 1 + s.below(techniques.size() - 1)) % techniques.size()]);
        out.focus_areas = areas_;
        // Review the open homework (status known now), maybe set new homework.
        if (open_homework != none) {
          auto& hw = c_.sessions[open_homework].homework.back();
          hw.status = std::array{homework_status::completed, homework_status::partly_completed,
                                 homework_status::not_done}[s.pick({55, 25, 20})];
          open_homework = none;
        }
        if (s.chance(probability(0.35))) {
          out.homework.push_back({homework_for(s.below(areas_.size()), s), homework_status::assigned});
          open_homework = c_.sessions.size();
        }
      }
      carry_discussion = false;
      c_.sessions.push_back(std::move(out));
    }
    // Homework is reviewed at the next middle session; after the middle phase it stays assigned
    // unless a termination session follows (then it was reviewed in the progress review).
    if (open_homework != none && !dropout_)
      c_.sessions[open_homework].homework.back().status = homework_status::completed;
  }

  // ---- measures ----------------------------------------------------------------------------
  template <std::size_t N>
  static std::vector<int> spread(int total, const std::array<std::uint64_t, N>& weights, stream& s) {
    std::vector<int> items(N, 0);
    for (int k = 0; k < total; ++k) {
      std::uint64_t sum = 0;
      for (std::size_t j = 0; j < N; ++j)
        if (items[j] < 3) sum += weights[j];
      std::uint64_t u = s.below(sum);
      for (std::size_t j = 0; j < N; ++j) {
        if (items[j] >= 3) continue;
        if (u < weights[j]) {
          ++items[j];
          break;
        }
        u -= weights[j];
      }
    }
    return items;
  }

  assessment measure(std::string instrument, date when, std::optional<int> session_number,
                     std::vector<int> items) const {
    assessment a;
    a.instrument = std::move(instrument);
    a.date = when;
    a.session = session_number;
    a.rater = rater::self;
    a.total = std::accumulate(items.begin(), items.end(), 0);
    a.items = std::move(items);
    return a;
  }

  // PHQ-9 from a core (items 1-8) total and the risk item.
  assessment phq9(int core, int item9, date when, std::optional<int> number, stream& s) const {
    auto items = spread(core, phq_weights_, s);
    items.push_back(item9);
    return measure("phq9", when, number, std::move(items));
  }

  // PHQ-9 item 9 for a case flagged for risk: present at intake, then while symptoms stay high.
  int risk_item(int number, int core) const {
    if (!risk_) return 0;
    auto s = g_.stream_for(index_, purpose::risk, static_cast<std::uint64_t>(number) + 1);
    if (number == 0) return s.pick({75, 25}) + 1;
    return core * 10 >= core0_ * 6 && s.chance(probability(0.5)) ? 1 : 0;
  }

  void write_assessments() {
    // Intake: 7-21 days before the first session, inside the 28-day intake window (C006).
    auto s0 = g_.stream_for(index_, purpose::assessment, 0);
    const date intake = add_days(start_, -s0.between(7, 21));
    intake_item9_ = risk_item(0, core0_);
    c_.assessments.push_back(phq9(core0_, intake_item9_, intake, std::nullopt, s0));
    if (gad7_) c_.assessments.push_back(measure("gad7", intake, std::nullopt, spread(gad0_, gad_weights_, s0)));
    // Every attended acute session (NHS Talking Therapies session-by-session measures); some are
    // missing, never the last one of a completed course (A006 comes only from its deviation).
    for (const auto& v : c_.sessions) {
      if (v.attendance != attendance::attended) continue;
      auto s = g_.stream_for(index_, purpose::assessment, static_cast<std::uint64_t>(v.number));
      const int core = value_at(core0_, improvement_, v.number, 24, s);
      const int gad = value_at(gad0_, gad_improvement_, v.number, 21, s);
      if (v.number == last_attended_) endpoint_core_ = core;
      // The last session of a completed course (a one-contact usual care "dropout" completes it too).
      const bool final_session = v.number == recorded_ && (!dropout_ || v.phase == phase::termination);
      if (!final_session && g_.stream_for(index_, purpose::missing, static_cast<std::uint64_t>(v.number)).chance(g_.missing_))
        continue;
      c_.assessments.push_back(phq9(core, risk_item(v.number, core), v.date, v.number, s));
      if (gad7_) c_.assessments.push_back(measure("gad7", v.date, v.number, spread(gad, gad_weights_, s)));
    }
  }

  // ---- maintenance (IPT-M) -----------------------------------------------------------------
  void add_maintenance() {
    const auto& arm = g_.o_.arms[arm_index_];
    if (dropout_ || !arm.maintenance || endpoint_core_ >= relapse_threshold) return;
    auto s = g_.stream_for(index_, purpose::maintenance);
    if (!s.chance(g_.maintenance_)) return;
    const bool relapse = s.chance(g_.relapse_);
    const int onset = relapse ? s.between(1, maintenance_sessions - relapse_consecutive + 1) : maintenance_sessions + 1;
    const date contract_date = c_.sessions.back().date;
    maintenance_plan m;
    m.contract_date = contract_date;
    m.frequency = session_frequency::monthly;
    m.planned_sessions = maintenance_sessions;
    m.warning_signs = {"Sleeping badly for more than a week", "Withdrawing from friends and family"};
    if (areas_[0] == problem_area::role_dispute) m.warning_signs.emplace_back("Arguments at home going unresolved");
    if (areas_[0] == problem_area::grief) m.warning_signs.emplace_back("Anniversary of the death approaching");
    m.relapse_rule = iptkit::relapse_rule{"phq9", relapse_threshold, relapse_consecutive};
    m.skills = {"Linking mood to interpersonal events", "Communication analysis of difficult conversations",
                "Asking for support early"};
    for (const auto& r : inventory_.relationships)
      if (r.status == rs::current && r.support.value_or(0) >= 3 && m.support_contacts.size() < 2)
        m.support_contacts.push_back(r.id);
    c_.maintenance = std::move(m);
    int number = c_.sessions.back().number;
    for (int k = 1; k <= maintenance_sessions; ++k) {
      session v;
      v.number = ++number;
      v.date = schedule_slot(contract_date, session_frequency::monthly, k);
      v.phase = phase::maintenance;
      v.attendance = attendance::attended;
      v.minutes = c_.contract.session_minutes.value_or(50);
      v.tasks = {task::mood_event_link, task::progress_review, task::relapse_prevention};
      v.focus_areas = areas_;
      auto a = g_.stream_for(index_, purpose::maintenance, static_cast<std::uint64_t>(k));
      // Well: around the acute endpoint, below the relapse threshold. Relapse: from the onset on,
      // at or above it (a return of symptoms at two or more consecutive monthly visits).
      const int core = k == onset
                           ? a.between(relapse_threshold, relapse_threshold + 4)  // symptoms creep back
                       : k > onset
                           ? std::clamp(round_fixed(ratio(14, 1) + mul(a.normal_q16(), ratio(3, 1))), relapse_threshold, 24)
                           : std::clamp(round_fixed(endpoint_core_ * one + mul(a.normal_q16(), ratio(15, 10))), 0, relapse_threshold - 1);
      c_.assessments.push_back(phq9(core, 0, v.date, v.number, a));
      c_.sessions.push_back(std::move(v));
      // The rule fired: the episode is back, and maintenance ends for acute treatment (as the
      // maintenance trials took a recurrence off protocol).
      if (k == onset + relapse_consecutive - 1) break;
    }
  }

  // ---- diagnoses and medication ------------------------------------------------------------
  void add_diagnoses_and_treatments() {
    auto s = g_.stream_for(index_, purpose::extras);
    const int total = core0_ + intake_item9_;
    // ICD-10 severity from the intake PHQ-9 bands; recurrent for maintenance cases (IPT-M is for
    // recurrent depression, Frank 1990) and a quarter of the others.
    const bool coin = s.chance(probability(0.25));  // drawn always: the stream stays aligned
    const bool recurrent = c_.maintenance.has_value() || coin;
    const int level = total >= 20 ? 2 : total >= 15 ? 1 : 0;
    static constexpr std::array<std::string_view, 3> single = {
        "Mild depressive episode", "Moderate depressive episode",
        "Severe depressive episode without psychotic symptoms"};
    static constexpr std::array<std::string_view, 3> recurring = {
        "Recurrent depressive disorder, current episode mild",
        "Recurrent depressive disorder, current episode moderate",
        "Recurrent depressive disorder, current episode severe without psychotic symptoms"};
    c_.diagnoses.push_back({diagnosis_system::icd10,
                            std::string(recurrent ? "F33." : "F32.") + std::to_string(level),
                            std::string(recurrent ? recurring[static_cast<std::size_t>(level)]
                                                  : single[static_cast<std::size_t>(level)])});
    if (gad7_ && gad0_ >= 10 && s.chance(probability(0.5)))
      c_.diagnoses.push_back({diagnosis_system::icd10, "F41.1", "Generalized anxiety disorder"});
    if (antidepressant_) {
      concurrent_treatment t;
      t.kind = treatment_kind::antidepressant;
      t.name = std::string(s.one_of(antidepressants));
      // Most were already taking it; some start after the medication evaluation.
      t.start_date = s.chance(probability(0.7))
                         ? add_days(start_, -s.between(30, 365))
                         : add_days(c_.sessions.front().date, s.between(1, 7 * std::clamp(recorded_ - 1, 1, 5)));
      c_.concurrent_treatments.push_back(std::move(t));
    }
  }

  // ---- the trial record (trial_record.cpp) ------------------------------------------------
  void add_trial_record() {
    trial_facts facts;
    facts.dropout = dropout_ && recorded_ < planned_;  // a one-contact course is complete
    facts.intake_total = core0_ + intake_item9_;
    for (const auto& a : g_.o_.arms)
      if (a.id != g_.o_.arms[arm_index_].id) facts.other_arms.push_back(a.id);
    finish_trial(g_, index_, c_, trial_, facts);
    // Follow-up visits after a completed course that has no maintenance (PHQ-9 near the endpoint).
    if (facts.dropout || c_.maintenance || c_.sessions.empty()) return;
    int k = 0;
    for (const date when : follow_up_visits(g_, index_, c_.sessions.back().date)) {
      auto s = g_.stream_for(index_, purpose::trial, 200 + static_cast<std::uint64_t>(++k));
      const int core = std::clamp(round_fixed(endpoint_core_ * one + mul(s.normal_q16(), ratio(25, 10))), 0, 24);
      c_.assessments.push_back(phq9(core, 0, when, std::nullopt, s));
    }
  }

  // ---- deviations and the finished document ------------------------------------------------
  void apply_deviations() {
    const bool has_inventory = last_attended_ >= inventory_.completed_session.value_or(1);
    const bool has_formulation = last_attended_ >= initial_;
    // A comparator arm takes no interpersonal inventory and agrees no formulation.
    if (has_inventory && proto_->kind != protocol_kind::comparator) c_.inventory = inventory_;
    if (has_formulation) c_.formulation = formulation_;
    synth_detail::use_focus_model(c_, proto_->focus_model);

    auto focus = g_.stream_for(index_, purpose::dev_focus);
    if (focus.chance(g_.dev_focus_)) {
      std::vector<std::size_t> middle;
      for (std::size_t i = 0; i < c_.sessions.size(); ++i)
        if (c_.sessions[i].phase == phase::middle && c_.sessions[i].attendance == attendance::attended)
          middle.push_back(i);
      if (!middle.empty()) c_.sessions[middle[focus.below(middle.size())]].focus_areas.clear();
    }

    auto agreed = g_.stream_for(index_, purpose::dev_formulation);
    if (agreed.chance(g_.dev_formulation_) && c_.formulation) c_.formulation->patient_agreed = false;

    auto endpoint = g_.stream_for(index_, purpose::dev_endpoint);
    if (endpoint.chance(g_.dev_endpoint_) && !dropout_) {
      // No measure from the second-to-last acute session to 14 days after the last (A006).
      std::vector<const session*> acute;
      for (const auto& v : c_.sessions)
        if (is_acute(v.phase)) acute.push_back(&v);
      const date from = acute[acute.size() > 1 ? acute.size() - 2 : 0]->date;
      const date to = add_days(acute.back()->date, 14);
      std::erase_if(c_.assessments, [&](const assessment& a) { return a.date >= from && a.date <= to; });
    }
  }

  const generator& g_;
  std::size_t index_;
  case_record c_;

  std::size_t arm_index_ = 0;
  const protocol* proto_ = nullptr;
  life_stage stage_ = life_stage::adult;
  date start_{};
  int contracted_ = 0, planned_ = 0, initial_ = 0, termination_ = 0;
  bool renegotiated_ = false;
  int renegotiation_session_ = 0;
  std::vector<problem_area> areas_;
  bool gad7_ = false, antidepressant_ = false, dropout_ = false, risk_ = false;
  trial_start trial_;  // empty without trial options

  int core0_ = 0, gad0_ = 0, endpoint_core_ = 0, intake_item9_ = 0;
  std::array<std::uint64_t, 8> phq_weights_{};
  std::array<std::uint64_t, 7> gad_weights_{};
  std::int64_t improvement_ = 0, gad_improvement_ = 0;

  iptkit::inventory inventory_;
  iptkit::formulation formulation_;
  std::vector<focus> focus_;
  std::vector<std::string> summary_;
  std::vector<std::string> homework_label_;  // per focus: the person the homework names

  std::vector<planned_session> schedule_;
  std::vector<attendance> attendance_;
  int last_attended_ = 0, recorded_ = 0;
};


}  // namespace

case_record generator::make(std::size_t index) const { return case_builder(*this, index).build(); }

}  // namespace iptkit::synth::detail
