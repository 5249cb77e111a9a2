// Loads case documents and prints a short clinical summary of each: what a therapist or
// researcher would want to see first. Usage: case_summary FILE.json|FILE.jsonl...
#include <iptkit/iptkit.hpp>

#include <fstream>
#include <map>
#include <iostream>
#include <sstream>
#include <string>

namespace {

using iptkit::meta::enum_name;

std::string focus_text(const iptkit::focus& f, const iptkit::case_record& c) {
  std::string text(enum_name(iptkit::area_of(f)));
  if (const auto* id = iptkit::relationship_of(f)) {
    text += " (";
    if (c.inventory)
      for (const auto& r : c.inventory->relationships)
        if (r.id == *id) text += std::string(enum_name(r.kind)) + ", " + std::string(enum_name(r.status));
    if (const auto* g = std::get_if<iptkit::grief_focus>(&f)) text += ", " + std::string(enum_name(g->grief_type)) + " grief";
    if (const auto* d = std::get_if<iptkit::role_dispute_focus>(&f)) text += ", " + std::string(enum_name(d->stage));
    text += ")";
  } else if (const auto* t = std::get_if<iptkit::role_transition_focus>(&f)) {
    text += " (" + std::string(enum_name(t->transition)) + ")";
  } else if (const auto* p = std::get_if<iptkit::interpersonal_deficits_focus>(&f)) {
    text += " (" + std::string(enum_name(p->pattern)) + ")";
  }
  return text;
}

void summarise(const iptkit::case_record& c) {
  const auto* protocol = iptkit::protocol_registry::builtin().find(c.adaptation);
  std::cout << c.case_id << ": " << (protocol ? protocol->name : c.adaptation);
  if (c.arm) std::cout << ", arm " << *c.arm;
  if (c.age_at_intake) std::cout << ", age " << *c.age_at_intake;
  std::cout << "\n  contract: " << iptkit::planned_sessions(c.contract) << " "
            << enum_name(c.contract.frequency) << " " << enum_name(c.contract.format)
            << " sessions from " << iptkit::format_date(c.contract.start_date) << "\n";
  int attended = 0;
  const iptkit::session* last = nullptr;
  for (const auto& s : c.sessions) {
    if (s.attendance == iptkit::attendance::attended) ++attended;
    last = &s;
  }
  std::cout << "  sessions: " << c.sessions.size() << " held, " << attended << " attended";
  if (last) std::cout << "; latest #" << last->number << " (" << enum_name(last->phase) << ")";
  std::cout << "\n";
  if (c.inventory) std::cout << "  inventory: " << c.inventory->relationships.size() << " relationships\n";
  if (c.formulation)
    for (std::size_t i = 0; i < c.formulation->focus.size(); ++i)
      std::cout << "  " << (i == 0 ? "primary" : "secondary") << " focus: "
                << focus_text(c.formulation->focus[i], c) << "\n";
  // First and latest total of each instrument, in date order.
  std::map<std::string, std::pair<const iptkit::assessment*, const iptkit::assessment*>> span;
  for (const auto& a : c.assessments) {
    if (!a.total) continue;
    auto& [first, latest] = span[a.instrument];
    if (!first || a.date < first->date) first = &a;
    if (!latest || a.date >= latest->date) latest = &a;
  }
  for (const auto& [instrument, fl] : span)
    std::cout << "  " << instrument << ": " << *fl.first->total << " on "
              << iptkit::format_date(fl.first->date) << " -> " << *fl.second->total << " on "
              << iptkit::format_date(fl.second->date) << "\n";
  if (c.maintenance) std::cout << "  maintenance: " << enum_name(c.maintenance->frequency) << " from "
                               << iptkit::format_date(c.maintenance->contract_date) << "\n";
  const auto findings = iptkit::validate(c);
  std::cout << "  findings: " << (findings.empty() ? "none" : std::to_string(findings.size())) << "\n";
  for (const auto& f : findings) std::cout << "    " << iptkit::to_string(f) << "\n";
}

void report(const std::string& where, const std::vector<iptkit::read_error>& errors) {
  std::cerr << where << ": " << errors.size() << " error(s)\n";
  for (const auto& e : errors) std::cerr << "  " << iptkit::to_string(e) << "\n";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: case_summary FILE.json|FILE.jsonl...\n";
    return 2;
  }
  int status = 0;
  for (int i = 1; i < argc; ++i) {
    const std::string path = argv[i];
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      std::cerr << path << ": cannot open\n";
      return 2;
    }
    if (path.size() > 6 && path.substr(path.size() - 6) == ".jsonl") {
      iptkit::jsonl_reader reader(in);
      while (auto entry = reader.next()) {
        if (entry->value) summarise(*entry->value);
        else { report(path + ":" + std::to_string(entry->line), entry->value.errors()); status = 1; }
      }
      continue;
    }
    std::stringstream text;
    text << in.rdbuf();
    auto c = iptkit::read_case(text.str());
    if (c) summarise(*c);
    else { report(path, c.errors()); status = 1; }
  }
  return status;
}
