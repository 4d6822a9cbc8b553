/** Recording and changing a problem; each refreshes every problem list and figure on screen. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client, readJson } from '../../api/client.ts';
import { invalidateProblems } from '../../api/queries.ts';
import type { NewProblemBody, ProblemChangeBody } from '../../api/types.ts';

export function useRecordProblem() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (json: NewProblemBody) => readJson(await client.api.problems.$post({ json })),
    onSuccess: () => invalidateProblems(queryClient),
  });
}

export function useChangeProblem() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, change }: { id: number; change: ProblemChangeBody }) =>
      readJson(await client.api.problems[':id'].$patch({ param: { id: String(id) }, json: change })),
    onSuccess: () => invalidateProblems(queryClient),
  });
}
