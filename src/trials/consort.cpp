#include <iptkit/trials/consort.hpp>

#include <iptkit/meta/enum.hpp>

#include <algorithm>

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

}  // namespace

consort_flow consort(std::span<const case_record> cases) {
  std::vector<const case_record*> pointers;
  pointers.reserve(cases.size());
  for (const auto& c : cases) pointers.push_back(&c);
  return consort(std::span<const case_record* const>(pointers));
}

consort_flow consort(std::span<const case_record* const> cases) {
  consort_flow f;
  std::size_t no_trial = 0, randomised_unscreened = 0, no_allocation = 0, no_arm = 0, ineligible_randomised = 0;
  for (const case_record* each : cases) {
    const case_record& c = *each;
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
        for (std::size_t i = 0; i < t.exclusion_reasons.size(); ++i) {
          const auto& r = t.exclusion_reasons[i];
          // The same reason twice on one record is one patient, and one reason.
          if (std::find(t.exclusion_reasons.begin(), t.exclusion_reasons.begin() + static_cast<std::ptrdiff_t>(i), r) !=
              t.exclusion_reasons.begin() + static_cast<std::ptrdiff_t>(i))
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
    put(a.analysed, c.case_id);  // intention to treat
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

}  // namespace iptkit
