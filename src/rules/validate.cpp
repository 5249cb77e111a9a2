#include <iptkit/rules/validate.hpp>

#include <iptkit/meta/enum.hpp>
#include <iptkit/meta/pointer_order.hpp>

#include <algorithm>
#include <exception>
#include <thread>

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
  const auto& protocols = options.protocols ? *options.protocols : protocol_registry::builtin();
  const auto& instruments = options.instruments ? *options.instruments : instrument_registry::builtin();
  const auto& rules = options.rules ? *options.rules : rule_set::builtin();
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
                       {r.code, r.severity, std::move(h.path), std::move(h.message)}});
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
  threads = std::max(1u, std::min<unsigned>(threads, static_cast<unsigned>(cases.size())));
  if (threads <= 1) {
    for (std::size_t i = 0; i < cases.size(); ++i) out[i] = validate(cases[i], options);
    return out;
  }
  // Contiguous blocks, each thread writing only its own slots: same result as one thread.
  std::vector<std::exception_ptr> failures(threads);
  std::vector<std::thread> pool;
  const std::size_t block = (cases.size() + threads - 1) / threads;
  for (unsigned t = 0; t < threads; ++t)
    pool.emplace_back([&, t] {
      try {
        for (std::size_t i = t * block; i < std::min(cases.size(), (t + 1) * block); ++i)
          out[i] = validate(cases[i], options);
      } catch (...) {
        failures[t] = std::current_exception();
      }
    });
  for (auto& th : pool) th.join();
  for (auto& f : failures)
    if (f) std::rethrow_exception(f);
  return out;
}

}  // namespace iptkit
