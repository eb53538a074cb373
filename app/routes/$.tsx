import { json } from "@remix-run/node";

export function loader() {
  throw json({ message: "Not found" }, { status: 404 });
}

export default function NotFound() {
  return null;
}
