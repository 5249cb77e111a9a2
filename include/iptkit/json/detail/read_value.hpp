#pragma once
/// @file
/// @brief Internal: the generic reader. Walks a described type over a parsed document and records
/// every structural error with its JSON Pointer; field constraints come from meta::field_rules.

#include <iptkit/json/detail/parse.hpp>
#include <iptkit/json/read_error.hpp>
#include <iptkit/meta/enum.hpp>
#include <iptkit/meta/field_rules.hpp>
#include <iptkit/meta/type_traits.hpp>
#include <iptkit/model/date.hpp>
#include <iptkit/model/protocol_registry.hpp>
#include <boost/json/value.hpp>
#include <boost/mp11/algorithm.hpp>
#include <charconv>
#include <cmath>
#include <limits>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace iptkit::json::detail {

namespace bj = boost::json;

/// @brief Where the walk is and what it found so far.
struct read_context {
  std::string path;                      ///< JSON Pointer of the value being read
  std::vector<read_error> errors;        ///< structural errors, in document order
  std::vector<read_error> warnings;      ///< lax-mode unknown fields
  bool lax = false;                      ///< unknown fields are warnings
  bool redact = false;                   ///< messages name no value of the document
  const protocol_registry* protocols = nullptr;  ///< for registered_protocol fields

  void fail(error_kind kind, std::string message) {
    errors.push_back({path, kind, std::move(message), std::nullopt, std::nullopt});
  }
  /// @brief How a message shows the value found (an excerpt, or only its kind when redacting).
  [[nodiscard]] std::string found(const bj::value& v) const { return describe_found(v, redact); }
  /// @brief found() of a string value.
  [[nodiscard]] std::string found_string(std::string_view s) const { return describe_string(s, redact); }
  /// @brief found() of an integer the walk has read.
  [[nodiscard]] std::string found_integer(std::int64_t i) const {
    return redact ? std::string("another integer") : std::to_string(i);
  }
};

/// @brief Appends one pointer token for the lifetime of the guard.
class path_token {
 public:
  path_token(read_context& c, std::string_view key) : c_(c), size_(c.path.size()) {
    append_pointer_token(c.path, key);
  }
  path_token(read_context& c, std::size_t index) : c_(c), size_(c.path.size()) {
    c.path += '/';
    c.path += std::to_string(index);
  }
  ~path_token() { c_.path.resize(size_); }
  path_token(const path_token&) = delete;
  path_token& operator=(const path_token&) = delete;

 private:
  read_context& c_;
  std::size_t size_;
};

std::string join_quoted(const std::vector<std::string_view>& names);

/// @brief What a value of type T looks like, for "expected ..." messages.
template <class T>
std::string expected_of() {
  if constexpr (std::is_same_v<T, bool>) return "true or false";
  else if constexpr (meta::is_integer_v<T>) return "an integer";
  else if constexpr (std::is_floating_point_v<T>) return "a number";
  else if constexpr (std::is_same_v<T, std::string>) return "a string";
  else if constexpr (std::is_same_v<T, date>) return "a date YYYY-MM-DD";
  else if constexpr (meta::is_described_enum_v<T>) return "one of " + join_quoted(meta::enum_names<T>());
  else if constexpr (meta::is_optional_v<T>) return expected_of<typename T::value_type>();
  else if constexpr (meta::is_vector_v<T>) return "a list";
  else return "an object";
}

template <class T>
bool read_value(const bj::value& v, T& out, read_context& c);

inline bool wrong_type(const bj::value& v, const std::string& expected, read_context& c) {
  c.fail(error_kind::wrong_type, "expected " + expected + "; found " + c.found(v));
  return false;
}

template <class T>
bool read_integer(const bj::value& v, T& out, read_context& c) {
  using limits = std::numeric_limits<T>;
  if (v.is_int64() && std::in_range<T>(v.get_int64())) {
    out = static_cast<T>(v.get_int64());
    return true;
  }
  if (v.is_uint64() && std::in_range<T>(v.get_uint64())) {
    out = static_cast<T>(v.get_uint64());
    return true;
  }
  if (v.is_double()) {
    // 1e20 (or 2^64, which the parser reads as a double) is an integer too big for any type,
    // 1e400 overflows even a double; 1.0 and 12.5 are not integers at all.
    const double d = v.get_double();
    const bool too_big = !std::isfinite(d) || (std::trunc(d) == d && (d < static_cast<double>(limits::min()) ||
                                                                       d > static_cast<double>(limits::max())));
    if (!too_big) return wrong_type(v, "an integer", c);
  } else if (!v.is_int64() && !v.is_uint64()) {
    return wrong_type(v, "an integer", c);
  }
  c.fail(error_kind::out_of_range, "expected an integer from " + std::to_string(limits::min()) +
                                       " to " + std::to_string(limits::max()) + "; found " +
                                       c.found(v));
  return false;
}

template <class E>
bool read_enum(const bj::value& v, E& out, read_context& c) {
  if (!v.is_string()) return wrong_type(v, "a string, one of " + join_quoted(meta::enum_names<E>()), c);
  const std::string_view s = v.get_string();
  if (auto e = meta::enum_from_name<E>(s)) {
    out = *e;
    return true;
  }
  c.fail(error_kind::bad_enum, "expected one of " + join_quoted(meta::enum_names<E>()) +
                                   "; found " + c.found(v));
  return false;
}

bool read_date(const bj::value& v, date& out, read_context& c);

// ---- constraints -------------------------------------------------------------------------------

bool check(const meta::in_range& r, std::int64_t value, read_context& c);
bool check(const meta::real_range& r, double value, read_context& c);
bool check(const meta::identifier& r, const std::string& value, read_context& c);
bool check(const meta::non_empty&, const std::string& value, read_context& c);
bool check(const meta::schema_version& r, const std::string& value, read_context& c);
bool check(const meta::registered_protocol&, const std::string& value, read_context& c);

template <auto Member, class S>
bool check(const meta::unique_by<Member>&, const std::vector<S>& list, read_context& c) {
  constexpr std::string_view key_name = meta::member_name<S>(Member);
  std::unordered_map<std::string_view, std::size_t> first;
  bool ok = true;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string& key = list[i].*Member;
    auto [it, inserted] = first.emplace(key, i);
    if (!inserted) {
      path_token index(c, i);
      path_token field(c, key_name);
      c.fail(error_kind::duplicate_id, "expected a unique " + std::string(key_name) + "; found " +
                                           (c.redact ? std::string("the same one") : c.found_string(key)) +
                                           " again (first at index " +
                                           std::to_string(it->second) + ")");
      ok = false;
    }
  }
  return ok;
}

template <class C, class V>
bool apply_constraint(const C& constraint, const V& value, read_context& c) {
  if constexpr (meta::is_optional_v<V>) {
    return !value || apply_constraint(constraint, *value, c);
  } else if constexpr (std::is_same_v<C, meta::in_range>) {
    if constexpr (meta::is_integer_v<V>) return check(constraint, static_cast<std::int64_t>(value), c);
    else return true;
  } else if constexpr (std::is_same_v<C, meta::real_range>) {
    return check(constraint, static_cast<double>(value), c);
  } else if constexpr (std::is_same_v<C, meta::has_default>) {
    return true;
  } else {
    return check(constraint, value, c);
  }
}

// ---- structs, variants -------------------------------------------------------------------------

/// @brief True when a described struct has a member named `key`.
template <class T>
bool has_member(std::string_view key) {
  bool found = false;
  boost::mp11::mp_for_each<meta::members_of<T>>([&](auto D) { found = found || key == D.name; });
  return found;
}

template <class T>
std::vector<std::string_view> member_names() {
  std::vector<std::string_view> names;
  boost::mp11::mp_for_each<meta::members_of<T>>([&](auto D) { names.emplace_back(D.name); });
  return names;
}

/// @brief An optional that is engaged or a list that is not empty.
template <class M>
bool is_present(const M& m) {
  if constexpr (meta::is_vector_v<M>) return !m.empty();
  else return m.has_value();
}

/// @brief True when a member may be absent: optionals, lists and members with a default.
template <class T, class D>
constexpr bool is_required() {
  using M = std::remove_cvref_t<decltype(std::declval<T&>().*D::pointer)>;
  return !meta::is_optional_v<M> && !meta::is_vector_v<M> &&
         !meta::has_constraint<T, D::pointer, meta::has_default>();
}

/// @brief At least one of two members given (a bad value was reported already, so only when
/// neither key was given at all).
template <class T, class A, class B>
bool check_object(const meta::one_of_required<A, B>& r, const bj::object& o, const T& out, read_context& c) {
  const auto a = meta::member_name<T>(r.first), b = meta::member_name<T>(r.second);
  const auto given = [&](std::string_view k) {
    const bj::value* v = o.if_contains(k);
    return v && !v->is_null() && !(v->is_array() && v->get_array().empty());
  };
  if (is_present(out.*r.first) || is_present(out.*r.second) || given(a) || given(b)) return true;
  path_token token(c, b);
  c.fail(error_kind::missing_field,
         "expected at least one of \"" + std::string(a) + "\" and \"" + std::string(b) + "\"; found neither");
  return false;
}

/// @brief An upper bound not below its lower bound.
template <class T, class A, class B>
bool check_object(const meta::not_below<A, B>& r, const bj::object&, const T& out, read_context& c) {
  if (out.*r.upper >= out.*r.lower) return true;
  path_token token(c, meta::member_name<T>(r.upper));
  c.fail(error_kind::out_of_range, "expected at least " + std::string(meta::member_name<T>(r.lower)) +
                                       (c.redact ? "" : " (" + std::to_string(out.*r.lower) + ")") +
                                       "; found " + c.found_integer(out.*r.upper));
  return false;
}

template <class T>
bool read_object_members(const bj::object& o, T& out, read_context& c, std::string_view tag_key) {
  bool ok = true;
  for (const auto& kv : o) {
    if (kv.key() == tag_key || has_member<T>(kv.key())) continue;
    path_token token(c, kv.key());
    std::string message = "expected one of " + join_quoted(member_names<T>()) +
                          (tag_key.empty() ? "" : " (besides \"" + std::string(tag_key) + "\")") +
                          "; found " + (c.redact ? std::string("an unknown field") : "unknown field " + c.found_string(kv.key()));
    if (c.lax) {
      c.warnings.push_back({c.path, error_kind::unknown_field, std::move(message), std::nullopt});
    } else {
      c.fail(error_kind::unknown_field, std::move(message));
      ok = false;
    }
  }
  boost::mp11::mp_for_each<meta::members_of<T>>([&](auto D) {
    using Desc = decltype(D);
    auto& member = out.*D.pointer;
    using M = std::remove_cvref_t<decltype(member)>;
    path_token token(c, D.name);
    const bj::value* v = o.if_contains(D.name);
    if (!v || (v->is_null() && !is_required<T, Desc>())) {
      if constexpr (is_required<T, Desc>()) {
        c.fail(error_kind::missing_field, "expected field \"" + std::string(D.name) + "\" (" +
                                              expected_of<M>() + "); found it missing");
        ok = false;
      }
      return;
    }
    if (!read_value(*v, member, c)) {
      ok = false;
      return;
    }
    meta::for_each_constraint<T, Desc::pointer>([&](const auto& constraint) {
      ok = apply_constraint(constraint, member, c) && ok;
    });
  });
  std::apply([&](const auto&... rule) { ((ok = check_object(rule, o, out, c) && ok), ...); },
             meta::object_rules<T>);
  return ok;
}

template <class... Ts>
bool read_variant(const bj::value& v, std::variant<Ts...>& out, read_context& c) {
  using V = std::variant<Ts...>;
  using tag_type = std::remove_cvref_t<decltype(std::variant_alternative_t<0, V>::tag)>;
  constexpr std::string_view key = meta::variant_tag<V>::key;
  if (!v.is_object()) return wrong_type(v, "an object", c);
  const auto& o = v.get_object();
  const bj::value* tag_value = o.if_contains(key);
  tag_type tag{};
  {
    path_token token(c, key);
    if (!tag_value) {
      c.fail(error_kind::missing_field, "expected field \"" + std::string(key) + "\" (one of " +
                                            join_quoted(meta::enum_names<tag_type>()) +
                                            "); found it missing");
      return false;
    }
    if (!read_enum(*tag_value, tag, c)) return false;
  }
  bool ok = false;
  bool matched = false;
  (
      [&] {
        if (!matched && Ts::tag == tag) {
          matched = true;
          Ts alternative{};
          ok = read_object_members(o, alternative, c, key);
          out = std::move(alternative);
        }
      }(),
      ...);
  if (!matched) {
    path_token token(c, key);
    c.fail(error_kind::bad_enum, "found \"" + std::string(meta::enum_name(tag)) +
                                     "\", which has no fields defined here");
  }
  return ok;
}

/// @brief Reads `v` into `out`, recording errors at the context's path; false when `v` is unusable.
template <class T>
bool read_value(const bj::value& v, T& out, read_context& c) {
  if constexpr (std::is_same_v<T, bool>) {
    if (!v.is_bool()) return wrong_type(v, "true or false", c);
    out = v.get_bool();
    return true;
  } else if constexpr (meta::is_integer_v<T>) {
    return read_integer(v, out, c);
  } else if constexpr (std::is_floating_point_v<T>) {
    if (v.is_double() && !std::isfinite(v.get_double())) {
      c.fail(error_kind::out_of_range, "expected a number a 64-bit float can hold; found " + c.found(v));
      return false;
    }
    if (v.is_double()) out = static_cast<T>(v.get_double());
    else if (v.is_int64()) out = static_cast<T>(v.get_int64());
    else if (v.is_uint64()) out = static_cast<T>(v.get_uint64());
    else return wrong_type(v, "a number", c);
    return true;
  } else if constexpr (std::is_same_v<T, std::string>) {
    if (!v.is_string()) return wrong_type(v, "a string", c);
    out.assign(v.get_string().data(), v.get_string().size());
    return true;
  } else if constexpr (std::is_same_v<T, date>) {
    return read_date(v, out, c);
  } else if constexpr (meta::is_described_enum_v<T>) {
    return read_enum(v, out, c);
  } else if constexpr (meta::is_optional_v<T>) {
    if (v.is_null()) {
      out.reset();
      return true;
    }
    typename T::value_type inner{};
    if (!read_value(v, inner, c)) return false;
    out = std::move(inner);
    return true;
  } else if constexpr (meta::is_vector_v<T>) {
    out.clear();
    if (v.is_null()) return true;
    if (!v.is_array()) return wrong_type(v, "a list", c);
    const auto& a = v.get_array();
    out.resize(a.size());
    bool ok = true;
    for (std::size_t i = 0; i < a.size(); ++i) {
      path_token token(c, i);
      ok = read_value(a[i], out[i], c) && ok;
    }
    return ok;
  } else if constexpr (meta::is_variant_v<T>) {
    return read_variant(v, out, c);
  } else if constexpr (meta::is_described_struct_v<T>) {
    if (!v.is_object()) return wrong_type(v, "an object", c);
    return read_object_members(v.get_object(), out, c, {});
  } else {
    static_assert(sizeof(T) == 0, "iptkit: no JSON reading for this type; describe it");
  }
}

}  // namespace iptkit::json::detail
