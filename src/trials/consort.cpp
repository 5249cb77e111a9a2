#include <iptkit/trials/consort.hpp>

#include <iptkit/detail/case_pointers.hpp>
#include <iptkit/meta/enum.hpp>

#include <algorithm>
#include <stdexcept>

namespace iptkit {

namespace {

void put(consort_box& box, const std::string& id) {
  ++box.n;
  box.case_ids.push_back(id);
}

consort_box& reason_box(std::vector<consort_reason>& reasons, std::string_view reason) {
  auto it = std::find_if(reasons.begin(), reasons.end(), [&](const consort_reason& r) { return r.reason == reason; });
  if (it == reasons.end()) it = reasons.insert(reasons.end(), consort_reason{std::string(reason), {}});
  return it->patients;
}

consort_arm& arm_of(std::vector<consort_arm>& arms, std::string_view name) {
  auto it = std::find_if(arms.begin(), arms.end(), [&](const consort_arm& a) { return a.arm == name; });
  if (it == arms.end()) {
    consort_arm a;
    a.arm = std::string(name);
    it = arms.insert(arms.end(), std::move(a));
  }
  return *it;
}

std::string count_note(std::string_view what, std::size_t n) {
  std::string out(what);
  out += ": ";
  out += std::to_string(n);
  return out;
}

// The flow; `population` (null: intention to treat) decides who is analysed.
consort_flow flow_of(std::span<const case_record* const> cases, const analysis_population* population) {
  if (population && population->set == analysis_set::completers)
    throw std::invalid_argument("iptkit::consort: the completers set depends on the instrument (a case completes one "
                                "measure and not another); the diagram takes itt or per_protocol");
  if (population && population->member.size() != cases.size())
    throw std::invalid_argument("iptkit::consort: the analysis population is of " +
                                std::to_string(population->member.size()) + " case(s), not of these " +
                                std::to_string(cases.size()));
  consort_flow f;
  if (population) f.analysis_set = std::string(to_string(population->set));
  std::size_t index = 0;
  std::size_t no_trial = 0, randomised_unscreened = 0, no_allocation = 0, no_arm = 0, ineligible_randomised = 0;
  for (const case_record* each : cases) {
    const case_record& c = *each;
    const std::size_t i = index++;
    if (!c.trial) {
      ++no_trial;
      continue;
    }
    const auto& t = *c.trial;
    const bool randomised = t.randomised_on.has_value();
    if (t.eligible) {
      put(f.assessed, c.case_id);
      if (!randomised) {
        put(f.excluded, c.case_id);
        put(*t.eligible ? f.declined : f.not_eligible, c.case_id);
        for (std::size_t k = 0; k < t.exclusion_reasons.size(); ++k) {
          const auto& r = t.exclusion_reasons[k];
          // The same reason twice on one record is one patient, and one reason.
          if (std::find(t.exclusion_reasons.begin(), t.exclusion_reasons.begin() + static_cast<std::ptrdiff_t>(k), r) !=
              t.exclusion_reasons.begin() + static_cast<std::ptrdiff_t>(k))
            continue;
          put(reason_box(f.exclusion_reasons, r), c.case_id);
          ++f.exclusion_reasons_given;
        }
      } else if (!*t.eligible) {
        ++ineligible_randomised;
      }
    } else if (randomised) {
      ++randomised_unscreened;
    }
    if (!randomised) continue;

    put(f.randomised, c.case_id);
    if (!t.allocation) ++no_allocation;
    auto& a = arm_of(f.arms, t.allocation ? std::string_view(*t.allocation) : std::string_view("(none)"));
    put(a.allocated, c.case_id);
    if (!c.arm) ++no_arm;
    // Without `arm` the record does not say the allocation was changed: it counts as received.
    const bool same_arm = !c.arm || !t.allocation || *c.arm == *t.allocation;
    const bool attended = std::any_of(c.sessions.begin(), c.sessions.end(),
                                      [](const session& s) { return s.attendance == attendance::attended; });
    put(same_arm && attended ? a.received_allocated : a.did_not_receive, c.case_id);
    if (c.discontinuation) {
      const auto reason = c.discontinuation->reason;
      put(reason == discontinuation_reason::lost_to_follow_up ? a.lost_to_follow_up : a.discontinued, c.case_id);
      put(reason_box(a.discontinued_reasons, meta::enum_name(reason)), c.case_id);
    }
    if (!population || population->member[i]) {
      put(a.analysed, c.case_id);  // intention to treat: every randomised case
    } else {
      put(a.excluded_from_analysis, c.case_id);
      put(reason_box(a.excluded_reasons, population->excluded_because[i]), c.case_id);
    }
  }
  if (no_trial) f.notes.push_back(count_note("records without a trial record, not in the diagram", no_trial));
  if (randomised_unscreened)
    f.notes.push_back(count_note("randomised records without `eligible`, counted as randomised but not as assessed",
                                 randomised_unscreened));
  if (ineligible_randomised)
    f.notes.push_back(count_note("randomised records with `eligible` false (rule T005), counted as randomised",
                                 ineligible_randomised));
  if (no_allocation)
    f.notes.push_back(count_note("randomised records without an allocation, in the arm \"(none)\"", no_allocation));
  if (no_arm)
    f.notes.push_back(count_note("randomised records without `arm`, taken to have received their allocation", no_arm));
  return f;
}

}  // namespace

consort_flow consort(std::span<const case_record> cases) { return flow_of(detail::case_pointers(cases), nullptr); }

consort_flow consort(std::span<const case_record* const> cases) { return flow_of(cases, nullptr); }

consort_flow consort(std::span<const case_record> cases, const analysis_population& population) {
  return flow_of(detail::case_pointers(cases), &population);
}

consort_flow consort(std::span<const case_record* const> cases, const analysis_population& population) {
  return flow_of(cases, &population);
}

}  // namespace iptkit
