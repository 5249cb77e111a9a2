#pragma once
/// @file
/// @brief The CONSORT 2010 flow diagram of a trial as a self-contained SVG figure (Schulz, Altman
/// and Moher 2010, BMJ 340:c332, figure 1), drawn from consort().

#include <iptkit/trials/consort.hpp>

#include <string>

namespace iptkit {

/// @brief Size, id and heading of the CONSORT diagram.
struct consort_svg_options {
  int width = 640;    ///< width in CSS pixels (also the viewBox width); raised to what the arms need
  std::string id;     ///< id of the `<svg>` (and, derived from it, of its `<title>` and `<desc>`);
                      ///< empty: `consort`
  std::string title;  ///< drawn heading and accessible name; empty: no heading, and the accessible
                      ///< name `CONSORT 2010 flow diagram`
};

/// @brief The CONSORT 2010 flow diagram of `flow` as one `<svg>` element (class `consort`), in
/// the house style of svg.hpp: no scripts or external assets, every case-derived text (arm
/// names, reasons, the analysis set, the title) escaped, numbers independent of the C locale,
/// the same bytes for the same input, and a `<desc>` that states every count in words.
///
/// Enrolment at the top (assessed for eligibility; excluded, with not meeting inclusion
/// criteria, declined, the patients per exclusion reason and the reasons given in all;
/// randomised), then one column per arm with its allocation, follow-up and analysis boxes, joined
/// by arrows, and the phase labels Enrollment, Allocation, Follow-Up and Analysis in a band on
/// the left. Every count is written `(n=N)`. Each box is a `<g class="box" data-box="...">`
/// (`assessed`, `excluded`, `randomised`, `armK.allocation`, `armK.follow_up`, `armK.analysis`
/// for the K-th arm from 0) holding one `<rect>` and one `<text>` per line; a phase label is a
/// `<g class="phase" data-phase="...">`. Text wraps within its box (widths bounded from above by
/// svg_detail::text_width_bound(), so no usual font overflows), box heights follow their line
/// counts, the boxes of a row share the tallest one's height, and the figure is widened beyond
/// `options.width` when its arms need it (at least 200 px per arm column).
std::string consort_svg(const consort_flow& flow, const consort_svg_options& options = {});

}  // namespace iptkit
