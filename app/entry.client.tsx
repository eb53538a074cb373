import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";

// React is Preact here (decision 44). Preact hydrates the children of the node it is given,
// and hydrating `document` hydrates into <html>, which would put a second <html> inside the
// page's; so it is given a stand-in parent whose one child is the page's <html> (the Preact
// team's workaround for Remix, preactjs/preact#3328).
const page = document.documentElement;
const replacePage = (node: Node) => document.replaceChild(node, page);
const pageParent = {
  childNodes: [page],
  firstChild: page,
  namespaceURI: page.namespaceURI,
  insertBefore: replacePage,
  appendChild: replacePage,
} as unknown as Element;

startTransition(() => {
  hydrateRoot(
    pageParent,
    <StrictMode>
      <RemixBrowser />
    </StrictMode>,
  );
});
