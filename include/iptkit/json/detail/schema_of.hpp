#pragma once
/// @file
/// @brief Internal: the generic JSON Schema generator, driven by the same metadata as the reader.

#include <iptkit/json/detail/write_value.hpp>
#include <iptkit/meta/enum.hpp>
#include <iptkit/meta/field_rules.hpp>
#include <iptkit/meta/type_name.hpp>
#include <iptkit/meta/type_traits.hpp>
#include <iptkit/model/date.hpp>
#include <iptkit/model/protocol_registry.hpp>
#include <boost/json.hpp>
#include <boost/mp11/algorithm.hpp>
#include <limits>
#include <string>

namespace iptkit::json::detail {

namespace bj = boost::json;

/// @brief Collects `$defs` while schemas of nested types are generated.
struct schema_builder {
  bj::object defs;                        ///< named definitions
  const protocol_registry* protocols;     ///< ids for registered_protocol fields

  static bj::value ref(std::string_view name) {
    return bj::object{{"$ref", "#/$defs/" + std::string(name)}};
  }
};

template <class T>
bj::value type_schema(schema_builder& b);

inline void constrain(bj::object& s, const meta::in_range& r, schema_builder&) {
  s["minimum"] = r.min;
  if (r.max != std::numeric_limits<std::int64_t>::max()) s["maximum"] = r.max;
}
inline void constrain(bj::object& s, const meta::real_range& r, schema_builder&) {
  s["minimum"] = r.min;
  s["maximum"] = r.max;
}
inline void constrain(bj::object& s, const meta::identifier& r, schema_builder&) {
  s["pattern"] = "^[A-Za-z0-9._-]{" + std::to_string(r.min_length) + "," +
                 std::to_string(r.max_length) + "}$";
}
inline void constrain(bj::object& s, const meta::non_empty&, schema_builder&) { s["minLength"] = 1; }
inline void constrain(bj::object& s, const meta::schema_version& r, schema_builder&) {
  s["const"] = r.value;
}
inline void constrain(bj::object& s, const meta::registered_protocol&, schema_builder& b) {
  bj::array ids;
  for (auto id : b.protocols->ids()) ids.emplace_back(id);
  s["enum"] = std::move(ids);
}
inline void constrain(bj::object&, const meta::has_default&, schema_builder&) {}
template <auto M>
void constrain(bj::object&, const meta::unique_by<M>&, schema_builder&) {}  // not expressible

/// @brief The schema of one member: its type, its constraints, and null where it may be absent.
template <class T, class D>
bj::value member_schema(schema_builder& b) {
  using M = std::remove_cvref_t<decltype(std::declval<T&>().*D::pointer)>;
  if constexpr (meta::is_optional_v<M>) {
    bj::value inner = type_schema<typename M::value_type>(b);
    meta::for_each_constraint<T, D::pointer>(
        [&](const auto& c) { constrain(inner.as_object(), c, b); });
    return bj::object{{"anyOf", bj::array{std::move(inner), bj::object{{"type", "null"}}}}};
  } else if constexpr (meta::is_vector_v<M>) {
    bj::value list = type_schema<M>(b);
    return bj::object{{"anyOf", bj::array{std::move(list), bj::object{{"type", "null"}}}}};
  } else {
    bj::value s = type_schema<M>(b);
    meta::for_each_constraint<T, D::pointer>([&](const auto& c) { constrain(s.as_object(), c, b); });
    if constexpr (meta::has_constraint<T, D::pointer, meta::has_default>()) {
      std::string text;
      writer w{text, false};
      write_value(w, T{}.*D::pointer);
      s.as_object()["default"] = bj::parse(text);
      // Like an optional, a defaulted field may be given as null.
      return bj::object{{"anyOf", bj::array{std::move(s), bj::object{{"type", "null"}}}}};
    }
    return s;
  }
}

/// @brief One of two members present: `anyOf` of the two `required`s.
template <class T, class A, class B>
void object_rule_schema(const meta::one_of_required<A, B>& r, bj::array& any_of) {
  const auto present = [&](auto pointer) {
    const std::string_view name = meta::member_name<T>(pointer);
    using M = std::remove_cvref_t<decltype(std::declval<T&>().*pointer)>;
    bj::object shape = meta::is_vector_v<M> ? bj::object{{"type", "array"}, {"minItems", 1}}
                                            : bj::object{{"not", bj::object{{"type", "null"}}}};
    return bj::object{{"required", bj::array{name}}, {"properties", bj::object{{name, std::move(shape)}}}};
  };
  any_of.emplace_back(present(r.first));
  any_of.emplace_back(present(r.second));
}

/// @brief Comparisons between members cannot be expressed in JSON Schema; the reader checks them.
template <class T, class A, class B>
void object_rule_schema(const meta::not_below<A, B>&, bj::array&) {}

/// @brief `{"type": "object", ...}` for a described struct; `tag` adds the variant's tag member.
template <class T>
bj::object object_schema(schema_builder& b, std::string_view tag_key = {},
                         std::string_view tag_value = {}) {
  bj::object properties;
  bj::array required;
  if (!tag_key.empty()) {
    properties[tag_key] = bj::object{{"const", tag_value}};
    required.emplace_back(tag_key);
  }
  boost::mp11::mp_for_each<meta::members_of<T>>([&](auto D) {
    using Desc = decltype(D);
    using M = std::remove_cvref_t<decltype(std::declval<T&>().*Desc::pointer)>;
    properties[D.name] = member_schema<T, Desc>(b);
    if (!meta::is_optional_v<M> && !meta::is_vector_v<M> &&
        !meta::has_constraint<T, Desc::pointer, meta::has_default>())
      required.emplace_back(D.name);
  });
  bj::object s{{"type", "object"}, {"properties", std::move(properties)}};
  if (!required.empty()) s["required"] = std::move(required);
  s["additionalProperties"] = false;
  bj::array any_of;
  std::apply([&](const auto&... rule) { (object_rule_schema<T>(rule, any_of), ...); }, meta::object_rules<T>);
  if (!any_of.empty()) s["anyOf"] = std::move(any_of);
  return s;
}

template <class T>
bj::value type_schema(schema_builder& b) {
  if constexpr (std::is_same_v<T, bool>) {
    return bj::object{{"type", "boolean"}};
  } else if constexpr (meta::is_integer_v<T>) {
    return bj::object{{"type", "integer"},
                      {"minimum", static_cast<std::int64_t>(std::numeric_limits<T>::min())},
                      {"maximum", static_cast<std::int64_t>(std::numeric_limits<T>::max())}};
  } else if constexpr (std::is_floating_point_v<T>) {
    return bj::object{{"type", "number"}};
  } else if constexpr (std::is_same_v<T, std::string>) {
    return bj::object{{"type", "string"}};
  } else if constexpr (std::is_same_v<T, date>) {
    if (!b.defs.contains("date"))
      b.defs["date"] = bj::object{{"type", "string"},
                                  {"format", "date"},
                                  {"pattern", "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}};
    return schema_builder::ref("date");
  } else if constexpr (meta::is_described_enum_v<T>) {
    const std::string name = meta::short_type_name<T>();
    if (!b.defs.contains(name)) {
      bj::array values;
      for (auto n : meta::enum_names<T>()) values.emplace_back(n);
      b.defs[name] = bj::object{{"type", "string"}, {"enum", std::move(values)}};
    }
    return schema_builder::ref(name);
  } else if constexpr (meta::is_vector_v<T>) {
    return bj::object{{"type", "array"}, {"items", type_schema<typename T::value_type>(b)}};
  } else if constexpr (meta::is_variant_v<T>) {
    constexpr std::string_view name = meta::variant_tag<T>::name;
    if (!b.defs.contains(name)) {
      b.defs[name] = bj::object{};  // placeholder against recursion
      bj::array one_of;
      [&]<class... Ts>(std::type_identity<std::variant<Ts...>>) {
        (one_of.emplace_back(object_schema<Ts>(b, meta::variant_tag<T>::key, meta::enum_name(Ts::tag))), ...);
      }(std::type_identity<T>{});
      b.defs[name] = bj::object{{"type", "object"}, {"oneOf", std::move(one_of)}};
    }
    return schema_builder::ref(name);
  } else if constexpr (meta::is_described_struct_v<T>) {
    const std::string name = meta::short_type_name<T>();
    if (!b.defs.contains(name)) {
      b.defs[name] = bj::object{};
      b.defs[name] = object_schema<T>(b);
    }
    return schema_builder::ref(name);
  } else {
    static_assert(sizeof(T) == 0, "iptkit: no JSON Schema for this type; describe it");
  }
}

/// @brief A complete draft 2020-12 schema document for T.
template <class T>
bj::value document_schema(std::string_view title, const protocol_registry& protocols) {
  schema_builder b{{}, &protocols};
  bj::value root = type_schema<T>(b);
  bj::object doc{{"$schema", "https://json-schema.org/draft/2020-12/schema"}, {"title", title}};
  for (auto& kv : root.as_object()) doc[kv.key()] = kv.value();
  // $defs sorted by name so that the committed file diffs cleanly.
  std::vector<std::string> names;
  for (auto& kv : b.defs) names.emplace_back(kv.key());
  std::sort(names.begin(), names.end());
  bj::object defs;
  for (auto& n : names) defs[n] = b.defs[n];
  doc["$defs"] = std::move(defs);
  return doc;
}

}  // namespace iptkit::json::detail
