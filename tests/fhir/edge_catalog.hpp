// The catalog of tests/fhir/edge-case.json: the built-ins plus the case's own scale, registered
// without a LOINC code or bands (an Observation coded by text only), shared by the validator's
// writer and the unit test.
#pragma once
#include <iptkit/catalog.hpp>

namespace iptkit::test {

inline catalog edge_catalog() {
  catalog cat;
  instrument scale;
  scale.id = "trial_scale";
  scale.name = "trial scale";
  scale.items = 1;
  scale.item_max = 40;
  scale.total_max = 40;
  cat.instruments.add(scale);
  return cat;
}

}  // namespace iptkit::test
