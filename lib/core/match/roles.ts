/**
 * The role model built into the extension: lib/core/match/role-model.json, rebuilt by scripts/build-role-model.ts.
 * Imported only by worker-side code (listing verdicts, discovery) and the CLI, never by the listing script.
 * Decoded on first use (a large JSON), then shared.
 */
import data from './role-model.json';
import { RoleModel, type RoleModelData } from './role-model';

let model: RoleModel | undefined;

export function builtinRoleModel(): RoleModel {
  model ??= new RoleModel(data as unknown as RoleModelData);
  return model;
}
