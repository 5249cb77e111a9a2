#include <iptkit/outcomes/cohort_columns.hpp>

#include <iptkit/detail/parallel.hpp>
#include <iptkit/measures/scoring.hpp>

#include <algorithm>

namespace iptkit {

namespace {
// `hint`: the index found last, tried first (a case's assessments mostly share an instrument).
std::int32_t instrument_index(std::vector<std::string>& ids, const std::string& id, std::int32_t hint = -1) {
  if (hint >= 0 && ids[static_cast<std::size_t>(hint)] == id) return hint;
  auto it = std::find(ids.begin(), ids.end(), id);
  if (it == ids.end()) {
    ids.push_back(id);
    return static_cast<std::int32_t>(ids.size() - 1);
  }
  return static_cast<std::int32_t>(it - ids.begin());
}
}  // namespace

void cohort_columns::append(const case_record& c, const catalog& cat) {
  const instrument_registry& registry = cat.instruments;
  if (offset.empty()) offset.push_back(0);
  case_id.push_back(c.case_id);
  start_day.push_back(day_number(c.contract.start_date));
  std::int32_t first = no_day, last = no_day, n_attended = 0, n_cancelled = 0, n_no_show = 0;
  bool reached_termination = false;
  for (const auto& s : c.sessions) {
    const bool came = s.attendance == attendance::attended;
    if (came && first == no_day) first = day_number(s.date);
    if (!is_acute(s.phase)) continue;
    last = day_number(s.date);
    n_attended += came;
    n_cancelled += s.attendance == attendance::cancelled;
    n_no_show += s.attendance == attendance::no_show;
    reached_termination = reached_termination || (came && s.phase == phase::termination);
  }
  first_attended_day.push_back(first);
  last_acute_day.push_back(last);
  attended.push_back(n_attended);
  cancelled.push_back(n_cancelled);
  no_show.push_back(n_no_show);
  completer.push_back(reached_termination);
  if (c.maintenance && c.maintenance->relapse_rule) {
    const auto& rule = *c.maintenance->relapse_rule;
    relapse_instrument.push_back(instrument_index(instruments, rule.instrument));
    relapse_threshold.push_back(rule.threshold);
    relapse_consecutive.push_back(rule.consecutive);
  } else {
    relapse_instrument.push_back(-1);
    relapse_threshold.push_back(0);
    relapse_consecutive.push_back(0);
  }
  std::int32_t last_instrument = -1;
  for (const auto& a : c.assessments) {
    // The instrument's definition matters only when the total comes from the items.
    const auto t = score_total(a, a.total ? nullptr : registry.find(a.instrument));
    last_instrument = instrument_index(instruments, a.instrument, last_instrument);
    instrument.push_back(last_instrument);
    day.push_back(day_number(a.date));
    total.push_back(t ? *t : no_total);
  }
  offset.push_back(static_cast<std::uint32_t>(instrument.size()));
}

cohort_columns to_columns(std::span<const case_record> cases, const outcome_options& options, const catalog& cat) {
  const unsigned threads = options.threads;
  const std::size_t n = cases.size();
  const unsigned blocks = detail::threads_for(n, threads);
  if (blocks == 1) {
    cohort_columns columns;
    columns.offset.reserve(n + 1);
    for (const auto& c : cases) columns.append(c, cat);
    if (columns.offset.empty()) columns.offset.push_back(0);
    return columns;
  }
  // Each thread makes the columns of its block of cases; they are then joined in block order.
  std::vector<cohort_columns> part(blocks);
  detail::for_indexed_blocks(n, threads, [&](unsigned b, std::size_t begin, std::size_t end) {
    part[b].offset.reserve(end - begin + 1);
    for (std::size_t i = begin; i < end; ++i) part[b].append(cases[i], cat);
  });
  // Instrument ids in order of first appearance over the whole cohort: block by block.
  cohort_columns out;
  std::vector<std::vector<std::int32_t>> index_of(blocks);
  std::vector<std::size_t> first_case(blocks + 1, 0), first_row(blocks + 1, 0);
  for (unsigned b = 0; b < blocks; ++b) {
    for (const auto& id : part[b].instruments) index_of[b].push_back(instrument_index(out.instruments, id));
    first_case[b + 1] = first_case[b] + part[b].size();
    first_row[b + 1] = first_row[b] + part[b].instrument.size();
  }
  const std::size_t rows = first_row[blocks];
  out.case_id.resize(n);
  for (auto* v : {&out.start_day, &out.first_attended_day, &out.last_acute_day, &out.attended, &out.cancelled,
                  &out.no_show, &out.relapse_instrument, &out.relapse_threshold, &out.relapse_consecutive})
    v->resize(n);
  out.completer.resize(n);
  out.offset.resize(n + 1);
  out.instrument.resize(rows);
  out.day.resize(rows);
  out.total.resize(rows);
  detail::for_indexed_blocks(n, threads, [&](unsigned b, std::size_t, std::size_t) {
    auto& p = part[b];
    const std::size_t at = first_case[b], row = first_row[b];
    const auto& index = index_of[b];
    const auto copy = [&](const auto& from, auto& to, std::size_t where) {
      std::copy(from.begin(), from.end(), to.begin() + static_cast<std::ptrdiff_t>(where));
    };
    std::move(p.case_id.begin(), p.case_id.end(), out.case_id.begin() + static_cast<std::ptrdiff_t>(at));
    copy(p.start_day, out.start_day, at);
    copy(p.first_attended_day, out.first_attended_day, at);
    copy(p.last_acute_day, out.last_acute_day, at);
    copy(p.attended, out.attended, at);
    copy(p.cancelled, out.cancelled, at);
    copy(p.no_show, out.no_show, at);
    copy(p.completer, out.completer, at);
    copy(p.relapse_threshold, out.relapse_threshold, at);
    copy(p.relapse_consecutive, out.relapse_consecutive, at);
    for (std::size_t i = 0; i < p.size(); ++i) {
      const std::int32_t r = p.relapse_instrument[i];
      out.relapse_instrument[at + i] = r < 0 ? r : index[static_cast<std::size_t>(r)];
      out.offset[at + i + 1] = static_cast<std::uint32_t>(row + p.offset[i + 1]);
    }
    for (std::size_t q = 0; q < p.instrument.size(); ++q)
      out.instrument[row + q] = index[static_cast<std::size_t>(p.instrument[q])];
    copy(p.day, out.day, row);
    copy(p.total, out.total, row);
    p = cohort_columns{};  // freed by the thread that made it
  });
  return out;
}

}  // namespace iptkit
