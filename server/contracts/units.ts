/**
 * The police hierarchy's levels above a zone and how a unit is named, for the unit page (server)
 * and its breadcrumbs (web). Pure: the web bundles it.
 */

export type UnitLevel = 'national' | 'bureau' | 'division' | 'station';

export interface UnitRef {
  code: string;
  level: UnitLevel;
  nameTh: string;
  nameEn: string;
  /** Short Thai name for breadcrumbs (ภ.9, ภ.จว.สงขลา, สภ.หาดใหญ่). */
  abbrTh: string;
}
