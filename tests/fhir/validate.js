#!/usr/bin/env node
// Validates FHIR R4 Bundles with FHIR.js (npm package "fhir", pinned in package-lock.json), a
// validator this project did not write: iptkit's FHIR export is checked against the R4 (4.0.1)
// StructureDefinitions and value sets that FHIR.js ships.
//   usage: node validate.js BUNDLE.json...
//   exit:  0 no error; 1 an error-severity message (printed); 2 a file that is not JSON.
//
// FHIR.js checks cardinality, required elements, element names (errorOnUnexpected), JSON types
// and required bindings. Its primitive patterns are not anchored, so checkPrimitive() re-applies
// FHIR.js's own patterns to whole values; it reads a reference's target type only from a relative
// reference ("Patient/1"), so checkTarget() looks up the type of the entry a urn:uuid: points at;
// and checkBundle() adds the R4 Bundle rules it leaves out (unique fullUrl, references resolved
// inside the Bundle).
'use strict';

const fs = require('fs');
const { Fhir, ParseConformance, Versions } = require('fhir');
const { Constants } = require('fhir/constants');

const fhir = new Fhir(new ParseConformance(true, Versions.R4));

const anchored = (re) => new RegExp('^(?:' + re.source + ')$');
const patterns = {
  id: anchored(Constants.PrimitiveIdRegex),
  date: anchored(Constants.PrimitiveDateRegex),
  dateTime: anchored(Constants.PrimitiveDateTimeRegex),
  code: anchored(Constants.PrimitiveCodeRegex),
  integer: anchored(Constants.PrimitiveIntegerRegex),
};

function checkPrimitive(resource, property, location, value) {
  const problems = [];
  const error = (message) => problems.push({ location, resourceId: resource.id, severity: 'error', message });
  // R4 (json.html): no empty arrays or objects. (FHIR.js calls this hook for truthy values only.)
  if ((Array.isArray(value) && value.length === 0) ||
      (typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0)) {
    error('Empty value');
  }
  const pattern = patterns[property._type];
  if (pattern && !property._multiple && (typeof value === 'string' || typeof value === 'number') &&
      !pattern.test(String(value))) {
    error('Invalid ' + property._type + ' "' + value + '"');
  }
  if (property._type === 'integer' && !property._multiple && !Number.isInteger(value)) {
    error('Not a JSON integer: ' + JSON.stringify(value));
  }
  return problems;
}

// A Reference element whose target, an entry of this Bundle (`types`: fullUrl -> resourceType),
// is not of a type the element allows (e.g. AdverseEvent.suspectEntity.instance at a CarePlan).
function checkTarget(types, resource, property, location, value) {
  const problems = [];
  if (property._type !== 'Reference' || !property._targetProfiles) return problems;
  const allowed = [].concat(property._targetProfiles).map((p) => p.split('/').pop());
  if (allowed.includes('Resource')) return problems;
  for (const v of [].concat(value)) {
    const type = v && typeof v.reference === 'string' ? types.get(v.reference) : undefined;
    if (type && !allowed.includes(type)) {
      problems.push({ location, resourceId: resource.id, severity: 'error',
                      message: 'Reference to a ' + type + ', expected ' + allowed.join(' | ') });
    }
  }
  return problems;
}

function collectReferences(value, out) {
  if (Array.isArray(value)) {
    value.forEach((v) => collectReferences(v, out));
  } else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (key === 'reference' && typeof v === 'string') out.push(v);
      else collectReferences(v, out);
    }
  }
}

function checkBundle(bundle) {
  const problems = [];
  const error = (location, message) => problems.push({ location, severity: 'error', message });
  if (bundle.resourceType !== 'Bundle') {
    error('', 'Not a Bundle');
    return problems;
  }
  const urls = new Set();
  (bundle.entry || []).forEach((entry, i) => {
    if (!entry.fullUrl) error('Bundle.entry[' + i + ']', 'No fullUrl');
    else if (urls.has(entry.fullUrl)) error('Bundle.entry[' + i + '].fullUrl', 'Duplicate fullUrl ' + entry.fullUrl);
    else urls.add(entry.fullUrl);
  });
  const references = [];
  collectReferences(bundle.entry || [], references);
  for (const r of references) {
    if (!urls.has(r)) error('Bundle', 'Reference ' + r + ' does not resolve to an entry of the Bundle');
  }
  return problems;
}

let failed = false;
for (const file of process.argv.slice(2)) {
  let bundle;
  try {
    bundle = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    console.error(file + ': cannot read: ' + e.message);
    process.exit(2);
  }
  const types = new Map((bundle.entry || []).filter((e) => e && e.resource)
    .map((e) => [e.fullUrl, e.resource.resourceType]));
  const check = (resource, property, location, value) =>
    checkPrimitive(resource, property, location, value).concat(checkTarget(types, resource, property, location, value));
  const result = fhir.validate(bundle, { errorOnUnexpected: true, onBeforeValidateProperty: check });
  const messages = result.messages.concat(checkBundle(bundle));
  for (const m of messages) {
    if (m.severity === 'info') continue;  // e.g. a value set FHIR.js does not ship
    const where = m.location + (m.resourceId && m.resourceId !== '#initial' ? ' (' + m.resourceId + ')' : '');
    const line = file + ': ' + m.severity + ' ' + where + ': ' + m.message;
    if (m.severity === 'error' || m.severity === 'fatal') {
      failed = true;
      console.log(line);
    } else {
      console.error(line);
    }
  }
}
process.exit(failed ? 1 : 0);
