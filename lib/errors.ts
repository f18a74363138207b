import type { FieldErrors } from "./validation/fields";

/** The record changed since the form was loaded: the save is refused instead of overwriting it. */
export class ConflictError extends Error {
  constructor() {
    super("conflict");
    this.name = "ConflictError";
  }
}

export class NotFoundError extends Error {
  constructor(readonly field?: string) {
    super("notFound");
    this.name = "NotFoundError";
  }
}

/** Input that passed zod but fails a rule only the database can judge (an unknown action code, a taken email). */
export class InvalidInputError extends Error {
  constructor(readonly fieldErrors: FieldErrors) {
    super("invalidInput");
    this.name = "InvalidInputError";
  }
}

/** The update was already reviewed by someone else. */
export class StateError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = "StateError";
  }
}
