import type { LinksFunction } from "@remix-run/node";
import { Outlet } from "@remix-run/react";
import chartStyles from "~/styles/charts.css";
import practiceStyles from "~/styles/practice.css";

// The overview drill draws Task 1 visuals, so every practice page carries the chart styles.
export const links: LinksFunction = () => [
  { rel: "stylesheet", href: chartStyles },
  { rel: "stylesheet", href: practiceStyles },
];

export default function Practice() {
  return <Outlet />;
}
