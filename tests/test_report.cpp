// SVG figures and the HTML report: escaping, structure, links, self-containment, determinism.
#include <iptkit/export/html_report.hpp>
#include <iptkit/export/svg.hpp>
#include <iptkit/json/cohort.hpp>
#include <iptkit/json/read.hpp>
#include <iptkit/rules/validate.hpp>
#include <iptkit/synth/generator.hpp>
#include <iptkit/trials/consort.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "test_support.hpp"

namespace {

using iptkit::test::read_file;

std::size_t count(const std::string& text, const std::string& needle) {
  std::size_t n = 0;
  for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + needle.size())) ++n;
  return n;
}

// A simple well-formedness check: every start tag is closed in order (self-closing and HTML void
// elements aside), and the contents of <script> and <style> are skipped as raw text. Returns ""
// when balanced, else a description of the first problem.
std::string unbalanced(const std::string& doc) {
  static const std::set<std::string> void_elements = {"meta", "link", "br", "hr", "img", "input", "wbr"};
  std::vector<std::string> open;
  std::size_t i = 0;
  while ((i = doc.find('<', i)) != std::string::npos) {
    if (doc.compare(i, 4, "<!--") == 0) { i = doc.find("-->", i); continue; }
    if (doc.compare(i, 2, "<!") == 0) { i = doc.find('>', i); continue; }
    const auto end = doc.find('>', i);
    if (end == std::string::npos) return "unterminated tag at " + std::to_string(i);
    std::string tag = doc.substr(i + 1, end - i - 1);
    const bool closing = !tag.empty() && tag[0] == '/';
    const bool self_closing = !tag.empty() && tag.back() == '/';
    if (closing) tag.erase(0, 1);
    const std::string name = tag.substr(0, tag.find_first_of(" \t\n/"));
    if (name.empty() || !std::isalpha(static_cast<unsigned char>(name[0])))
      return "a raw '<' at " + std::to_string(i) + ": " + doc.substr(i, 20);
    i = end + 1;
    if (closing) {
      if (open.empty() || open.back() != name)
        return "</" + name + "> closes <" + (open.empty() ? std::string("nothing") : open.back()) + "> at " + std::to_string(i);
      open.pop_back();
    } else if (!self_closing && !void_elements.count(name)) {
      open.push_back(name);
      if (name == "script" || name == "style") {
        i = doc.find("</" + name + ">", i);
        if (i == std::string::npos) return "unclosed <" + name + ">";
      }
    }
  }
  return open.empty() ? "" : "unclosed <" + open.back() + ">";
}

iptkit::relationship person(std::string id, std::string label, iptkit::relationship_kind kind,
                            iptkit::relationship_status status, int ring, std::optional<int> conflict) {
  iptkit::relationship r;
  r.id = std::move(id);
  r.label = std::move(label);
  r.kind = kind;
  r.status = status;
  r.closeness = ring;
  r.conflict = conflict;
  return r;
}

iptkit::inventory hostile_inventory() {
  using k = iptkit::relationship_kind;
  using s = iptkit::relationship_status;
  iptkit::inventory inv;
  inv.relationships = {person("a", "<script>alert(1)</script>", k::partner, s::current, 1, 4),
                       person("b", "Tom & Jerry", k::friend_, s::estranged, 2, 2),
                       person("c", "\"Dad\" 'senior'", k::parent, s::deceased, 3, std::nullopt),
                       person("d", "Old crew from work", k::colleague, s::past, 4, 0),
                       person("e", "Sister", k::sibling, s::current, 1, 1)};
  return inv;
}

void expect_no_raw_markup(const std::string& out) {
  EXPECT_EQ(out.find("<script>alert"), std::string::npos);
  EXPECT_EQ(out.find("Tom & Jerry"), std::string::npos);
  EXPECT_EQ(out.find("\"Dad\""), std::string::npos);
  EXPECT_EQ(out.find("'senior'"), std::string::npos);
}

struct example_cohort {
  std::vector<iptkit::case_record> cases;
  std::vector<std::vector<iptkit::finding>> findings;
};

// The 15 hand-written examples and the 24 cases of cohort.jsonl.
const example_cohort& examples() {
  static const example_cohort cohort = [] {
    example_cohort c;
    for (const auto& path : iptkit::test::files_in("examples/data", ".json"))
      c.cases.push_back(iptkit::read_case(read_file(path)).value());
    for (auto& e : iptkit::read_case_lines(read_file(iptkit::test::source_dir() / "examples/data/cohort.jsonl")))
      c.cases.push_back(std::move(e.value).value());
    c.findings = iptkit::validate_cohort(c.cases);
    return c;
  }();
  return cohort;
}

std::vector<std::string> captures(const std::string& text, const std::regex& re) {
  std::vector<std::string> out;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), re); it != std::sregex_iterator(); ++it)
    out.push_back((*it)[1].str());
  return out;
}

TEST(report, escape_xml_escapes_markup_quotes_and_controls) {
  EXPECT_EQ(iptkit::escape_xml("<script>alert(\"x\") & 'y'</script>"),
            "&lt;script&gt;alert(&quot;x&quot;) &amp; &#39;y&#39;&lt;/script&gt;");
  EXPECT_EQ(iptkit::escape_xml("a\tb\nc"), "a\tb\nc");
  EXPECT_EQ(iptkit::escape_xml(std::string("x\x01y", 3)), "x\xEF\xBF\xBDy");
  EXPECT_EQ(iptkit::escape_xml("Zoë → ok"), "Zoë → ok");  // UTF-8 passes through
  EXPECT_EQ(iptkit::escape_xml("&amp;"), "&amp;amp;");     // never "already escaped"
}

TEST(report, numbers_are_fixed_and_never_negative_zero) {
  EXPECT_EQ(iptkit::svg_detail::fixed(12.345, 1), "12.3");
  EXPECT_EQ(iptkit::svg_detail::fixed(-0.04, 1), "0.0");
  EXPECT_EQ(iptkit::svg_detail::fixed(2, 2), "2.00");
  EXPECT_EQ(iptkit::svg_detail::number(13), "13");
  EXPECT_EQ(iptkit::svg_detail::number(13.44), "13.4");
  EXPECT_EQ(iptkit::svg_detail::truncate("Mum from the baby group", 10), "Mum from \xE2\x80\xA6");
  EXPECT_EQ(iptkit::svg_detail::truncate("Zoë", 10), "Zoë");
}

TEST(report, closeness_circle_has_four_rings_and_one_marker_per_relationship) {
  const auto inv = hostile_inventory();
  const std::string svg = iptkit::closeness_circle_svg(inv, {.id = "cc"});
  EXPECT_EQ(count(svg, "class=\"ring\""), 4u);
  EXPECT_EQ(count(svg, "class=\"person\""), inv.relationships.size());
  for (int ring = 1; ring <= 4; ++ring)
    EXPECT_NE(svg.find("class=\"ring\" data-ring=\"" + std::to_string(ring) + "\""), std::string::npos);
  EXPECT_EQ(unbalanced(svg), "");
  EXPECT_TRUE(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\""));
  EXPECT_NE(svg.find("class=\"closeness-circle\""), std::string::npos);
  EXPECT_NE(svg.find("aria-labelledby=\"cc-title cc-desc\""), std::string::npos);
  EXPECT_NE(svg.find("<title id=\"cc-title\">"), std::string::npos);
  EXPECT_NE(svg.find("<desc id=\"cc-desc\">"), std::string::npos);
  EXPECT_NE(svg.find(">You<"), std::string::npos);
  // Status is visible without colour: estranged dashed, deceased crossed, past pale.
  EXPECT_NE(svg.find("data-status=\"estranged\""), std::string::npos);
  EXPECT_NE(svg.find("stroke-dasharray=\"3 2\""), std::string::npos);
  EXPECT_NE(svg.find("fill-opacity=\"0.35\""), std::string::npos);
  // Free text is escaped everywhere it appears: label, tooltip and description.
  expect_no_raw_markup(svg);
  EXPECT_NE(svg.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_GE(count(svg, "Tom &amp; Jerry"), 3u);
  EXPECT_NE(svg.find("&quot;Dad&quot; &#39;senior&#39;"), std::string::npos);
}

TEST(report, closeness_circle_of_an_empty_inventory_still_draws_the_rings) {
  const std::string svg = iptkit::closeness_circle_svg(iptkit::inventory{});
  EXPECT_EQ(count(svg, "class=\"ring\""), 4u);
  EXPECT_EQ(count(svg, "class=\"person\""), 0u);
  EXPECT_NE(svg.find("No relationships recorded"), std::string::npos);
  EXPECT_EQ(unbalanced(svg), "");
}

TEST(report, text_width_bound_is_above_the_average_estimate_and_grows_with_wide_letters) {
  using iptkit::svg_detail::text_width_bound;
  EXPECT_EQ(text_width_bound("", 11), 0.0);
  // DejaVu Sans, the widest usual UI font, sets "m" at 0.97 em and "i" at 0.28 em; its bold
  // at 1.04 and 0.34 em.
  EXPECT_GE(text_width_bound("m", 10), 9.7);
  EXPECT_GE(text_width_bound("i", 10), 2.8);
  EXPECT_GE(text_width_bound("m", 10, true), 10.4);
  EXPECT_GE(text_width_bound("i", 10, true), 3.4);
  EXPECT_GT(text_width_bound("Conflict (colour)", 11, true), text_width_bound("Conflict (colour)", 11));
  EXPECT_GT(text_width_bound("mmmm", 11), text_width_bound("iiii", 11));
  EXPECT_DOUBLE_EQ(text_width_bound("family", 22), 2 * text_width_bound("family", 11));
  // A multi-byte character counts once, as a wide one.
  EXPECT_DOUBLE_EQ(text_width_bound("\xC3\xAB", 10), text_width_bound("\xE2\x80\xA6", 10));
  for (const std::string_view s : {"work, community, other", "deceased: hollow, cross", "high (3-4): outer ring"})
    EXPECT_GT(text_width_bound(s, 11), static_cast<double>(s.size()) * 11 * 0.56) << s;
}

TEST(report, legend_grid_takes_the_most_columns_that_fit_and_wraps_the_rest) {
  using iptkit::svg_detail::legend_grid;
  const std::vector<double> widths = {80, 190, 170, 200};
  const double gap = 18;
  double all = gap * 3;
  for (const double w : widths) all += w;

  const auto one_row = legend_grid(widths, 12, 12 + all + 100, gap);
  EXPECT_EQ(one_row.rows, 1);
  EXPECT_EQ(one_row.x.front(), 12);
  // The spare width goes between the columns: the last block ends at the right edge.
  EXPECT_NEAR(one_row.x.back() + widths.back(), 12 + all + 100, 1e-9);
  for (std::size_t i = 1; i < widths.size(); ++i) EXPECT_GE(one_row.x[i] - one_row.x[i - 1] - widths[i - 1], gap);

  // Too narrow for four, wide enough for two columns of the wider blocks of each column.
  const double two = std::max(widths[0], widths[2]) + gap + std::max(widths[1], widths[3]);
  const auto two_rows = legend_grid(widths, 12, 12 + two, gap);
  EXPECT_EQ(two_rows.rows, 2);
  EXPECT_EQ(two_rows.row, (std::vector<int>{0, 0, 1, 1}));
  EXPECT_EQ(two_rows.x[0], two_rows.x[2]);
  EXPECT_EQ(two_rows.x[1], two_rows.x[3]);
  EXPECT_GE(two_rows.x[1], 12 + std::max(widths[0], widths[2]) + gap);

  // Wide enough for three columns, which would leave the fourth block alone: two by two.
  const double three = std::max(widths[0], widths[3]) + widths[1] + widths[2] + 2 * gap;
  ASSERT_GT(three, two);
  const auto balanced = legend_grid(widths, 12, 12 + three, gap);
  EXPECT_EQ(balanced.rows, 2);
  EXPECT_EQ(balanced.row, (std::vector<int>{0, 0, 1, 1}));
  EXPECT_EQ(legend_grid({50, 50, 50, 50, 50, 50}, 0, 3 * 50 + 2 * gap, gap).row,
            (std::vector<int>{0, 0, 0, 1, 1, 1}));
  EXPECT_EQ(legend_grid({50, 50, 50, 50, 50}, 0, 4 * 50 + 3 * gap, gap).row,
            (std::vector<int>{0, 0, 0, 1, 1}));

  const auto column = legend_grid(widths, 12, 12 + 201, gap);
  EXPECT_EQ(column.rows, 4);
  EXPECT_EQ(column.row, (std::vector<int>{0, 1, 2, 3}));
  const auto too_narrow = legend_grid(widths, 12, 100, gap);  // one block per row all the same
  EXPECT_EQ(too_narrow.rows, 4);
  EXPECT_EQ(legend_grid({}, 0, 100, gap).rows, 0);
}

// The legend's text elements of a closeness circle, boxed with the width bound: x, top, right, bottom.
std::vector<std::array<double, 4>> legend_boxes(const std::string& svg, std::vector<std::string>& words) {
  static const std::regex text_re(R"re(<text x="([0-9.]+)" y="([0-9.]+)" font-size="([0-9.]+)"[^>]*>([^<]*)</text>)re");
  const std::string legend = svg.substr(svg.find("<g class=\"legend\">"));
  std::vector<std::array<double, 4>> boxes;
  for (auto it = std::sregex_iterator(legend.begin(), legend.end(), text_re); it != std::sregex_iterator(); ++it) {
    const double x = std::stod((*it)[1]), y = std::stod((*it)[2]), size = std::stod((*it)[3]);
    words.push_back((*it)[4]);
    // Ascent and descent of the usual sans-serif fonts stay within 0.95 and 0.25 em.
    const bool bold = (*it)[0].str().find("font-weight=\"600\"") != std::string::npos;
    boxes.push_back({x, y - 0.95 * size, x + iptkit::svg_detail::text_width_bound(words.back(), size, bold),
                     y + 0.25 * size});
  }
  return boxes;
}

TEST(report, closeness_circle_legend_texts_never_overlap_at_any_width) {
  for (int width = 300; width <= 1400; width += 20) {
    const std::string svg = iptkit::closeness_circle_svg(hostile_inventory(), {.width = width, .height = 480});
    const int drawn = std::stoi(svg.substr(svg.find("width=\"") + 7));
    const int height = std::stoi(svg.substr(svg.find("height=\"") + 8));
    EXPECT_EQ(drawn, std::max(width, 420));
    std::vector<std::string> words;
    const auto boxes = legend_boxes(svg, words);
    ASSERT_EQ(boxes.size(), 18u) << width;
    for (std::size_t i = 0; i < boxes.size(); ++i) {
      const auto& a = boxes[i];
      EXPECT_GE(a[0], 0) << words[i];
      EXPECT_LE(a[2], drawn) << width << ": " << words[i];
      EXPECT_LE(a[3], height) << width << ": " << words[i];
      for (std::size_t j = i + 1; j < boxes.size(); ++j) {
        const auto& b = boxes[j];
        const bool overlap = std::min(a[2], b[2]) > std::max(a[0], b[0]) && std::min(a[3], b[3]) > std::max(a[1], b[1]);
        EXPECT_FALSE(overlap) << width << ": '" << words[i] << "' and '" << words[j] << "'";
      }
    }
  }
}

TEST(report, closeness_circle_grows_taller_rather_than_squeeze_the_circle_under_a_wrapped_legend) {
  const std::string wide = iptkit::closeness_circle_svg(hostile_inventory(), {.width = 1200, .height = 300});
  const std::string narrow = iptkit::closeness_circle_svg(hostile_inventory(), {.width = 420, .height = 300});
  EXPECT_EQ(std::stoi(wide.substr(wide.find("height=\"") + 8)), 300);
  EXPECT_GT(std::stoi(narrow.substr(narrow.find("height=\"") + 8)), 300);
}

TEST(report, trajectory_is_balanced_and_contains_every_point) {
  std::vector<iptkit::trajectory_series> series = {
      {"IPT <arm> & co", {{0, 18, 16, 20}, {4, 13, 11.2, 14.8}, {8, 9.5, 8, 11}, {12, 6}}},
      {"TAU", {{0, 17}, {4, 15}, {8, 14, std::nullopt, std::nullopt, "n = 3"}}}};
  iptkit::svg_options o;
  o.id = "t1";
  o.title = "PHQ-9 \"mean\"";
  o.y_label = "PHQ-9 total";
  o.value_name = "PHQ-9";
  o.y_max = 27;
  o.reference_lines = {{10, "caseness 10"}, {4, "remission 4"}};
  const std::string svg = iptkit::trajectory_svg(series, o);
  EXPECT_EQ(unbalanced(svg), "");
  EXPECT_EQ(count(svg, "class=\"point\""), 7u);
  EXPECT_NE(svg.find("IPT &lt;arm&gt; &amp; co, week 4: PHQ-9 13</title>"), std::string::npos);
  EXPECT_NE(svg.find("TAU, week 8: PHQ-9 14 (n = 3)</title>"), std::string::npos);
  EXPECT_NE(svg.find("IPT &lt;arm&gt; &amp; co, week 8: PHQ-9 9.5</title>"), std::string::npos);
  EXPECT_EQ(svg.find("<arm>"), std::string::npos);
  EXPECT_NE(svg.find("PHQ-9 &quot;mean&quot;"), std::string::npos);
  EXPECT_NE(svg.find("role=\"img\""), std::string::npos);
  EXPECT_NE(svg.find("aria-labelledby=\"t1-title t1-desc\""), std::string::npos);
  EXPECT_NE(svg.find(">caseness 10<"), std::string::npos);
  EXPECT_NE(svg.find(">remission 4<"), std::string::npos);
  // One band (the first series' run of three intervals), a legend, and distinct dash patterns.
  EXPECT_EQ(count(svg, "class=\"band\""), 1u);
  EXPECT_NE(svg.find("class=\"legend\""), std::string::npos);
  EXPECT_NE(svg.find("stroke-dasharray=\"7 4\""), std::string::npos);
  // Axis ticks up to the requested maximum: 0, 5, ... 25 on a 0-27 axis.
  EXPECT_NE(svg.find(">25</text>"), std::string::npos);
  EXPECT_EQ(svg, iptkit::trajectory_svg(series, o));
}

TEST(report, trajectory_without_points_says_so) {
  const std::string svg = iptkit::trajectory_svg({}, {});
  EXPECT_EQ(unbalanced(svg), "");
  EXPECT_NE(svg.find("No scores to show"), std::string::npos);
}

TEST(report, case_trajectory_plots_each_scorable_total_with_cutoffs_and_bands) {
  const auto c = iptkit::read_case(read_file(iptkit::test::source_dir() / "examples/data/role-dispute-renegotiation.json")).value();
  const std::string svg = iptkit::case_trajectory_svg(c, "phq9");
  EXPECT_EQ(unbalanced(svg), "");
  EXPECT_EQ(count(svg, "class=\"point\""), 5u);  // five PHQ-9s: 15, 14, 11, 8, 4
  EXPECT_NE(svg.find("week 0: PHQ-9 15 (2025-01-13, session 1)</title>"), std::string::npos);
  EXPECT_NE(svg.find("week 13: PHQ-9 4 (2025-04-14, session 14)</title>"), std::string::npos);
  EXPECT_NE(svg.find(">caseness \xE2\x89\xA5 10<"), std::string::npos);
  EXPECT_NE(svg.find(">remission \xE2\x89\xA4 4<"), std::string::npos);
  EXPECT_NE(svg.find(">moderately severe<"), std::string::npos);
  EXPECT_NE(svg.find("id=\"trajectory-EX-DISPUTE-RENEG-phq9\""), std::string::npos);
  // An instrument the case does not have: an empty, labelled chart.
  EXPECT_NE(iptkit::case_trajectory_svg(c, "hamd17").find("No scores to show"), std::string::npos);
  // One that neither the catalog nor the case has is a typo, not an empty chart.
  EXPECT_THROW((void)iptkit::case_trajectory_svg(c, "phq-9"), std::invalid_argument);
  iptkit::catalog none{.instruments = {}};
  EXPECT_THROW((void)iptkit::case_trajectory_svg(c, "hamd17", {}, none), std::invalid_argument);
  // The case's own scores of an instrument the catalog lacks are drawn by its id, without lines.
  const auto bare = iptkit::case_trajectory_svg(c, "phq9", {}, none);
  EXPECT_EQ(count(bare, "class=\"point\""), 5u);
  EXPECT_EQ(bare.find("caseness"), std::string::npos);
}

class report_on_examples : public ::testing::Test {
 protected:
  static const std::string& html() {
    static const std::string page = [] {
      const auto& e = examples();
      iptkit::report_options o;
      o.generated_by = "test";
      return iptkit::html_report(e.cases, e.findings, {}, o);
    }();
    return page;
  }
};

TEST_F(report_on_examples, has_summary_trajectory_and_a_section_per_case) {
  const auto& e = examples();
  ASSERT_EQ(e.cases.size(), 40u);
  const std::string& page = html();
  EXPECT_TRUE(page.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
  EXPECT_EQ(count(page, "<table id=\"summary\">"), 1u);
  EXPECT_EQ(count(page, "id=\"trajectory\""), 1u);
  EXPECT_NE(page.find("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" id=\"trajectory\""), std::string::npos);
  for (const auto& c : e.cases) EXPECT_EQ(count(page, "id=\"case-" + c.case_id + "\""), 1u) << c.case_id;
  EXPECT_EQ(count(page, "<section class=\"case"), e.cases.size());
  // One closeness circle per inventory; the usual-care arm of cohort.jsonl takes none.
  const auto inventories = static_cast<std::size_t>(
      std::count_if(e.cases.begin(), e.cases.end(), [](const auto& c) { return c.inventory.has_value(); }));
  EXPECT_EQ(inventories, e.cases.size() - 12);
  EXPECT_EQ(count(page, "class=\"closeness-circle\""), inventories);
  for (const auto* heading : {"Cohort summary", "Symptom trajectories", "Protocol findings", "Cases that could not be read",
                              "Glossary"})
    EXPECT_NE(page.find(std::string(">") + heading + "</h2>"), std::string::npos) << heading;
  // The two arms of cohort.jsonl are compared.
  EXPECT_NE(page.find("<td>ipt vs tau</td>"), std::string::npos);
  EXPECT_EQ(unbalanced(page), "");
}

TEST_F(report_on_examples, has_no_trial_flow_without_trial_records) {
  EXPECT_EQ(html().find("trial-flow"), std::string::npos);
  EXPECT_EQ(html().find("class=\"consort\""), std::string::npos);
}

TEST(report, a_trial_gets_its_consort_diagram_and_notes) {
  const auto base = iptkit::read_case(read_file(iptkit::test::source_dir() / "examples/data/grief-normal-brief.json")).value();
  std::vector<iptkit::case_record> cases;
  for (const auto* arm : {"ipt", "<script>tau</script>"}) {
    auto c = base;
    c.case_id = "R-" + std::to_string(cases.size());
    c.arm = arm;
    c.trial = iptkit::trial_record{};
    c.trial->eligible = true;
    c.trial->randomised_on = c.contract.start_date;
    c.trial->allocation = arm;
    cases.push_back(std::move(c));
  }
  auto screened = base;
  screened.case_id = "S-1";
  screened.sessions.clear();
  screened.trial = iptkit::trial_record{};
  screened.trial->eligible = false;
  screened.trial->exclusion_reasons = {"<b>bipolar</b> & more"};
  cases.push_back(std::move(screened));
  cases.push_back(base);  // no trial record: a note
  const std::string page = iptkit::html_report(cases, {}, {});
  EXPECT_EQ(unbalanced(page), "");
  expect_no_raw_markup(page);
  EXPECT_EQ(count(page, "<section id=\"trial-flow\">"), 1u);
  EXPECT_NE(page.find(">Trial flow (CONSORT)</h2>"), std::string::npos);
  EXPECT_NE(page.find("<a href=\"#trial-flow\">"), std::string::npos);
  EXPECT_EQ(count(page, "role=\"img\" id=\"consort\" class=\"consort\""), 1u);
  EXPECT_NE(page.find("Assessed for eligibility (n=3)"), std::string::npos);
  EXPECT_NE(page.find("&lt;b&gt;bipolar&lt;/b&gt; &amp; more (n=1)"), std::string::npos);
  EXPECT_NE(page.find("data-arm=\"&lt;script&gt;tau&lt;/script&gt;\""), std::string::npos);
  EXPECT_NE(page.find("<tr><td>records without a trial record, not in the diagram: 1</td></tr>"), std::string::npos);
  // After the trajectories, before the findings; and still just the one script.
  EXPECT_LT(page.find("id=\"symptom-trajectories\""), page.find("id=\"trial-flow\""));
  EXPECT_LT(page.find("id=\"trial-flow\""), page.find("id=\"protocol-findings\""));
  EXPECT_EQ(count(page, "<script"), 1u);
  EXPECT_EQ(page.find("<script>tau"), std::string::npos);
}

// Maintenance cases at risk of relapse: the curves, the medians per allocated arm under itt, the
// log-rank test, and every section saying which analysis set it shows.
TEST(report, a_maintenance_trial_gets_its_relapse_curves_in_its_analysis_set) {
  iptkit::synth_options o;
  o.cases = 600;
  o.seed = 13;
  o.maintenance_share = 0.8;
  o.trial = iptkit::synth_trial{};
  o.arms = {{"a", 1, {{"ipt", 1}}, 0.6, 0.35, true, 0.06}, {"b", 1, {{"ipt", 1}}, 0.6, 0.35, true, 0.06}};
  const auto cases = iptkit::synthesize(o);
  iptkit::report_options options;
  options.analysis_set = iptkit::analysis_set::itt;
  const std::string page = iptkit::html_report(cases, {}, {}, options);
  EXPECT_EQ(unbalanced(page), "");
  EXPECT_EQ(count(page, "<section id=\"time-to-relapse\">"), 1u);
  EXPECT_NE(page.find("<a href=\"#time-to-relapse\">"), std::string::npos);
  EXPECT_EQ(count(page, "id=\"relapse-curves\""), 1u);
  EXPECT_NE(page.find("<tr><th scope=\"row\">a</th>"), std::string::npos);
  EXPECT_NE(page.find("<tr><th scope=\"row\">b</th>"), std::string::npos);
  EXPECT_NE(page.find("Log-rank test (Mantel 1966): chi-square"), std::string::npos);
  EXPECT_NE(page.find("Analysis set itt: "), std::string::npos);               // the relapse notes
  EXPECT_NE(page.find("Analysis set itt (intention to treat): "), std::string::npos);  // the summary
  EXPECT_NE(page.find("The cases of the analysis set itt ("), std::string::npos);       // the trajectories
  EXPECT_LT(page.find("id=\"trial-flow\""), page.find("id=\"time-to-relapse\""));
  EXPECT_LT(page.find("id=\"time-to-relapse\""), page.find("id=\"protocol-findings\""));

  // Per protocol: the diagram's Analysed boxes are the summary's cases, the others excluded by reason.
  options.analysis_set = iptkit::analysis_set::per_protocol;
  std::vector<std::vector<iptkit::finding>> findings;
  for (const auto& c : cases) findings.push_back(iptkit::validate(c));
  const std::string pp = iptkit::html_report(cases, findings, {}, options);
  const auto population = iptkit::select_analysis_set(cases, iptkit::analysis_set::per_protocol,
                                                      iptkit::major_deviations(findings));
  const auto flow = iptkit::consort(cases, population);
  EXPECT_EQ(flow.arms[0].analysed.n + flow.arms[1].analysed.n, population.size);
  EXPECT_NE(pp.find("Analysed (n=" + std::to_string(flow.arms[0].analysed.n) + ")"), std::string::npos);
  EXPECT_NE(pp.find("Analysed: per protocol, the cases of the summary"), std::string::npos);
  EXPECT_NE(pp.find("analysis set per_protocol: " + std::to_string(population.size) + " in 2 groups"), std::string::npos);
}

TEST(report, has_no_relapse_curves_without_cases_at_risk) {
  iptkit::synth_options o;
  o.cases = 40;
  o.maintenance_share = 0;
  const std::string page = iptkit::html_report(iptkit::synthesize(o), {}, {});
  EXPECT_EQ(page.find("time-to-relapse"), std::string::npos);
  EXPECT_NE(page.find("Analysis set completers: 40 case(s)"), std::string::npos);
}

TEST_F(report_on_examples, every_internal_link_resolves_and_finding_codes_link_to_their_cases) {
  const std::string& page = html();
  const auto ids = captures(page, std::regex(R"re(\bid="([^"]+)")re"));
  const std::set<std::string> id_set(ids.begin(), ids.end());
  EXPECT_EQ(id_set.size(), ids.size()) << "duplicate ids";
  const auto links = captures(page, std::regex(R"re(href="#([^"]*)")re"));
  ASSERT_FALSE(links.empty());
  for (const auto& l : links) EXPECT_TRUE(id_set.count(l)) << "#" << l;
  // The README's three findings: A007 (alert), C005 and F004, each row linking to its case.
  for (const auto& [code, case_id] : std::vector<std::pair<std::string, std::string>>{
           {"A007", "EX-PERINATAL-PARENTHOOD"}, {"C005", "EX-RETIRE-INHIBITED"}, {"F004", "EX-DEFICITS-NONRESP"}}) {
    const auto row = page.find("id=\"finding-" + code + "\"");
    ASSERT_NE(row, std::string::npos) << code;
    const auto row_end = page.find("</tr>", row);
    EXPECT_NE(page.substr(row, row_end - row).find("href=\"#case-" + case_id + "\""), std::string::npos) << code;
  }
  // Alerts come first and are highlighted.
  EXPECT_LT(page.find("id=\"finding-A007\""), page.find("id=\"finding-C005\""));
  EXPECT_NE(page.find("<tr class=\"sev-alert\" id=\"finding-A007\">"), std::string::npos);
  EXPECT_NE(page.find("class=\"callout\""), std::string::npos);
}

TEST_F(report_on_examples, is_self_contained) {
  const std::string& page = html();
  const std::string svg_ns = "http://www.w3.org/2000/svg";
  std::string rest = page;
  for (auto at = rest.find(svg_ns); at != std::string::npos; at = rest.find(svg_ns)) rest.erase(at, svg_ns.size());
  EXPECT_EQ(rest.find("http://"), std::string::npos);
  EXPECT_EQ(rest.find("https://"), std::string::npos);
  EXPECT_EQ(rest.find("src="), std::string::npos);
  EXPECT_EQ(rest.find("@import"), std::string::npos);
  EXPECT_EQ(rest.find("url("), std::string::npos);
  EXPECT_EQ(count(page, "<script"), 1u);
  EXPECT_NE(page.find("Content-Security-Policy"), std::string::npos);
}

TEST_F(report_on_examples, is_identical_when_produced_twice) {
  const auto& e = examples();
  iptkit::report_options o;
  o.generated_by = "test";
  EXPECT_EQ(iptkit::html_report(e.cases, e.findings, {}, o), html());
}

TEST(report, escapes_case_text_and_lists_unreadable_inputs) {
  auto c = iptkit::read_case(read_file(iptkit::test::source_dir() / "examples/data/role-dispute-renegotiation.json")).value();
  c.arm = "<script>arm</script>";
  c.diagnoses[0].label = "Tom & Jerry";
  c.inventory->relationships[0].label = "<script>alert(1)</script>";
  const std::vector<iptkit::case_record> cases = {c};
  const std::vector<std::vector<iptkit::finding>> findings = {
      {{"X001", iptkit::severity::warning, "/notes", "a \"user\" rule's <b>message</b>"}}};
  const std::vector<iptkit::report_input_error> unreadable = {
      {"<evil>&.jsonl", 7, 6, {{"/case_id", iptkit::error_kind::missing_field, "expected 'case_id' & <more>", 7, 12}}}};
  iptkit::report_options o;
  o.title = "Report <for> \"us\"";
  o.generated_by = "<tool>";
  const std::string page = iptkit::html_report(cases, findings, unreadable, o);
  EXPECT_EQ(unbalanced(page), "");
  expect_no_raw_markup(page);
  for (const auto* raw : {"<script>arm", "<b>message", "<evil>", "<more>", "<for>", "<tool>", "\"us\"", "\"user\""})
    EXPECT_EQ(page.find(raw), std::string::npos) << raw;
  EXPECT_NE(page.find("&lt;script&gt;arm&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(page.find("&lt;evil&gt;&amp;.jsonl"), std::string::npos);
  EXPECT_NE(page.find("expected &#39;case_id&#39; &amp; &lt;more&gt;"), std::string::npos);
  EXPECT_NE(page.find("<title>Report &lt;for&gt; &quot;us&quot;</title>"), std::string::npos);
  // The user rule is listed without a built-in title, and the unreadable line is shown.
  EXPECT_NE(page.find("id=\"finding-X001\""), std::string::npos);
  EXPECT_NE(page.find("a rule outside the built-in catalogue"), std::string::npos);
  EXPECT_NE(page.find("<td class=\"num\">7</td>"), std::string::npos);
  // Each error's location as data and as words, from its fields.
  EXPECT_NE(page.find("<li data-line=\"7\" data-column=\"12\"><span class=\"where\">line 7, column 12</span> <code>/case_id</code>"),
            std::string::npos);
}

TEST(report, copes_with_no_cases_missing_findings_and_repeated_ids) {
  const std::string empty = iptkit::html_report({}, {}, {});
  EXPECT_EQ(unbalanced(empty), "");
  EXPECT_NE(empty.find("<table id=\"summary\">"), std::string::npos);
  EXPECT_NE(empty.find("id=\"trajectory\""), std::string::npos);

  auto c = iptkit::read_case(read_file(iptkit::test::source_dir() / "examples/data/grief-normal-brief.json")).value();
  const std::vector<iptkit::case_record> twice = {c, c};
  const std::string page = iptkit::html_report(twice, {}, {});  // no findings given at all
  EXPECT_EQ(count(page, "id=\"case-" + c.case_id + "\""), 1u);
  EXPECT_EQ(count(page, "id=\"case-" + c.case_id + "-2\""), 1u);
  EXPECT_EQ(unbalanced(page), "");
}

}  // namespace
