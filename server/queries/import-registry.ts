import type { Database } from '../db/database.ts';

/**
 * Everything an import checks rows against, read once before parsing: the station registry and
 * its hierarchy, zones (without geometry), the newest offence-type mapping version with its
 * groups, and offence labels users mapped before.
 */
export interface RegistryStation {
  code: string;
  name_th: string;
  name_en: string;
  kind: string;
  division_code: string;
  province_iso: string;
  lat: number | null;
  lon: number | null;
  import_id: number | null;
}
export interface RegistryZone {
  code: string;
  name_th: string;
  name_en: string | null;
  station_code: string;
}
export interface RegistryOffenceType {
  mapping_version: string;
  type_key: string;
  name_th: string;
  name_en: string;
  group_current4: number;
  group_legacy5: number;
}
export interface RegistryOffenceGroup {
  scheme: string;
  group_no: number;
  name_th: string;
  name_en: string;
}
export interface RegistryUserOffence {
  label_key: string;
  label: string;
  group_current4: number;
  group_legacy5: number | null;
}
export interface RegistryDivision {
  code: string;
  bureau_code: string;
  name_th: string;
  name_en: string;
  abbr_th: string;
  province_iso: string | null;
}
export interface RegistryProvince {
  code: string;
  name_th: string;
  name_en: string;
  bureau_code: string;
}
export interface RegistryBureau {
  code: string;
  name_th: string;
  name_en: string;
  abbr_th: string;
}

export interface ImportRegistry {
  stations: RegistryStation[];
  zones: RegistryZone[];
  offenceTypes: RegistryOffenceType[];
  offenceGroups: RegistryOffenceGroup[];
  userOffences: RegistryUserOffence[];
  divisions: RegistryDivision[];
  provinces: RegistryProvince[];
  bureaus: RegistryBureau[];
}

export async function loadImportRegistry(db: Database): Promise<ImportRegistry> {
  const [stations, zones, offenceTypes, offenceGroups, userOffences, divisions, provinces, bureaus] = await Promise.all(
    [
      db.all<RegistryStation>(
        'SELECT code, name_th, name_en, kind, division_code, province_iso, lat, lon, import_id FROM stations ORDER BY code',
      ),
      db.all<RegistryZone>('SELECT id AS code, name_th, name_en, station_code FROM zones ORDER BY id'),
      db.all<RegistryOffenceType>(
        `SELECT mapping_version, type_key, name_th, name_en, group_current4, group_legacy5 FROM offence_types
        WHERE mapping_version = (SELECT max(mapping_version) FROM offence_types) ORDER BY type_key`,
      ),
      db.all<RegistryOffenceGroup>(
        'SELECT scheme, group_no, name_th, name_en FROM offence_groups ORDER BY scheme, group_no',
      ),
      db.all<RegistryUserOffence>(
        'SELECT label_key, label, group_current4, group_legacy5 FROM offence_type_mappings ORDER BY label_key',
      ),
      db.all<RegistryDivision>(
        'SELECT code, bureau_code, name_th, name_en, abbr_th, province_iso FROM divisions ORDER BY code',
      ),
      db.all<RegistryProvince>('SELECT iso AS code, name_th, name_en, bureau_code FROM provinces ORDER BY iso'),
      db.all<RegistryBureau>('SELECT code, name_th, name_en, abbr_th FROM bureaus ORDER BY code'),
    ],
  );
  return { stations, zones, offenceTypes, offenceGroups, userOffences, divisions, provinces, bureaus };
}
