// Internal to src/rules: helpers the rule families share, and the families' registration.
#pragma once

#include <iptkit/detail/excerpt.hpp>
#include <iptkit/meta/enum.hpp>
#include <iptkit/model/date.hpp>
#include <iptkit/rules/rule_set.hpp>

#include <string>
#include <string_view>
#include <type_traits>

namespace iptkit::rules::detail {

inline void append_token(std::string& p, std::string_view s) {
  p += '/';
  p += s;
}
inline void append_token(std::string& p, std::size_t i) {
  p += '/';
  p += std::to_string(i);
}

/// @brief A JSON Pointer from tokens: pointer("sessions", 3, "date") == "/sessions/3/date".
/// Tokens are field names and indices, which need no RFC 6901 escaping.
template <class... Tokens>
std::string pointer(const Tokens&... tokens) {
  std::string p;
  (append_token(p, tokens), ...);
  return p;
}

template <class E>
  requires std::is_enum_v<E>
std::string name(E e) {
  return std::string(meta::enum_name(e));
}

/// @brief A text value quoted in a message: a short excerpt at most (docs/privacy.md).
inline std::string quote(std::string_view s) { return iptkit::detail::quoted_excerpt(s); }
inline std::string day(date d) { return format_date(d); }

/// @brief The relationship with this id in the case's inventory, and its index, or nullptr.
inline const relationship* find_relationship(const case_record& c, std::string_view id,
                                             std::size_t* index = nullptr) {
  if (!c.inventory) return nullptr;
  for (std::size_t i = 0; i < c.inventory->relationships.size(); ++i)
    if (c.inventory->relationships[i].id == id) {
      if (index) *index = i;
      return &c.inventory->relationships[i];
    }
  return nullptr;
}

void add_contract_rules(rule_set& rules);
void add_phase_rules(rule_set& rules);
void add_formulation_rules(rule_set& rules);
void add_assessment_rules(rule_set& rules);
void add_maintenance_rules(rule_set& rules);
void add_adaptation_rules(rule_set& rules);
void add_trial_rules(rule_set& rules);

}  // namespace iptkit::rules::detail
