/** The admin the bench seed creates and the benchmark signs in as (a throwaway database only). */
export const BENCH_ADMIN = { email: "bench-admin@bench.local", password: "bench-admin-password-7f3a" };
/** Narratives of the submitted updates the benchmark publishes to measure freshness. */
export const PROBE_PREFIX = "Bench freshness probe";
