// The CONSORT diagram as SVG: every count in its box, case text escaped, the same bytes for the
// same flow, one column per arm (widened when the arms need it). The layout itself is measured
// in a browser by tests/python/test_consort_in_chromium.py.
#include <iptkit/export/consort_svg.hpp>
#include <iptkit/export/svg.hpp>

#include <gtest/gtest.h>

#include <regex>
#include <string>
#include <vector>

namespace {

using namespace iptkit;

consort_box box_of(std::size_t n) {
  consort_box b;
  for (std::size_t i = 0; i < n; ++i) {
    ++b.n;
    b.case_ids.push_back("C" + std::to_string(i));
  }
  return b;
}

consort_arm arm(std::string name, std::size_t allocated, std::size_t lost, std::size_t discontinued) {
  consort_arm a;
  a.arm = std::move(name);
  a.allocated = box_of(allocated);
  a.received_allocated = box_of(allocated - 1);
  a.did_not_receive = box_of(1);
  a.lost_to_follow_up = box_of(lost);
  a.discontinued = box_of(discontinued);
  if (lost) a.discontinued_reasons.push_back({"lost_to_follow_up", box_of(lost)});
  if (discontinued) a.discontinued_reasons.push_back({"adverse_event", box_of(discontinued)});
  a.analysed = a.allocated;
  return a;
}

consort_flow two_arms() {
  consort_flow f;
  f.assessed = box_of(131);
  f.excluded = box_of(31);
  f.not_eligible = box_of(22);
  f.declined = box_of(9);
  f.exclusion_reasons = {{"bipolar disorder", box_of(14)}, {"age over 65", box_of(11)}};
  f.exclusion_reasons_given = 25;
  f.randomised = box_of(100);
  f.arms = {arm("ipt", 52, 3, 4), arm("tau", 48, 5, 2)};
  return f;
}

// The text of every <text> of the <g class="box"> named `name`, joined by spaces.
std::string box_text(const std::string& svg, const std::string& name) {
  const auto start = svg.find("data-box=\"" + name + "\"");
  if (start == std::string::npos) return {};
  const auto end = svg.find("</g>", start);
  const std::string g = svg.substr(start, end - start);
  std::string out;
  static const std::regex text_element("<text[^>]*>([^<]*)</text>");
  for (auto it = std::sregex_iterator(g.begin(), g.end(), text_element); it != std::sregex_iterator(); ++it)
    out += (out.empty() ? "" : " ") + (*it)[1].str();
  return out;
}

std::size_t occurrences(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
  return n;
}

TEST(consort_svg, every_count_is_in_its_box) {
  const auto svg = consort_svg(two_arms());
  EXPECT_EQ(box_text(svg, "assessed"), "Assessed for eligibility (n=131)");
  const auto excluded = box_text(svg, "excluded");
  for (const char* part : {"Excluded (n=31)", "Not meeting inclusion criteria (n=22)", "Declined to participate (n=9)",
                           "bipolar disorder (n=14)", "age over 65 (n=11)", "25 reasons given in all"})
    EXPECT_NE(excluded.find(part), std::string::npos) << part << " in " << excluded;
  EXPECT_EQ(box_text(svg, "randomised"), "Randomised (n=100)");
  const auto allocation = box_text(svg, "arm0.allocation");
  EXPECT_NE(allocation.find("Allocated to ipt (n=52)"), std::string::npos) << allocation;
  EXPECT_NE(allocation.find("(n=51)"), std::string::npos) << allocation;  // received
  const auto follow_up = box_text(svg, "arm1.follow_up");
  EXPECT_NE(follow_up.find("Lost to follow-up (n=5)"), std::string::npos) << follow_up;
  EXPECT_NE(follow_up.find("Discontinued intervention (n=2)"), std::string::npos) << follow_up;
  EXPECT_NE(follow_up.find("adverse event (n=2)"), std::string::npos) << follow_up;
  EXPECT_EQ(follow_up.find("lost to follow up (n="), std::string::npos) << "lost to follow-up is its own line";
  const auto analysis = box_text(svg, "arm1.analysis");
  EXPECT_NE(analysis.find("Analysed (n=48)"), std::string::npos) << analysis;
  EXPECT_NE(analysis.find("intention to treat"), std::string::npos) << analysis;
  EXPECT_NE(analysis.find("Excluded from analysis (n=0)"), std::string::npos) << analysis;
}

TEST(consort_svg, boxes_and_phases_are_marked_for_programs) {
  const auto svg = consort_svg(two_arms());
  EXPECT_EQ(occurrences(svg, "<g class=\"box\""), 3u + 3u * 2u);
  EXPECT_EQ(occurrences(svg, "<g class=\"phase\""), 4u);
  for (const char* phase : {"Enrollment", "Allocation", "Follow-Up", "Analysis"})
    EXPECT_NE(svg.find(std::string(">") + phase + "</text>"), std::string::npos) << phase;
  EXPECT_NE(svg.find("data-arm=\"tau\""), std::string::npos);
  EXPECT_EQ(svg.rfind("<svg ", 0), 0u);
  EXPECT_NE(svg.find("role=\"img\""), std::string::npos);
}

TEST(consort_svg, the_description_states_the_counts_in_words) {
  const auto svg = consort_svg(two_arms(), {.width = 640, .id = "flow", .title = ""});
  const auto desc = svg.substr(svg.find("<desc id=\"flow-desc\">"));
  EXPECT_NE(desc.find("131 assessed for eligibility; 31 excluded (22 not meeting inclusion criteria, 9 declined"),
            std::string::npos);
  EXPECT_NE(desc.find("bipolar disorder 14, age over 65 11; 25 reasons given in all"), std::string::npos);
  EXPECT_NE(desc.find("Arm tau: 48 allocated, 47 received the allocated intervention, 1 did not; 5 lost to "
                      "follow-up, 2 discontinued the intervention (adverse event 2); 48 analysed (intention to "
                      "treat), 0 excluded from analysis."),
            std::string::npos)
      << desc;
  EXPECT_NE(svg.find("<title id=\"flow-title\">CONSORT 2010 flow diagram</title>"), std::string::npos);
  EXPECT_EQ(svg.find("class=\"heading\""), std::string::npos) << "no drawn heading without a title";
}

TEST(consort_svg, case_text_is_escaped) {
  auto f = two_arms();
  f.arms[0].arm = "<script>alert('x')</script> & \"co\"";
  f.exclusion_reasons[0].reason = "<b>bold</b>\x01";
  f.analysis_set = "<i>set</i>";
  const auto svg = consort_svg(f, {.width = 640, .id = "a\"b", .title = "Trial <T> & 'Q'"});
  for (const char* raw : {"<script", "<b>", "<i>", "& \"", "<T>", "\x01"})
    EXPECT_EQ(svg.find(raw), std::string::npos) << raw;
  EXPECT_NE(svg.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(svg.find("&lt;b&gt;bold&lt;/b&gt;"), std::string::npos);
  EXPECT_NE(svg.find("id=\"a&quot;b\""), std::string::npos);
  EXPECT_NE(svg.find("Trial &lt;T&gt; &amp; &#39;Q&#39;</text>"), std::string::npos);
}

TEST(consort_svg, the_same_flow_gives_the_same_bytes) {
  const auto f = two_arms();
  const auto first = consort_svg(f);
  EXPECT_EQ(first, consort_svg(f));
  EXPECT_EQ(first, consort_svg(consort_flow(f)));
  EXPECT_NE(first, consort_svg(f, {.width = 900}));
}

TEST(consort_svg, many_arms_widen_the_figure) {
  auto f = two_arms();
  for (int k = 0; k < 4; ++k) f.arms.push_back(arm("arm " + std::to_string(k), 10, 0, 0));
  const auto svg = consort_svg(f, {.width = 320});
  std::smatch m;
  ASSERT_TRUE(std::regex_search(svg, m, std::regex("width=\"(\\d+)\" height=\"(\\d+)\" viewBox=\"0 0 (\\d+) (\\d+)\"")));
  EXPECT_GE(std::stoi(m[1]), 6 * 200);
  EXPECT_EQ(m[1], m[3]);
  EXPECT_EQ(m[2], m[4]);
  EXPECT_EQ(occurrences(svg, "<g class=\"box\""), 3u + 3u * 6u);
}

TEST(consort_svg, long_text_wraps_into_more_lines_not_wider_boxes) {
  auto f = two_arms();
  const auto short_lines = occurrences(consort_svg(f), "<text ");
  f.arms[0].arm = std::string(40, 'W') + " interpersonal psychotherapy delivered by telephone in eight sessions";
  f.exclusion_reasons[1].reason = "a very long exclusion reason that cannot possibly fit on one line of the box";
  const auto svg = consort_svg(f);
  EXPECT_GT(occurrences(svg, "<text "), short_lines + 4);
  // A word longer than the box is cut between characters: no line holds all forty W.
  const auto allocation = box_text(svg, "arm0.allocation");
  EXPECT_EQ(allocation.find(std::string(40, 'W')), std::string::npos) << allocation;
  EXPECT_EQ(occurrences(allocation, "W"), 40u);
}

TEST(consort_svg, a_flow_without_arms_draws_the_enrolment_only) {
  consort_flow f;
  f.assessed = box_of(3);
  f.excluded = box_of(3);
  f.not_eligible = box_of(3);
  const auto svg = consort_svg(f);
  EXPECT_EQ(occurrences(svg, "<g class=\"box\""), 3u);
  EXPECT_EQ(occurrences(svg, "<g class=\"phase\""), 1u);
  EXPECT_EQ(box_text(svg, "randomised"), "Randomised (n=0)");
  EXPECT_NE(svg.find("No arms: nobody was randomised."), std::string::npos);
}

}  // namespace
