import bcrypt from "bcryptjs";

// Cost 12 is the floor the security review asked for; each hash costs ~250 ms here.
const BCRYPT_COST = 12;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, BCRYPT_COST);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

// Compared against when the user does not exist, so a miss costs as much as a hit.
export const DUMMY_HASH = "$2b$12$XMQ3BrIXpH93FF0eWvFu9ecudljIXRysqP7D4/xbHeEsbUs8oEKaC";
