/**
 * The vocabulary of the schema registry: a struct's fields with their types, required flags, enum
 * values and short descriptions. The facts (names, types, required, enums) come from structs.ts (read
 * by notation.ts, the OpenAPI type derived from the Go type); the descriptions are kubesim's own words,
 * kept per group of kinds in the sibling files.
 */

/** One JSON field of a struct. */
export interface FieldSchema {
  name: string;
  /**
   * OpenAPI type token: `string`, `integer`, `number`, `boolean`, `Quantity`, `IntOrString`, `Time`,
   * `MicroTime`, `FieldsV1`, `[]T`, `map[string]T`, or a struct key of STRUCT_FIELDS.
   */
  type: string;
  required: boolean;
  /** Allowed values of an enum-typed string (or of the elements of a list of them). */
  enum?: string[];
  description?: string;
}

/** A named object type (a struct, or one of the opaque apimachinery types). */
export interface TypeSchema {
  /** Registry key (`Container`, `discovery.EndpointPort`). */
  key: string;
  /** The name kubectl shows in `<…>` (the key without a group prefix). */
  name: string;
  description?: string;
  /** Empty for opaque types such as Quantity. */
  fields: FieldSchema[];
}

/** Descriptions for one struct: `_` describes the type itself, the other keys its fields. */
export type TypeDocs = { readonly _?: string } & Readonly<Record<string, string>>;

/** Struct key → its descriptions. */
export type SchemaDocs = Readonly<Record<string, TypeDocs>>;
