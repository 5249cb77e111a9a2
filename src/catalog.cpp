#include <iptkit/catalog.hpp>

namespace iptkit {

const catalog& catalog::builtin() {
  static const catalog built{};
  return built;
}

std::vector<read_error> unknown_instruments(const case_record& c, const catalog& cat, std::optional<date> through) {
  std::vector<read_error> errors;
  std::string known;  // the catalog's ids, listed once and only when an error needs them
  for (std::size_t i = 0; i < c.assessments.size(); ++i) {
    const auto& a = c.assessments[i];
    if ((through && a.date > *through) || cat.instruments.find(a.instrument)) continue;
    if (known.empty())
      for (const auto k : cat.instruments.ids()) known += (known.empty() ? "\"" : ", \"") + std::string(k) + "\"";
    errors.push_back({"/assessments/" + std::to_string(i) + "/instrument", error_kind::bad_enum,
                      "expected an instrument of the catalog (" + (known.empty() ? "none" : known) +
                          "); found \"" + a.instrument + "\"",
                      std::nullopt});
  }
  return errors;
}

}  // namespace iptkit
