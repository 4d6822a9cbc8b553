/**
 * Saving KPI settings. Every save invalidates the figures (KPIs, zone pages, the settings), so
 * the overview shows the new numbers as soon as the user goes back to it.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client, readJson } from '../../api/client.ts';
import { invalidateFigures } from '../../api/queries.ts';
import type { ProgrammeSettings, ZoneOverrides } from '../../api/types.ts';

export function useSaveProgramme() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (json: ProgrammeSettings) => readJson(await client.api.settings.programme.$put({ json })),
    onSuccess: () => invalidateFigures(queryClient),
  });
}

export function useSaveZoneSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ zoneId, overrides }: { zoneId: string; overrides: ZoneOverrides }) =>
      readJson(await client.api.settings.zones[':id'].$put({ param: { id: zoneId }, json: overrides })),
    onSuccess: () => invalidateFigures(queryClient),
  });
}

export function useResetZoneSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (zoneId: string) =>
      readJson(await client.api.settings.zones[':id'].$delete({ param: { id: zoneId } })),
    onSuccess: () => invalidateFigures(queryClient),
  });
}
