import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";

// React is Preact here (decision 44). Preact hydrates the children of the node it is given,
// and hydrating `document` hydrates into <html>, which would put a second <html> inside the
// page's; so it is given a stand-in parent whose one child is the page's <html> (the Preact
// team's workaround for Remix, preactjs/preact#3328).
// It reads the <html> of the moment, as a render that replaces the page (an error page after a
// failed render) would otherwise leave it pointing at one no longer in the document.
const replacePage = (node: Node) => document.replaceChild(node, document.documentElement);
const pageParent = {
  get childNodes() {
    return [document.documentElement];
  },
  get firstChild() {
    return document.documentElement;
  },
  namespaceURI: document.documentElement.namespaceURI,
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
