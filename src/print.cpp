// One line of text per value: what every front end prints and what print.hpp's formatters use.
// Kept apart from the readers and rules so that a check of the formatters (tests/format_check)
// compiles this file alone with another standard library.
#include <iptkit/import/import_issue.hpp>
#include <iptkit/json/read_error.hpp>
#include <iptkit/meta/enum_printing.hpp>
#include <iptkit/rules/finding.hpp>

#include <ostream>

namespace iptkit::meta::detail {

std::string enum_string(std::string_view spelling, std::string_view type, long long value) {
  if (!spelling.empty()) return std::string(spelling);
  std::string out(type);
  out += '(';
  out += std::to_string(value);
  out += ')';
  return out;
}

std::ostream& write_enum(std::ostream& os, std::string_view spelling, std::string_view type, long long value) {
  if (!spelling.empty()) return os << spelling;
  return os << enum_string(spelling, type, value);
}

}  // namespace iptkit::meta::detail

namespace iptkit {

std::string location_text(const read_error& e) {
  if (!e.line) return "";
  std::string s = "line " + std::to_string(*e.line);
  if (e.column) s += ", column " + std::to_string(*e.column);
  return s;
}

std::string to_string(const read_error& e) {
  std::string s = location_text(e);
  if (!s.empty()) s += ": ";
  s += (e.path.empty() ? std::string("(document)") : e.path) + ": " + e.message + " (" +
       std::string(meta::enum_name(e.kind)) + ")";
  return s;
}

std::ostream& operator<<(std::ostream& os, const read_error& e) { return os << to_string(e); }

std::string to_string(const finding& f) {
  return f.code + " " + std::string(meta::enum_name(f.severity)) + " " +
         (f.path.empty() ? std::string("(case)") : f.path) + ": " + f.message;
}

std::ostream& operator<<(std::ostream& os, const finding& f) { return os << to_string(f); }

std::string to_string(const import_issue& e) {
  std::string out = e.source;
  if (e.line) out += (out.empty() ? "line " : ":") + std::to_string(*e.line);
  else if (e.row) out += (out.empty() ? "row " : " row ") + std::to_string(*e.row);
  if (!out.empty()) out += ": ";
  if (e.kind == import_error_kind::mapping && !e.path.empty()) out += e.path + ": ";  // the place in the mapping file
  std::string where;
  if (!e.record.empty()) where += "record " + e.record;
  if (!e.event.empty()) where += (where.empty() ? "event " : ", event ") + e.event;
  if (e.instance) where += (where.empty() ? "instance " : ", instance ") + std::to_string(*e.instance);
  if (!where.empty()) out += where + ": ";
  if (!e.field.empty()) out += e.field + ": ";
  if (!e.case_id.empty()) out += "case " + e.case_id + ": ";
  out += e.message;
  return out;
}

std::ostream& operator<<(std::ostream& os, const import_issue& e) { return os << to_string(e); }

}  // namespace iptkit
