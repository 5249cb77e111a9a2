#pragma once
// Internal to the synthetic generator: the options of one cohort, checked once and converted to
// integers; make() builds case `index` (case_builder.cpp).

#include "random.hpp"

#include <iptkit/catalog.hpp>
#include <iptkit/synth/generator.hpp>

#include <stdexcept>
#include <string>
#include <vector>

namespace iptkit::synth::detail {

/// The options, checked once and converted to integers.
class generator {
 public:
  generator(const synth_options& o, const catalog& cat) : o_(o) {
    const protocol_registry& protocols = cat.protocols;
    auto errors = synth_option_errors(o, cat);
    if (!errors.empty()) {
      std::string message = "iptkit::synthesize: invalid options:";
      for (const auto& e : errors) message += " " + e + ";";
      message.pop_back();
      throw std::invalid_argument(message);
    }
    key_ = mix64(o.seed);
    std::vector<double> w;
    for (const auto& a : o.arms) w.push_back(a.allocation);
    arms_ = weighted_table(w);
    for (const auto& a : o.arms) {
      w.clear();
      std::vector<const protocol*> list;
      for (const auto& s : a.adaptations) {
        w.push_back(s.weight);
        list.push_back(protocols.find(s.id));
      }
      adaptation_tables_.emplace_back(w);
      adaptations_.push_back(std::move(list));
      improvement_mean_.push_back(fixed(a.improvement_mean));
      improvement_sd_.push_back(fixed(a.improvement_sd));
      deterioration_.push_back(probability(a.deterioration));
    }
    w.clear();
    for (const auto& s : o.sites) w.push_back(s.weight);
    sites_ = weighted_table(w);
    w.clear();
    for (const auto& p : o.problem_areas) w.push_back(p.weight);
    areas_ = weighted_table(w);
    second_focus_ = probability(o.second_focus_share);
    dropout_ = probability(o.dropout_rate);
    cancellation_ = probability(o.cancellation_rate);
    no_show_ = probability(o.no_show_rate);
    missing_ = probability(o.missing_assessment_rate);
    gad7_ = probability(o.gad7_share);
    antidepressant_ = probability(o.antidepressant_share);
    renegotiation_ = probability(o.renegotiation_share);
    maintenance_ = probability(o.maintenance_share);
    relapse_ = probability(o.relapse_share);
    risk_ = probability(o.risk_rate);
    dev_focus_ = probability(o.deviations.missing_focus_areas);
    dev_gap_ = probability(o.deviations.long_gap);
    dev_formulation_ = probability(o.deviations.unagreed_formulation);
    dev_endpoint_ = probability(o.deviations.missing_endpoint);
    if (o.trial) {
      const auto& t = *o.trial;
      screen_failure_ = probability(t.screen_failure_rate);
      declined_ = probability(t.declined_share);
      second_reason_ = probability(t.second_reason_share);
      colleague_ = probability(t.colleague_session_share);
      crossover_ = probability(t.crossover_rate);
      missed_follow_up_ = probability(t.missed_follow_up_rate);
      adverse_event_ = probability(t.adverse_event_rate);
      serious_ = probability(t.serious_share);
      therapist_sd_ = fixed(t.therapist_effect_sd);
    }
  }

  case_record make(std::size_t index) const;

  /// The stream for one purpose of one case (and one sub-key, e.g. a session number).
  stream stream_for(std::size_t index, purpose p, std::uint64_t sub = 0) const noexcept {
    return stream(derive(derive(derive(key_, index), static_cast<std::uint64_t>(p)), sub));
  }

  const synth_options& o_;
  std::uint64_t key_ = 0;
  weighted_table arms_, sites_, areas_;
  std::vector<weighted_table> adaptation_tables_;
  std::vector<std::vector<const protocol*>> adaptations_;
  std::vector<std::int64_t> improvement_mean_, improvement_sd_;
  std::vector<std::uint64_t> deterioration_;
  std::uint64_t second_focus_ = 0, dropout_ = 0, cancellation_ = 0, no_show_ = 0, missing_ = 0,
                gad7_ = 0, antidepressant_ = 0, renegotiation_ = 0, maintenance_ = 0,
                relapse_ = 0, risk_ = 0, dev_focus_ = 0, dev_gap_ = 0, dev_formulation_ = 0,
                dev_endpoint_ = 0;
  // The trial record (o_.trial): rates as thresholds, the therapist effect's SD in 16.16.
  std::uint64_t screen_failure_ = 0, declined_ = 0, second_reason_ = 0, colleague_ = 0, crossover_ = 0,
                missed_follow_up_ = 0, adverse_event_ = 0, serious_ = 0;
  std::int64_t therapist_sd_ = 0;
};

}  // namespace iptkit::synth::detail
