/*
 * The "session" the security tests sign in with. The tests replace only the
 * session lookup (`@/lib/current-user`) with one that reads this user id and
 * asks the real getActiveActor who that is now, so a session whose user was
 * disabled afterwards is tested for real. `sessionVersion` is the version the
 * session was issued with; left out, the session counts as freshly signed in. Test-only: nothing in the app imports this.
 */
export const testSession: { userId: number | null; sessionVersion?: number } = { userId: null };
