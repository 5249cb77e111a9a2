#include <iptkit/export/tidy.hpp>

#include <iptkit/measures/scoring.hpp>
#include <iptkit/outcomes/cohort_columns.hpp>

namespace iptkit {

void append_assessment_rows(const case_record& c, std::size_t case_index,
                            const instrument_registry& instruments, std::vector<assessment_row>& out) {
  const auto start = day_number(c.contract.start_date);
  for (const auto& a : c.assessments) {
    const instrument* in = instruments.find(a.instrument);
    assessment_row row{case_index, c.case_id, c.arm, a.instrument, day_number(a.date) - start, a.date,
                       a.session, score_total(a, in), std::nullopt};
    if (row.total && in)
      if (const auto* b = band_of(*in, *row.total)) row.band = b->label;
    out.push_back(std::move(row));
  }
}

}  // namespace iptkit
