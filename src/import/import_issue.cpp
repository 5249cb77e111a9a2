// One line per import issue, as every front end writes it.
#include <iptkit/import/import_issue.hpp>

namespace iptkit {

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

}  // namespace iptkit
