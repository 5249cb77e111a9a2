// The verbs that do not read a cohort: plan, progress, schema, synth.
#include "cli.hpp"

#include <iptkit/export/csv.hpp>

#include <algorithm>
#include <iostream>

namespace iptkit::cli {

namespace {

date parse_date_option(const std::string& text, const std::string& option) {
  auto d = parse_date(text);
  if (!d) throw fatal(option + ": expected a calendar date YYYY-MM-DD; found \"" + text + "\"");
  return *d;
}

std::string join(const std::vector<task>& tasks) {
  std::string s;
  for (auto t : tasks) s += (s.empty() ? "" : ", ") + std::string(meta::enum_name(t));
  return s;
}

}  // namespace

int run_plan(const std::string& adaptation, const std::string& start, std::optional<int> sessions,
             const std::string& frequency, const std::vector<std::string>& skip,
             const std::vector<std::string>& focus, const common_options& o) {
  const auto reg = load_catalog(o);
  const auto* p = reg.protocols.find(adaptation);
  if (!p) {
    std::string ids;
    for (auto id : reg.protocols.ids()) ids += (ids.empty() ? "" : ", ") + std::string(id);
    throw fatal("--adaptation: expected one of " + ids + "; found \"" + adaptation + "\"");
  }
  plan_options options;
  options.planned_sessions = sessions;
  if (sessions && *sessions < 1) throw fatal("--sessions: expected at least 1; found " + std::to_string(*sessions));
  if (!frequency.empty()) {
    options.frequency = meta::enum_from_name<session_frequency>(frequency);
    if (!options.frequency) throw fatal("--frequency: expected one of twice_weekly, weekly, every_2_weeks, monthly; found \"" + frequency + "\"");
  }
  for (const auto& s : skip) options.skip.push_back(parse_date_option(s, "--skip"));
  for (const auto& f : focus) {
    auto area = meta::enum_from_name<problem_area>(f);
    if (!area) throw fatal("--focus: expected one of grief, role_dispute, role_transition, interpersonal_deficits; found \"" + f + "\"");
    options.focus.push_back(*area);
  }
  if (options.focus.size() > 2)
    throw fatal("--focus: IPT works on one, at most two problem areas; found " + std::to_string(options.focus.size()));
  auto planned = plan(*p, parse_date_option(start, "--start"), options);
  if (!planned) throw fatal("plan: " + to_string(planned.errors().front()));
  const auto schedule = std::move(*planned);
  // Questionable but possible choices: say so on stderr, as validate would.
  if (sessions && (*sessions < p->min_sessions || *sessions > p->max_sessions))
    std::cerr << "iptkit: note: " << *sessions << " sessions is outside " << p->min_sessions << "-" << p->max_sessions
              << " for " << p->id << " (validate would report C001)\n";
  if (options.focus.size() == 2 &&
      std::count(options.focus.begin(), options.focus.end(), problem_area::interpersonal_deficits) == 1)
    std::cerr << "iptkit: note: interpersonal_deficits is chosen only when no other area applies (F005)\n";
  // A skip date moves the schedule only when it falls on one of the slots the schedule passes.
  const auto frequency_in_force = options.frequency.value_or(p->frequency);
  for (std::size_t i = 0; i < skip.size(); ++i) {
    bool on_a_slot = false;
    for (int k = 0;; ++k) {
      const date slot = schedule_slot(schedule.front().date, frequency_in_force, k);
      if (slot > schedule.back().date) break;
      on_a_slot = on_a_slot || slot == options.skip[i];
    }
    if (!on_a_slot)
      std::cerr << "iptkit: note: --skip " << skip[i] << " is not a date of this schedule; it moves nothing\n";
  }
  switch (o.format) {
    case output_format::json: write_output("-", to_json(schedule)); break;
    case output_format::csv: write_output("-", to_csv<planned_session>(schedule, {.raw_cells = o.raw_cells})); break;
    case output_format::text: {
      std::vector<std::vector<std::string>> rows;
      for (const auto& s : schedule)
        rows.push_back({std::to_string(s.number), format_date(s.date), std::string(meta::enum_name(s.phase)), join(s.tasks)});
      write_output("-", p->name + " (" + p->id + "), " + std::to_string(schedule.size()) + " sessions\n" +
                            text_table({"session", "date", "phase", "tasks"}, rows));
      break;
    }
  }
  return ok;
}

int run_progress(const std::string& file, const std::string& as_of, const common_options& o) {
  if (o.format == output_format::csv) throw fatal("--format csv: progress is not a table; use text or json");
  const date when = parse_date_option(as_of, "--as-of");
  const auto reg = load_catalog(o);
  std::vector<input_case> inputs;
  read_inputs({file}, reading(o), reg, [&](input_case&& c) { inputs.push_back(std::move(c)); });
  if (inputs.size() != 1) throw fatal(file + ": expected one case; found " + std::to_string(inputs.size()));
  auto& input = inputs.front();
  if (!input.value) {
    std::cerr << "iptkit: " << file << ": not readable: " << to_string(input.value.errors().front()) << "\n";
    return problems;
  }
  const auto found = progress(*input.value, when, reg);
  if (!found) {
    std::cerr << "iptkit: " << file << ": " << to_string(found.errors().front()) << "\n";
    return problems;
  }
  const auto& p = *found;
  switch (o.format) {
    case output_format::json: write_output("-", to_json(p)); break;
    case output_format::csv:  // refused above
    case output_format::text: {
      const auto& c = *input.value;
      std::string out;
      // Risk first, before anything else the therapist reads.
      for (const auto& r : p.open_risk_alerts)
        out += "RISK: " + r.instrument + " item " + std::to_string(r.item) + " (self-harm / suicide) " +
               (r.from_total ? "is at least " : "is ") + std::to_string(r.at_least) + " on " + format_date(r.date) +
               (r.from_total ? " (from the total)" : "") + ", not reviewed: review risk now\n";
      out += c.case_id + " on " + format_date(p.as_of) + ": " + std::string(meta::enum_name(p.phase)) +
                        " phase, " + std::to_string(p.sessions_held) + " session(s) so far (" +
                        std::to_string(p.sessions_attended) + " attended), " + std::to_string(p.sessions_remaining) +
                        " of " + std::to_string(p.planned_sessions) + " remaining\n";
      if (p.next_session)
        out += "next: session " + std::to_string(*p.next_session) + " (" + std::string(meta::enum_name(*p.next_phase)) +
               ") due " + format_date(*p.next_due) + (*p.next_due < p.as_of ? ", overdue" : "") + "\n";
      else
        out += "next: no session due (the acute course is complete)\n";
      if (!p.tasks_due.empty()) out += "tasks for the next session: " + join(p.tasks_due) + "\n";
      for (const auto& t : p.overdue) out += "overdue: " + std::string(meta::enum_name(t.task)) + ": " + t.reason + "\n";
      for (const auto& m : p.latest_measures)
        out += "latest " + m.instrument + ": " + std::to_string(m.total) + (m.band ? " (" + *m.band + ")" : "") +
               " on " + format_date(m.date) + "\n";
      write_output("-", out);
      break;
    }
  }
  return ok;
}

int run_schema(const common_options& o) {
  write_output("-", case_json_schema(load_catalog(o)));
  return ok;
}

int run_synth(std::size_t cases, std::uint64_t seed, bool trial, const std::string& out, const common_options& o) {
  synth_options options;
  options.cases = cases;
  options.seed = seed;
  if (trial) options.trial = synth_trial{};
  // Streamed case by case: memory does not grow with the cohort.
  output_file file(out);
  auto& stream = file.stream();
  std::string text;
  progress_meter meter(o, "cases generated", cases);
  std::size_t n = 0;
  synthesize(options, [&](case_record&& c) {
    text.clear();
    write_case(text, c, {json_style::compact});
    stream << text << '\n';
    meter.tick(++n);
  });
  meter.finish();
  file.commit();
  if (!o.quiet) std::cerr << n << " synthetic case(s) (seed " << seed << ") written to " << out << "\n";
  return ok;
}

}  // namespace iptkit::cli
