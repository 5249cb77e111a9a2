#include <iptkit/rules/validate.hpp>

#include <iptkit/detail/parallel.hpp>
#include <iptkit/meta/enum.hpp>
#include <iptkit/meta/pointer_order.hpp>

#include <algorithm>

namespace iptkit {

std::string to_string(const finding& f) {
  return f.code + " " + std::string(meta::enum_name(f.severity)) + " " +
         (f.path.empty() ? std::string("(case)") : f.path) + ": " + f.message;
}

rule_context::rule_context(const case_record& rc, const iptkit::protocol* p,
                           const instrument_registry& i)
    : c(rc), protocol(p), instruments(i) {
  for (std::size_t k = 0; k < c.sessions.size(); ++k) {
    const auto& s = c.sessions[k];
    if (is_acute(s.phase)) acute.push_back(k);
    if (s.phase == phase::middle && !first_middle_number) first_middle_number = s.number;
  }
  // Ended: the last acute session is a termination session and no planned session remains, so
  // a course midway through its termination phase is not judged on what is still to come.
  if (!acute.empty()) {
    const auto& last = c.sessions[acute.back()];
    course_ended = last.phase == phase::termination && last.number >= planned_sessions_at(c.contract, last.number);
  }
}

std::vector<finding> validate(const case_record& c, const validation_options& options) {
  const auto& protocols = or_builtin(options.protocols);
  const auto& instruments = or_builtin(options.instruments);
  const auto& rules = or_builtin(options.rules);
  const rule_context context(c, protocols.find(c.adaptation), instruments);

  struct keyed {
    std::vector<std::uint32_t> key;
    finding f;
  };
  std::vector<keyed> found;
  std::vector<rule_hit> hits;
  for (const auto& r : rules.entries()) {
    if (!rules.is_enabled(r.code) || !r.check) continue;
    hits.clear();
    r.check(context, hits);
    for (auto& h : hits)
      found.push_back({meta::order_key<case_record>(h.path),
                       {r.code, r.severity, std::move(h.path), options.redact ? r.title : std::move(h.message)}});
  }
  // Document order; ties keep catalogue order (stable).
  std::stable_sort(found.begin(), found.end(),
                   [](const keyed& a, const keyed& b) { return a.key < b.key; });
  std::vector<finding> out;
  out.reserve(found.size());
  for (auto& k : found) out.push_back(std::move(k.f));
  return out;
}

std::vector<std::vector<finding>> validate_cohort(std::span<const case_record> cases,
                                                  const validation_options& options,
                                                  unsigned threads) {
  std::vector<std::vector<finding>> out(cases.size());
  // Each thread writes only its own slots: same result as one thread.
  detail::for_blocks(cases.size(), threads, [&](std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end; ++i) out[i] = validate(cases[i], options);
  });
  return out;
}

}  // namespace iptkit
