#pragma once
// Conversions the model needs beyond pybind11's own: iptkit::date <-> datetime.date.

#include "enum_caster.hpp"

#include <iptkit/model/date.hpp>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <string>

namespace pybind11::detail {

// A calendar date is a datetime.date in Python. An ISO `YYYY-MM-DD` string is accepted too, so
// that values typed by hand or read from a CSV need no conversion; anything else is refused.
template <>
struct type_caster<iptkit::date> {
 public:
  PYBIND11_TYPE_CASTER(iptkit::date, io_name("datetime.date | str", "datetime.date"));

  bool load(handle src, bool) {
    if (!src) return false;
    if (isinstance(src, date_class())) {
      // A datetime is a date too: taken only at midnight, so that no time of day is dropped
      // unseen (pandas' NaT, a datetime of no date, has no year and is refused).
      if (hasattr(src, "hour")) {
        for (const char* part : {"hour", "minute", "second", "microsecond"}) {
          const object v = src.attr(part);
          if (!PyLong_Check(v.ptr()) || PyLong_AsLong(v.ptr()) != 0) {
            PyErr_Clear();
            return false;
          }
        }
      }
      const object year = src.attr("year");
      if (!PyLong_Check(year.ptr())) return false;
      const int y = year.cast<int>();
      const unsigned m = src.attr("month").cast<unsigned>();
      const unsigned d = src.attr("day").cast<unsigned>();
      value = iptkit::date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
      return value.ok();
    }
    if (isinstance<str>(src)) {
      if (auto parsed = iptkit::parse_date(src.cast<std::string>())) {
        value = *parsed;
        return true;
      }
    }
    return false;
  }

  static handle cast(const iptkit::date& d, return_value_policy, handle) {
    if (!d.ok()) return none().release();
    return date_class()(static_cast<int>(d.year()), static_cast<unsigned>(d.month()),
                     static_cast<unsigned>(d.day()))
        .release();
  }

 private:
  // Imported once per process; the module keeps the reference for its lifetime.
  static const object& date_class() {
    PYBIND11_CONSTINIT static gil_safe_call_once_and_store<object> storage;
    return storage.call_once_and_store_result([] { return module_::import("datetime").attr("date"); })
        .get_stored();
  }
};

}  // namespace pybind11::detail
