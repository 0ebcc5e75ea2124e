import { AppError, msg, type Msg } from '../../shared/contract';
import type { orgUnitsContract, YouthCentre } from '../../shared/contract/orgUnits';
import { normalisePhone } from '../../shared/identifiers';
import { foldTurkish } from '../../shared/turkish';
import type { Row } from '../../db/changeLog/writer';
import {
  districtById,
  getYouthCentre,
  listDistricts,
  listProvinces,
  searchYouthCentres,
  youthCentresSpec,
} from '../../db/orgUnits/queries';
import type { OpenDatabase } from '../../db/open';
import { youthCentresWorkbook } from '../orgUnits/exports';
import { ready, requireDb } from './guards';
import type { Handlers } from './types';

function found(db: OpenDatabase, id: string): YouthCentre {
  const centre = getYouthCentre(db, id);
  if (!centre) throw new AppError('NOT_FOUND', msg('orgUnits.genclikMerkeziBulunamadiSilinmis'));
  return centre;
}

function fieldError(path: string, label: string, message: Msg): AppError {
  return AppError.field(path, label, message);
}

/** A province may only place centres in its own districts. */
function checkDistrict(db: OpenDatabase, districtId: string, plate: string | null) {
  const district = districtById(db, districtId);
  if (!district) throw fieldError('districtId', 'İlçe', msg('orgUnits.secilenIlceBulunamadi'));
  if (district.plate !== plate) throw fieldError('districtId', 'İlçe', msg('orgUnits.ilceBuIlMudurlugunun'));
  return district;
}

/** Two live centres with the same (Turkish-folded) name in one district are almost surely a double entry. */
function checkUniqueName(db: OpenDatabase, name: string, districtId: string, exceptId?: string) {
  const clash = db.sqlite
    .prepare(
      `SELECT id, name FROM youth_centres WHERE district_id = ? AND deleted_at IS NULL AND id IS NOT ?
       AND search_text LIKE ? || '%'`,
    )
    .all(districtId, exceptId ?? null, foldTurkish(name)) as { id: string; name: string }[];
  if (clash.some((c) => foldTurkish(c.name) === foldTurkish(name))) {
    throw new AppError('CONFLICT', msg('orgUnits.buIlcedeNameAdinda', { name }), [
      { path: 'name', label: 'Ad', message: msg('orgUnits.buIlcedeAyniAdda') },
    ]);
  }
}

function toColumns(input: Partial<Record<string, unknown>>): Row {
  const row: Row = {};
  if ('name' in input) row.name = input.name;
  if ('districtId' in input) row.district_id = input.districtId;
  if ('address' in input) row.address = (input.address as string | null | undefined) || null;
  if ('phone' in input) row.phone = input.phone ? normalisePhone(input.phone as string) : null;
  if ('email' in input) row.email = ((input.email as string | null | undefined) || null)?.toLowerCase() ?? null;
  if ('hallCapacity' in input) row.hall_capacity = input.hallCapacity ?? null;
  if ('status' in input) row.status = input.status;
  return row;
}

function ownedByMe(centre: YouthCentre, unitId: string) {
  if (centre.ownerUnit !== unitId) {
    throw new AppError('FORBIDDEN', msg('orgUnits.buGenclikMerkeziBaska'));
  }
}

export const orgUnitsHandlers: Handlers<keyof typeof orgUnitsContract> = {
  'orgUnits:listProvinces': (input, ctx) => listProvinces(requireDb(ctx), input.query) as never,

  'orgUnits:listDistricts': (input, ctx) => listDistricts(requireDb(ctx), input.provincePlate),

  'orgUnits:searchYouthCentres': (input, ctx) => searchYouthCentres(ready(ctx).db, input),

  'orgUnits:youthCentresXlsx': (input, ctx) => youthCentresWorkbook(ready(ctx).db, input, ctx.today()),

  'orgUnits:getYouthCentre': (input, ctx) => found(ready(ctx).db, input.id),

  'orgUnits:createYouthCentre': (input, ctx) => {
    const { db, identity, writer } = ready(ctx);
    return db.sqlite.transaction(() => {
      checkDistrict(db, input.districtId, identity.provincePlate);
      checkUniqueName(db, input.name, input.districtId);
      const row = writer.insert(youthCentresSpec, identity.unitId, {
        ...toColumns(input),
        province_plate: identity.provincePlate,
      });
      return found(db, String(row.id));
    })();
  },

  'orgUnits:updateYouthCentre': (input, ctx) => {
    const { db, identity, writer } = ready(ctx);
    return db.sqlite.transaction(() => {
      const centre = found(db, input.id);
      ownedByMe(centre, identity.unitId);
      if (centre.retiredAt) throw new AppError('CONFLICT', msg('orgUnits.kaldirilmisBirGenclikMerkezi'));
      const districtId = input.districtId ?? centre.districtId;
      if (input.districtId) checkDistrict(db, input.districtId, identity.provincePlate);
      if (input.name !== undefined || input.districtId !== undefined) {
        checkUniqueName(db, input.name ?? centre.name, districtId, centre.id);
      }
      const { id: _id, ...patch } = input;
      writer.update(youthCentresSpec, centre.id, toColumns(patch));
      return found(db, centre.id);
    })();
  },

  'orgUnits:retireYouthCentre': (input, ctx) => {
    const { db, identity, writer } = ready(ctx);
    return db.sqlite.transaction(() => {
      const centre = found(db, input.id);
      ownedByMe(centre, identity.unitId);
      if (centre.retiredAt) throw new AppError('CONFLICT', msg('orgUnits.buGenclikMerkeziZaten'));
      writer.tombstone(youthCentresSpec, centre.id);
      return found(db, centre.id);
    })();
  },
};
