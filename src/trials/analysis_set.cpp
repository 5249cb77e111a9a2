// Analysis sets (docs/trials.md "Analysis sets"): who is analysed, in which arm, and why not.
#include <iptkit/trials/analysis_set.hpp>

#include <iptkit/detail/case_pointers.hpp>

#include <algorithm>
#include <stdexcept>

namespace iptkit {

namespace {

bool attended_in(const case_record& c, std::initializer_list<phase> phases) {
  return std::any_of(c.sessions.begin(), c.sessions.end(), [&](const session& v) {
    return v.attendance == attendance::attended &&
           (phases.size() == 0 || std::find(phases.begin(), phases.end(), v.phase) != phases.end());
  });
}

bool screened_only(const case_record& c) { return c.trial && !c.trial->randomised_on; }

}  // namespace

std::vector<std::string> analysis_set_errors(std::span<const case_record* const> cases, analysis_set set,
                                             std::span<const std::uint8_t> major_deviation) {
  std::vector<std::string> errors;
  const std::string name(to_string(set));
  bool any_randomised = false;
  for (std::size_t i = 0; i < cases.size() && !any_randomised; ++i)
    any_randomised = cases[i]->trial && cases[i]->trial->randomised_on;
  if (set != analysis_set::completers && !cases.empty() && !any_randomised)
    errors.push_back("analysis set " + name + ": none of the " + std::to_string(cases.size()) +
                     " case(s) was randomised (trial.randomised_on), so the set would be empty");
  if (set == analysis_set::per_protocol && major_deviation.size() != cases.size())
    errors.push_back("analysis set per_protocol: needs one major-deviation flag per case (" +
                     std::to_string(cases.size()) + "), found " + std::to_string(major_deviation.size()) +
                     " (major_deviations() of validate_cohort())");
  return errors;
}

analysis_population select_analysis_set(std::span<const case_record* const> cases, analysis_set set,
                                        std::span<const std::uint8_t> major_deviation) {
  if (auto errors = analysis_set_errors(cases, set, major_deviation); !errors.empty()) {
    std::string message = "iptkit::select_analysis_set:";
    for (const auto& e : errors) message += " " + e + ";";
    message.pop_back();
    throw std::invalid_argument(message);
  }
  analysis_population p;
  p.set = set;
  p.member.assign(cases.size(), 0);
  p.arm.resize(cases.size());
  p.excluded_because.resize(cases.size());
  p.discontinued.assign(cases.size(), 0);
  for (std::size_t i = 0; i < cases.size(); ++i) {
    const auto& c = *cases[i];
    const bool randomised = c.trial && c.trial->randomised_on;
    p.discontinued[i] = c.discontinuation.has_value();
    std::string why;
    if (set == analysis_set::completers) {
      p.arm[i] = c.arm.value_or("(none)");
      if (screened_only(c)) why = "screened, not randomised";
    } else {
      p.arm[i] = randomised && c.trial->allocation ? *c.trial->allocation : "(none)";
      if (!randomised) why = "not randomised";
      else if (set == analysis_set::per_protocol) {
        if (c.arm != c.trial->allocation) why = "received another arm than allocated";
        else if (!attended_in(c, {})) why = "no attended session";
        else if (c.discontinuation) why = "discontinued";
        else if (!attended_in(c, {phase::termination})) why = "did not finish treatment (no attended termination session)";
        else if (c.assessments.empty()) why = "no measures recorded";
        else if (major_deviation[i]) why = "major protocol deviation (an error-severity finding)";
      }
    }
    p.member[i] = why.empty();
    p.size += why.empty();
    p.excluded_because[i] = std::move(why);
  }
  return p;
}

std::vector<std::string> analysis_set_errors(std::span<const case_record> cases, analysis_set set,
                                             std::span<const std::uint8_t> major_deviation) {
  return analysis_set_errors(detail::case_pointers(cases), set, major_deviation);
}

analysis_population select_analysis_set(std::span<const case_record> cases, analysis_set set,
                                        std::span<const std::uint8_t> major_deviation) {
  return select_analysis_set(detail::case_pointers(cases), set, major_deviation);
}

std::vector<std::uint8_t> major_deviations(std::span<const std::vector<finding>> findings) {
  std::vector<std::uint8_t> out;
  out.reserve(findings.size());
  for (const auto& f : findings)
    out.push_back(std::any_of(f.begin(), f.end(), [](const finding& x) { return x.severity == severity::error; }));
  return out;
}

}  // namespace iptkit
