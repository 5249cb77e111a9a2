// The library's multi-threaded paths on a synthetic cohort: validate_cohort and compute_outcomes
// with several threads (include/iptkit/detail/parallel.hpp), the library used from several threads
// at once, and synthesis in parallel chunks. Each gives what one thread gives. The ThreadSanitizer
// job of CI (preset `tsan`) runs this program alone.
#include <iptkit/outcomes/outcomes.hpp>
#include <iptkit/rules/validate.hpp>
#include <iptkit/synth/generator.hpp>

#include <gtest/gtest.h>

#include <stdexcept>
#include <thread>

namespace {

using iptkit::case_record;

constexpr std::size_t cohort_size = 400;

iptkit::synth_options cohort_options() {
  iptkit::synth_options o;
  o.seed = 20260126;
  o.cases = cohort_size;
  return o;
}

const std::vector<case_record>& cohort() {
  static const auto cases = iptkit::synthesize(cohort_options());
  return cases;
}

TEST(parallel, validate_cohort_on_threads_equals_validate) {
  const auto& cases = cohort();
  std::vector<std::vector<iptkit::finding>> one;
  one.reserve(cases.size());
  for (const auto& c : cases) one.push_back(iptkit::validate(c));
  std::size_t findings = 0;
  for (const auto& f : one) findings += f.size();
  EXPECT_GT(findings, 0u);  // a synthetic cohort has deviations: the rules really report
  for (const unsigned threads : {2u, 3u, 8u}) EXPECT_EQ(iptkit::validate_cohort(cases, {.threads = threads}), one) << threads;
}

TEST(parallel, compute_outcomes_on_threads_equals_one_thread) {
  const auto& cases = cohort();
  const auto columns = iptkit::to_columns(cases);
  const auto one = iptkit::compute_outcomes(columns, {.threads = 1});
  EXPECT_GT(one.size(), cases.size());  // phq9 for every case, gad7 and the pair for many
  for (const unsigned threads : {2u, 4u})
    EXPECT_EQ(iptkit::compute_outcomes(columns, {.threads = threads}), one) << threads;
  EXPECT_EQ(iptkit::outcomes(cases, {.threads = 3}), one);
}

TEST(parallel, callers_on_several_threads_share_the_builtin_registries) {
  const auto& cases = cohort();
  const auto findings = iptkit::validate_cohort(cases);
  const auto rows = iptkit::outcomes(cases);
  // Four callers at once, each itself on two threads, all reading the same cases and built-ins.
  std::vector<std::vector<std::vector<iptkit::finding>>> found(4);
  std::vector<std::vector<iptkit::case_outcome>> computed(4);
  std::vector<std::thread> callers;
  for (std::size_t t = 0; t < 4; ++t)
    callers.emplace_back([&, t] {
      found[t] = iptkit::validate_cohort(cases, {.threads = 2});
      computed[t] = iptkit::outcomes(cases, {.threads = 2});
    });
  for (auto& c : callers) c.join();
  for (std::size_t t = 0; t < 4; ++t) {
    EXPECT_EQ(found[t], findings) << t;
    EXPECT_EQ(computed[t], rows) << t;
  }
}

TEST(parallel, a_rule_that_throws_on_one_thread_fails_the_whole_cohort) {
  const auto& cases = cohort();
  const std::string bad = cases[cases.size() - 7].case_id;  // in the last block
  iptkit::catalog cat;
  cat.rules.add({"X100", iptkit::severity::error, "throws on one case",
             [&](const iptkit::rule_context& ctx, std::vector<iptkit::rule_hit>&) {
               if (ctx.c.case_id == bad) throw std::runtime_error("user rule failed");
             }});  // a rule one adds runs on every arm, the usual-care one too
  EXPECT_THROW(iptkit::validate_cohort(cases, {.threads = 4}, cat), std::runtime_error);
}

TEST(parallel, synthesis_in_parallel_chunks_equals_one_pass) {
  const auto options = cohort_options();
  std::vector<case_record> chunks(cohort_size);
  std::vector<std::thread> workers;
  for (std::size_t t = 0; t < 3; ++t)
    workers.emplace_back([&, t] {
      for (std::size_t i = t; i < cohort_size; i += 3) chunks[i] = iptkit::synthesize_case(options, i);
    });
  for (auto& w : workers) w.join();
  EXPECT_EQ(chunks, cohort());
}

}  // namespace
