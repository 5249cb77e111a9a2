// De-identification (docs/privacy.md): the shareable case, its report, and the secret mapping.
#include "bindings.hpp"
#include "describe_class.hpp"

#include <iptkit/privacy/deidentify.hpp>

#include <pybind11/typing.h>

#include <memory>

namespace iptkit::python {

void bind_privacy(py::module_& m) {
  bind_enum<date_handling>(m, "Dates shifted by one random offset per case, or kept.");
  bind_enum<deid_action>(m, "What de-identification did at one place.");
  bind_struct<deidentify_options>(m, "How to de-identify.");
  bind_struct<deid_change>(m, "What de-identification did at one place (never the original value).");
  bind_struct<deid_report>(m, "What was changed in one case: shareable.");
  bind_struct<deid_pseudonym>(m, "A therapist or group id of a case and the study code that replaced it (secret).");
  bind_struct<deid_mapping>(m, "Study code -> case id and date offset: the secret re-identification key.");
  bind_struct<deidentified>(m, "A de-identified case with its report and mapping.");

  m.def(
      "deidentify",
      [](const py::typing::Iterable<case_record>& cases, const deidentify_options& options,
         std::optional<std::uint64_t> seed) {
        const auto refs = case_pointers(cases);
        if (const auto errors = deidentify_option_errors(options); !errors.empty())
          throw py::value_error("iptkit: " + errors.front());
        py::gil_scoped_release release;
        // One random source for the batch, so study codes are unique across it.
        auto rng = seed ? std::make_unique<deid_random>(*seed) : std::make_unique<deid_random>();
        std::vector<deidentified> out;
        out.reserve(refs.cases.size());
        for (const auto* c : refs.cases) out.push_back(deidentify(*c, *rng, options));
        return out;
      },
      py::arg("cases"), py::kw_only(), py::arg("options") = deidentify_options{}, py::arg("seed") = py::none(),
      "De-identifies each case (docs/privacy.md). `seed` makes codes and offsets reproducible and is for "
      "tests only: whoever knows it can recompute every date offset.");
}

}  // namespace iptkit::python
