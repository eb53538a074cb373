// The practice routes reach the drills only through here (see accounts.server.ts for why).
export {
  checkDrill,
  DRILL_MENU,
  loadDrill,
  parseDrill,
} from "../../src/assessments/practice-drills";
