import type { ValueAxis } from "../charts/axes";
import { SMALL_FONT, WIDTH, round, textWidth } from "../charts/common";
import { linear, niceTicks } from "../charts/scale";

const TOP = 30;
const RIGHT = 12;
const PLOT_HEIGHT = 190;
const MAX_BAND = 9;

/**
 * The whole 0-9 band scale, whatever the data: a half-band step then always looks the same
 * size, and a student is not shown a small change magnified by a cut axis.
 */
export function bandAxis(): ValueAxis {
  const ticks = niceTicks(0, MAX_BAND, MAX_BAND + 1);
  const left = Math.ceil(textWidth(String(MAX_BAND), SMALL_FONT)) + 10;
  const bottom = TOP + PLOT_HEIGHT;
  const scale = linear(0, MAX_BAND, bottom, TOP);
  return { left, right: WIDTH - RIGHT, top: TOP, bottom, ticks, y: (v) => round(scale(v)) };
}
