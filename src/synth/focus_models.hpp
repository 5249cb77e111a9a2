#pragma once
// Internal to the synthetic generator: a generated course recast for its protocol's focus model.

#include <iptkit/model/case_record.hpp>
#include <iptkit/model/protocol.hpp>

namespace iptkit::synth_detail {

// The generator lays out every course around IPT problem areas (they drive the inventory and the
// trajectory). A DIT or MIT course then works on its own focus instead: the formulation gets an
// IPAF or a maladaptive schema drawn from the primary area's relationship and no IPT area, and no
// session names one. A comparator arm has no interpersonal formulation at all.
void use_focus_model(case_record& c, focus_model model);

}  // namespace iptkit::synth_detail
