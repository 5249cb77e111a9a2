#include "json_convert.hpp"

#include <iptkit/json/detail/parse.hpp>

#include <boost/json/parse.hpp>
#include <cmath>
#include <string>

namespace iptkit::python {

namespace bj = boost::json;

namespace {

py::object to_python(const bj::value& v) {
  switch (v.kind()) {
    case bj::kind::null: return py::none();
    case bj::kind::bool_: return py::bool_(v.get_bool());
    case bj::kind::int64: return py::int_(v.get_int64());
    case bj::kind::uint64: return py::int_(v.get_uint64());
    case bj::kind::double_: return py::float_(v.get_double());
    case bj::kind::string: {
      const auto& s = v.get_string();
      return py::str(s.data(), s.size());
    }
    case bj::kind::array: {
      py::list out;
      for (const auto& e : v.get_array()) out.append(to_python(e));
      return out;
    }
    case bj::kind::object: {
      py::dict out;
      for (const auto& kv : v.get_object())
        out[py::str(kv.key().data(), kv.key().size())] = to_python(kv.value());
      return out;
    }
  }
  return py::none();
}

struct converter {
  const read_options& limits;
  std::vector<read_error>& errors;
  std::string path;

  void fail(error_kind kind, std::string message) {
    errors.push_back({path, kind, std::move(message), std::nullopt});
  }

  std::string type_name(const py::handle& h) {
    return py::str(py::type::handle_of(h).attr("__name__")).cast<std::string>();
  }

  // A str's UTF-8, or nullopt with an error: a lone surrogate ("\ud800") has none, and the
  // same limit as in a JSON text applies (the message, like the reader's, quotes no value).
  std::optional<std::string> text(const py::handle& h, bool key) {
    Py_ssize_t size = 0;
    const char* data = PyUnicode_AsUTF8AndSize(h.ptr(), &size);
    if (!data) {
      PyErr_Clear();
      fail(error_kind::syntax, std::string("expected ") + (key ? "a key" : "a string") +
                                   " of valid Unicode; found a lone surrogate");
      return std::nullopt;
    }
    if (static_cast<std::size_t>(size) > limits.max_string_bytes) {
      fail(error_kind::limit_exceeded, std::string("expected ") + (key ? "keys" : "a string") + " of at most " +
                                           std::to_string(limits.max_string_bytes) + " bytes; found a longer one");
      return std::nullopt;
    }
    return std::string(data, static_cast<std::size_t>(size));
  }

  bool length_fits(std::size_t n, bool object) {
    if (n <= limits.max_list_length) return true;
    fail(error_kind::limit_exceeded, (object ? "expected an object of at most " : "expected a list of at most ") +
                                         std::to_string(limits.max_list_length) + (object ? " members" : " elements") +
                                         "; found more");
    return false;
  }

  bj::value convert(const py::handle& h, std::size_t depth) {
    if (h.is_none()) return nullptr;
    if (py::isinstance<py::bool_>(h)) return h.cast<bool>();
    if (py::isinstance<py::int_>(h)) {
      long long value = 0;
      try {
        value = h.cast<long long>();
      } catch (const py::cast_error&) {
        // No repr: it could be thousands of digits, and it is a value of the case.
        fail(error_kind::out_of_range, "expected an integer that fits 64 bits; found a larger one");
        return nullptr;
      }
      return static_cast<std::int64_t>(value);
    }
    if (py::isinstance<py::float_>(h)) {
      const double d = h.cast<double>();
      if (!std::isfinite(d)) {
        fail(error_kind::wrong_type, "expected a finite number; found " + py::repr(h).cast<std::string>());
        return nullptr;
      }
      return d;
    }
    if (py::isinstance<py::str>(h)) {
      auto s = text(h, false);
      return s ? bj::value(bj::string(*s)) : bj::value(nullptr);
    }
    // Held for the life of the process (never released, so never touched after finalisation).
    static const py::handle date_type = py::object(py::module_::import("datetime").attr("date")).release();
    static const py::handle enum_type = py::object(py::module_::import("enum").attr("Enum")).release();
    if (py::isinstance(h, date_type)) return bj::string(py::str(h.attr("isoformat")()).cast<std::string>());
    if (py::isinstance(h, enum_type)) {
      std::string name = h.attr("name").cast<std::string>();
      if (!name.empty() && name.back() == '_') name.pop_back();  // keywords carry a trailing `_`
      return bj::string(name);
    }
    if (py::hasattr(h, "__index__")) {  // numpy and other integer types
      if (auto index = py::reinterpret_steal<py::object>(PyNumber_Index(h.ptr()))) return convert(index, depth);
      PyErr_Clear();
    }
    if (depth >= effective_max_depth(limits)) {
      fail(error_kind::limit_exceeded,
           "nesting deeper than " + std::to_string(effective_max_depth(limits)) + " levels");
      return nullptr;
    }
    if (py::isinstance<py::dict>(h)) {
      const auto dict = py::reinterpret_borrow<py::dict>(h);
      if (!length_fits(dict.size(), true)) return nullptr;
      bj::object out;
      // A snapshot: the loop runs Python code (__index__, isoformat) that could change the dict.
      for (const auto item : py::list(dict.attr("items")())) {
        const auto pair = py::reinterpret_borrow<py::tuple>(item);
        const py::object key = pair[0], value = pair[1];
        if (!py::isinstance<py::str>(key)) {
          fail(error_kind::wrong_type, "expected string keys; found a key of type " + type_name(key));
          continue;
        }
        const auto k = text(key, true);
        if (!k) continue;
        const auto size = path.size();
        json::detail::append_pointer_token(path, *k);
        out[*k] = convert(value, depth + 1);
        path.resize(size);
      }
      return out;
    }
    if (py::isinstance<py::list>(h) || py::isinstance<py::tuple>(h)) {
      if (!length_fits(py::len(h), false)) return nullptr;
      bj::array out;
      std::size_t i = 0;
      // A tuple of the items: a list changed by the Python code run below is not read twice.
      for (auto item : py::tuple(py::reinterpret_borrow<py::object>(h))) {
        const auto size = path.size();
        path += '/' + std::to_string(i++);
        out.push_back(convert(item, depth + 1));
        path.resize(size);
      }
      return out;
    }
    if (py::hasattr(h, "to_dict") && py::type::handle_of(h).attr("__module__").cast<std::string>() == "iptkit._core")
      return convert(h.attr("to_dict")(), depth);
    fail(error_kind::wrong_type, "expected a JSON value (dict, list, str, int, float, bool, None, "
                                 "datetime.date); found a " + type_name(h));
    return nullptr;
  }
};

}  // namespace

py::object json_to_python(std::string_view json) { return to_python(bj::parse(json)); }

std::optional<bj::value> python_to_json(const py::handle& data, const read_options& limits,
                                        std::vector<read_error>& errors) {
  converter c{limits, errors, {}};
  auto out = c.convert(data, 0);
  if (!errors.empty()) return std::nullopt;
  return out;
}

void warn_all(const std::vector<read_error>& warnings) {
  if (warnings.empty()) return;
  const auto category = py::module_::import("iptkit._errors").attr("DecodeWarning");
  for (const auto& w : warnings)
    if (PyErr_WarnEx(category.ptr(), to_string(w).c_str(), 2) != 0) throw py::error_already_set();
}

}  // namespace iptkit::python
