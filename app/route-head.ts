import type { LinksFunction, MetaFunction } from "@remix-run/node";

/** A page's `links`: the stylesheet of its own that it needs. */
export function stylesheet(href: string): LinksFunction {
  return () => [{ rel: "stylesheet", href }];
}

/** A page's `meta`: its title, followed by the site's name as every page's is. */
export function pageTitle(title: string): MetaFunction {
  return () => [{ title: `${title} · IELTS AI Prep` }];
}
