#pragma once
// Rows of a described struct as numpy columns, built in C++ with one array per column (never a
// Python object per value). Nested structs are flattened as `parent_child`, as in the CSV export.
// Each column is a (kind, ...) tuple that iptkit/_frames.py turns into a pandas column:
//   ("int", int64[])                     ("Int64", int64[], mask bool[])
//   ("float", float64[] with NaN)        ("bool", bool[])        ("boolean", bool[], mask bool[])
//   ("date", int64[] seconds since 1970-01-01, INT64_MIN for missing: numpy's datetime64[s] and NaT)
//   ("category", int32[] codes with -1 for missing, [every enumerator's spelling])
//   ("text", int32[] codes with -1 for missing, [str]): one Python str per distinct value

#include "describe_class.hpp"

#include <iptkit/export/tidy.hpp>
#include <iptkit/meta/enum.hpp>
#include <iptkit/meta/type_traits.hpp>
#include <iptkit/outcomes/cohort_columns.hpp>
#include <pybind11/numpy.h>

#include <boost/mp11/algorithm.hpp>
#include <algorithm>
#include <limits>
#include <optional>
#include <string>
#include <unordered_map>

namespace iptkit::python {

namespace columns_detail {

template <class V>
py::array_t<V> make_array(std::size_t n) {
  return py::array_t<V>(static_cast<py::ssize_t>(n));
}

// An array of n values, `convert(i)` each.
template <class V, class Convert>
py::array_t<V> converted(std::size_t n, Convert convert) {
  auto out = make_array<V>(n);
  auto o = out.template mutable_unchecked<1>();
  for (std::size_t i = 0; i < n; ++i) o(i) = convert(i);
  return out;
}

// (kind, values, mask): value(i) -> std::optional, the mask true where it is empty.
template <class V, class Value>
py::tuple masked(const char* kind, std::size_t n, Value value) {
  auto values = make_array<V>(n);
  auto mask = make_array<bool>(n);
  auto v = values.template mutable_unchecked<1>();
  auto k = mask.template mutable_unchecked<1>();
  for (std::size_t i = 0; i < n; ++i) {
    const auto x = value(i);
    v(i) = x ? static_cast<V>(*x) : V{};
    k(i) = !x;
  }
  return py::make_tuple(kind, values, mask);
}

/// @brief A described enum's spellings in declaration order: the categories its codes index.
template <class E>
py::list enum_categories() {
  py::list categories;
  for (auto s : meta::enum_names<E>()) categories.append(py::str(s.data(), s.size()));
  return categories;
}

}  // namespace columns_detail

/// @brief The column tuples of the file comment, one builder per kind: the only place that knows
/// their layout. `value(i)` gives row i's value, std::nullopt (or NaN, for floats) where missing;
/// row columns (to_columns) and the outcome frame's sentinel columns both go through here.
namespace column {

/// @brief ("int", int64[]).
template <class Value>
py::tuple integers(std::size_t n, Value value) {
  return py::make_tuple("int", columns_detail::converted<std::int64_t>(n, value));
}

/// @brief ("Int64", int64[], mask bool[]): value(i) -> std::optional<integer>.
template <class Value>
py::tuple nullable_integers(std::size_t n, Value value) {
  return columns_detail::masked<std::int64_t>("Int64", n, value);
}

/// @brief ("float", float64[] with NaN for missing).
template <class Value>
py::tuple floats(std::size_t n, Value value) {
  return py::make_tuple("float", columns_detail::converted<double>(n, value));
}

/// @brief ("bool", bool[]).
template <class Value>
py::tuple flags(std::size_t n, Value value) {
  return py::make_tuple("bool", columns_detail::converted<bool>(n, value));
}

/// @brief ("boolean", bool[], mask bool[]): value(i) -> std::optional<bool>.
template <class Value>
py::tuple nullable_flags(std::size_t n, Value value) {
  return columns_detail::masked<bool>("boolean", n, value);
}

/// @brief ("date", int64[] seconds since 1970-01-01, INT64_MIN for missing): value(i) ->
/// std::optional<day number>. The layout of datetime64[s] with NaT, so Python takes a view.
template <class Value>
py::tuple dates(std::size_t n, Value value) {
  return py::make_tuple("date", columns_detail::converted<std::int64_t>(n, [&](std::size_t i) {
    const auto x = value(i);
    return x ? static_cast<std::int64_t>(*x) * 86400 : std::numeric_limits<std::int64_t>::min();
  }));
}

/// @brief ("category", int32[] codes, -1 for missing, [E's spellings]): value(i) -> std::optional<E>.
template <class E, class Value>
py::tuple categories(std::size_t n, Value value) {
  return py::make_tuple("category", columns_detail::converted<std::int32_t>(n, [&](std::size_t i) {
    const std::optional<E> x = value(i);
    return x ? static_cast<std::int32_t>(meta::enum_position(*x)) : std::int32_t{-1};
  }), columns_detail::enum_categories<E>());
}

/// @brief ("text", int32[] codes, [str]): `code(i)` indexes `dictionary`, negative for missing.
/// Only the entries used become Python str (a code table, as Arrow's dictionary arrays).
template <class Code>
py::tuple texts(std::size_t n, Code code, const std::vector<std::string>& dictionary) {
  auto codes = columns_detail::make_array<std::int32_t>(n);
  auto c = codes.mutable_unchecked<1>();
  std::vector<std::int32_t> renumbered(dictionary.size(), -1);
  py::list used;
  for (std::size_t i = 0; i < n; ++i) {
    const std::int64_t k = code(i);
    if (k < 0) {
      c(i) = -1;
      continue;
    }
    auto& r = renumbered[static_cast<std::size_t>(k)];
    if (r < 0) {
      r = static_cast<std::int32_t>(py::len(used));
      used.append(py::str(dictionary[static_cast<std::size_t>(k)]));
    }
    c(i) = r;
  }
  return py::make_tuple("text", codes, used);
}

}  // namespace column

namespace columns_detail {

// `get(row)` returns a pointer to the value (nullptr when an enclosing optional is empty);
// `Nullable` is true below an optional.
template <class M, bool Nullable, class Rows, class Get>
void add_column(py::dict& out, const std::string& name, const Rows& rows, Get get) {
  const std::size_t n = rows.size();
  // Row i's value of a scalar kind, std::nullopt below an empty optional.
  const auto value = [&](std::size_t i) -> std::optional<M> {
    if (const M* p = get(rows[i])) return *p;
    return std::nullopt;
  };
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
    if constexpr (Nullable) out[name.c_str()] = column::nullable_flags(n, value);
    else out[name.c_str()] = column::flags(n, [&](std::size_t i) { return value(i).value_or(false); });
  } else if constexpr (meta::is_integer_v<M>) {
    if constexpr (Nullable) out[name.c_str()] = column::nullable_integers(n, value);
    else out[name.c_str()] = column::integers(n, [&](std::size_t i) { return static_cast<std::int64_t>(value(i).value_or(0)); });
  } else if constexpr (std::is_floating_point_v<M>) {
    out[name.c_str()] = column::floats(n, [&](std::size_t i) {
      const auto x = value(i);
      return x ? static_cast<double>(*x) : std::numeric_limits<double>::quiet_NaN();
    });
  } else if constexpr (std::is_same_v<M, date>) {
    out[name.c_str()] = column::dates(n, [&](std::size_t i) -> std::optional<std::int64_t> {
      const auto x = value(i);
      if (x && x->ok()) return day_number(*x);
      return std::nullopt;
    });
  } else if constexpr (meta::is_described_enum_v<M>) {
    out[name.c_str()] = column::categories<M>(n, value);
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
    out[name.c_str()] = column::texts(n, [&codes](std::size_t i) { return codes[i]; }, distinct);
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
