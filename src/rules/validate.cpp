#include <iptkit/rules/validate.hpp>

#include <iptkit/detail/parallel.hpp>
#include <iptkit/json/check.hpp>
#include <iptkit/json/detail/check_value.hpp>
#include <iptkit/meta/enum.hpp>
#include <iptkit/meta/pointer_order.hpp>

#include <algorithm>

namespace iptkit {

rule_context::rule_context(const case_record& rc, const iptkit::protocol* p,
                           const instrument_registry& i)
    : c(rc), protocol(p), instruments(i) {
  acute.reserve(c.sessions.size());
  for (std::size_t k = 0; k < c.sessions.size(); ++k) {
    const auto& s = c.sessions[k];
    if (is_acute(s.phase)) acute.push_back(k);
    if (s.phase == phase::middle && !first_middle_number) first_middle_number = s.number;
  }
  instrument_of.reserve(c.assessments.size());
  for (const auto& a : c.assessments) instrument_of.push_back(instruments.find(a.instrument));
  // Ended: the last acute session is a termination session and no planned session remains, so
  // a course midway through its termination phase is not judged on what is still to come.
  if (!acute.empty()) {
    const auto& last = c.sessions[acute.back()];
    course_ended = last.phase == phase::termination && last.number >= planned_sessions_at(c.contract, last.number);
  }
}

namespace {

// Validates cases one after another with what they share resolved once: the registries and the
// rules that run; the scratch lists are kept from case to case.
class validator {
 public:
  validator(const validation_options& options, const catalog& cat)
      : catalog_(cat), protocols_(cat.protocols), instruments_(cat.instruments), rules_(cat.rules.enabled()),
        redact_(options.redact) {
    structure_.redact = options.redact;
  }

  std::vector<finding> operator()(const case_record& c) {
    found_.clear();
    // A case built in code may not be well formed: its structural errors come first at their
    // pointers, and the rules still run (they hold up on any value, as the tests show).
    if (!is_well_formed(c, structure_, catalog_))
      for (auto& e : check(c, structure_, catalog_))
        found_.push_back({meta::order_key<case_record>(e.path),
                          {std::string(structural_code), severity::error, std::move(e.path), std::move(e.message)}});
    const rule_context context(c, protocols_.find(c.adaptation), instruments_);
    const bool comparator = context.protocol && context.protocol->kind == protocol_kind::comparator;
    for (const rule* r : rules_) {
      if (comparator && !r->comparator_arms) continue;
      hits_.clear();
      r->check(context, hits_);
      for (auto& h : hits_)
        found_.push_back({meta::order_key<case_record>(h.path),
                          {r->code, r->severity, std::move(h.path), redact_ ? r->title : std::move(h.message)}});
    }
    // Document order; ties keep catalogue order (stable).
    std::stable_sort(found_.begin(), found_.end(),
                     [](const keyed& a, const keyed& b) { return a.key < b.key; });
    std::vector<finding> out;
    out.reserve(found_.size());
    for (auto& k : found_) out.push_back(std::move(k.f));
    return out;
  }

 private:
  struct keyed {
    std::vector<std::uint32_t> key;
    finding f;
  };
  const catalog& catalog_;
  const protocol_registry& protocols_;
  const instrument_registry& instruments_;
  std::vector<const rule*> rules_;
  bool redact_;  // a finding's message is its rule's title: no value of the case in it
  read_options structure_;  // the reader's rules, for cases built in code
  std::vector<keyed> found_;
  std::vector<rule_hit> hits_;
};

}  // namespace

std::vector<finding> validate(const case_record& c, const validation_options& options, const catalog& cat) {
  return validator(options, cat)(c);
}

std::vector<std::vector<finding>> validate_cohort(std::span<const case_record> cases,
                                                  const validation_options& options, const catalog& cat) {
  std::vector<std::vector<finding>> out(cases.size());
  // Each thread writes only its own slots: same result as one thread. Cases differ in size, so
  // the threads take small chunks in turn rather than one half each.
  detail::for_chunks(cases.size(), options.threads, 64, [&](std::size_t begin, std::size_t end) {
    validator check(options, cat);
    for (std::size_t i = begin; i < end; ++i) out[i] = check(cases[i]);
  });
  return out;
}

}  // namespace iptkit
