#include <iptkit/json/detail/pretty.hpp>

#include <boost/json/serialize.hpp>

namespace iptkit::json::detail {

namespace bj = boost::json;

namespace {
bool is_container(const bj::value& v) { return v.is_object() || v.is_array(); }

void indent(std::string& out, int depth) {
  out += '\n';
  out.append(static_cast<std::size_t>(depth) * 2, ' ');
}

void print(std::string& out, const bj::value& v, int depth) {
  if (v.is_object()) {
    const auto& o = v.get_object();
    if (o.empty()) {
      out += "{}";
      return;
    }
    out += '{';
    bool first = true;
    for (const auto& kv : o) {
      if (!first) out += ',';
      first = false;
      indent(out, depth + 1);
      out += bj::serialize(kv.key());
      out += ": ";
      print(out, kv.value(), depth + 1);
    }
    indent(out, depth);
    out += '}';
  } else if (v.is_array()) {
    const auto& a = v.get_array();
    const bool nested = std::any_of(a.begin(), a.end(), is_container);
    out += '[';
    for (std::size_t i = 0; i < a.size(); ++i) {
      if (i) out += nested ? "," : ", ";
      if (nested) indent(out, depth + 1);
      print(out, a[i], depth + 1);
    }
    if (nested) indent(out, depth);
    out += ']';
  } else {
    out += bj::serialize(v);
  }
}
}  // namespace

std::string pretty_print(const bj::value& v) {
  std::string out;
  print(out, v, 0);
  out += '\n';
  return out;
}

}  // namespace iptkit::json::detail
