#include <iptkit/json/schema.hpp>

#include <iptkit/json/detail/pretty.hpp>
#include <iptkit/json/detail/schema_of.hpp>
#include <iptkit/measures/instrument.hpp>
#include <iptkit/model/case_record.hpp>

namespace iptkit {

std::string case_json_schema(const catalog& cat) {
  return json::detail::pretty_print(json::detail::document_schema<case_record>(
      "iptkit case document (iptkit.case/1)", cat.protocols));
}

std::string protocols_json_schema() {
  return json::detail::pretty_print(json::detail::document_schema<std::vector<protocol>>(
      "iptkit protocols file", protocol_registry::builtin()));
}

std::string instruments_json_schema() {
  return json::detail::pretty_print(json::detail::document_schema<std::vector<instrument>>(
      "iptkit instruments file", protocol_registry::builtin()));
}

}  // namespace iptkit
