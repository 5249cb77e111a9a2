#pragma once
/// @file
/// @brief CSV (RFC 4180) of any flat or nested described struct: one column per scalar member,
/// nested structs flattened as `parent_child`, lists of scalars joined with `;`; text cells
/// spreadsheet-safe unless csv_options::raw_cells (csv_safety.hpp).

#include <iptkit/export/csv_safety.hpp>
#include <iptkit/json/detail/write_value.hpp>
#include <iptkit/meta/enum.hpp>
#include <iptkit/meta/type_traits.hpp>
#include <iptkit/model/date.hpp>
#include <boost/mp11/algorithm.hpp>
#include <charconv>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace iptkit {

namespace csv_detail {

/// @brief Appends a field, quoted when it holds a comma, quote, CR or LF (RFC 4180 2.6-2.7).
inline void append_field(std::string& out, std::string_view s) {
  if (s.find_first_of(",\"\r\n") == std::string_view::npos) {
    out += s;
    return;
  }
  out += '"';
  for (char ch : s) {
    if (ch == '"') out += '"';
    out += ch;
  }
  out += '"';
}

/// @brief Appends a text cell: spreadsheet-safe unless `options.raw_cells`, then quoted as needed.
inline void append_text_field(std::string& out, std::string_view text, const csv_options& options) {
  if (options.raw_cells || !needs_apostrophe(text)) append_field(out, text);
  else append_field(out, spreadsheet_safe(text));
}

/// @brief True for a member written as a text cell (free text, labels, ids): the cells
/// spreadsheet_safe() applies to. Numbers, dates, booleans and enum spellings are not text.
template <class M>
constexpr bool is_text_v = std::is_same_v<M, std::string> || std::is_same_v<M, std::vector<std::string>>;
template <class M>
constexpr bool is_text_v<std::optional<M>> = is_text_v<M>;

template <class T>
constexpr bool is_scalar_v = !meta::is_described_struct_v<T> && !meta::is_vector_v<T> &&
                             !meta::is_variant_v<T>;

template <class T>
void append_scalar_text(std::string& out, const T& v) {
  if constexpr (std::is_same_v<T, bool>) {
    out += v ? "true" : "false";
  } else if constexpr (meta::is_integer_v<T>) {
    char buf[24];
    out.append(buf, std::to_chars(buf, buf + sizeof buf, v).ptr);
  } else if constexpr (std::is_floating_point_v<T>) {
    char buf[32];
    out.append(buf, std::to_chars(buf, buf + sizeof buf, static_cast<double>(v)).ptr);
  } else if constexpr (std::is_same_v<T, std::string>) {
    out += v;
  } else if constexpr (std::is_same_v<T, date>) {
    out += format_date(v);
  } else if constexpr (meta::is_described_enum_v<T>) {
    out += meta::enum_name(v);
  } else {
    static_assert(sizeof(T) == 0, "iptkit: no CSV text for this type");
  }
}

/// @brief The unquoted text of a cell: a scalar, a list (`;`-joined) or an optional ("" when
/// absent), as a CSV reader gives it back.
template <class M>
std::string cell_text(const M& v) {
  std::string text;
  if constexpr (meta::is_optional_v<M>) {
    if (v) text = cell_text(*v);
  } else if constexpr (meta::is_vector_v<M>) {
    for (std::size_t i = 0; i < v.size(); ++i) {
      if (i) text += ';';
      append_scalar_text(text, v[i]);
    }
  } else {
    append_scalar_text(text, v);
  }
  return text;
}

template <class M>
void header(std::string& out, std::string_view prefix, bool& first);

template <class T>
void struct_header(std::string& out, std::string_view prefix, bool& first) {
  boost::mp11::mp_for_each<meta::members_of<T>>([&](auto D) {
    const std::string name = prefix.empty() ? std::string(D.name) : std::string(prefix) + "_" + D.name;
    header<std::remove_cvref_t<decltype(std::declval<T&>().*D.pointer)>>(out, name, first);
  });
}

template <class M>
void header(std::string& out, std::string_view name, bool& first) {
  if constexpr (meta::is_optional_v<M>) {
    header<typename M::value_type>(out, name, first);
  } else if constexpr (meta::is_described_struct_v<M>) {
    struct_header<M>(out, name, first);
  } else {
    if (!first) out += ',';
    first = false;
    append_field(out, name);
  }
}

template <class M>
void cells(std::string& out, const M* v, bool& first, const csv_options& options);

template <class T>
void struct_cells(std::string& out, const T* v, bool& first, const csv_options& options) {
  boost::mp11::mp_for_each<meta::members_of<T>>([&](auto D) {
    using M = std::remove_cvref_t<decltype(std::declval<T&>().*D.pointer)>;
    cells<M>(out, v ? &(v->*D.pointer) : nullptr, first, options);
  });
}

// A null pointer writes empty cells for every column the type has (an absent optional struct).
template <class M>
void cells(std::string& out, const M* v, bool& first, const csv_options& options) {
  if constexpr (meta::is_optional_v<M>) {
    cells<typename M::value_type>(out, v && v->has_value() ? &**v : nullptr, first, options);
  } else if constexpr (meta::is_described_struct_v<M>) {
    struct_cells<M>(out, v, first, options);
  } else {
    if (!first) out += ',';
    first = false;
    if (!v) return;
    if constexpr (is_text_v<M>) append_text_field(out, cell_text(*v), options);
    else append_field(out, cell_text(*v));
  }
}

}  // namespace csv_detail

/// @brief The header line of T's columns (with CRLF, as RFC 4180 has it).
template <class T>
std::string csv_header() {
  std::string out;
  bool first = true;
  csv_detail::struct_header<T>(out, "", first);
  out += "\r\n";
  return out;
}

/// @brief Appends one row (with CRLF). Absent optionals are empty cells; text cells are
/// spreadsheet-safe unless `options.raw_cells`.
template <class T>
void append_csv_row(std::string& out, const T& row, const csv_options& options = {}) {
  bool first = true;
  csv_detail::struct_cells<T>(out, &row, first, options);
  out += "\r\n";
}

/// @brief A whole CSV table: header and one row per element (text cells as append_csv_row()).
template <class T>
std::string to_csv(std::span<const T> rows, const csv_options& options = {}) {
  std::string out = csv_header<T>();
  for (const auto& r : rows) append_csv_row(out, r, options);
  return out;
}

}  // namespace iptkit
