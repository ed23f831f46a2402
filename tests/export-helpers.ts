// Shared by the export tests: read a release folder the way a Frictionless user would.
import { join } from 'node:path';
// @ts-expect-error datapackage-js ships no types
import { Package } from 'datapackage';

/** Load datapackage.json and read every resource with casting and foreign keys; collect every error. */
export async function readAllResources(dir: string) {
  const pkg = await Package.load(join(dir, 'datapackage.json'), { basePath: dir });
  const errors: string[] = [...(pkg.errors ?? []).map((e: Error) => `package: ${e.message}`)];
  let rows = 0;
  for (const res of pkg.resources) {
    if (!res.valid) errors.push(...res.errors.map((e: Error) => `${res.name}: ${e.message}`));
    try {
      const data = await res.read({ keyed: true, cast: true, relations: true });
      rows += data.length;
      if (data.length !== res.descriptor.rows) errors.push(`${res.name}: ${data.length} rows, descriptor says ${res.descriptor.rows}`);
    } catch (e) {
      const err = e as { message: string; errors?: Error[] };
      errors.push(`${res.name}: ${err.message} ${(err.errors ?? []).map((x) => x.message).join('; ')}`);
    }
  }
  return { pkg, errors, rows };
}

