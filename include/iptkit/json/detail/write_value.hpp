#pragma once
/// @file
/// @brief Internal: the generic canonical writer, driven by the Describe metadata.

#include <iptkit/meta/enum.hpp>
#include <iptkit/meta/field_rules.hpp>
#include <iptkit/meta/type_traits.hpp>
#include <iptkit/model/date.hpp>
#include <boost/mp11/algorithm.hpp>
#include <charconv>
#include <string>
#include <string_view>

namespace iptkit::json::detail {

/// @brief Appends `s` as a JSON string literal (RFC 8259 escaping; UTF-8 passes through).
void write_string(std::string& out, std::string_view s);

/// @brief Output buffer plus layout state.
struct writer {
  std::string& out;   ///< where the text goes
  bool pretty;        ///< layout
  int depth = 0;      ///< current indent level

  void newline() {
    if (!pretty) return;
    out += '\n';
    out.append(static_cast<std::size_t>(depth) * 2, ' ');
  }
  void key(std::string_view k) {
    write_string(out, k);
    out += pretty ? ": " : ":";
  }
};

template <class T>
void write_value(writer& w, const T& v);

/// @brief True when a member is left out of canonical output: an empty optional or list.
template <class M>
bool is_omitted(const M& m) {
  if constexpr (meta::is_optional_v<M>) return !m.has_value();
  else if constexpr (meta::is_vector_v<M>) return m.empty();
  else return false;
}

/// @brief Writes the members of a described struct; `first` says whether a comma is owed.
template <class T>
void write_members(writer& w, const T& v, bool first) {
  boost::mp11::mp_for_each<meta::members_of<T>>([&](auto D) {
    const auto& m = v.*D.pointer;
    if (is_omitted(m)) return;
    if (!first) w.out += ',';
    first = false;
    w.newline();
    w.key(D.name);
    write_value(w, m);
  });
}

/// @brief Opens an object, runs `body(first)`, closes it (handles the empty-object case).
template <class Body>
void write_object(writer& w, Body&& body) {
  const std::size_t open = w.out.size();
  w.out += '{';
  ++w.depth;
  body();
  --w.depth;
  if (w.out.size() == open + 1) {
    w.out += '}';
    return;
  }
  w.newline();
  w.out += '}';
}

template <class T>
void write_value(writer& w, const T& v) {
  if constexpr (std::is_same_v<T, bool>) {
    w.out += v ? "true" : "false";
  } else if constexpr (meta::is_integer_v<T>) {
    char buf[24];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
    w.out.append(buf, end);
  } else if constexpr (std::is_floating_point_v<T>) {
    char buf[32];  // shortest form that reads back to the same double
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, static_cast<double>(v));
    w.out.append(buf, end);
  } else if constexpr (std::is_same_v<T, std::string>) {
    write_string(w.out, v);
  } else if constexpr (std::is_same_v<T, date>) {
    w.out += '"';
    w.out += format_date(v);
    w.out += '"';
  } else if constexpr (meta::is_described_enum_v<T>) {
    write_string(w.out, meta::enum_name(v));
  } else if constexpr (meta::is_optional_v<T>) {
    if (v) write_value(w, *v);
    else w.out += "null";
  } else if constexpr (meta::is_vector_v<T>) {
    using E = typename T::value_type;
    constexpr bool nested = meta::is_described_struct_v<E> || meta::is_variant_v<E> ||
                            meta::is_vector_v<E>;
    w.out += '[';
    ++w.depth;
    for (std::size_t i = 0; i < v.size(); ++i) {
      if (i) w.out += (w.pretty && !nested) ? ", " : ",";
      if (nested) w.newline();
      write_value(w, v[i]);
    }
    --w.depth;
    if (nested && !v.empty()) w.newline();
    w.out += ']';
  } else if constexpr (meta::is_variant_v<T>) {
    std::visit(
        [&](const auto& alt) {
          using A = std::remove_cvref_t<decltype(alt)>;
          write_object(w, [&] {
            w.newline();
            w.key(meta::variant_tag<T>::key);
            write_string(w.out, meta::enum_name(A::tag));
            write_members(w, alt, false);
          });
        },
        v);
  } else if constexpr (meta::is_described_struct_v<T>) {
    write_object(w, [&] { write_members(w, v, true); });
  } else {
    static_assert(sizeof(T) == 0, "iptkit: no JSON writing for this type; describe it");
  }
}

/// @brief The canonical JSON of any described value; pretty output ends with a newline.
template <class T>
void write_document(std::string& out, const T& value, bool pretty) {
  writer w{out, pretty};
  write_value(w, value);
  if (pretty) out += '\n';
}

}  // namespace iptkit::json::detail
