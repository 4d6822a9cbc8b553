/**
 * Moderation's changes: void a zone's hour (with a reason) or release a held one. Both move the
 * opt-in figures, so the figures load afresh with the list.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client, readJson } from '../../api/client.ts';
import { invalidateFigures } from '../../api/queries.ts';

function useAfterChange() {
  const queryClient = useQueryClient();
  return () => Promise.all([queryClient.invalidateQueries({ queryKey: ['survey'] }), invalidateFigures(queryClient)]);
}

export function useVoidBurst() {
  const after = useAfterChange();
  return useMutation({
    mutationFn: async (json: { zoneId: string; hour: string; reason: string }) =>
      readJson(await client.api.survey.moderation.void.$post({ json })),
    onSuccess: after,
  });
}

export function useReleaseBurst() {
  const after = useAfterChange();
  return useMutation({
    mutationFn: async (json: { zoneId: string; hour: string }) =>
      readJson(await client.api.survey.moderation.release.$post({ json })),
    onSuccess: after,
  });
}
