/**
 * Frictionless Data Package (v1) with Table Schemas generated from the schema modules.
 * It describes the `code` flavour CSVs (UTF-8, no BOM, keys as headers).
 *
 * Foreign keys follow a naming convention of the contract: a `school_id` column refers to
 * schools.school_id, a `region_code` column (and regions.parent_code) to regions.region_code.
 */
import type { Column } from '../schema/types';
import type { TableDef } from './table';

export interface TableSchemaOptions {
  /** Markers read as “no value”: always "", plus the privacy marker (e.g. "<5") when suppression applies. */
  readonly missingValues: readonly string[];
  /** Resource names of the schools and regions tables in the same package, when present. */
  readonly schoolsResource?: string | null;
  readonly regionsResource?: string | null;
}

type Json = Record<string, unknown>;

export function fieldOf(c: Column): Json {
  const f: Json = { name: c.key, title: c.zh, description: `${c.en}. ${c.description}` };
  const constraints: Json = {};
  if (c.required) constraints.required = true;
  switch (c.type) {
    case 'code':
      f.type = 'string';
      if (c.digits) constraints.pattern = `[0-9]{${c.digits}}`;
      break;
    case 'text':
      f.type = 'string';
      break;
    case 'url':
      f.type = 'string';
      f.format = 'uri';
      break;
    case 'enum':
      f.type = 'string';
      if (c.values) constraints.enum = c.values.map((v) => v.key);
      break;
    case 'integer':
      f.type = 'integer';
      break;
    case 'number':
    case 'percent':
      f.type = 'number';
      break;
    case 'date':
      f.type = 'date';
      break;
    case 'year':
      f.type = 'year';
      break;
  }
  if (c.type === 'integer' || c.type === 'number' || c.type === 'percent' || c.type === 'year') {
    if (c.min !== undefined) constraints.minimum = c.min;
    if (c.max !== undefined) constraints.maximum = c.max;
  }
  if (c.unit) f.unit = c.unit;
  if (c.values) f.enumLabels = Object.fromEntries(c.values.map((v) => [v.key, v.zh]));
  if (Object.keys(constraints).length) f.constraints = constraints;
  return f;
}

export function tableSchema(def: TableDef, opts: TableSchemaOptions): Json {
  const schema: Json = {
    fields: def.columns.map(fieldOf),
    missingValues: [...opts.missingValues],
  };
  if (def.primaryKey.length) schema.primaryKey = [...def.primaryKey];
  const fks: Json[] = [];
  for (const c of def.columns) {
    if (c.key === 'school_id' && def.id !== 'schools' && opts.schoolsResource) {
      fks.push({ fields: 'school_id', reference: { resource: opts.schoolsResource, fields: 'school_id' } });
    }
    if (c.key === 'region_code' && def.id !== 'regions' && opts.regionsResource) {
      fks.push({ fields: 'region_code', reference: { resource: opts.regionsResource, fields: 'region_code' } });
    }
    if (c.key === 'parent_code' && def.id === 'regions') {
      // A self-reference: the empty resource name means “this resource”.
      fks.push({ fields: 'parent_code', reference: { resource: '', fields: 'region_code' } });
    }
  }
  if (fks.length) schema.foreignKeys = fks;
  return schema;
}

/** Open Definition style licence id (“CC BY 4.0” → “CC-BY-4.0”); the profile allows only [-a-zA-Z0-9._]. */
export function licenceId(name: string): string {
  return name.trim().replace(/[^-a-zA-Z0-9._]+/g, '-').replace(/^-+|-+$/g, '') || 'other';
}

/** A package / resource name: lower case, digits, . _ - only. */
export function packageName(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'data';
}

export interface PackageResource {
  readonly name: string;
  /** Path inside the release folder / ZIP, e.g. csv/2024/admissions.csv */
  readonly path: string;
  readonly def: TableDef;
  readonly title: string;
  readonly bytes: number;
  readonly sha256: string;
  readonly rows: number;
}

export interface PackageInput {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly version: string;
  /** ISO date of the release (deterministic: never the build time). */
  readonly date: string | null;
  readonly licence: { readonly name: string; readonly url: string | null };
  readonly publisher: string;
  readonly homepage: string | null;
  readonly sources: readonly { readonly title: string; readonly path?: string }[];
  readonly missingValues: readonly string[];
  readonly resources: readonly PackageResource[];
}

export function dataPackage(input: PackageInput): Json {
  const schoolsRes = input.resources.find((r) => r.def.id === 'schools')?.name ?? null;
  const regionsRes = input.resources.find((r) => r.def.id === 'regions')?.name ?? null;
  const licence: Json = { name: licenceId(input.licence.name), title: input.licence.name };
  if (input.licence.url) licence.path = input.licence.url;
  const pkg: Json = {
    profile: 'tabular-data-package',
    name: packageName(input.name),
    title: input.title,
    description: input.description,
    version: input.version,
    licenses: [licence],
    contributors: [{ title: input.publisher, role: 'publisher' }],
    keywords: ['义务教育', '均衡发展', 'compulsory education', 'education balance', 'open data'],
    sources: input.sources.map((s) => ({ ...s })),
    resources: input.resources.map((r) => ({
      profile: 'tabular-data-resource',
      name: r.name,
      path: r.path,
      title: r.title,
      description: r.def.description,
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      bytes: r.bytes,
      hash: `sha256:${r.sha256}`,
      rows: r.rows,
      dialect: { delimiter: ',', doubleQuote: true, lineTerminator: '\n', header: true },
      schema: tableSchema(r.def, { missingValues: input.missingValues, schoolsResource: schoolsRes, regionsResource: regionsRes }),
    })),
  };
  if (input.date) pkg.created = `${input.date}T00:00:00Z`;
  if (input.homepage) pkg.homepage = input.homepage;
  return pkg;
}
