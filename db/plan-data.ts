import planJson from "./data/action-plan.json";

/** The plan's reference data, copied from the research file into the project (it ships with the app). */
export type PlanData = typeof planJson;
export const planData: PlanData = planJson;
