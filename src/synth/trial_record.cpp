// The randomised-trial record of a synthetic case (docs/synthetic.md "Trial records").
#include "trial_record.hpp"

#include <array>
#include <chrono>
#include <cstdio>
#include <string_view>

namespace iptkit::synth::detail {

namespace {

// Sub-keys of the case's trial stream: one per step, so adding a step reshuffles nothing.
enum class step : std::uint64_t { screening = 1, therapist, randomisation, colleague, discontinuation, adverse, follow_up };

stream trial_stream(const generator& g, std::size_t index, step s) {
  return g.stream_for(index, purpose::trial, static_cast<std::uint64_t>(s));
}

// FNV-1a: a portable hash of an id, so that what a therapist or group shares depends on the id only.
std::uint64_t hash_id(std::string_view id) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char ch : id) h = (h ^ ch) * 0x100000001b3ULL;
  return h;
}

stream shared_stream(const generator& g, std::string_view id) {
  return stream(derive(derive(g.key_, static_cast<std::uint64_t>(purpose::trial)), hash_id(id)));
}

// A therapist delivers one arm's treatment: IPT therapists and usual-care clinicians differ.
std::string therapist_id(const case_record& c, std::uint64_t k) {
  std::string id = c.site ? *c.site + "-" : std::string();
  id += c.arm.value_or("arm");
  id += "-t";
  id += std::to_string(k + 1);
  return id;
}

// Screening: common reasons for not meeting the criteria of an IPT trial for depression, and for
// declining (Cuijpers et al. 2011 review the exclusion criteria of psychotherapy trials).
constexpr std::array<std::string_view, 5> ineligible_reasons = {
    "PHQ-9 below 10", "bipolar disorder", "current substance dependence", "psychotic features",
    "in another psychological treatment"};
constexpr std::array<std::string_view, 3> declined_reasons = {
    "declined to take part", "preferred medication", "could not attend weekly sessions"};

constexpr std::array<std::string_view, 6> adverse_events = {
    "headache", "worsening insomnia", "fall at home", "gastrointestinal illness",
    "increased suicidal ideation", "hospital admission for chest pain"};

}  // namespace

trial_start start_trial(const generator& g, std::size_t index, case_record& c) {
  const auto& t = *g.o_.trial;
  trial_start out;
  out.screen_failure = trial_stream(g, index, step::screening).chance(g.screen_failure_);
  if (out.screen_failure) return out;
  // Group formats: the cases of one site starting in the same month form a group, and share its
  // therapist.
  auto s = trial_stream(g, index, step::therapist);
  std::uint64_t k = s.below(static_cast<std::uint64_t>(t.therapists_per_site));
  if (c.contract.format == therapy_format::group) {
    const std::chrono::year_month_day ymd{c.contract.start_date};
    char month[16];
    std::snprintf(month, sizeof month, "%04d-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()));
    c.group_id = (c.site ? *c.site + "-g" : std::string("g")) + month;
    k = shared_stream(g, *c.group_id).below(static_cast<std::uint64_t>(t.therapists_per_site));
  }
  out.therapist = therapist_id(c, k);
  c.therapist_id = out.therapist;
  // A small therapist effect: each therapist's patients improve by a shared shift (therapist
  // effects are about 5% of outcome variance: Baldwin and Imel 2013; Wampold and Imel 2015).
  out.therapist_shift = mul(shared_stream(g, out.therapist).normal_q16(), g.therapist_sd_);
  return out;
}

void make_screen_failure(const generator& g, std::size_t index, case_record& c) {
  auto s = trial_stream(g, index, step::screening);
  s.next();  // the draw start_trial() made
  c.arm.reset();
  trial_record r;
  r.eligible = s.chance(g.declined_);  // eligible, and declined
  if (*r.eligible) {
    r.exclusion_reasons.emplace_back(declined_reasons[s.below(declined_reasons.size())]);
  } else {
    const std::size_t first = s.below(ineligible_reasons.size());
    r.exclusion_reasons.emplace_back(ineligible_reasons[first]);
    if (s.chance(g.second_reason_))
      r.exclusion_reasons.emplace_back(ineligible_reasons[(first + 1 + s.below(ineligible_reasons.size() - 1)) %
                                                          ineligible_reasons.size()]);
  }
  if (c.site) r.site = c.site;
  c.trial = std::move(r);
}

void finish_trial(const generator& g, std::size_t index, case_record& c, const trial_start& start,
                  const trial_facts& facts) {
  auto s = trial_stream(g, index, step::randomisation);
  trial_record r;
  r.eligible = true;
  // Randomised 3-14 days before the first session, after the intake measures.
  r.randomised_on = add_days(c.contract.start_date, -s.between(3, 14));
  r.allocation = c.arm;
  r.site = c.site;
  r.stratum = facts.intake_total >= 20 ? "severe" : "not severe";  // PHQ-9 20+ (Kroenke et al. 2001)
  if (!facts.other_arms.empty() && s.chance(g.crossover_)) {
    r.allocation = facts.other_arms[s.below(facts.other_arms.size())];
    r.arm_change_reason = "patient preference after randomisation";
  }
  c.trial = std::move(r);

  // A colleague takes some sessions (cover for leave): the session names them.
  const int per_site = g.o_.trial->therapists_per_site;
  for (auto& v : c.sessions) {
    auto cs = g.stream_for(index, purpose::trial, 100 + static_cast<std::uint64_t>(v.number));
    if (v.attendance != attendance::attended || per_site < 2 || !cs.chance(g.colleague_)) continue;
    const std::string other = therapist_id(c, cs.below(static_cast<std::uint64_t>(per_site)));
    if (other != start.therapist) v.therapist_id = other;
  }

  // A dropout is a discontinuation, decided after the last recorded session.
  if (facts.dropout && !c.sessions.empty()) {
    auto d = trial_stream(g, index, step::discontinuation);
    static constexpr std::array reasons = {discontinuation_reason::lost_to_follow_up, discontinuation_reason::withdrew_consent,
                                           discontinuation_reason::moved_away, discontinuation_reason::clinical_decision,
                                           discontinuation_reason::adverse_event, discontinuation_reason::other};
    const auto reason = reasons[d.pick({45, 25, 10, 10, 5, 5})];
    discontinuation x;
    x.date = add_days(c.sessions.back().date, d.between(7, 28));
    x.reason = reason;
    x.by = reason == discontinuation_reason::lost_to_follow_up ? discontinued_by::investigator
           : reason == discontinuation_reason::clinical_decision || reason == discontinuation_reason::adverse_event
               ? discontinued_by::clinician
               : discontinued_by::patient;
    c.discontinuation = x;
  }

  auto a = trial_stream(g, index, step::adverse);
  if (a.chance(g.adverse_event_) && !c.sessions.empty()) {
    adverse_event e;
    const long span = days_between(c.sessions.front().date, c.sessions.back().date);
    e.date = add_days(c.sessions.front().date, static_cast<long>(a.below(static_cast<std::uint64_t>(span) + 1)));
    e.serious = a.chance(g.serious_);
    e.description = std::string(adverse_events[e.serious ? 4 + a.below(2) : a.below(4)]);
    e.related = std::array{relatedness::not_, relatedness::possibly, relatedness::probably}[a.pick({70, 25, 5})];
    c.adverse_events.push_back(std::move(e));
  }
}

std::vector<date> follow_up_visits(const generator& g, std::size_t index, date last_acute) {
  std::vector<date> out;
  auto s = trial_stream(g, index, step::follow_up);
  for (int day : g.o_.trial->follow_up_days) {
    const date when = add_days(last_acute, day + s.between(-7, 7));  // inside a +/- 14-day window
    if (!s.chance(g.missed_follow_up_)) out.push_back(when);
  }
  return out;
}

}  // namespace iptkit::synth::detail
