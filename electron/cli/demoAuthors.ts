import crypto from 'node:crypto';
import { ChangeWriter, type Row, type SyncedTableSpec } from '../../db/changeLog/writer';
import { syncNodesSpec } from '../../db/sync/tables';
import { provinceByPlate } from '../../shared/regions';
import { newNodeId } from '../app/identity';
import type { AppContext } from '../app/context';
import { rawPublic } from '../sync/keys';

// The demo writes each unit's rows as that unit's own installation would have written them (issue #15).
// A row owned by this installation's unit is written by it; a row owned by another unit (a province's
// association at the ministry, the ministry's approval in a province's demo history) is written by a
// stand-in installation of that unit, with its own node id and numbering. At the ministry each stand-in is
// vouched for in the node directory like an enrolled province, so that the province's real installation,
// once enrolled, receives those rows as its own unit's and accepts them. A stand-in is never in anyone's
// subtree, so its changes never travel up; its private keys are thrown away (nobody can write as it later).

/** What the demo writes with: the change writer's insert and update, routed to the row's owner. */
export interface DemoWriter {
  insert(spec: SyncedTableSpec, ownerUnit: string, values: Row, id?: string): Row;
  update(spec: SyncedTableSpec, id: string, patch: Row): Row;
}

function standInName(unitId: string): string {
  const plate = /^province:(\d{2})$/.exec(unitId)?.[1];
  const name = plate ? `${provinceByPlate(plate)?.name ?? plate} Gençlik ve Spor İl Müdürlüğü` : unitId === 'ministry' ? 'Gençlik ve Spor Bakanlığı' : unitId;
  return `${name} (örnek veri)`;
}

function roleOf(unitId: string): string {
  return unitId === 'ministry' ? 'ministry' : unitId.startsWith('province:') ? 'province' : 'youth-center';
}

export function demoAuthors(ctx: AppContext): DemoWriter {
  const { db, identity, writer } = ctx;
  if (!db || !identity || !writer) throw new Error('Kurulum tamamlanmamış; önce "kopru init" çalıştırın.');
  const standIns = new Map<string, ChangeWriter>();

  const writerFor = (unitId: string): ChangeWriter => {
    if (unitId === identity.unitId) return writer;
    let standIn = standIns.get(unitId);
    if (!standIn) {
      const nodeId = newNodeId();
      if (identity.role === 'ministry' && unitId.startsWith('province:')) {
        const sign = crypto.generateKeyPairSync('ed25519').publicKey;
        const box = crypto.generateKeyPairSync('x25519').publicKey;
        writer.insert(syncNodesSpec, identity.unitId, {
          node_id: nodeId, unit_id: unitId, role: roleOf(unitId), unit_name: standInName(unitId), province_plate: unitId.slice('province:'.length),
          sign_public_key: rawPublic(sign), box_public_key: rawPublic(box), revoked_after_seq: null, centre_id: null,
        }, `${identity.nodeId}:${nodeId}`);
      }
      standIn = new ChangeWriter(db.sqlite, { nodeId, now: ctx.now, hmac: ctx.hmac, standIn: true });
      standIns.set(unitId, standIn);
    }
    return standIn;
  };

  return {
    insert: (spec, ownerUnit, values, id) => writerFor(ownerUnit).insert(spec, ownerUnit, values, id),
    update: (spec, id, patch) => {
      const owner = (db.stmt(`SELECT owner_unit AS o FROM ${spec.name} WHERE id = ?`).get(id) as { o: string } | undefined)?.o;
      if (!owner) throw new Error(`${spec.name} ${id} does not exist`);
      return writerFor(owner).update(spec, id, patch);
    },
  };
}
