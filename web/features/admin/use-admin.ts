/**
 * The admin screen's changes: users, passwords, tokens. Each refreshes the admin lists and the
 * audit log (every change writes a row there).
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client, readJson } from '../../api/client.ts';
import { invalidateAdmin } from '../../api/queries.ts';
import type { CreateTokenBody, CreateUserBody, ResetPasswordBody, UpdateUserBody } from '../../api/types.ts';

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (json: CreateUserBody) => readJson(await client.api.admin.users.$post({ json })),
    onSuccess: () => invalidateAdmin(queryClient),
  });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ username, patch }: { username: string; patch: UpdateUserBody }) =>
      readJson(await client.api.admin.users[':username'].$patch({ param: { username }, json: patch })),
    onSuccess: () => invalidateAdmin(queryClient),
  });
}

export function useResetPassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ username, body }: { username: string; body: ResetPasswordBody }) =>
      readJson(await client.api.admin.users[':username'].password.$post({ param: { username }, json: body })),
    onSuccess: () => invalidateAdmin(queryClient),
  });
}

export function useCreateToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (json: CreateTokenBody) => readJson(await client.api.admin.tokens.$post({ json })),
    onSuccess: () => invalidateAdmin(queryClient),
  });
}

export function useRevokeToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: number) =>
      readJson(await client.api.admin.tokens[':id'].$delete({ param: { id: String(id) } })),
    onSuccess: () => invalidateAdmin(queryClient),
  });
}
