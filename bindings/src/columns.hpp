#pragma once
// Rows of a described struct as numpy columns, built in C++ with one array per column (never a
// Python object per value). Nested structs are flattened as `parent_child`, as in the CSV export.
// Each column is a (kind, ...) tuple that iptkit/_frames.py turns into a pandas column:
//   ("int", int64[])                     ("Int64", int64[], mask bool[])
//   ("float", float64[] with NaN)        ("bool", bool[])        ("boolean", bool[], mask bool[])
//   ("date", int64[] days since 1970-01-01, INT64_MIN for missing)
//   ("category", int32[] codes with -1 for missing, [every enumerator's spelling])
//   ("text", [str or None]): one Python str per distinct value, shared by the rows that hold it

#include "describe_class.hpp"

#include <iptkit/export/tidy.hpp>
#include <iptkit/meta/enum.hpp>
#include <iptkit/meta/type_traits.hpp>
#include <iptkit/outcomes/cohort_columns.hpp>
#include <pybind11/numpy.h>

#include <boost/mp11/algorithm.hpp>
#include <algorithm>
#include <limits>
#include <string>
#include <unordered_map>

namespace iptkit::python {

namespace columns_detail {

template <class V>
py::array_t<V> make_array(std::size_t n) {
  return py::array_t<V>(static_cast<py::ssize_t>(n));
}

/// @brief A described enum's spellings in declaration order: the categories its codes index.
template <class E>
py::list enum_categories() {
  py::list categories;
  for (auto s : meta::enum_names<E>()) categories.append(py::str(s.data(), s.size()));
  return categories;
}

}  // namespace columns_detail

/// @brief A text column as a list of str (None where `code(i)` is negative): row i holds
/// `dictionary[code(i)]`, made into a Python str once per entry used, whatever the number of rows.
template <class Code>
py::list text_column(std::size_t n, Code code, const std::vector<std::string>& dictionary) {
  py::list out(static_cast<py::ssize_t>(n));
  std::vector<py::object> made(dictionary.size());
  for (std::size_t i = 0; i < n; ++i) {
    const std::int64_t k = code(i);
    py::object value = py::none();
    if (k >= 0) {
      auto& m = made[static_cast<std::size_t>(k)];
      if (!m) m = py::str(dictionary[static_cast<std::size_t>(k)]);
      value = m;
    }
    PyList_SET_ITEM(out.ptr(), static_cast<py::ssize_t>(i), value.release().ptr());  // steals the reference
  }
  return out;
}

namespace columns_detail {

// `get(row)` returns a pointer to the value (nullptr when an enclosing optional is empty);
// `Nullable` is true below an optional.
template <class M, bool Nullable, class Rows, class Get>
void add_column(py::dict& out, const std::string& name, const Rows& rows, Get get) {
  const std::size_t n = rows.size();
  if constexpr (meta::is_optional_v<M>) {
    using V = typename M::value_type;
    add_column<V, true>(out, name, rows, [get](const auto& row) -> const V* {
      const M* m = get(row);
      return m && m->has_value() ? &**m : nullptr;
    });
  } else if constexpr (meta::is_described_struct_v<M>) {
    boost::mp11::mp_for_each<meta::members_of<M>>([&](auto D) {
      using Desc = decltype(D);
      using N = member_t<M, Desc>;
      add_column<N, Nullable>(out, name + "_" + Desc::name, rows, [get](const auto& row) -> const N* {
        const M* m = get(row);
        return m ? &(m->*Desc::pointer) : nullptr;
      });
    });
  } else if constexpr (std::is_same_v<M, bool>) {
    auto values = make_array<bool>(n);
    auto mask = make_array<bool>(n);
    auto v = values.mutable_unchecked<1>();
    auto k = mask.mutable_unchecked<1>();
    for (std::size_t i = 0; i < n; ++i) {
      const bool* p = get(rows[i]);
      v(i) = p && *p;
      k(i) = !p;
    }
    if constexpr (Nullable) out[name.c_str()] = py::make_tuple("boolean", values, mask);
    else out[name.c_str()] = py::make_tuple("bool", values);
  } else if constexpr (meta::is_integer_v<M>) {
    auto values = make_array<std::int64_t>(n);
    auto mask = make_array<bool>(n);
    auto v = values.mutable_unchecked<1>();
    auto k = mask.mutable_unchecked<1>();
    for (std::size_t i = 0; i < n; ++i) {
      const M* p = get(rows[i]);
      v(i) = p ? static_cast<std::int64_t>(*p) : 0;
      k(i) = !p;
    }
    if constexpr (Nullable) out[name.c_str()] = py::make_tuple("Int64", values, mask);
    else out[name.c_str()] = py::make_tuple("int", values);
  } else if constexpr (std::is_floating_point_v<M>) {
    auto values = make_array<double>(n);
    auto v = values.mutable_unchecked<1>();
    for (std::size_t i = 0; i < n; ++i) {
      const M* p = get(rows[i]);
      v(i) = p ? static_cast<double>(*p) : std::numeric_limits<double>::quiet_NaN();
    }
    out[name.c_str()] = py::make_tuple("float", values);
  } else if constexpr (std::is_same_v<M, date>) {
    auto values = make_array<std::int64_t>(n);
    auto v = values.mutable_unchecked<1>();
    for (std::size_t i = 0; i < n; ++i) {
      const date* p = get(rows[i]);
      v(i) = p && p->ok() ? day_number(*p) : std::numeric_limits<std::int64_t>::min();
    }
    out[name.c_str()] = py::make_tuple("date", values);
  } else if constexpr (meta::is_described_enum_v<M>) {
    auto codes = make_array<std::int32_t>(n);
    auto c = codes.mutable_unchecked<1>();
    for (std::size_t i = 0; i < n; ++i) {
      const M* p = get(rows[i]);
      c(i) = p ? meta::enum_position(*p) : -1;
    }
    out[name.c_str()] = py::make_tuple("category", codes, enum_categories<M>());
  } else if constexpr (std::is_same_v<M, std::vector<int>>) {
    // A list of integers becomes numbered columns (`items` -> item_1 .. item_n, n: the longest).
    std::size_t width = 0;
    for (std::size_t i = 0; i < n; ++i)
      if (const M* p = get(rows[i])) width = std::max(width, p->size());
    for (std::size_t k = 0; k < width; ++k) {
      add_column<int, true>(out, numbered_column(name, k + 1), rows, [get, k](const auto& row) -> const int* {
        const M* p = get(row);
        return p && k < p->size() ? &(*p)[k] : nullptr;
      });
    }
  } else if constexpr (meta::is_vector_v<M>) {
    // Other lists (of enums) as `;`-joined text, dictionary-encoded like strings.
    std::vector<std::string> joined(n);
    std::vector<std::uint8_t> present(n, 0);
    for (std::size_t i = 0; i < n; ++i) {
      const M* p = get(rows[i]);
      if (!p) continue;
      present[i] = 1;
      for (std::size_t k = 0; k < p->size(); ++k) {
        if (k) joined[i] += ';';
        joined[i] += meta::enum_name((*p)[k]);
      }
    }
    add_column<std::string, Nullable>(out, name, joined, [&present, &joined](const std::string& row) -> const std::string* {
      return present[static_cast<std::size_t>(&row - joined.data())] ? &row : nullptr;
    });
  } else if constexpr (std::is_same_v<M, std::string>) {
    // Distinct values numbered in order of first appearance, so that rows share their str.
    std::vector<std::int32_t> codes(n, -1);
    std::unordered_map<std::string_view, std::int32_t> seen;
    std::vector<std::string> distinct;
    for (std::size_t i = 0; i < n; ++i) {
      const std::string* p = get(rows[i]);
      if (!p) continue;
      auto [it, added] = seen.try_emplace(*p, static_cast<std::int32_t>(distinct.size()));
      if (added) distinct.push_back(*p);
      codes[i] = it->second;
    }
    out[name.c_str()] = py::make_tuple("text", text_column(n, [&codes](std::size_t i) { return codes[i]; }, distinct));
  } else {
    static_assert(sizeof(M) == 0, "iptkit: no column kind for this member type");
  }
}

}  // namespace columns_detail

/// @brief The columns of `rows` (see the file comment), in member order.
template <class T>
py::dict to_columns(const std::vector<T>& rows) {
  py::dict out;
  // Base members first (outcome_row extends case_outcome).
  boost::mp11::mp_for_each<meta::members_with_bases_of<T>>([&](auto D) {
    using Desc = decltype(D);
    using M = member_t<T, Desc>;
    columns_detail::add_column<M, false>(out, Desc::name, rows, [](const T& row) -> const M* { return &(row.*Desc::pointer); });
  });
  return out;
}

}  // namespace iptkit::python
