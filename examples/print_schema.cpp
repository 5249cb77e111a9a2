// Prints the case document's JSON Schema, generated from the model (docs/schema/case.schema.json
// is a copy: `print_schema > docs/schema/case.schema.json`).
#include <iptkit/json/schema.hpp>

#include <iostream>

int main() { std::cout << iptkit::case_json_schema(); }
