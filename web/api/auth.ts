/**
 * Sign-in and sign-out: the two mutations of the SPA. They update the `me` query directly so the
 * app switches screens at once, and drop every cached figure on sign-out (another user's scope
 * must never flash on screen).
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client, readJson, setCsrfToken } from './client.ts';
import { meQuery } from './queries.ts';
import type { ChangePasswordBody, LoginBody } from './types.ts';

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: LoginBody) => readJson(await client.api.auth.login.$post({ json: body })),
    onSuccess: ({ user }) => {
      setCsrfToken(user.csrfToken);
      queryClient.removeQueries({
        predicate: (query) => query.queryKey[0] !== 'auth',
      });
      queryClient.setQueryData(meQuery().queryKey, user);
    },
  });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => readJson(await client.api.auth.logout.$post()),
    onSettled: () => {
      setCsrfToken(null);
      // Sign-in screen first, then drop the figures. (queryClient.clear() would also detach the
      // mounted `me` observer, so the screen would not switch.)
      queryClient.setQueryData(meQuery().queryKey, null);
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'auth' });
    },
  });
}

/** A generated or reset password must be replaced before the dashboard opens (me.mustChangePassword). */
export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: ChangePasswordBody) => readJson(await client.api.auth.password.$post({ json: body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meQuery().queryKey }),
  });
}
