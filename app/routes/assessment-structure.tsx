import { NavLink, Outlet } from "@remix-run/react";
import { pageTitle } from "~/route-head";

export const meta = pageTitle("How IELTS works");

export default function AssessmentStructure() {
  return (
    <article>
      <h1>How the IELTS test works</h1>
      <nav aria-label="Test modules" className="tabs">
        <NavLink to="/assessment-structure" end>
          Overview and bands
        </NavLink>{" "}
        · <NavLink to="/assessment-structure/academic">Academic</NavLink> ·{" "}
        <NavLink to="/assessment-structure/general-training">General Training</NavLink>
      </nav>
      <Outlet />
    </article>
  );
}
